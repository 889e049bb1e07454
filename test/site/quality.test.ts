/** Validity, links and byte budgets of the built site in dist/. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import { externalRefs, internalRefs, listFiles, pageWeight, resolveUrl } from "../../scripts/lib/dist.ts";
import { BYTE_BUDGETS } from "../../scripts/lib/budgets.ts";
import type { SiteData } from "../../src/lib/data/model.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SITE_DATA = join(ROOT, "src/generated/site-data.json");
const DIST = join(ROOT, "dist");
const pages = () => listFiles(DIST, ".html");

describe("HTML validity", () => {
  it("every built page passes html-validate with no errors", async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const failures: string[] = [];
    for (const file of pages()) {
      const report = await validator.validateFile(file);
      for (const r of report.results)
        for (const m of r.messages)
          failures.push(`${file.slice(DIST.length)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);
});

describe("links", () => {
  it("every internal link and asset resolves to a file in dist/", () => {
    const broken: string[] = [];
    for (const file of pages()) {
      for (const ref of new Set(internalRefs(readFileSync(file, "utf8")))) {
        if (!resolveUrl(DIST, ref)) broken.push(`${file.slice(DIST.length)} → ${ref}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("external links are well-formed https addresses (listed, not fetched)", () => {
    const external = new Set(pages().flatMap((f) => externalRefs(readFileSync(f, "utf8"))));
    expect(external.size).toBeGreaterThan(10);
    for (const url of external) expect(url, url).toMatch(/^https:\/\/[^\s<>"]+$/);
  });
});

describe("link spacing", () => {
  it("never glues a link to a word: no letter right before <a or right after </a>", () => {
    const glued: string[] = [];
    for (const file of pages()) {
      for (const m of readFileSync(file, "utf8").matchAll(/.{0,30}(?:\p{L}<a[\s>]|<\/a>\p{L}).{0,30}/gu))
        glued.push(`${file.slice(DIST.length)}: ${m[0]}`);
    }
    expect(glued).toEqual([]);
  });

  it("never glues one sentence to the next: no full stop right before a capitalised word in the text", () => {
    const glued: string[] = [];
    for (const file of pages()) {
      // Text between tags only (scripts and styles dropped); addresses and file names are not sentences.
      const text = readFileSync(file, "utf8")
        .replace(/<(script|style)[\s\S]*?<\/\1>/g, "")
        .replace(/<[^>]*>/g, "\u0000");
      for (const m of text.matchAll(/[^\u0000]{0,30}[\p{Ll}\d)%]\.\p{Lu}\p{Ll}[^\u0000]{0,20}/gu)) {
        if (!/https?:|www\.|\.(csv|json|xlsx|ts|js|html|xml|png|svg)\b/i.test(m[0]))
          glued.push(`${file.slice(DIST.length)}: ${m[0]}`);
      }
    }
    expect(glued).toEqual([]);
  });
});

describe("social cards", () => {
  it("shows, on every page with a chart, a chart of that page on its card", () => {
    const missing: string[] = [];
    for (const file of pages()) {
      const html = readFileSync(file, "utf8");
      const charts = [...html.matchAll(/<figure[^>]*\bid="([^"]+)"/g)].map((m) => m[1]!);
      if (charts.length === 0) continue;
      const shown = /<meta property="og:image" content="[^"]*\/og\/charts\/([^"/]+)\.png"/.exec(html)?.[1];
      if (!shown || !charts.includes(shown))
        missing.push(`${file.slice(DIST.length)}: ${shown ?? "none"} (charts: ${charts.join(", ")})`);
    }
    expect(missing).toEqual([]);
  });

  it("gives a trust's page and its embed the card of the trust's status", () => {
    const site = JSON.parse(readFileSync(SITE_DATA, "utf8")) as SiteData;
    for (const t of site.trusts)
      for (const file of [`trusts/${t.code}/index.html`, `embed/trust/${t.code}/index.html`])
        expect(readFileSync(join(DIST, file), "utf8"), file).toMatch(
          new RegExp(`<meta property="og:image" content="[^"]*/og/status/${t.status_now.status}\\.png"`),
        );
  });
});

describe("byte budgets", () => {
  it(`keeps client JavaScript under ${BYTE_BUDGETS.jsPerPageGz / 1000} KB gzip on every page`, () => {
    for (const file of pages()) expect(pageWeight(DIST, file).jsGz, file).toBeLessThanOrEqual(BYTE_BUDGETS.jsPerPageGz);
  });

  it(`keeps every embed under ${BYTE_BUDGETS.embedTotalGz / 1000} KB gzip, HTML, CSS and JS together`, () => {
    const embeds = pages().filter((p) => p.includes("/embed/") && !p.endsWith("embed/index.html"));
    expect(embeds.length).toBeGreaterThan(5);
    for (const file of embeds)
      expect(pageWeight(DIST, file).totalGz, file).toBeLessThanOrEqual(BYTE_BUDGETS.embedTotalGz);
  });

  it(`keeps the home page under ${BYTE_BUDGETS.homeTotalGz / 1000} KB gzip, HTML, CSS and JS together, and every trust page light`, () => {
    expect(pageWeight(DIST, join(DIST, "index.html")).totalGz).toBeLessThanOrEqual(BYTE_BUDGETS.homeTotalGz);
    const trustPages = listFiles(join(DIST, "trusts"), ".html").filter((f) => f !== join(DIST, "trusts/index.html"));
    expect(trustPages.length).toBeGreaterThan(0);
    for (const file of trustPages)
      expect(pageWeight(DIST, file).totalGz, file).toBeLessThanOrEqual(BYTE_BUDGETS.trustPageTotalGz);
  });
});

describe("social preview cards", () => {
  it("every page names a 1200 × 630 PNG card that exists", () => {
    for (const file of pages()) {
      const html = readFileSync(file, "utf8");
      const url = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
      expect(url, `${file} has no og:image`).toBeTruthy();
      const png = resolveUrl(DIST, new URL(url!, "http://x").pathname);
      expect(png, `${file}: ${url} is missing`).not.toBeNull();
      const bytes = readFileSync(png!);
      expect([bytes.subarray(1, 4).toString(), bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([
        "PNG",
        1200,
        630,
      ]);
    }
  });
});
