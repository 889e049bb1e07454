/**
 * The site built for a GitHub Pages project site (SITE_URL with a path): every internal link and asset
 * under the base path, and the addresses that leave the site (social card, feed, embed code) absolute
 * and under it too. Built here into a temporary folder, without the social cards to save time.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildInto, siteSteps } from "../../scripts/build.ts";
import { internalRefs, listFiles, resolveUrl } from "../../scripts/lib/dist.ts";
import { parseHeadersFile } from "../../scripts/lib/static-server.ts";
import type { SiteData } from "../../src/lib/data/model.ts";

const SITE_URL = "https://owner.example.github.io/nhs-epr-tracker/";
const BASE = "/nhs-epr-tracker/";
const root = mkdtempSync(join(tmpdir(), "epr-project-site-"));
const dist = join(root, "dist");
const read = (p: string) => readFileSync(join(dist, p), "utf8");
const SITE_DATA = fileURLToPath(new URL("../../src/generated/site-data.json", import.meta.url));

beforeAll(async () => {
  const steps = siteSteps({ env: { ...process.env, SITE_URL }, output: "pipe" }).filter(
    (s) => s.name !== "the social cards",
  );
  await buildInto(dist, steps);
}, 180_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("a build for a project site", () => {
  it("links and loads everything under the base path, and every link resolves", () => {
    const outside: string[] = [];
    const broken: string[] = [];
    for (const file of listFiles(dist, ".html")) {
      for (const ref of new Set(internalRefs(readFileSync(file, "utf8")))) {
        if (!ref.startsWith(BASE)) outside.push(`${file.slice(dist.length)} → ${ref}`);
        else if (!resolveUrl(dist, ref, BASE)) broken.push(`${file.slice(dist.length)} → ${ref}`);
      }
    }
    expect(outside).toEqual([]);
    expect(broken).toEqual([]);
  });

  it("gives absolute social card, feed and embed addresses under the base path", () => {
    // Any trust of the data the build used will do: the first one.
    const trust = (JSON.parse(readFileSync(SITE_DATA, "utf8")) as SiteData).trusts[0]!;
    expect(read(`trusts/${trust.code}/index.html`)).toContain(
      `<meta property="og:image" content="${SITE_URL}og/status/${trust.status_now.status}.png"`,
    );
    expect(read("index.html")).toContain(`<meta property="og:image" content="${SITE_URL}og/charts/`);
    expect(read("about/index.html")).toContain(`<meta property="og:image" content="${SITE_URL}og/site.png"`);
    const feed = read("changes.xml");
    expect(feed).toContain(`<link rel="self" type="application/atom+xml" href="${SITE_URL}changes.xml"/>`);
    expect(feed).toContain(`href="${SITE_URL}changes/#release-`);
    const answers = read("answers.xml");
    expect(answers).toContain(`<link rel="self" type="application/atom+xml" href="${SITE_URL}answers.xml"/>`);
    const own = [...answers.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!).filter((h) => !h.includes("parliament.uk"));
    expect(own.length).toBeGreaterThan(2);
    expect(own.filter((h) => !h.startsWith(SITE_URL))).toEqual([]);
    // The embed code a reader copies without JavaScript: escaped inside the textarea.
    expect(read("coverage/index.html")).toContain(`&lt;iframe src=&quot;${SITE_URL}embed/coverage-over-time/&quot;`);
    expect(read("coverage/index.html")).toContain(`&lt;script src=&quot;${SITE_URL}embed/v1/loader.js&quot;`);
    // A chart's metadata, read away from the site, gives every address in full.
    const meta = JSON.parse(read("charts/coverage-over-time.json")) as { urls: Record<string, string> };
    expect(Object.values(meta.urls).length).toBeGreaterThan(3);
    expect(Object.values(meta.urls).filter((u) => !u.startsWith(SITE_URL))).toEqual([]);
  });

  it("writes _headers rules under the base path", () => {
    const paths = parseHeadersFile(read("_headers")).map((r) => r.path);
    expect(paths[0]).toBe(`${BASE}*`);
    expect(paths.every((p) => p.startsWith(BASE))).toBe(true);
    expect(paths).toContain(`${BASE}embed/coverage-over-time/*`);
    expect(paths).toContain(`${BASE}embed/`);
  });
});
