/**
 * Checks on the built site in dist/ (npm test builds it first): every page the data implies exists,
 * and the numbers on pages are the numbers in the data.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { SiteData, Trust } from "../../src/lib/data/model.ts";
import type { TrustEventRow } from "../../src/lib/data/tables.ts";
import type { Source } from "../../src/lib/data/sources.ts";
import { formatDate } from "../../src/lib/data/dates.ts";
import { latestFigure } from "../../src/lib/data/figures.ts";
import { measureOf } from "../../src/lib/data/measures.ts";
import { latestSelfAssessment, selfAssessmentWords } from "../../src/lib/words/self-assessment.ts";
import { siteDeadlineAnswer } from "../helpers/site-deadline-answer.ts";
import { formatNumber } from "../../src/lib/format.ts";
import {
  boardPeriodWords,
  statusAtCloseSentence,
  statusLabel,
  statusSentence,
  type TextContext,
} from "../../src/lib/trust/text.ts";
import type { AnswersPageModel } from "../../src/lib/parliament/page.ts";
import { sitePath } from "../../src/lib/publish/paths.ts";
import { parseSiteUrl } from "../../src/lib/publish/site-url.ts";
import { visibleText } from "./visible-text.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DIST = join(ROOT, "dist");
let site: SiteData;
/** Links in dist/ carry the base path the build was given (SITE_URL's path). */
const BASE = parseSiteUrl(process.env.SITE_URL).base;
const html = (path: string) => readFileSync(join(DIST, path, path.endsWith(".html") ? "" : "index.html"), "utf8");
const text = visibleText;
/** Words as text() reads them from a page: spaces collapsed. */
const plain = (words: string) => words.replace(/\s+/g, " ");
const source = (id: string): Source => {
  const s = site.sources.find((x) => x.id === id);
  if (!s) throw new Error(`no source ${id} in site-data.json`);
  return s;
};
const event = (id: string): TrustEventRow => site.trust_events.find((e) => e.id === id)!;
const nameOf = (code: string) => site.trusts.find((t) => t.code === code)?.name ?? code;
const ctx: TextContext = { nameOf, eventOf: (id) => site.trust_events.find((e) => e.id === id) };

/** The trust table's rows on /trusts/, by code: the status and supplier each row carries. */
function tableRows(): Map<string, { status: string; supplier: string }> {
  const rows = new Map<string, { status: string; supplier: string }>();
  for (const [tag] of html("trusts").matchAll(/<tr id="trust-[^"]+"[^>]*>/g)) {
    const attr = (name: string) => plain(text(new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1] ?? "")).trim();
    rows.set(attr("data-code"), { status: attr("data-status"), supplier: attr("data-supplier") });
  }
  return rows;
}

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
    // Beside an official count, the trust-level list's own count.
    if (h.trusts_without_epr)
      expect(text(home)).toContain(`named ${site.snapshot.without_epr} of ${site.snapshot.total}`);
    // Today's counts by each trust's latest evidence, whatever the official figures.
    const now = site.status_now;
    expect(text(home)).toContain(`${formatNumber(now.by_status.epr)} of the ${formatNumber(now.total)} trusts open on`);
    expect(text(home)).toContain(formatDate(site.snapshot.as_of));
  });

  it("answers the deadline question on the home page: official, trust-level and unofficial counts, each dated and cited", () => {
    const home = html("");
    const page = text(home);
    const h = site.headline;
    const answer = siteDeadlineAnswer(site);
    expect(answer.deadlineWords).toBe(formatDate(h.deadline.target_date));
    const section = page.slice(page.indexOf("How many trusts had no EPR at the"));
    expect(section.startsWith(`How many trusts had no EPR at the ${answer.deadlineWords} deadline?`)).toBe(true);
    for (const words of [answer.official, answer.evidence, answer.unofficial ?? "", ...answer.unknowns, answer.quote])
      expect(section).toContain(plain(words));
    expect(section).toContain("What is not known");
    // Each count cites its source: the official one (if any was made), NHS England's list, the unofficial one.
    const official = answer.officialAfter ?? answer.officialBefore;
    const cited = [official, answer.unofficialAfter].flatMap((c) => (c ? [c.statement.source_id] : []));
    for (const id of [...cited, site.snapshot.source_id]) expect(home, id).toContain(`href="${source(id).url}"`);
    // The official count is the latest official count of trusts without an EPR that the data holds.
    const counts = site.statements.filter(
      (s) => s.official && s.metric === "trusts_without_epr" && s.scope !== "acute_trusts",
    );
    expect(official === null).toBe(counts.length === 0);
    if (official) expect(official.statement).toEqual(latestFigure(counts));
    // The trust-level count adds up: every trust the list named without an EPR is counted once.
    const t = answer.trustLevel;
    expect(t.listed).toBe(site.followup.trusts.length);
    expect(t.liveByDeadline + t.withoutOnDeadline).toBe(t.listed);
  });

  it("draws each home-page chart once, readable at every width, and links it to its page with the data table", () => {
    const figures = [...html("").matchAll(/<figure class="chart-figure" id="([^"]+)"[\s\S]*?<\/figure>/g)];
    expect(figures.length).toBeGreaterThan(0);
    for (const [figure, id] of figures) {
      // One drawing, the narrow one, shown alone: CSS hides neither layout at any width.
      const svgs = [...figure.matchAll(/<svg class="chart ([^"]*)"[^>]*role="img"/g)].map((m) => m[1]!.split(" "));
      expect(svgs, id).toHaveLength(1);
      expect(svgs[0], id).toContain("chart-alone");
      expect(figure, id).toMatch(/<desc id="[^"]+">[^<]+<\/desc>/);
      // The table is not repeated here: the chart's own page has it, and every source.
      expect(figure, id).not.toContain("<table");
      expect(figure, id).toContain(`href="${sitePath(`/charts/${id}/`)}"`);
      const own = /<figure class="chart-figure"[\s\S]*?<\/figure>/.exec(html(`charts/${id}`))![0];
      expect(own, id).toMatch(/<table>[\s\S]*<tbody>\s*<tr>/);
    }
  });

  it("lists every trust in the trust table, with its status", () => {
    const page = html("trusts");
    for (const t of site.trusts) expect(page).toContain(`href="${sitePath(`/trusts/${t.code}/`, BASE)}"`);
    expect((page.match(/<tr id="trust-[A-Z0-9]+" data-code/g) ?? []).length).toBe(site.trusts.length);
    const rows = tableRows();
    for (const t of site.trusts) {
      expect(rows.get(t.code)?.status, t.code).toBe(t.status_now.status);
      expect(rows.get(t.code)?.supplier, t.code).toBe(t.status_now.supplier ?? "");
    }
  });

  it("gives every trust page its status on the release date, in the words of the status sentence, with its source", () => {
    for (const t of site.trusts) {
      const page = html(`trusts/${t.code}`);
      const words = text(page);
      expect(words, t.code).toContain(`Status on ${formatDate(site.release.date)}: ${statusLabel(t)}`);
      expect(words, t.code).toContain(plain(statusSentence(t, ctx)));
      const atClose = statusAtCloseSentence(t);
      if (atClose) expect(words, t.code).toContain(plain(atClose));
      const now = t.status_now;
      if (now.status === "epr" && now.supplier) expect(words, t.code).toContain(plain(now.supplier));
      if (now.source_id) expect(page, t.code).toContain(`href="${source(now.source_id).url}"`);
      if (now.event_id) expect(page, t.code).toContain(`href="${event(now.event_id).url.replace(/&/g, "&amp;")}"`);
    }
  });

  it("says a trust NHS England listed without an EPR has one only when a go-live was reported, naming its supplier", () => {
    const listedWithout = site.trusts.filter((t) => t.list?.has_epr === false);
    const live = listedWithout.filter((t) => t.status_now.basis === "go_live");
    // Nothing else turns "no EPR" on the list into an EPR, whatever the data holds.
    const rows = tableRows();
    for (const t of listedWithout.filter((t) => !live.includes(t)))
      expect(rows.get(t.code)?.status, t.code).not.toBe("epr");
    if (live.length === 0) {
      // No go-live reported for any of them: the follow-up of the list counts none either.
      expect(site.followup.trusts.filter((f) => f.go_live !== null && f.category.startsWith("live_"))).toEqual([]);
      return;
    }
    for (const t of live) {
      const words = text(html(`trusts/${t.code}`));
      expect(t.status_now.status, t.code).toBe("epr");
      expect(words, t.code).not.toContain("None recorded");
      expect(words, t.code).toContain(formatDate(t.status_now.since!));
      if (t.status_now.supplier) expect(words, t.code).toContain(plain(t.status_now.supplier));
    }
  });

  it("names both systems when a go-live replaced the supplier on NHS England's list", () => {
    const changed = site.trusts.filter(
      (t) =>
        t.status_now.basis === "go_live" &&
        t.list?.has_epr &&
        t.list.supplier &&
        t.status_now.supplier &&
        t.status_now.supplier !== t.list.supplier,
    );
    if (changed.length === 0) {
      // No reported change of system: every trust the list gave an EPR shows that supplier, or is closed or inferred.
      const rows = tableRows();
      for (const t of site.trusts.filter((t) => t.list?.has_epr && t.status_now.basis === "list"))
        expect(rows.get(t.code)?.supplier, t.code).toBe(t.list!.supplier);
      return;
    }
    for (const t of changed) {
      const words = text(html(`trusts/${t.code}`));
      expect(words, t.code).toContain(plain(t.status_now.supplier!));
      expect(words, t.code).toContain(plain(t.list!.supplier!));
    }
  });

  it("speaks of a closed trust in the past tense, with its last day and where it went", () => {
    const closed = site.trusts.filter((t) => t.status_now.status === "closed");
    // As many closed in the trust table as in the data, none if the data has none.
    const rows = tableRows();
    expect([...rows.values()].filter((r) => r.status === "closed").length).toBe(closed.length);
    for (const t of closed) {
      const page = html(`trusts/${t.code}`);
      const words = text(page);
      if (t.close_date) expect(words, t.code).toContain(formatDate(t.close_date));
      expect(words, t.code).not.toMatch(/Has an EPR\./);
      for (const m of t.merged_into) {
        expect(page, t.code).toContain(`href="${sitePath(`/trusts/${m.code}/`, BASE)}"`);
        expect(words, t.code).toContain(`${plain(nameOf(m.code))} on ${formatDate(m.date)}`);
      }
    }
  });

  it("dates each takeover, and says when a status is inferred from the trusts taken over", () => {
    const tookOver = site.trusts.filter((t) => t.took_over.length > 0);
    const inferred = site.trusts.filter((t) => t.status_now.basis === "predecessors");
    // A status is inferred only from trusts taken over.
    for (const t of inferred) expect(t.took_over.length, t.code).toBeGreaterThan(0);
    const pagesWithTakeovers = site.trusts.filter((t) => /<dt>Took over<\/dt>/.test(html(`trusts/${t.code}`)));
    expect(pagesWithTakeovers.map((t) => t.code)).toEqual(tookOver.map((t) => t.code));
    for (const t of tookOver) {
      const words = text(html(`trusts/${t.code}`));
      expect(words, t.code).toContain(
        `Took over ${t.took_over.map((m) => `${plain(nameOf(m.code))} on ${formatDate(m.date)}`).join(", ")}`,
      );
      expect(words, t.code).not.toContain("Formed from");
    }
    for (const t of inferred) {
      const words = text(html(`trusts/${t.code}`));
      expect(words, t.code).toContain(`${statusLabel(t)}`);
      for (const p of t.status_now.inferred_from) expect(words, t.code).toContain(plain(nameOf(p.code)));
    }
  });

  it("shows the board a trust is in now, and the one of the list's date where it differs, each with its period", () => {
    for (const t of site.trusts) {
      if (!t.icb) continue;
      const words = text(html(`trusts/${t.code}`));
      // The period in the words the page uses: a closed trust's ends at its own last day.
      const lastDay = t.status_now.status === "closed" ? t.status_now.since : null;
      const board = (b: NonNullable<Trust["icb"]>) =>
        `${plain(b.name ?? b.code)}${plain(boardPeriodWords(b, lastDay))}`;
      expect(words, t.code).toContain(`Integrated care board ${board(t.icb)}`);
      if (t.icb_at_list) expect(words, t.code).toContain(board(t.icb_at_list));
    }
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
      const header = readFileSync(join(DIST, `charts/${id}.csv`), "utf8")
        .replace(/^\uFEFF/, "")
        .split("\n")[0]!;
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

  it("keeps NHS England's self-assessment off the coverage series and headline, and shows it apart on /coverage/", () => {
    expect(site.coverage_figures.map((f) => measureOf(f.metric)).every((m) => m === "epr_coverage")).toBe(true);
    expect(measureOf(site.headline.share_with_epr.metric)).toBe("epr_coverage");
    const a = latestSelfAssessment(site.statements);
    const page = text(html("coverage"));
    if (!a) return expect(page).not.toContain("providers' own assessment");
    const { finding, apart } = selfAssessmentWords(a);
    expect(page).toContain(plain(`${finding} ${apart}`));
    // Were it drawn, its row would name its speaker in the chart's data.
    expect(readFileSync(join(DIST, "charts/coverage-over-time.csv"), "utf8")).not.toContain(
      a.share.speaker ?? a.share.id,
    );
  });

  it("lists on /sources/ every figure checked against its source's words, and every figure that is not", () => {
    const page = text(html("sources"));
    const { checked, quoted, unchecked } = site.figure_checks;
    for (const q of checked)
      expect(page).toContain(plain(`${q.figure_id}${q.uin ? ` (UIN ${q.uin})` : ""}: “${q.quote}”`));
    for (const q of quoted) expect(page).toContain(plain(`${q.figure_id} : “${q.quote}”`));
    for (const u of unchecked) expect(page).toContain(u.figure_id);
    expect(page).toContain(`${quoted.length} figures are checked against a short quotation of their source`);
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
    const { DOWNLOADS } = await import("../../src/lib/publish/downloads.ts");
    for (const d of DOWNLOADS) {
      const documented = d.columns.flatMap(([names]) => names.split(",").map((n) => n.trim()));
      const file = join(DIST, d.path);
      const header = d.path.endsWith(".csv")
        ? readFileSync(file, "utf8")
            .replace(/^\uFEFF/, "")
            .split("\n")[0]!
            .split(",")
        : Object.keys((JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>[])[0]!);
      expect(documented.sort(), d.path).toEqual([...header].sort());
    }
  });
});
