/**
 * Every chart on the site, defined once: its data, its finding in words, its sources and as-of date.
 * Pages, embeds and chart downloads all read from here, so a chart looks and cites the same everywhere.
 */
import { site, sources } from "./site.ts";
import type { Source } from "./data/sources.ts";
import { endOfPeriod, formatDate, formatWhen } from "./data/dates.ts";
import { responsive, type ChartBase, type Responsive } from "./charts/shared.ts";
import { coverageOverTimeModel, type CoverageOverTimeModel } from "./charts/coverage-over-time/model.ts";
import { stackedBarsModel, type StackedBarsModel } from "./charts/stacked-bars/model.ts";
import { icbHexmapModel, type IcbHexmapModel } from "./charts/icb-hexmap/model.ts";
import { deadlineSlippageModel, type DeadlineSlippageModel } from "./charts/deadline-slippage/model.ts";
import { trustTimelineModel, type TimelineModel } from "./charts/trust-timeline/model.ts";
import { shortSupplierName, supplierBarsModel, type SupplierBarsModel } from "./charts/supplier-bars/model.ts";
import { gmppRatingsModel, ratingEntries, type GmppRatingsModel } from "./charts/gmpp-ratings/model.ts";
import { fundingItems, moneyBarsModel, wholeLifeCostItems, type MoneyBarsModel } from "./charts/money-bars/model.ts";
import { deadlineMoves, fullCoverageTargets } from "./deadlines.ts";
import { followupSentences } from "./followup-text.ts";
import { formatMoney, formatNumber, plural } from "./format.ts";

interface EntryBase<K extends string, M extends ChartBase> {
  /** Stable id, used in page anchors and in /embed/<id>/ and /charts/<id>.csv. */
  id: string;
  kind: K;
  /** The page the chart belongs to. */
  page: string;
  title: string;
  subtitle: string;
  notes: string[];
  sources: Source[];
  asOf: string;
  /** The as-of date was estimated (shown as "about …"). */
  asOfEstimated?: boolean;
  models: Responsive<M>;
}

export type ChartEntry =
  | EntryBase<"coverage", CoverageOverTimeModel>
  | EntryBase<"bars", StackedBarsModel>
  | EntryBase<"hexmap", IcbHexmapModel>
  | EntryBase<"slippage", DeadlineSlippageModel>
  | EntryBase<"timeline", TimelineModel>
  | EntryBase<"suppliers", SupplierBarsModel>
  | EntryBase<"ratings", GmppRatingsModel>
  | EntryBase<"money", MoneyBarsModel>;

const release = site.release.date;
const list = site.snapshot;
const listSource = sources([list.source_id]);
/** The list's own caveat about its date, from sources.json. */
const listNote = `NHS England's list, dated ${formatDate(list.as_of)}: ${listSource[0]!.date_note ?? "no caveat recorded."}`;

function coverageOverTime(): ChartEntry {
  // The programme's years: the figures from 2000 and 2002 count "level 3" EPRs, a different measure.
  const since = "2022-01-01";
  const shown = site.coverage_figures.filter((s) => endOfPeriod(s.as_of) >= since);
  const targets = site.targets.filter((t) => (t.kind === "epr_coverage" || t.kind === "epr_or_in_progress") && t.coverage_percent !== null && t.target_date >= since);
  const latest = site.headline.share_with_epr;
  const deadline = site.headline.deadline;
  const derived = shown.filter((s) => s.derived_from);
  return {
    id: "coverage-over-time",
    kind: "coverage",
    page: "/coverage/",
    title: `Official figures put coverage at ${formatNumber(latest.value)}% in ${formatWhen(latest.as_of, latest.dates_estimated)}, against a promise of ${formatNumber(deadline.coverage_percent ?? 100)}% by ${formatDate(deadline.target_date)}`,
    subtitle: "Share of NHS trusts in England with an electronic patient record. Filled dots are official figures, hollow dots other estimates, dashed triangles forecasts; diamonds are targets at their deadlines.",
    notes: [
      "Official counts use different totals of trusts (see the sources page); acute-only estimates are marked in the data table.",
      "A forecast is what a minister or NHS England expected, drawn at the date it was for; it is not a target.",
      ...(derived.length ? [`${derived.map((d) => `${d.value}% (${formatDate(d.as_of)})`).join(" and ")} ${derived.length === 1 ? "is" : "are"} worked out from the counts the source gave, not a share it stated.`] : []),
    ],
    sources: sources([...shown.map((s) => s.source_id), ...targets.map((t) => t.source_id)]),
    asOf: latest.as_of,
    asOfEstimated: latest.dates_estimated,
    models: responsive((width) => coverageOverTimeModel(shown, targets, { width, since, today: release })),
  };
}

const now = site.status_now;
/** What counts of trusts today rest on, said once for every chart of them. */
const nowNote = `Counts trusts open on ${formatDate(now.as_of)} by the latest published evidence for each: a reported go-live where there is one, otherwise its row in NHS England's list of ${formatDate(list.as_of)}.`;
const eventSourceNote = "Go-lives come from trade press and trust reports; each is listed on its trust's page with its source.";

function byRegion(): ChartEntry {
  const worst = [...site.coverage_by_region].sort((a, b) => b.without_epr - a.without_epr)[0]!;
  return {
    id: "coverage-by-region",
    kind: "bars",
    page: "/coverage/",
    title: `${worst.label} had the most trusts with no EPR reported on ${formatDate(now.as_of)}: ${worst.without_epr} of its ${worst.total}`,
    subtitle: `Trusts open on ${formatDate(now.as_of)}, with and without an EPR by the latest evidence, by NHS England region.`,
    notes: [nowNote, eventSourceNote, listNote],
    sources: sources([list.source_id, "ods-etr-2026"]),
    asOf: now.as_of,
    models: responsive((width) => stackedBarsModel(site.coverage_by_region, { width, categoryName: "Region" })),
  };
}

function byType(): ChartEntry {
  const without = site.coverage_by_type.filter((c) => c.without_epr > 0);
  const totalWithout = without.reduce((a, c) => a + c.without_epr, 0);
  const title =
    without.length === 1
      ? `All ${totalWithout} trusts with no EPR reported on ${formatDate(now.as_of)} were ${without[0]!.label.toLowerCase()} trusts`
      : `${without.map((c) => `${c.without_epr} ${c.label.toLowerCase()}`).join(", ")} trusts had no EPR reported on ${formatDate(now.as_of)}`;
  return {
    id: "coverage-by-type",
    kind: "bars",
    page: "/coverage/",
    title,
    subtitle: `Trusts open on ${formatDate(now.as_of)}, with and without an EPR by the latest evidence, by the trust's main type.`,
    notes: [nowNote, eventSourceNote, listNote],
    sources: listSource,
    asOf: now.as_of,
    models: responsive((width) => stackedBarsModel(site.coverage_by_type, { width, categoryName: "Trust type" })),
  };
}

const boardChange = site.icb_successions[0]?.date ?? release;
const closedBoards = new Set(site.icb_successions.filter((s) => s.kind !== "acquisition").map((s) => s.predecessor_code)).size;
const newBoards = new Set(site.icb_successions.map((s) => s.successor_code).filter((c) => !site.icbs.some((i) => i.code === c))).size;

function hexmap(): ChartEntry {
  const withGap = site.coverage_by_icb.filter((c) => c.without_epr > 0).length;
  return {
    id: "icb-map",
    kind: "hexmap",
    page: "/coverage/",
    title: `On NHS England's list of ${formatDate(list.as_of)}, ${withGap} of the ${site.icbs.length} integrated care boards then in force had at least one trust without an EPR`,
    subtitle: `Each hexagon is one of the ${site.icbs.length} integrated care boards of ${formatDate(list.as_of)} (the ONS list of ${formatDate(sources(["ons-icb-names-2024"])[0]!.date)}), placed roughly where it is; the number is its trusts without an EPR on that list.`,
    notes: [
      listNote,
      `These are the boards in force on the list's date. On ${formatDate(boardChange)}, ${closedBoards} of them closed and ${newBoards} new boards took their areas; the hex layout has no version for the new boards, so the map keeps the old ones. Each trust's page gives its board now.`,
      "Hexagons are equal in size whatever the area or population of the board.",
    ],
    sources: sources([list.source_id, "ods-etr-2025", "ons-icb-names-2024", "odi-hexmap-icb-2022", "ods-icb-successions-2026"]),
    asOf: list.as_of,
    models: responsive((width) => icbHexmapModel(site.icbs, site.coverage_by_icb, { width })),
  };
}

function slippage(): ChartEntry {
  const moves = deadlineMoves(site.targets);
  const first = fullCoverageTargets(site.targets)[0];
  const title = moves.length
    ? `The deadline for an EPR in every trust moved from ${formatDate(moves[0]!.from.slice(0, 7))} to ${formatDate(moves.at(-1)!.to.slice(0, 7))}`
    : first
      ? `The deadline for an EPR in every trust is ${formatDate(first.target_date)}`
      : "Deadlines for digital records";
  return {
    id: "deadline-slippage",
    kind: "slippage",
    page: "/deadlines/",
    title,
    subtitle: "Each line runs from when a target was announced to when it was due. Targets for paperless or digital records come first, then the EPR targets.",
    notes: [],
    sources: sources(site.targets.map((t) => t.source_id)),
    asOf: release,
    models: responsive((width) => deadlineSlippageModel(site.targets, { width, today: release })),
  };
}

function timeline(): ChartEntry {
  const f = site.followup;
  const deadlines = [...new Set(fullCoverageTargets(site.targets).map((t) => t.target_date))].map((date) => ({ date, label: `Deadline ${formatDate(date.slice(0, 7))}` }));
  const eventSources = new Set(f.trusts.flatMap((t) => t.events.map((e) => e.publisher)));
  return {
    id: "trusts-without-epr-timeline",
    kind: "timeline",
    page: "/trusts-without-epr/",
    title: followupSentences(f.counts, f.deadline)[0]!.replace(/\.$/, ""),
    subtitle: `The ${plural(f.trusts.length, "trust")} NHS England listed without an EPR, grouped by where each stands; marks are reported events, squares the list itself, diamonds go-lives, crosses delays.`,
    notes: [`Events come from ${eventSources.size} publishers; each is listed with its source below the chart. Unknown means no published report was found, not that a trust has no EPR.`, listNote],
    sources: listSource,
    asOf: release,
    // From 2021, when the programme began, to the data release.
    models: responsive((width) => trustTimelineModel(f.trusts, { width, start: "2021-01-01", end: release, deadlines })),
  };
}

function suppliers(byType: boolean): ChartEntry {
  const [first, second] = site.suppliers;
  const withEpr = site.suppliers.reduce((a, s) => a + s.trusts, 0);
  return {
    id: byType ? "suppliers-by-type" : "suppliers",
    kind: "suppliers",
    page: "/suppliers/",
    title: byType
      ? `Which suppliers serve which kinds of trust`
      : `${shortSupplierName(first!.supplier)} and ${shortSupplierName(second!.supplier)} supplied the most trusts on ${formatDate(now.as_of)}: ${first!.trusts} and ${second!.trusts} of the ${withEpr} with an EPR`,
    subtitle: byType
      ? `Trusts open on ${formatDate(now.as_of)} with an EPR, by main EPR supplier by the latest evidence, split by trust type.`
      : `Trusts open on ${formatDate(now.as_of)} with an EPR, by main EPR supplier by the latest evidence (${site.suppliers.length} suppliers).`,
    notes: [nowNote, eventSourceNote, listNote, "Generic or in-house systems are grouped by NHS England as one supplier. A trust whose status is inferred from the trusts it took over is not counted."],
    sources: listSource,
    asOf: now.as_of,
    models: responsive((width) => supplierBarsModel(site.suppliers, { width, byType })),
  };
}

function ratings(): ChartEntry {
  const entries = ratingEntries(site.gmpp, site.programme);
  const rated = entries.filter((e) => e.rating !== "Blank");
  const latest = rated.at(-1);
  const red = rated.find((e) => e.rating === "Red");
  return {
    id: "programme-ratings",
    kind: "ratings",
    page: "/programme/",
    title: red && latest
      ? `The programme was rated Red in ${formatDate(red.asOf.slice(0, 7))}; its latest published rating is ${latest.rating} (${formatWhen(latest.asOf, latest.asOfEstimated)})`
      : "Delivery confidence ratings of the Frontline Digitisation programme",
    subtitle: "The Infrastructure and Projects Authority's delivery confidence rating in each year's major projects data.",
    notes: [`Ratings after ${formatDate(site.gmpp.at(-1)?.data_as_of.slice(0, 7) ?? release)} come from a third party's cleaned copy of the data, not the original files; see each source's confidence.`],
    sources: sources(entries.map((e) => e.source_id)),
    asOf: entries.at(-1)?.asOf ?? release,
    asOfEstimated: entries.at(-1)?.asOfEstimated ?? false,
    models: responsive((width) => gmppRatingsModel(site.gmpp, site.programme, { width })),
  };
}

function wholeLifeCost(): ChartEntry {
  const items = wholeLifeCostItems(site.gmpp, site.programme);
  const [first, last] = [items[0], items.at(-1)];
  return {
    id: "programme-whole-life-cost",
    kind: "money",
    page: "/programme/",
    title: first && last ? `The programme's whole-life cost went from ${formatMoney(first.value)} (${first.label}) to ${formatMoney(last.value)} (${last.label})` : "Whole-life cost of the programme",
    subtitle: "Whole-life cost of Frontline Digitisation in each year's major projects data, £.",
    notes: [`Figures for ${items.filter((i) => !site.gmpp.some((g) => g.source_id === i.source_id)).map((i) => i.label).join(" and ")} come from a third party's cleaned copy of the data.`],
    sources: sources(items.map((i) => i.source_id)),
    asOf: release,
    models: responsive((width) => moneyBarsModel(items, { width, measure: "Whole-life cost" })),
  };
}

function funding(): ChartEntry {
  const items = fundingItems(site.programme);
  return {
    id: "programme-funding",
    kind: "money",
    page: "/programme/",
    title: `Money for single years has been published for ${new Set(items.map((i) => i.label.slice(0, 7))).size} financial years only`,
    subtitle: "Published figures for one financial year at a time: the programme's budget, and money paid or planned for trusts, £. \"≥\" marks a lower bound.",
    notes: ["No published figure for a single later year was found."],
    sources: sources(items.map((i) => i.source_id)),
    asOf: release,
    models: responsive((width) => moneyBarsModel(items, { width, measure: "Amount" })),
  };
}

export const CHARTS: ChartEntry[] = [
  coverageOverTime(), byRegion(), byType(), hexmap(), slippage(), timeline(),
  suppliers(false), suppliers(true), ratings(), wholeLifeCost(), funding(),
];

export function chart(id: string): ChartEntry {
  const c = CHARTS.find((x) => x.id === id);
  if (!c) throw new Error(`Unknown chart ${id}`);
  return c;
}
