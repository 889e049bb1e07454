import { describe, expect, it } from "vitest";
import { CSP_META, cspHeader, headersFile } from "./security.ts";

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

  it("writes non-overlapping rules: embeds apart from every page", () => {
    const file = headersFile(["/", "/coverage/", "/embed/x/", "/trusts/*"]);
    const rules = file.split("\n\n").map((b) => b.split("\n")[0]);
    expect(rules).toEqual(["/embed/*", "/", "/coverage/", "/trusts/*"]);
    expect(file.split("\n\n")[0]).toContain("frame-ancestors *");
    expect(file.split("\n\n")[1]).toContain("frame-ancestors 'self'");
  });
});
