/**
 * The data step's pure core: validated tables in, the site's model out. No I/O here, so every
 * join and metric is tested on small hand-made tables.
 */
import { DataError } from "./errors.ts";
import { byPeriodEnd, dayBefore, daysBetween, formatDate } from "./dates.ts";
import type { Source } from "./sources.ts";
import { boardsByCode, boardsInForceOn, buildTrusts, changeSinceList, trustsOpenOn, type Trust } from "./trusts.ts";
import { editionForDeadline, listEditions, type ListEdition } from "./editions.ts";
import { STATUS_NOW, type StatusNow } from "./status.ts";
import { coverageFigures, latestOfficialShare, passedOverShares, type CoverageFigure } from "./figures.ts";
import { estimates, type Estimate } from "./estimates.ts";
import { figureChecks, type FigureChecks } from "./figure-quotes.ts";
import {
  isEprDeadline,
  TRUST_TYPES,
  type GmppRow,
  type IcbRow,
  type IcbSuccessionRow,
  type ProgrammeRow,
  type RegionRow,
  type StatementRow,
  type TargetRow,
  type TrustEventRow,
  type TrustType,
} from "./tables.ts";
import type { ChangelogEntry } from "./changelog.ts";
import { countByCategory, followTrusts, type Followup, type FollowupCategory } from "./followup.ts";
import { compareCodePoints, compareNames } from "../order.ts";
import { TRUST_TYPE_LABELS } from "../words/vocabulary.ts";

export type { DataInput } from "./input.ts";
export { ICB_SUCCESSIONS_SOURCE_ID, ODS_SUCCESSIONS_SOURCE_ID, ODS_TRUSTS_SOURCE_ID } from "./input.ts";
import type { DataInput } from "./input.ts";

export { trustsOpenOn, type Trust } from "./trusts.ts";
export type { Reconciliation } from "./reconcile.ts";
import { inputStages, runStages } from "./validate.ts";
import { reconcile, reconcileFollowup, type Reconciliation } from "./reconcile.ts";

/** Trusts in one category, by status: with and without an EPR, and the rest (not known). */
export interface CoverageCount {
  key: string;
  label: string;
  total: number;
  with_epr: number;
  without_epr: number;
}

/** Counts of trusts by status on a date, and what they are counted from. */
export interface StatusCounts {
  /** The day counted. */
  as_of: string;
  /** Trusts open that day (not known to have closed). */
  total: number;
  by_status: Record<StatusNow, number>;
}

export interface SupplierCount {
  supplier: string;
  trusts: number;
  by_type: Record<TrustType, number>;
}

/**
 * A trust open the day before the list's date but not in it. The list's own day of making is not known,
 * so it is never said to have been open "when the list was made": a trust whose last day was the day
 * before says so, with both dates.
 */
export function openNotListedMessage(
  t: { code: string; name: string; close_date: string | null },
  listDate: string,
): string {
  const list = `NHS England's list of ${formatDate(listDate)}`;
  return t.close_date === dayBefore(listDate)
    ? `${t.code} (${t.name}) is not in ${list}: its last day as a trust was ${formatDate(t.close_date)}, the day before the list's date.`
    : `${t.code} (${t.name}) was open on ${formatDate(dayBefore(listDate))}, the day before the date of ${list}, but is not in it.`;
}

export type WarningKind =
  | "listed_not_in_ods"
  | "open_not_listed"
  | "icb_unnamed"
  | "official_differs"
  | "newer_share_passed_over"
  | "list_contradicts_go_live"
  | "quoted_answer_corrected";

export interface Warning {
  kind: WarningKind;
  message: string;
}

export interface SiteData {
  release: { date: string };
  sources: Source[];
  regions: RegionRow[];
  icbs: IcbRow[];
  icb_successions: IcbSuccessionRow[];
  trusts: Trust[];
  /** Every edition of NHS England's list, oldest first, each with its own counts, date caveat and boards. */
  list_editions: ListEdition[];
  /** The latest edition of NHS England's list, as published. */
  snapshot: ListEdition;
  /** Trusts by status on the release date, from the latest evidence for each. */
  status_now: StatusCounts;
  /** How many trusts on the latest list have a different status now because of later evidence. */
  status_changed_since_list: number;
  /** Open trusts by region and by type, by status on the release date. */
  coverage_by_region: CoverageCount[];
  coverage_by_type: CoverageCount[];
  /** The latest list by the board each trust belonged to on the list's date. */
  coverage_by_icb: CoverageCount[];
  /** Open trusts with an EPR on the release date, by supplier. */
  suppliers: SupplierCount[];
  statements: StatementRow[];
  /** Every share of trusts with an EPR, stated or derived from counts, and the forecasts. */
  coverage_figures: CoverageFigure[];
  targets: TargetRow[];
  programme: ProgrammeRow[];
  gmpp: GmppRow[];
  reconciliation: Reconciliation[];
  headline: Headline;
  /** The trusts listed without an EPR on the edition the deadline is judged from, followed to the deadline and after. */
  followup: {
    list_date: string;
    list_source_id: string;
    deadline: string;
    trusts: Followup[];
    counts: Record<FollowupCategory, number>;
  };
  /** Every dated trust event, for the trust pages (including trusts outside the follow-up). */
  trust_events: TrustEventRow[];
  /** Every estimate and fill-in the site makes, for the sources page. */
  estimates: Estimate[];
  /** Figures checked against an answer we hold (with the day it was corrected, set by the data step), against the source's words we keep, and the rest. */
  figure_checks: FigureChecks;
  /** Data releases, newest first. */
  changelog: ChangelogEntry[];
  warnings: Warning[];
}

export interface Headline {
  /** Latest official figure of the share of trusts with an EPR (derived from counts if no share was given). */
  share_with_epr: CoverageFigure;
  trusts_with_epr: StatementRow | null;
  trusts_without_epr: StatementRow | null;
  trusts_in_scope: StatementRow | null;
  /** The deadline in force: the latest-announced EPR target. */
  deadline: TargetRow;
  /** Days from the release date to the deadline; negative once it has passed. */
  days_to_deadline: number;
}

/** Count trusts by a key, with and without an EPR, given each trust's status in the count. */
function countBy(
  trusts: readonly Trust[],
  status: (t: Trust) => StatusNow | null,
  key: (t: Trust) => string,
  label: (k: string) => string,
  order: readonly string[],
): CoverageCount[] {
  const groups = Map.groupBy(trusts, key);
  return [...groups.entries()]
    .map(([k, ts]) => ({
      key: k,
      label: label(k),
      total: ts.length,
      with_epr: ts.filter((t) => status(t) === "epr").length,
      without_epr: ts.filter((t) => status(t) === "no_epr").length,
    }))
    .sort((a, b) => {
      const ia = order.indexOf(a.key),
        ib = order.indexOf(b.key);
      return (ia < 0 ? 1e9 : ia) - (ib < 0 ? 1e9 : ib) || compareCodePoints(a.key, b.key);
    });
}

/** The site's model from the data step's input, after the input passes validation's stages (validate.ts). */
export function buildSiteData(input: DataInput): { site: SiteData; warnings: Warning[] } {
  runStages(inputStages(input));
  return buildValidatedSiteData(input);
}

/** The site's model from input that has passed every stage of validate.ts: the data step's one pass. */
export function buildValidatedSiteData(input: DataInput): { site: SiteData; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const day = input.release.date;

  const regionName = new Map<string, string>(input.regions.map((r) => [r.code, r.name]));
  const icbByCode = new Map(input.icbs.map((i) => [i.code, i]));
  const trusts = buildTrusts(input, day);

  // The latest edition of NHS England's list is the snapshot; earlier ones stay as history.
  const boards = boardsByCode(input.icbs, input.icbSuccessions);
  const editions = listEditions(input.eprStatus, input.sources, (d) => boardsInForceOn(boards, d));
  const snapshot = editions.at(-1);
  if (!snapshot) throw new DataError([{ file: "data/epr-status.csv", expected: "at least one trust" }]);
  const listed = trusts.filter((t) => t.list?.source_id === snapshot.source_id);

  for (const t of listed.filter((t) => !t.in_ods_trust_list)) {
    warnings.push({
      kind: "listed_not_in_ods",
      message: `${t.code} (${t.name}) is in NHS England's EPR list but not in the ODS trust file${t.region_code ? `; region taken from its successor ${t.merged_into.map((m) => m.code).join(", ")}` : "; its region is unknown"}.`,
    });
  }
  // The list shows trusts as they stood the day before its date (it still has trusts that closed that eve).
  for (const t of trustsOpenOn(trusts, dayBefore(snapshot.as_of)).filter(
    (t) => t.list?.source_id !== snapshot.source_id,
  )) {
    warnings.push({ kind: "open_not_listed", message: openNotListedMessage(t, snapshot.as_of) });
  }
  for (const t of trusts.filter((t) => t.icb && t.icb.name === null)) {
    warnings.push({
      kind: "icb_unnamed",
      message: `${t.code} (${t.name}) is in ICB ${t.icb!.code}, which has no name in the ICB files.`,
    });
  }

  // Counts of today: trusts open on the release date, by what the latest evidence says of each.
  const openNow = trusts.filter((t) => t.status_now.status !== "closed");
  const nowStatus = (t: Trust) => t.status_now.status;
  const status_now: StatusCounts = {
    as_of: day,
    total: openNow.length,
    by_status: Object.fromEntries(
      STATUS_NOW.map((k) => [k, trusts.filter((t) => t.status_now.status === k).length]),
    ) as Record<StatusNow, number>,
  };
  const atList = (t: Trust): StatusNow => (t.list!.has_epr ? "epr" : "no_epr");
  const status_changed_since_list = listed.filter((t) => changeSinceList(t) !== null).length;

  const regionOrder = input.regions.map((r) => r.code);
  const coverage_by_region = countBy(
    openNow,
    nowStatus,
    (t) => t.region_code ?? "unknown",
    (k) => regionName.get(k) ?? "Region not known",
    regionOrder,
  );
  const coverage_by_type = countBy(
    openNow,
    nowStatus,
    (t) => t.trust_type ?? "unknown",
    (k) => TRUST_TYPE_LABELS[k as TrustType] ?? "Type not known",
    [...TRUST_TYPES],
  );
  // The map draws the boards of 2022, so it counts the list by the board of 2022 each trust was in.
  const boardThen = (t: Trust) => t.icb_2022?.code ?? "";
  const coverage_by_icb = countBy(
    listed.filter((t) => icbByCode.has(boardThen(t))),
    atList,
    boardThen,
    (k) => icbByCode.get(k)!.short_name,
    input.icbs.map((i) => i.code),
  );

  const supplierGroups = Map.groupBy(
    openNow.filter(
      (t) => t.status_now.status === "epr" && t.status_now.supplier && t.status_now.basis !== "predecessors",
    ),
    (t) => t.status_now.supplier!,
  );
  const suppliers: SupplierCount[] = [...supplierGroups.entries()]
    .map(([supplier, ts]) => ({
      supplier,
      trusts: ts.length,
      by_type: Object.fromEntries(
        TRUST_TYPES.map((ty) => [ty, ts.filter((t) => t.trust_type === ty).length]),
      ) as Record<TrustType, number>,
    }))
    .sort((a, b) => b.trusts - a.trusts || compareNames(a.supplier, b.supplier));

  const coverage_figures = coverageFigures(input.statements);
  const head = headline(input, coverage_figures);
  for (const f of passedOverShares(coverage_figures, head.share_with_epr)) {
    warnings.push({
      kind: "newer_share_passed_over",
      message: `Statement ${f.id} (${f.value}% as of ${f.as_of}, scope ${f.scope}) is newer than the headline figure ${head.share_with_epr.id} (as of ${head.share_with_epr.as_of}) but is not used for it: the headline takes official shares of all or secondary-care trusts only.`,
    });
  }
  for (const t of trusts.filter((t) => t.status_now.contradictions.length)) {
    for (const c of t.status_now.contradictions) {
      warnings.push({
        kind: "list_contradicts_go_live",
        message: `${t.code} (${t.name}): NHS England's list of ${c.as_of} records ${c.has_epr ? c.supplier : "no EPR"}, after a reported go-live (${t.status_now.event_id}, ${t.status_now.since}); the go-live is kept and the page flags the list.`,
      });
    }
  }
  // The deadline is judged from the latest edition made by then, so a later edition never rewrites who was listed before it.
  const base = editionForDeadline(editions, head.deadline.target_date)!;
  const followedTrusts = followTrusts(
    trusts
      .filter((t) => t.lists.some((l) => l.source_id === base.source_id && !l.has_epr))
      .map((t) => ({ code: t.code, name: t.name })),
    input.trustEvents,
    base.as_of,
    head.deadline.target_date,
    day,
  );
  const followup = {
    list_date: base.as_of,
    list_source_id: base.source_id,
    deadline: head.deadline.target_date,
    trusts: followedTrusts,
    counts: countByCategory(followedTrusts),
  };
  const reconciliation = [
    ...reconcile(input.statements, editions, trusts),
    ...reconcileFollowup(input.statements, followup),
  ];
  for (const r of reconciliation.filter((r) => r.difference !== 0)) {
    warnings.push({
      kind: "official_differs",
      message: `Statement ${r.statement_id} (${r.metric}, as of ${r.as_of}) says ${r.official_value}; ${r.compared_with} gives ${r.comparison_value} (difference ${r.difference > 0 ? "+" : ""}${r.difference}).`,
    });
  }

  const site: SiteData = {
    release: input.release,
    sources: input.sources,
    regions: input.regions,
    icbs: input.icbs,
    icb_successions: input.icbSuccessions,
    trusts,
    list_editions: editions,
    snapshot,
    status_now,
    status_changed_since_list,
    coverage_by_region,
    coverage_by_type,
    coverage_by_icb,
    suppliers,
    statements: input.statements,
    coverage_figures,
    targets: input.targets,
    programme: input.programme,
    gmpp: input.gmpp,
    reconciliation,
    headline: head,
    followup,
    trust_events: input.trustEvents,
    figure_checks: figureChecks(input),
    estimates: estimates({
      sources: input.sources,
      statements: input.statements,
      programme: input.programme,
      events: input.trustEvents,
      trusts,
      figures: coverage_figures,
    }),
    changelog: input.changelog,
    warnings,
  };
  return { site, warnings };
}

function headline(input: DataInput, figures: readonly CoverageFigure[]): Headline {
  const share = latestOfficialShare(figures);
  if (!share)
    throw new DataError([
      {
        file: "data/statements.csv",
        expected:
          "at least one official share_with_epr figure, or counts to derive one, for secondary-care trusts or all trusts",
      },
    ]);
  // Counts only from the same source as the share, so the headline never mixes two statements.
  const sameSource = (metric: string) =>
    input.statements.find(
      (s) =>
        s.metric === metric && s.source_id === share.source_id && s.as_of === share.as_of && s.scope === share.scope,
    ) ?? null;
  const eprTargets = input.targets.filter(isEprDeadline).sort(byPeriodEnd("announced_on"));
  const deadline = eprTargets.at(-1);
  if (!deadline) throw new DataError([{ file: "data/targets.csv", expected: "at least one epr_coverage target" }]);
  return {
    share_with_epr: share,
    trusts_with_epr: sameSource("trusts_with_epr"),
    trusts_without_epr: sameSource("trusts_without_epr"),
    trusts_in_scope: sameSource("trusts_in_scope"),
    deadline,
    days_to_deadline: daysBetween(input.release.date, deadline.target_date),
  };
}
