/**
 * Every chart on the site, defined once: its data, its finding in words, its sources and as-of date.
 * Pages, embeds and chart downloads all read the catalogue built from the site's data
 * (src/lib/charts/site-charts.ts); this module is pure, so every finding sentence is tested on fixtures.
 */
import type { SiteData } from "../data/model.ts";
import { isEprTarget } from "../data/tables.ts";
import type { Source } from "../data/sources.ts";
import { isUncertainDate } from "../data/modality.ts";
import { compareCodePoints } from "../order.ts";
import { endOfPeriod, formatDate, formatWhen } from "../data/dates.ts";
import { responsive, type ChartBase, type Responsive } from "./shared.ts";
import { SOURCE_ID, sourceIdColumn } from "./csv.ts";
import { coverageOverTimeModel, type CoverageOverTimeModel } from "./coverage-over-time/model.ts";
import { stackedBarsModel, type StackedBarsModel } from "./stacked-bars/model.ts";
import { icbHexmapModel, type IcbHexmapModel } from "./icb-hexmap/model.ts";
import { deadlineSlippageModel, type DeadlineSlippageModel } from "./deadline-slippage/model.ts";
import { trustTimelineModel, type TimelineModel } from "./trust-timeline/model.ts";
import { shortSupplierName, supplierBarsModel, type SupplierBarsModel } from "./supplier-bars/model.ts";
import { gmppRatingsModel, ratingEntries, type GmppRatingsModel } from "./gmpp-ratings/model.ts";
import { fundingItems, moneyBarsModel, wholeLifeCostItems, type MoneyBarsModel } from "./money-bars/model.ts";
import { deadlineMoves, fullCoverageTargets } from "../data/deadlines.ts";
import { followupSentences } from "../words/followup.ts";
import { formatMoney, formatNumber, plural } from "../format.ts";
import { latestSelfAssessment, selfAssessmentChartNote } from "../words/self-assessment.ts";

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

/** Names of things in a list: "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** The categories that share the largest count (all of them when they tie), or none when it is 0. */
export function leaders<T>(items: readonly T[], count: (t: T) => number): T[] {
  const top = Math.max(0, ...items.map(count));
  return top === 0 ? [] : items.filter((i) => count(i) === top);
}

type Count = SiteData["coverage_by_region"][number];

/** "Midlands had the most trusts with no EPR reported on …: 7 of its 39", naming every region in a tie. */
export function regionFinding(regions: readonly Count[], asOf: string): string {
  const top = leaders(regions, (r) => r.without_epr);
  const when = formatDate(asOf);
  if (top.length === 0) return `No region had a trust with no EPR reported on ${when}`;
  if (top.length === 1)
    return `${top[0]!.label} had the most trusts with no EPR reported on ${when}: ${top[0]!.without_epr} of its ${top[0]!.total}`;
  return `${joinNames(top.map((r) => r.label))} had the most trusts with no EPR reported on ${when}: ${top[0]!.without_epr} each`;
}

/** Which types of trust had none reported, largest first: "All 17 … were acute trusts" or a list. */
export function typeFinding(types: readonly Count[], asOf: string): string {
  const when = formatDate(asOf);
  const without = types.filter((c) => c.without_epr > 0).sort((a, b) => b.without_epr - a.without_epr);
  const total = without.reduce((a, c) => a + c.without_epr, 0);
  if (without.length === 0) return `Every trust open on ${when} had an EPR reported, or its status is not known`;
  if (without.length === 1)
    return `All ${total} trusts with no EPR reported on ${when} were ${without[0]!.label.toLowerCase()} trusts`;
  return `${joinNames(without.map((c) => `${c.without_epr} ${c.label.toLowerCase()}`))} trusts had no EPR reported on ${when}`;
}

/** The largest supplier (or suppliers, in a tie) and the next, by trusts served. */
export function supplierFinding(suppliers: SiteData["suppliers"], withEpr: number, asOf: string): string {
  const when = formatDate(asOf);
  const first = leaders(suppliers, (s) => s.trusts);
  if (first.length === 0) return `No trust open on ${when} had an EPR supplier on record`;
  const names = (ss: typeof suppliers) => joinNames(ss.map((s) => shortSupplierName(s.supplier)));
  if (first.length > 1)
    return `${names(first)} supplied the most trusts on ${when}: ${first[0]!.trusts} each, of the ${withEpr} with an EPR`;
  const second = leaders(
    suppliers.filter((s) => s !== first[0]),
    (s) => s.trusts,
  );
  const next = second.length
    ? `; ${names(second)} came next with ${second[0]!.trusts}${second.length > 1 ? " each" : ""}`
    : "";
  return `${names(first)} supplied the most trusts on ${when}: ${first[0]!.trusts} of the ${withEpr} with an EPR${next}`;
}

/** Every chart's model, title, subtitle, notes and sources, from the site's data. */
export function buildCharts(site: SiteData): ChartEntry[] {
  const byId = new Map(site.sources.map((s) => [s.id, s]));
  const sources = (ids: readonly string[]): Source[] =>
    [...new Set(ids)].map((id) => {
      const found = byId.get(id);
      if (!found) throw new Error(`Unknown source id ${id}`);
      return found;
    });
  const release = site.release.date;
  const list = site.snapshot;
  const listSource = sources([list.source_id]);
  /** The list's own caveat about its date, from its source; nothing when its date is plain. */
  const listNote = `NHS England's list, dated ${formatDate(list.as_of)}${list.date_caveat ? `: ${list.date_caveat}` : "."}`;

  function coverageOverTime(): ChartEntry {
    // The programme's years: the figures from 2000 and 2002 count "level 3" EPRs, a different measure.
    const since = "2022-01-01";
    const shown = site.coverage_figures.filter((s) => endOfPeriod(s.as_of) >= since);
    const targets = site.targets.filter((t) => isEprTarget(t) && t.coverage_percent !== null && t.target_date >= since);
    const latest = site.headline.share_with_epr;
    const deadline = site.headline.deadline;
    const derived = shown.filter((s) => s.derived_from);
    // Providers' own assessment is another measure: left off the line, said so beside it.
    const selfAssessment = latestSelfAssessment(site.statements);
    return {
      id: "coverage-over-time",
      kind: "coverage",
      page: "/coverage/",
      title: `Official figures put coverage at ${formatNumber(latest.value)}% in ${formatWhen(latest.as_of, latest.dates_estimated)}, against a promise of ${formatNumber(deadline.coverage_percent ?? 100)}% by ${formatDate(deadline.target_date)}`,
      subtitle:
        "Share of NHS trusts in England with an electronic patient record. Filled dots are official figures, hollow dots other estimates, dashed triangles forecasts; diamonds are targets at their deadlines.",
      notes: [
        "Official counts use different totals of trusts (see the sources page); acute-only estimates are marked in the data table.",
        "A forecast is what a minister or NHS England expected, drawn at the date it was for; it is not a target.",
        ...(derived.length
          ? [
              `${derived.map((d) => `${d.value}% (${formatDate(d.as_of)})`).join(" and ")} ${derived.length === 1 ? "is" : "are"} worked out from the counts the source gave, not a share it stated.`,
            ]
          : []),
        ...(selfAssessment ? [selfAssessmentChartNote(selfAssessment)] : []),
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
  const eventSourceNote =
    "Go-lives come from trade press and trust reports; each is listed on its trust's page with its source.";

  function byRegion(): ChartEntry {
    return {
      id: "coverage-by-region",
      kind: "bars",
      page: "/coverage/",
      title: regionFinding(site.coverage_by_region, now.as_of),
      subtitle: `Trusts open on ${formatDate(now.as_of)}, with and without an EPR by the latest evidence, by NHS England region.`,
      notes: [nowNote, eventSourceNote, listNote],
      sources: sources([list.source_id, "ods-etr-2026"]),
      asOf: now.as_of,
      models: responsive((width) => stackedBarsModel(site.coverage_by_region, { width, categoryName: "Region" })),
    };
  }

  function byType(): ChartEntry {
    const title = typeFinding(site.coverage_by_type, now.as_of);
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
  const closedBoards = new Set(
    site.icb_successions.filter((s) => s.kind !== "acquisition").map((s) => s.predecessor_code),
  ).size;
  const newBoards = new Set(
    site.icb_successions.map((s) => s.successor_code).filter((c) => !site.icbs.some((i) => i.code === c)),
  ).size;

  function hexmap(): ChartEntry {
    const mapBoardsInForce = list.as_of < boardChange;
    const withGap = site.coverage_by_icb.filter((c) => c.without_epr > 0).length;
    return {
      id: "icb-map",
      kind: "hexmap",
      page: "/coverage/",
      // The map draws the boards of 2022; an edition made after they changed is counted by them, and says so.
      title: mapBoardsInForce
        ? `On NHS England's list of ${formatDate(list.as_of)}, ${withGap} of the ${site.icbs.length} integrated care boards then in force had at least one trust without an EPR`
        : `On NHS England's list of ${formatDate(list.as_of)}, ${withGap} of the ${site.icbs.length} integrated care boards of 2022 had at least one trust without an EPR (${list.boards_in_force} boards were in force that day)`,
      subtitle: `Each hexagon is one of the ${site.icbs.length} integrated care boards of the ONS list of ${formatDate(sources(["ons-icb-names-2024"])[0]!.date)}, placed roughly where it is; the number is its trusts without an EPR on NHS England's list of ${formatDate(list.as_of)}.`,
      notes: [
        listNote,
        mapBoardsInForce
          ? `These are the boards in force on the list's date. On ${formatDate(boardChange)}, ${closedBoards} of them closed and ${newBoards} new boards took their areas; the hex layout has no version for the new boards, so the map keeps the old ones. Each trust's page gives its board now.`
          : `The list is dated after ${formatDate(boardChange)}, when ${closedBoards} of these boards closed and ${newBoards} new boards took their areas. The hex layout has no version for the new boards, so each trust is counted in the board of 2022 it belonged to. Each trust's page gives its board now.`,
        "Hexagons are equal in size whatever the area or population of the board.",
      ],
      sources: sources([
        list.source_id,
        "ods-etr-2025",
        "ons-icb-names-2024",
        "odi-hexmap-icb-2022",
        "ods-icb-successions-2026",
      ]),
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
      subtitle:
        "Each line runs from when a target was announced to when it was due. Targets for paperless or digital records come first, then the EPR targets.",
      notes: [],
      sources: sources(site.targets.map((t) => t.source_id)),
      asOf: release,
      models: responsive((width) => deadlineSlippageModel(site.targets, { width, today: release })),
    };
  }

  function timeline(): ChartEntry {
    const f = site.followup;
    const deadlines = [...new Set(fullCoverageTargets(site.targets).map((t) => t.target_date))].map((date) => ({
      date,
      label: `Deadline ${formatDate(date.slice(0, 7))}`,
    }));
    const eventSources = new Set(f.trusts.flatMap((t) => t.events.map((e) => e.publisher)));
    return {
      id: "trusts-without-epr-timeline",
      kind: "timeline",
      page: "/trusts-without-epr/",
      title: followupSentences(f.counts, f.deadline)[0]!.replace(/\.$/, ""),
      subtitle: `The ${plural(f.trusts.length, "trust")} NHS England listed without an EPR, grouped by where each stands; marks are reported events, squares the list itself, diamonds go-lives, crosses delays.`,
      notes: [
        `Events come from ${eventSources.size} publishers; each is listed with its source in the chart's data table. Unknown means no published report was found, not that a trust has no EPR.`,
        listNote,
      ],
      sources: listSource,
      asOf: release,
      // From 2021, when the programme began, to the data release.
      models: responsive((width) =>
        trustTimelineModel(f.trusts, {
          width,
          start: "2021-01-01",
          end: release,
          deadlines,
          listSourceId: list.source_id,
        }),
      ),
    };
  }

  function suppliers(byType: boolean): ChartEntry {
    const withEpr = site.suppliers.reduce((a, s) => a + s.trusts, 0);
    return {
      id: byType ? "suppliers-by-type" : "suppliers",
      kind: "suppliers",
      page: "/suppliers/",
      title: byType
        ? `Which suppliers serve which kinds of trust`
        : supplierFinding(site.suppliers, withEpr, now.as_of),
      subtitle: byType
        ? `Trusts open on ${formatDate(now.as_of)} with an EPR, by main EPR supplier by the latest evidence, split by trust type.`
        : `Trusts open on ${formatDate(now.as_of)} with an EPR, by main EPR supplier by the latest evidence (${site.suppliers.length} suppliers).`,
      notes: [
        nowNote,
        eventSourceNote,
        listNote,
        "Generic or in-house systems are grouped by NHS England as one supplier. A trust whose status is inferred from the trusts it took over is not counted.",
      ],
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
      title:
        red && latest
          ? `The programme was rated Red in ${formatDate(red.asOf.slice(0, 7))}; its latest published rating is ${latest.rating} (${formatWhen(latest.asOf, latest.asOfEstimated)})`
          : "Delivery confidence ratings of the Frontline Digitisation programme",
      subtitle:
        "The Infrastructure and Projects Authority's delivery confidence rating in each year's major projects data.",
      notes: [
        `Ratings after ${formatDate(site.gmpp.at(-1)?.data_as_of.slice(0, 7) ?? release)} come from a third party's cleaned copy of the data, not the original files; see each source's confidence.`,
      ],
      sources: sources(entries.map((e) => e.source_id)),
      asOf: entries.at(-1)?.asOf ?? release,
      asOfEstimated: entries.at(-1)?.asOfEstimated ?? false,
      models: responsive((width) => gmppRatingsModel(site.gmpp, site.programme, { width })),
    };
  }

  function wholeLifeCost(): ChartEntry {
    const items = wholeLifeCostItems(site.gmpp, site.programme);
    const [first, last] = [items[0], items.at(-1)];
    const latestWlc = items
      .filter((i) => i.as_of)
      .sort((a, b) => compareCodePoints(endOfPeriod(a.as_of!), endOfPeriod(b.as_of!)))
      .at(-1);
    return {
      id: "programme-whole-life-cost",
      kind: "money",
      page: "/programme/",
      title:
        first && last
          ? `The programme's whole-life cost went from ${formatMoney(first.value)} (${first.label}) to ${formatMoney(last.value)} (${last.label})`
          : "Whole-life cost of the programme",
      subtitle: "Whole-life cost of Frontline Digitisation in each year's major projects data, £.",
      notes: [
        `Figures for ${items
          .filter((i) => !site.gmpp.some((g) => g.source_id === i.source_id))
          .map((i) => i.label)
          .join(" and ")} come from a third party's cleaned copy of the data.`,
      ],
      sources: sources(items.map((i) => i.source_id)),
      // The date the latest figure describes, not the release: an assumed month reads "about".
      asOf: latestWlc?.as_of ?? release,
      asOfEstimated: latestWlc?.as_of_basis ? isUncertainDate(latestWlc.as_of_basis) : false,
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
      subtitle:
        'Published figures for one financial year at a time: the programme\'s budget, and money paid or planned for trusts, £. "≥" marks a lower bound.',
      notes: ["No published figure for a single later year was found."],
      sources: sources(items.map((i) => i.source_id)),
      asOf: release,
      models: responsive((width) => moneyBarsModel(items, { width, measure: "Amount" })),
    };
  }

  return [
    coverageOverTime(),
    byRegion(),
    byType(),
    hexmap(),
    slippage(),
    timeline(),
    suppliers(false),
    suppliers(true),
    ratings(),
    wholeLifeCost(),
    funding(),
  ].map(withRowSources);
}

/**
 * Every row of a chart's CSV names its source. A model whose rows each come from one figure says so
 * itself; rows that count trusts across the chart's data rest on all its sources, so each names them.
 */
function withRowSources(c: ChartEntry): ChartEntry {
  const ids = c.sources.map((s) => s.id);
  const sourced = <M extends ChartBase>(m: M): M =>
    m.table.csvOnly?.some((col) => col.name === SOURCE_ID)
      ? m
      : {
          ...m,
          table: { ...m.table, csvOnly: [...(m.table.csvOnly ?? []), sourceIdColumn(m.table.rows.map(() => ids))] },
        };
  return { ...c, models: { narrow: sourced(c.models.narrow), wide: sourced(c.models.wide) } } as ChartEntry;
}
