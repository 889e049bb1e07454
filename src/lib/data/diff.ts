/**
 * What changed in what the site says between two releases, not in which rows of which files: each
 * trust's status now (losses of an EPR first, then gains, then supplier changes, a supplier renamed
 * across a list edition as one change), trusts closed, merged, opened or renamed, the headline figure and
 * the counts by status, list editions that contradict later evidence, and new sources, figures, targets
 * and reports. Pure: both releases come in as the site's model (buildSiteData), and the sentences name
 * trusts and sources the way readers see them, never a file or a row id. Written answers have their own
 * diff (src/lib/parliament/diff.ts).
 */
import { formatDate, formatWhen } from "./dates.ts";
import type { CoverageFigure } from "./figures.ts";
import { ODS_SUCCESSIONS_SOURCE_ID, ODS_TRUSTS_SOURCE_ID } from "./input.ts";
import type { Source } from "./sources.ts";
import type { StatusNow, TrustStatus } from "./status.ts";
import type { ProgrammeRow, StatementMetric, StatementRow, TargetRow, TrustEventRow } from "./tables.ts";
import { measureOf } from "./measures.ts";
import type { Trust } from "./trusts.ts";
import { formatMoney, formatNumber, plural } from "../format.ts";
import { programmeLabel } from "../words/programme.ts";
import { SCOPE_WORDS, STATUS_NOW_COUNTS, STATUS_NOW_STATES } from "../words/vocabulary.ts";
import { compareCodePoints, compareNames } from "../order.ts";

/** A list edition that contradicts later evidence (src/lib/data/status.ts records them when it can). */
export interface Contradiction {
  source_id: string;
  as_of: string;
  has_epr: boolean;
  supplier: string | null;
}

/** What the diff reads of a trust's status now. */
export type StatusView = Pick<TrustStatus, "status" | "basis" | "since" | "supplier" | "source_id" | "event_id"> & {
  contradictions?: readonly Contradiction[];
};

export type TrustView = Pick<
  Trust,
  "code" | "name" | "open_date" | "close_date" | "merged_into" | "took_over" | "region_name" | "lists"
> & {
  status_now: StatusView;
};

/** What the diff reads of the site's model: SiteData has all of it, and a test fixture only this. */
export interface SiteView {
  release: { date: string };
  sources: readonly Pick<Source, "id" | "title" | "publisher" | "date" | "date_estimated">[];
  list_editions: readonly { source_id: string; as_of: string; total: number }[];
  trusts: readonly TrustView[];
  status_now: { total: number; by_status: Record<StatusNow, number> };
  headline: {
    share_with_epr: Pick<CoverageFigure, "id" | "value" | "scope" | "as_of" | "dates_estimated" | "source_id">;
    deadline: Pick<TargetRow, "id" | "promise" | "target_date" | "source_id">;
  };
  statements: readonly StatementRow[];
  targets: readonly TargetRow[];
  programme: readonly ProgrammeRow[];
  trust_events: readonly TrustEventRow[];
}

export interface TrustRef {
  code: string;
  name: string;
}

/** A status as the site states it: EPR (with its supplier), no EPR, not known or closed. */
export interface StatusState {
  status: StatusNow;
  supplier: string | null;
}

/** What a status rests on, as a reader can look it up: its date and its source. */
export interface Evidence {
  kind: "list" | "report" | "predecessors" | "ods" | "none";
  date: string | null;
  /** The source's title (a list edition's, a report's, ODS's file), or null when there is none. */
  title: string | null;
  publisher: string | null;
}

export interface StatusChange {
  trust: TrustRef;
  from: StatusState;
  to: StatusState;
  /** What the new status rests on. */
  evidence: Evidence;
  /** What the old one rested on: a reader of a reversal needs both. */
  evidence_before: Evidence;
}

export interface FigureWords {
  /** "80% of secondary care trusts had an EPR" */
  value: string;
  as_of: string;
  dates_estimated: boolean;
  source: string;
}

export interface FigureChange {
  change: "new" | "revised" | "removed";
  kind: "coverage" | "money" | "target";
  official: boolean;
  /** What it measures, in words ("trusts without an EPR"). */
  what: string;
  /** The value as the site writes it ("97%", "£393m", "due 31 March 2026"). */
  value: string;
  /** The value before, for a revised figure whose value changed. */
  previous: string | null;
  as_of: string;
  dates_estimated: boolean;
  source: string;
}

export interface SiteDiff {
  release: { from: string; to: string };
  headline: {
    share: { from: FigureWords; to: FigureWords; changed: boolean };
    counts: { from: Record<StatusNow, number>; to: Record<StatusNow, number>; changed: boolean };
    deadline: { from: string; to: string } | null;
  };
  /** EPR before, no EPR or not known now. */
  lost: StatusChange[];
  /** No EPR or not known before, EPR now. */
  gained: StatusChange[];
  /** Other changes of status between open trusts (no EPR and not known, or a trust open again). */
  other_status: StatusChange[];
  /** Every trust the edition before listed with supplier `from`, a new list edition lists with `to`. */
  supplier_renamed: {
    from: string;
    to: string;
    edition: { source_id: string; as_of: string; title: string | null };
    trusts: TrustRef[];
  }[];
  supplier_changed: StatusChange[];
  /** List editions newly found to contradict the evidence a trust's status rests on. */
  contradicted: { trust: TrustRef; now: StatusState; evidence: Evidence; edition: Contradiction }[];
  closed: { trust: TrustRef; last_day: string; merged_into: TrustRef[]; evidence: Evidence }[];
  /** Mergers recorded that have not yet closed the trust (dated after the release). */
  merging: { trust: TrustRef; into: TrustRef; date: string; evidence: Evidence }[];
  opened: { trust: TrustRef; open_date: string | null; took_over: TrustRef[]; now: StatusState; evidence: Evidence }[];
  renamed: { code: string; from: string; to: string; evidence: Evidence }[];
  region_changed: { trust: TrustRef; from: string | null; to: string | null }[];
  removed: TrustRef[];
  list_editions: { as_of: string; total: number; title: string | null }[];
  sources: { title: string; publisher: string; date: string; date_estimated: boolean }[];
  figures: FigureChange[];
  reports: { trust: TrustRef; date: string; summary: string; title: string; publisher: string }[];
}

const METRIC_WORDS: Record<StatementMetric, string> = {
  trusts_with_epr: "trusts with an EPR",
  trusts_without_epr: "trusts without an EPR",
  share_with_epr: "share of trusts with an EPR",
  share_without_epr: "share of trusts without an EPR",
  trusts_in_scope: "trusts counted",
  forecast_share_with_epr: "forecast share of trusts with an EPR",
  forecast_share_without_epr: "forecast share of trusts without an EPR",
  forecast_trusts_missing_deadline: "trusts forecast to miss the deadline",
  trusts_without_epr_business_case: "trusts without an EPR writing a business case",
  trusts_without_epr_procuring: "trusts without an EPR buying one",
  trusts_without_epr_implementing: "trusts without an EPR putting one in",
  trusts_epr_meeting_standard: "trusts whose EPR meets the standard",
  trusts_epr_needing_extension: "trusts whose EPR needs extending",
  trusts_not_installed_or_procuring: "trusts neither with an EPR nor buying one",
  trusts_funded_or_supported: "trusts funded or supported",
  dma_share_using_epr: "share of providers saying they use an EPR (NHS England's self-assessment)",
  dma_trusts_in_scope: "trusts in the scope of NHS England's self-assessment",
};

const ref = (t: TrustView): TrustRef => ({ code: t.code, name: t.name });
const state = (s: StatusView): StatusState => ({ status: s.status, supplier: s.status === "epr" ? s.supplier : null });
const byTrust = <T extends { trust: TrustRef }>(a: T, b: T) =>
  compareNames(a.trust.name, b.trust.name) || compareCodePoints(a.trust.code, b.trust.code);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function statementValue(s: Pick<StatementRow, "value" | "unit" | "scope" | "metric">): string {
  // The self-assessment counts providers in its own scope, not the trusts a scope word names.
  if (measureOf(s.metric) === "dma_self_assessment")
    return s.unit === "percent" ? `${formatNumber(s.value)}% of providers` : plural(s.value, "trust");
  return s.unit === "percent"
    ? `${formatNumber(s.value)}% of ${SCOPE_WORDS[s.scope]}`
    : `${plural(s.value, "trust")} (${SCOPE_WORDS[s.scope]})`;
}

function programmeValue(p: ProgrammeRow): string {
  const v =
    p.rating ??
    (p.value === null ? "no value given" : p.unit === "gbp_million" ? formatMoney(p.value) : formatNumber(p.value));
  const bound = p.bound === "at_least" ? "at least " : p.bound === "about" ? "about " : "";
  return `${p.period ? `${p.period}: ` : ""}${bound}${v}`;
}

/** Compare rows of one kind by id: added, changed or gone. */
function rowChanges<R extends { id: string }>(
  before: readonly R[],
  after: readonly R[],
  words: (r: R) => Omit<FigureChange, "change" | "previous">,
): FigureChange[] {
  const old = new Map(before.map((r) => [r.id, r]));
  const now = new Set(after.map((r) => r.id));
  const out: FigureChange[] = [];
  for (const r of after) {
    const prev = old.get(r.id);
    if (!prev) out.push({ change: "new", previous: null, ...words(r) });
    else {
      // Only what the site says of the figure counts; a note or a confidence grade is not a revision.
      const [w, p] = [words(r), words(prev)];
      if (!same(w, p)) out.push({ change: "revised", previous: p.value === w.value ? null : p.value, ...w });
    }
  }
  for (const r of before) if (!now.has(r.id)) out.push({ change: "removed", previous: null, ...words(r) });
  return out;
}

export function diffSite(before: SiteView, after: SiteView): SiteDiff {
  const sources = new Map([...before.sources, ...after.sources].map((s) => [s.id, s]));
  const sourceTitle = (id: string) => sources.get(id)?.title ?? id;
  const events = new Map([...before.trust_events, ...after.trust_events].map((e) => [e.id, e]));
  const editionOf = new Set([...before.list_editions, ...after.list_editions].map((e) => e.source_id));
  // ODS's files say when a trust opened, closed, merged or took a new name; the file's date is the evidence's.
  const odsEvidence = (sourceId: string): Evidence => {
    const s = sources.get(sourceId);
    return { kind: "ods", date: s?.date ?? null, title: s?.title ?? null, publisher: s?.publisher ?? null };
  };
  const evidence = (s: StatusView): Evidence => {
    if (s.basis === "go_live" && s.event_id) {
      const e = events.get(s.event_id);
      return { kind: "report", date: s.since, title: e?.source_title ?? null, publisher: e?.publisher ?? null };
    }
    if (s.basis === "list" || s.basis === "predecessors") {
      const src = s.source_id ? sources.get(s.source_id) : undefined;
      return { kind: s.basis, date: s.since, title: src?.title ?? null, publisher: src?.publisher ?? null };
    }
    if (s.basis === "closed") return odsEvidence(ODS_TRUSTS_SOURCE_ID);
    return { kind: "none", date: null, title: null, publisher: null };
  };

  const oldTrusts = new Map(before.trusts.map((t) => [t.code, t]));
  const newTrusts = new Map(after.trusts.map((t) => [t.code, t]));
  const nameOf = (code: string): TrustRef => ({
    code,
    name: newTrusts.get(code)?.name ?? oldTrusts.get(code)?.name ?? code,
  });

  const diff: SiteDiff = {
    release: { from: before.release.date, to: after.release.date },
    headline: headlineChange(before, after, sourceTitle),
    lost: [],
    gained: [],
    other_status: [],
    supplier_renamed: [],
    supplier_changed: [],
    contradicted: [],
    closed: [],
    merging: [],
    opened: [],
    renamed: [],
    region_changed: [],
    removed: [],
    list_editions: [],
    sources: [],
    figures: [],
    reports: [],
  };

  for (const t of after.trusts) {
    const prev = oldTrusts.get(t.code);
    const now = state(t.status_now);
    if (!prev) {
      diff.opened.push({
        trust: ref(t),
        open_date: t.open_date,
        took_over: t.took_over.map((p) => nameOf(p.code)),
        now,
        evidence: evidence(t.status_now),
      });
      continue;
    }
    if (prev.name !== t.name)
      diff.renamed.push({ code: t.code, from: prev.name, to: t.name, evidence: odsEvidence(ODS_TRUSTS_SOURCE_ID) });
    if (prev.region_name !== t.region_name)
      diff.region_changed.push({ trust: ref(t), from: prev.region_name, to: t.region_name });
    const oldMergers = new Set(prev.merged_into.map((m) => `${m.code}|${m.date}`));
    const was = state(prev.status_now);
    const change: StatusChange = {
      trust: ref(t),
      from: was,
      to: now,
      evidence: evidence(t.status_now),
      evidence_before: evidence(prev.status_now),
    };
    if (now.status === "closed") {
      if (was.status !== "closed")
        diff.closed.push({
          trust: ref(t),
          last_day: t.status_now.since ?? t.close_date ?? "",
          merged_into: t.merged_into.map((m) => nameOf(m.code)),
          evidence: odsEvidence(t.close_date ? ODS_TRUSTS_SOURCE_ID : ODS_SUCCESSIONS_SOURCE_ID),
        });
    } else {
      for (const m of t.merged_into.filter((m) => !oldMergers.has(`${m.code}|${m.date}`)))
        diff.merging.push({
          trust: ref(t),
          into: nameOf(m.code),
          date: m.date,
          evidence: odsEvidence(ODS_SUCCESSIONS_SOURCE_ID),
        });
      if (was.status === "closed") diff.other_status.push(change);
      else if (was.status === "epr" && now.status !== "epr") diff.lost.push(change);
      else if (was.status !== "epr" && now.status === "epr") diff.gained.push(change);
      else if (was.status !== now.status) diff.other_status.push(change);
      else if (was.supplier !== now.supplier) diff.supplier_changed.push(change);
    }
    const oldSeen = new Set((prev.status_now.contradictions ?? []).map((c) => c.source_id));
    for (const c of t.status_now.contradictions ?? [])
      if (!oldSeen.has(c.source_id))
        diff.contradicted.push({ trust: ref(t), now, evidence: evidence(t.status_now), edition: c });
  }
  diff.removed = before.trusts.filter((t) => !newTrusts.has(t.code)).map(ref);
  diff.supplier_renamed = supplierRenames(before, after);
  // A trust whose supplier now differs only by the new name is told in the rename's one line.
  const renamedBy = (c: StatusChange) =>
    diff.supplier_renamed.some(
      (r) =>
        c.from.supplier === r.from &&
        c.to.supplier === r.to &&
        newTrusts.get(c.trust.code)?.status_now.source_id === r.edition.source_id,
    );
  diff.supplier_changed = diff.supplier_changed.filter((c) => !renamedBy(c));
  for (const list of [
    diff.lost,
    diff.gained,
    diff.other_status,
    diff.supplier_changed,
    diff.contradicted,
    diff.closed,
    diff.merging,
    diff.opened,
    diff.region_changed,
  ])
    list.sort(byTrust);
  diff.renamed.sort((a, b) => compareNames(a.to, b.to) || compareCodePoints(a.code, b.code));
  diff.removed.sort((a, b) => compareNames(a.name, b.name));

  const oldEditions = new Set(before.list_editions.map((e) => e.source_id));
  diff.list_editions = after.list_editions
    .filter((e) => !oldEditions.has(e.source_id))
    .map((e) => ({ as_of: e.as_of, total: e.total, title: sources.get(e.source_id)?.title ?? null }));
  const oldSources = new Set(before.sources.map((s) => s.id));
  diff.sources = after.sources
    .filter((s) => !oldSources.has(s.id) && !editionOf.has(s.id))
    .map((s) => ({ title: s.title, publisher: s.publisher, date: s.date, date_estimated: s.date_estimated }))
    .sort((a, b) => compareNames(a.title, b.title));

  diff.figures = [
    ...rowChanges(before.statements, after.statements, (s) => ({
      kind: "coverage",
      official: s.official,
      what: METRIC_WORDS[s.metric],
      value: statementValue(s),
      as_of: s.as_of,
      dates_estimated: s.dates_estimated,
      source: sourceTitle(s.source_id),
    })),
    ...rowChanges(before.programme, after.programme, (p) => ({
      kind: "money",
      official: true,
      what: programmeLabel(p),
      value: programmeValue(p),
      as_of: p.as_of,
      dates_estimated: p.dates_estimated,
      source: sourceTitle(p.source_id),
    })),
    ...rowChanges(before.targets, after.targets, (t) => ({
      kind: "target",
      official: true,
      what: t.promise,
      value: `due ${formatDate(t.target_date)}`,
      as_of: t.announced_on,
      dates_estimated: false,
      source: sourceTitle(t.source_id),
    })),
  ];

  // Reports already told as the evidence of a change of status are not told again.
  const told = new Set(
    [...diff.gained, ...diff.supplier_changed, ...diff.opened]
      .map((c) => newTrusts.get(c.trust.code)?.status_now.event_id)
      .filter(Boolean),
  );
  const oldEvents = new Set(before.trust_events.map((e) => e.id));
  diff.reports = after.trust_events
    .filter((e) => !oldEvents.has(e.id) && !told.has(e.id) && e.event !== "listed_no_epr")
    .map((e) => ({
      trust: nameOf(e.ods_code),
      date: e.event_date,
      summary: e.summary,
      title: e.source_title,
      publisher: e.publisher,
    }))
    .sort((a, b) => byTrust(a, b) || compareCodePoints(a.date, b.date));
  return diff;
}

function headlineChange(before: SiteView, after: SiteView, sourceTitle: (id: string) => string): SiteDiff["headline"] {
  const share = (h: SiteView["headline"]["share_with_epr"]): FigureWords => ({
    value: `${formatNumber(h.value)}% of ${SCOPE_WORDS[h.scope]} had an EPR`,
    as_of: h.as_of,
    dates_estimated: h.dates_estimated,
    source: sourceTitle(h.source_id),
  });
  const [from, to] = [share(before.headline.share_with_epr), share(after.headline.share_with_epr)];
  const [a, b] = [before.headline.deadline, after.headline.deadline];
  return {
    share: { from, to, changed: !same(from, to) },
    counts: {
      from: before.status_now.by_status,
      to: after.status_now.by_status,
      changed: !same(before.status_now.by_status, after.status_now.by_status),
    },
    deadline:
      a.id === b.id && a.target_date === b.target_date
        ? null
        : {
            from: `${a.promise} (due ${formatDate(a.target_date)})`,
            to: `${b.promise} (due ${formatDate(b.target_date)})`,
          },
  };
}

/**
 * Suppliers renamed by a new list edition: every trust the edition before it listed with supplier A
 * (and that this edition lists) it lists with B, and there are at least two of them (one trust
 * changing is a change, not a name). Read from the editions themselves, so a trust whose status rested
 * on a report of another supplier neither hides a rename nor is hidden in one.
 */
function supplierRenames(before: SiteView, after: SiteView): SiteDiff["supplier_renamed"] {
  const known = new Set(before.list_editions.map((e) => e.source_id));
  const editions = [...after.list_editions].sort(
    (a, b) => compareCodePoints(a.as_of, b.as_of) || compareCodePoints(a.source_id, b.source_id),
  );
  const out: SiteDiff["supplier_renamed"] = [];
  for (const [i, edition] of editions.entries()) {
    const previous = editions[i - 1];
    if (known.has(edition.source_id) || !previous) continue;
    const moves = new Map<string, { to: Set<string | null>; trusts: TrustRef[] }>();
    for (const t of after.trusts) {
      const [was, now] = [
        t.lists.find((l) => l.source_id === previous.source_id),
        t.lists.find((l) => l.source_id === edition.source_id),
      ];
      if (!was?.has_epr || !was.supplier || !now) continue;
      const move = moves.get(was.supplier) ?? { to: new Set(), trusts: [] };
      move.to.add(now.has_epr ? now.supplier : null);
      move.trusts.push(ref(t));
      moves.set(was.supplier, move);
    }
    for (const [from, move] of moves) {
      const [to] = move.to;
      if (move.to.size !== 1 || !to || to === from || move.trusts.length < 2) continue;
      const title = after.sources.find((s) => s.id === edition.source_id)?.title ?? null;
      out.push({
        from,
        to,
        edition: { source_id: edition.source_id, as_of: edition.as_of, title },
        trusts: move.trusts.sort((a, b) => compareNames(a.name, b.name) || compareCodePoints(a.code, b.code)),
      });
    }
  }
  return out.sort((a, b) => compareCodePoints(a.edition.as_of, b.edition.as_of) || compareNames(a.from, b.from));
}

/** Nothing the site says has changed (a new release date alone is not a change). */
export function isSiteDiffEmpty(d: SiteDiff): boolean {
  const { headline, ...rest } = d;
  const lists = Object.entries(rest)
    .filter(([k]) => k !== "release")
    .map(([, v]) => v as unknown[]);
  return (
    !headline.share.changed &&
    !headline.counts.changed &&
    headline.deadline === null &&
    lists.every((l) => l.length === 0)
  );
}

const stateWords = (s: StatusState) =>
  s.status === "epr" && s.supplier ? `an EPR from ${s.supplier}` : STATUS_NOW_STATES[s.status];

/** The evidence as a source and its date: "NHS England's list of 1 November 2026", "a go-live in June 2025 reported by HTN (“Title”)". */
export function evidenceWords(e: Evidence): string {
  const date = e.date ? formatDate(e.date) : "a date not known";
  switch (e.kind) {
    case "list":
      return `NHS England's list of ${date}`;
    case "predecessors":
      return `the trusts it took over, on NHS England's list of ${date} (inferred)`;
    case "report":
      return `a go-live in ${date} reported by ${e.publisher ?? "a publisher not named"}${e.title ? ` in “${e.title}”` : ""}`;
    case "ods":
      return `${e.title ?? e.publisher ?? "NHS England Organisation Data Service"}${e.date ? `, ${date}` : ""}`;
    case "none":
      return "no evidence found in our sources";
  }
}

const trustWords = (t: TrustRef) => `${t.name} (${t.code})`;
const by = (e: Evidence) =>
  e.kind === "none" ? "; no evidence of it was found in our sources" : `, by ${evidenceWords(e)}`;
/** A change of status; `before` says what the old status rested on too (for losses, and for a supplier a report had given). */
const statusLine = (label: string, c: StatusChange, before = false) =>
  before
    ? `${label} ${trustWords(c.trust)}: ${stateWords(c.to)}${by(c.evidence)}; it had been shown with ${stateWords(c.from)}${by(c.evidence_before)}.`
    : `${label} ${trustWords(c.trust)}: ${stateWords(c.from)} → ${stateWords(c.to)}${by(c.evidence)}.`;
/** The headline as it stands, for the terminal even when it has not changed. */
export function headlineLines(d: SiteDiff): string[] {
  const fig = (f: FigureWords) => `${f.value} as of ${formatWhen(f.as_of, f.dates_estimated)} (${f.source})`;
  const { share, counts } = d.headline;
  const lines = [
    share.changed
      ? `Headline figure: ${fig(share.from)} → ${fig(share.to)}.`
      : `Headline figure, unchanged: ${fig(share.to)}.`,
  ];
  const when =
    d.release.from === d.release.to
      ? `on ${formatDate(d.release.to)}`
      : `on ${formatDate(d.release.from)} → ${formatDate(d.release.to)}`;
  lines.push(
    `Trusts by status now ${when}${counts.changed ? "" : ", unchanged"}: ${(
      ["epr", "no_epr", "unknown", "closed"] as const
    )
      .map(
        (k) =>
          `${STATUS_NOW_COUNTS[k]} ${counts.changed && counts.from[k] !== counts.to[k] ? `${formatNumber(counts.from[k])} → ${formatNumber(counts.to[k])}` : formatNumber(counts.to[k])}`,
      )
      .join(", ")}.`,
  );
  if (d.headline.deadline) lines.push(`Deadline in force: ${d.headline.deadline.from} → ${d.headline.deadline.to}.`);
  return lines;
}

/**
 * Sentences for readers, one per change, most important first: the headline (when it changed), trusts
 * that lost an EPR, contradictions, gains, supplier renames and changes, trusts' lives, then new list
 * editions, sources, figures and reports. The terminal prints them; the changelog records them.
 */
export function summariseSiteDiff(d: SiteDiff): string[] {
  const lines: string[] = [];
  const head = headlineLines(d);
  if (d.headline.share.changed) lines.push(head[0]!);
  if (d.headline.counts.changed) lines.push(head[1]!);
  if (d.headline.deadline) lines.push(head.at(-1)!);
  for (const c of d.lost) lines.push(statusLine("No longer shown with an EPR:", c, true));
  for (const c of d.contradicted)
    lines.push(
      `Flagged, sources disagree: NHS England's list of ${formatDate(c.edition.as_of)} records ${c.edition.has_epr ? `an EPR from ${c.edition.supplier ?? "a supplier not named"}` : "no EPR"} for ${trustWords(c.trust)}, after ${c.evidence.kind === "none" ? "other evidence" : evidenceWords(c.evidence)}; the site shows ${stateWords(c.now)}.`,
    );
  for (const c of d.gained) lines.push(statusLine("Now shown with an EPR:", c));
  for (const c of d.other_status) lines.push(statusLine("Status changed for", c));
  for (const r of d.supplier_renamed)
    lines.push(
      `Supplier renamed in NHS England's list of ${formatDate(r.edition.as_of)}: ${r.from} → ${r.to} (${plural(r.trusts.length, "trust")}).`,
    );
  for (const c of d.supplier_changed)
    lines.push(statusLine("Supplier changed for", c, c.evidence_before.kind === "report"));
  for (const c of d.closed)
    lines.push(
      `Trust closed: ${trustWords(c.trust)}, last open on ${formatDate(c.last_day)}${c.merged_into.length ? `, merged into ${c.merged_into.map(trustWords).join(" and ")}` : ""}; source: ${evidenceWords(c.evidence)}.`,
    );
  for (const m of d.merging)
    lines.push(
      `Merger recorded: ${trustWords(m.trust)} into ${trustWords(m.into)} on ${formatDate(m.date)}; source: ${evidenceWords(m.evidence)}.`,
    );
  for (const o of d.opened)
    lines.push(
      `New trust: ${trustWords(o.trust)}${o.open_date ? `, open from ${formatDate(o.open_date)}` : ""}${o.took_over.length ? `, taking over ${o.took_over.map(trustWords).join(" and ")}` : ""}${o.now.status === "unknown" && o.evidence.kind === "none" ? "; no evidence of its EPR status was found in our sources" : `; status now ${stateWords(o.now)}${by(o.evidence)}`}.`,
    );
  for (const r of d.renamed)
    lines.push(`Trust renamed: ${r.from} is now ${r.to} (${r.code}); source: ${evidenceWords(r.evidence)}.`);
  for (const r of d.region_changed)
    lines.push(`Region of ${trustWords(r.trust)}: ${r.from ?? "not known"} → ${r.to ?? "not known"}.`);
  for (const t of d.removed) lines.push(`No longer among the trusts the site covers: ${trustWords(t)}.`);
  for (const e of d.list_editions)
    lines.push(
      `New edition of NHS England's list: ${formatDate(e.as_of)}, ${plural(e.total, "trust")}${e.title ? ` (${e.title})` : ""}.`,
    );
  for (const s of d.sources)
    lines.push(`New source: ${s.title} (${s.publisher}, ${formatWhen(s.date, s.date_estimated)}).`);
  for (const f of d.figures) {
    const kind = f.kind === "target" ? "target" : f.official ? "official figure" : "reported figure";
    const what = `${f.what}, ${f.previous ? `${f.previous} → ` : ""}${f.value}`;
    const when =
      f.kind === "target"
        ? `announced ${formatWhen(f.as_of, f.dates_estimated)}`
        : `as of ${formatWhen(f.as_of, f.dates_estimated)}`;
    const label =
      f.change === "new"
        ? `New ${kind}`
        : f.change === "revised"
          ? `Revised ${kind}`
          : `${kind[0]!.toUpperCase()}${kind.slice(1)} withdrawn`;
    lines.push(`${label}: ${what}, ${when} (${f.source}).`);
  }
  for (const r of d.reports)
    lines.push(
      `New report on ${trustWords(r.trust)}, ${formatDate(r.date)}: ${r.summary} (${r.publisher}, “${r.title}”).`,
    );
  return lines;
}

/** A short title for the release, finding first: "3 trusts no longer shown with an EPR, 2 now shown with one". */
export function releaseTitle(d: SiteDiff): string {
  const parts = [
    d.headline.share.changed ? `New headline figure: ${d.headline.share.to.value}` : null,
    d.lost.length ? `${plural(d.lost.length, "trust")} no longer shown with an EPR` : null,
    d.gained.length ? `${plural(d.gained.length, "trust")} now shown with an EPR` : null,
    d.contradicted.length ? `${plural(d.contradicted.length, "contradiction")} flagged` : null,
  ].filter(Boolean);
  return parts.length ? `${parts.join("; ")}` : "Data release";
}
