/**
 * Checks on the built site in dist/ (npm test builds it first): every page the data implies exists,
 * and the numbers on pages are the numbers in the data.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { SiteData } from "../../src/lib/data/model.ts";
import type { AnswersPageModel } from "../../src/lib/parliament/page.ts";
import { sitePath } from "../../src/lib/paths.ts";
import { parseSiteUrl } from "../../src/lib/site-url.ts";
import { whenWords } from "../../src/lib/words/modality.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DIST = join(ROOT, "dist");
let site: SiteData;
/** Links in dist/ carry the base path the build was given (SITE_URL's path). */
const BASE = parseSiteUrl(process.env.SITE_URL).base;
const html = (path: string) => readFileSync(join(DIST, path, path.endsWith(".html") ? "" : "index.html"), "utf8");
/** Visible text, roughly: tags dropped, entities for the characters we use decoded, spaces collapsed. */
const text = (page: string) =>
  page
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

function allHtml(dir = DIST): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? allHtml(p) : p.endsWith(".html") ? [p] : [];
  });
}

beforeAll(() => {
  if (!existsSync(join(DIST, "index.html")))
    throw new Error("dist/ is missing: run `npm run build` first (npm test does)");
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
    const asOf = h.share_with_epr.as_of;
    const month = new Date(`${asOf.slice(0, 7)}-01T00:00:00Z`).toLocaleString("en-GB", {
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
    expect(text(home)).toContain(
      `As of ${h.share_with_epr.dates_estimated ? "about " : ""}${asOf.length === 7 ? month : ""}`,
    );
    // The card shows the official count only when the same statement gave one.
    expect(text(home).includes("trusts without an EPR, officially")).toBe(h.trusts_without_epr !== null);
    expect(text(home)).toContain(
      h.trusts_without_epr ? `${h.trusts_without_epr.value} trusts without an EPR` : `${h.share_with_epr.value}%`,
    );
    expect(text(home)).toContain(`named ${site.snapshot.without_epr} of ${site.snapshot.total}`);
  });

  it("answers the deadline question on the home page: official, trust-level and unofficial counts, each dated and cited", () => {
    const home = html("");
    const page = text(home);
    const section = page.slice(page.indexOf("How many trusts had no EPR at the"));
    expect(section).toMatch(/^How many trusts had no EPR at the 31 March 2026 deadline\?/);
    const url = (id: string) => site.sources.find((s) => s.id === id)!.url;
    // The last official count (HL7395, about May 2025), NHS England's list, and the trade report of 30 June 2026.
    expect(section).toContain("The last, for about May 2025, put 19 of 206 secondary care trusts without an EPR.");
    for (const id of ["hl7395", site.snapshot.source_id, "healthbusiness-2026-06-30-epr-rollout"])
      expect(home).toContain(`href="${url(id)}"`);
    expect(section).toContain("reported by Health Business UK on 30 June 2026, counted 2 trusts, mainly acute,");
    expect(section).toContain("It is not an official count.");
    expect(section).toContain("What is not known");
    expect(section).toMatch(
      /No official count for the 31 March 2026 deadline was found in our sources up to 25 November 2026 \(the last, for about May 2025, put 19 of 206 secondary care trusts without an electronic patient record\); of the 20 trusts NHS England's list of October 2024 named without one, 17 had no go-live reported by the deadline; and a commercial survey reported on 30 June 2026 found 2 trusts, mainly acute, that had neither installed an EPR nor formally agreed to procure one\./,
    );
    // An absence is what our sources lack; the commercial test is the source's own.
    expect(section).not.toMatch(/had been published|signed deal|neither a system/);
  });

  it("lists every trust in the trust table, with its status", () => {
    const page = html("trusts");
    for (const t of site.trusts) expect(page).toContain(`href="${sitePath(`/trusts/${t.code}/`, BASE)}"`);
    expect((page.match(/<tr id="trust-[A-Z0-9]+" data-code/g) ?? []).length).toBe(site.trusts.length);
  });

  it("gives each trust page its status, supplier and a link to the status source", () => {
    const listed = site.trusts.find((t) => t.status_now.status === "epr" && t.status_now.basis === "list")!;
    const page = html(`trusts/${listed.code}`);
    expect(text(page)).toContain(listed.status_now.supplier!);
    expect(page).toContain(site.sources.find((s) => s.id === listed.status_now.source_id)!.url);
  });

  it("says what is true now on the pages of trusts whose status changed after NHS England's list", () => {
    const lede = (code: string) => text(html(`trusts/${code}`));
    // Listed without an EPR on 1 October 2024, reported live since; a date whose year was inferred
    // (East Cheshire's) reads "about".
    for (const code of ["RJN", "RBT", "RPC"]) {
      const s = site.trusts.find((t) => t.code === code)!.status_now;
      const month = whenWords(s.since!, s.since_basis);
      if (s.since_basis !== "exact") expect(month).toMatch(/^about /);
      expect(lede(code)).toContain("Status on 25 November 2026: Has an EPR");
      expect(lede(code)).toMatch(
        new RegExp(
          `Has an EPR from [^,]+, live since ${month}, as reported by [^;]+; NHS England's list of 1 October 2024 had recorded none\\.`,
        ),
      );
      expect(lede(code)).not.toContain("None recorded");
    }
    // A supplier change after the list: System C on the list, Oracle live in November 2025.
    expect(lede("RF4")).toContain(
      "Has an EPR from Oracle Cerner Corporation, live since November 2025, as reported by HTN (Health Tech Newspaper), replacing the System C Healthcare Ltd system on NHS England's list of 1 October 2024.",
    );
    // Closed on merger: no present tense, the date, and where it went.
    expect(lede("RNK")).toContain("Status on 25 November 2026: Closed");
    expect(lede("RNK")).toContain(
      "Closed: its last day as a trust was 31 March 2026. It merged into North London NHS Foundation Trust on 1 April 2026",
    );
    expect(lede("RNK")).toContain("NHS England's list of 1 October 2024 recorded an EPR from");
    expect(lede("RNK")).not.toMatch(/Has an EPR\./);
    // Opened after the list: the inference is said, with its date and the trusts it rests on.
    expect(lede("G6V2S")).toContain("Has an EPR (inferred)");
    expect(lede("G6V2S")).toContain(
      "No EPR status of its own has been published. It opened on 1 November 2024, after NHS England's list of 1 October 2024",
    );
    expect(lede("G6V2S")).toMatch(
      /Took over Barnet, Enfield and Haringey Mental Health NHS Trust on 1 November 2024, Camden and Islington NHS Foundation Trust on 1 November 2024, Tavistock and Portman NHS Foundation Trust on 1 April 2026/,
    );
    // A takeover is a dated takeover, not "formed from".
    expect(lede("RW1")).toContain("Took over Solent NHS Trust on 1 October 2024");
    expect(lede("RW1")).not.toContain("Formed from");
    expect(lede("RW1")).toContain("Had an EPR from The Access Group on NHS England's list of 1 October 2024");
  });

  it("shows the board a trust is in now, and the one of the list's date where it differs, each with its period", () => {
    expect(text(html("trusts/RPC"))).toContain(
      "Integrated care board Surrey and Sussex (since 1 April 2026); on NHS England's list's date, Sussex (until 31 March 2026)",
    );
    // No closed board is shown as current.
    const closed = new Set(site.icb_successions.filter((s) => s.kind !== "acquisition").map((s) => s.predecessor_code));
    for (const t of site.trusts.filter((t) => t.status_now.status !== "closed"))
      expect(closed.has(t.icb?.code ?? ""), t.code).toBe(false);
  });

  it("links its sources from every page with figures; prose pages point to the sources page", () => {
    const prose = [
      "about/index.html",
      "data/index.html",
      "embed/index.html",
      "changes/index.html",
      "glossary/index.html",
    ];
    for (const file of allHtml().filter((p) => !p.endsWith("404.html"))) {
      const page = readFileSync(file, "utf8");
      const rel = file.slice(DIST.length + 1);
      const linksOut = /href="https:\/\/(?!www\.nationalarchives|www\.parliament\.uk\/site-information)/.test(page);
      if (prose.includes(rel))
        expect(page.slice(page.indexOf("<main")), `${rel} should link /sources/`).toContain(
          `href="${sitePath("/sources/", BASE)}"`,
        );
      else expect(linksOut, `${rel} links no source`).toBe(true);
    }
  });

  it("gives every chart a page to share whose social card is that chart, and metadata beside its CSV", () => {
    const ids = readdirSync(join(DIST, "charts"))
      .filter((f) => f.endsWith(".csv"))
      .map((f) => f.replace(/\.csv$/, ""));
    expect(ids.length).toBeGreaterThan(5);
    for (const id of ids) {
      const page = html(`charts/${id}`);
      expect(page, id).toMatch(new RegExp(`<meta property="og:image" content="[^"]*/og/charts/${id}\\.png"`));
      expect(existsSync(join(DIST, `og/charts/${id}.png`)), id).toBe(true);
      const meta = JSON.parse(readFileSync(join(DIST, `charts/${id}.json`), "utf8"));
      const header = readFileSync(join(DIST, `charts/${id}.csv`), "utf8").split("\n")[0]!;
      expect(meta.csv_columns.map((c: { name: string }) => c.name).join(","), id).toBe(header);
      expect(meta.sources.length, id).toBeGreaterThan(0);
      expect(meta.data_as_of, id).toMatch(/^\d{4}/);
      // Where a page shows the chart, its share panel links to this page.
      expect(
        readFileSync(
          join(DIST, meta.urls.in_context.replace(/#.*$/, "").replace(/^https?:\/\/[^/]+/, ""), "index.html"),
          "utf8",
        ),
        id,
      ).toContain(`href="/charts/${id}/"`);
    }
  });

  it("publishes the downloads at their stable addresses", () => {
    for (const f of [
      "trusts.csv",
      "trusts.json",
      "statements.csv",
      "targets.csv",
      "programme.csv",
      "sources.json",
      "trust-events.csv",
      "reconciliation.csv",
      "parliament-answers.csv",
      "parliament-answers.json",
    ]) {
      expect(existsSync(join(DIST, "data", f)), f).toBe(true);
    }
  });

  it("shows every written answer on /answers/, newest first, each with its date, house, members, text and link, and in the feed", () => {
    const model = JSON.parse(readFileSync(join(ROOT, "src/generated/answers.json"), "utf8")) as AnswersPageModel;
    const stored = JSON.parse(readFileSync(join(ROOT, "data/parliament/answers.json"), "utf8")) as { id: number }[];
    const page = html("answers");
    const order = [...page.matchAll(/<article class="answer" id="answer-(\d+)"/g)].map((m) => Number(m[1]));
    expect(order).toEqual(model.answers.map((a) => a.id));
    expect([...order].sort((a, b) => a - b)).toEqual(stored.map((a) => a.id));
    for (const a of model.answers) {
      const article = page.slice(page.indexOf(`id="answer-${a.id}"`)).split("</article>")[0]!;
      expect(article, String(a.id)).toContain(`href="${a.url.replace(/&/g, "&amp;")}"`);
      expect(text(article), String(a.id)).toMatch(
        /Date (Answered on \d+ \w+ \d{4}|Answer date not in our copy; tabled (in|on) )/,
      );
      expect(text(article)).toMatch(/House House of (Commons|Lords) Asked by .+ Answered by .+, for the /);
      expect(text(article)).toContain(a.answer_paragraphs[0]!);
    }
    expect(text(page)).toMatch(
      /What did a minister say last\? The latest answer (with a known date|in our data, by date tabled): /,
    );
    expect(page).toContain('href="/answers.xml"');
    const feed = readFileSync(join(DIST, "answers.xml"), "utf8");
    expect((feed.match(/<entry>/g) ?? []).length).toBe(model.answers.length);
  });

  it("shows every reconciliation difference on the sources page", () => {
    const page = text(html("sources"));
    expect(page).toContain("Official figures compared with trust-level data");
    expect((html("sources").match(/<td class="num">[−+]?\d/g) ?? []).length).toBeGreaterThanOrEqual(
      site.reconciliation.length * 3,
    );
  });
});

describe("the data dictionary on /data/", () => {
  it("documents exactly the columns of every CSV download, and the fields of the JSON ones", async () => {
    const { DOWNLOADS } = await import("../../src/lib/downloads.ts");
    for (const d of DOWNLOADS) {
      const documented = d.columns.flatMap(([names]) => names.split(",").map((n) => n.trim()));
      const file = join(DIST, d.path);
      const header = d.path.endsWith(".csv")
        ? readFileSync(file, "utf8").split("\n")[0]!.split(",")
        : Object.keys((JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>[])[0]!);
      expect(documented.sort(), d.path).toEqual([...header].sort());
    }
  });
});
