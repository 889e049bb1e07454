import { describe, expect, it } from "vitest";
import { CSP_META, cspHeader, headersFile } from "./security.ts";
import { headersFor, parseHeadersFile } from "../../../scripts/lib/static-server.ts";

describe("content security policy", () => {
  it("allows nothing inline and nothing from other origins", () => {
    expect(CSP_META).toContain("default-src 'self'");
    expect(CSP_META).toContain("script-src 'self'");
    expect(CSP_META).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
  });

  it("lets anyone frame an embed, and no one else frame the site", () => {
    expect(cspHeader("any")).toContain("frame-ancestors *");
    expect(cspHeader("none")).toContain("frame-ancestors 'self'");
  });

  it("gives every path the common headers, and every file exactly one policy: embeds framable by anyone, the rest (the embed documentation page too) by the site", () => {
    const files = [
      "index.html",
      "404.html",
      "changes.xml",
      "favicon.svg",
      "_headers",
      "coverage/index.html",
      "embed/index.html",
      "embed/x/index.html",
      "embed/trust/RK9/index.html",
      "embed/v1/loader.js",
      "trusts/RK9/index.html",
      "_astro/a.css",
      "data/trusts.csv",
      "charts/x.csv",
      "og/index.png",
      "og/trusts/RK9.png",
    ];
    const rules = parseHeadersFile(headersFile(files));
    expect(rules.map((r) => r.path)).toEqual([
      "/*",
      "/",
      "/index.html",
      "/404.html",
      "/_astro/*",
      "/changes.xml",
      "/charts/*",
      "/coverage/*",
      "/data/*",
      "/embed/",
      "/embed/index.html",
      "/embed/trust/*",
      "/embed/v1/*",
      "/embed/x/*",
      "/favicon.svg",
      "/og/*",
      "/trusts/*",
    ]);
    const url = (f: string) => "/" + f.replace(/index\.html$/, "");
    for (const f of files.filter((f) => f !== "_headers")) {
      for (const u of new Set([url(f), `/${f}`])) {
        const matching = rules.filter((r) => (r.path.endsWith("*") ? u.startsWith(r.path.slice(0, -1)) : u === r.path));
        const csp = matching.flatMap((r) =>
          r.headers.filter(([k]) => k === "Content-Security-Policy").map(([, v]) => v),
        );
        // Only the embeds themselves: the documentation page at /embed/ and the loader are the site's.
        const embed = /^embed\/(x|trust\/RK9)\//.test(f);
        expect(csp, u).toEqual([cspHeader(embed ? "any" : "none")]);
        expect(headersFor(rules, u), u).toMatchObject({
          "X-Content-Type-Options": "nosniff",
          "Strict-Transport-Security": "max-age=31536000",
        });
      }
    }
    // Embeds sandboxed without allow-same-origin load the shared scripts as another origin would; nothing else is shared.
    expect(headersFor(rules, "/_astro/a.css")).toMatchObject({ "Access-Control-Allow-Origin": "*" });
    for (const u of ["/", "/embed/x/", "/data/trusts.csv", "/no-such-page/"])
      expect(headersFor(rules, u), u).not.toHaveProperty("Access-Control-Allow-Origin");
    // A 404 at an address nothing answers still gets the common headers.
    expect(headersFor(rules, "/no-such-page/")).toMatchObject({ "X-Content-Type-Options": "nosniff" });
  });

  it("writes rules under the base path of a project site", () => {
    const rules = parseHeadersFile(headersFile(["index.html", "embed/x/index.html"], "/nhs-epr-tracker/"));
    expect(rules.map((r) => r.path)).toEqual([
      "/nhs-epr-tracker/*",
      "/nhs-epr-tracker/",
      "/nhs-epr-tracker/index.html",
      "/nhs-epr-tracker/embed/x/*",
    ]);
  });
});
