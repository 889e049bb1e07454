/**
 * Checks on the built site in dist/ (npm test builds it first): every page the data implies exists,
 * and the numbers on pages are the numbers in the data.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { SiteData } from "../../src/lib/data/model.ts";
import { sitePath } from "../../src/lib/paths.ts";
import { parseSiteUrl } from "../../src/lib/site-url.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DIST = join(ROOT, "dist");
let site: SiteData;
/** Links in dist/ carry the base path the build was given (SITE_URL's path). */
const BASE = parseSiteUrl(process.env.SITE_URL).base;
const html = (path: string) => readFileSync(join(DIST, path, path.endsWith(".html") ? "" : "index.html"), "utf8");
/** Visible text, roughly: tags dropped, entities for the characters we use decoded, spaces collapsed. */
const text = (page: string) => page.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<[^>]+>/g, " ").replace(/&#39;|&#x27;/g, "'").replace(/&amp;/g, "&").replace(/\s+/g, " ");

function allHtml(dir = DIST): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? allHtml(p) : p.endsWith(".html") ? [p] : [];
  });
}

beforeAll(() => {
  if (!existsSync(join(DIST, "index.html"))) throw new Error("dist/ is missing: run `npm run build` first (npm test does)");
  site = JSON.parse(readFileSync(join(ROOT, "src/generated/site-data.json"), "utf8"));
});

describe("built site", () => {
  it("has a page for every trust in the data, and no others", () => {
    const pages = readdirSync(join(DIST, "trusts")).filter((f) => statSync(join(DIST, "trusts", f)).isDirectory());
    expect(pages.sort()).toEqual(site.trusts.map((t) => t.code).sort());
  });

  it("shows the headline figures from the data on the home page, each with its as-of date and source link", () => {
    const home = html("");
    const h = site.headline;
    expect(text(home)).toContain(`${h.share_with_epr.value}%`);
    expect(home).toContain(`href="${site.sources.find((s) => s.id === h.share_with_epr.source_id)!.url}"`);
    expect(text(home)).toMatch(/As of May 2025/);
    if (h.trusts_without_epr) expect(text(home)).toContain(`${h.trusts_without_epr.value} trusts without an EPR`);
    expect(text(home)).toContain(`named ${site.snapshot.without_epr} of ${site.snapshot.total}`);
  });

  it("lists every trust in the trust table, with its status", () => {
    const page = html("trusts");
    for (const t of site.trusts) expect(page).toContain(`href="${sitePath(`/trusts/${t.code}/`, BASE)}"`);
    expect((page.match(/<tr data-region/g) ?? []).length).toBe(site.trusts.length);
  });

  it("gives each trust page its status, supplier and a link to the status source", () => {
    const listed = site.trusts.find((t) => t.epr_status === "epr" && t.epr_status_basis === "listed")!;
    const page = html(`trusts/${listed.code}`);
    expect(text(page)).toContain(listed.supplier!);
    expect(page).toContain(site.sources.find((s) => s.id === listed.status_source_id)!.url);
  });

  it("links its sources from every page with figures; prose pages point to the sources page", () => {
    const prose = ["about/index.html", "data/index.html", "embed/index.html", "changes/index.html"];
    for (const file of allHtml().filter((p) => !p.endsWith("404.html"))) {
      const page = readFileSync(file, "utf8");
      const rel = file.slice(DIST.length + 1);
      const linksOut = /href="https:\/\/(?!www\.nationalarchives|www\.parliament\.uk\/site-information)/.test(page);
      if (prose.includes(rel)) expect(page.slice(page.indexOf("<main")), `${rel} should link /sources/`).toContain(`href="${sitePath("/sources/", BASE)}"`);
      else expect(linksOut, `${rel} links no source`).toBe(true);
    }
  });

  it("publishes the downloads at their stable addresses", () => {
    for (const f of ["trusts.csv", "trusts.json", "statements.csv", "targets.csv", "programme.csv", "sources.json", "trust-events.csv", "reconciliation.csv"]) {
      expect(existsSync(join(DIST, "data", f)), f).toBe(true);
    }
  });

  it("shows every reconciliation difference on the sources page", () => {
    const page = text(html("sources"));
    expect(page).toContain("Official figures compared with trust-level data");
    expect((html("sources").match(/<td class="num">[−+]?\d/g) ?? []).length).toBeGreaterThanOrEqual(site.reconciliation.length * 3);
  });
});
