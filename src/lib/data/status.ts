/**
 * A trust's EPR status as a dated timeline of evidence, and what that evidence says on a given day.
 *
 * Evidence comes in three kinds: editions of NHS England's supplier list (a dated snapshot of every
 * trust), reported events (go-lives, contracts, delays, plans) and the trust's own life from ODS
 * (opened, took over another trust, merged into a successor, closed). The status on a day is what the
 * latest status-bearing evidence up to that day says; later reports that do not settle the status
 * (a contract, a delay, a plan) are kept beside it so that a page can say what happened since.
 * Pure functions: no I/O, every rule tested on small hand-made rows.
 */
import { eventDateBasis, type DateBasis } from "./modality.ts";
import { byPeriodEnd, dayBefore, endOfPeriod } from "./dates.ts";
import type { EprStatusRow, TrustEventRow } from "./tables.ts";
import { compareCodePoints } from "../order.ts";

export const STATUS_NOW = ["epr", "no_epr", "unknown", "closed"] as const;
/** epr: the latest evidence shows an EPR; no_epr: it shows none; unknown: no evidence; closed: not open. */
export type StatusNow = (typeof STATUS_NOW)[number];

/** How the status was reached: a list edition, a reported go-live, the trusts it took over, its closure, or nothing. */
export type StatusBasis = "list" | "go_live" | "predecessors" | "closed" | "none";

/** The trust's own life from ODS, with the dates of every merger. */
export interface TrustLife {
  code: string;
  /** First open day, when ODS's trust file has the trust. */
  open_date: string | null;
  /** Last open day, when ODS's trust file says it closed. */
  close_date: string | null;
  /** Trusts it merged into, with the day the successor took over. */
  merged_into: { code: string; date: string }[];
  /** Trusts it took over, with the day it took each over. */
  took_over: { code: string; date: string }[];
}

export interface TrustStatus {
  status: StatusNow;
  basis: StatusBasis;
  /** Date of the evidence the status rests on (may be a month or year); for a closed trust, its last open day. */
  since: string | null;
  /** How `since` was found: "inferred" when the go-live report's date was worked out, not read (shown "about …"). */
  since_basis: DateBasis;
  supplier: string | null;
  /** The sources.json id of the list edition or ODS file the status rests on, or null for a reported event. */
  source_id: string | null;
  /** The trust-events.csv row of the reported go-live the status rests on. */
  event_id: string | null;
  /** For basis "predecessors": the trusts whose status it is inferred from, each with the list they were on. */
  inferred_from: { code: string; supplier: string | null; as_of: string; source_id: string }[];
  /** Reported events after the status evidence that do not change it (plans, contracts, delays, other reports), oldest first. */
  later_event_ids: string[];
  /** Editions of NHS England's list, dated after a reported go-live, that still record something else: flagged, not followed. */
  contradictions: ListContradiction[];
}

/** A list edition that disagrees with an earlier reported go-live: it records no EPR, or another supplier. */
export interface ListContradiction {
  source_id: string;
  as_of: string;
  has_epr: boolean;
  supplier: string | null;
}

/** Events that say an EPR is in use from their date. Everything else is news about one on the way. */
const STATUS_EVENTS: ReadonlySet<TrustEventRow["event"]> = new Set(["go_live"]);

/**
 * The day from which a dated piece of evidence counts: the last day its date can mean (a month-only
 * go-live counts once the month is over), but never later than the release, because a report we hold
 * on the release date describes something that had happened by then. Every "by day X" question about
 * a trust (status, went live by the deadline, still without one on a date) uses this one rule.
 */
export function evidenceDay(date: string, release: string): string {
  const end = endOfPeriod(date);
  return end < release ? end : release;
}

/** The first reported go-live and the day it counts from, or null. */
export function firstGoLive(
  events: readonly TrustEventRow[],
  release: string,
): { event: TrustEventRow; day: string } | null {
  const days = events
    .filter((e) => STATUS_EVENTS.has(e.event))
    .map((e) => ({ event: e, day: evidenceDay(e.event_date, release) }));
  return days.sort((a, b) => compareCodePoints(a.day, b.day) || compareCodePoints(a.event.id, b.event.id))[0] ?? null;
}

/** The day a trust stopped being open, if it has: ODS's close date, else the day before its first merger. */
export function lastOpenDay(life: TrustLife): string | null {
  if (life.close_date) return life.close_date;
  const first = life.merged_into.map((m) => m.date).sort()[0];
  return first ? dayBefore(first) : null;
}

/**
 * What the trust's own evidence (list editions and reported go-lives) says on a day; null when there is none.
 * A reported go-live stands against a later edition of the list that still records no EPR or another
 * supplier: a go-live report names a dated event and its source, while a list row carries no date of
 * its own and has been seen to repeat a trust's earlier position. The disagreement is kept as a
 * contradiction, for pages and the diff to flag, never followed silently.
 */
function ownStatusOn(
  lists: readonly EprStatusRow[],
  events: readonly TrustEventRow[],
  day: string,
  release: string,
): TrustStatus | null {
  type Item = { date: string; order: number; apply: (prev: TrustStatus | null) => TrustStatus };
  const items: Item[] = [
    ...lists
      .filter((l) => l.as_of <= day)
      .map((l) => ({
        date: l.as_of,
        order: 0,
        apply: (prev: TrustStatus | null): TrustStatus => {
          const supplier = l.has_epr ? l.supplier : null;
          if (prev?.basis === "go_live") {
            const agrees = l.has_epr && (!prev.supplier || sameSupplier(prev.supplier, supplier));
            return agrees
              ? prev
              : {
                  ...prev,
                  contradictions: [
                    ...prev.contradictions,
                    { source_id: l.source_id, as_of: l.as_of, has_epr: l.has_epr, supplier },
                  ],
                };
          }
          return {
            ...NO_STATUS,
            status: l.has_epr ? "epr" : "no_epr",
            basis: "list",
            since: l.as_of,
            supplier,
            source_id: l.source_id,
          };
        },
      })),
    ...events
      .filter((e) => STATUS_EVENTS.has(e.event) && evidenceDay(e.event_date, release) <= day)
      .map((e) => ({
        date: evidenceDay(e.event_date, release),
        order: 1,
        apply: (prev: TrustStatus | null): TrustStatus => {
          // A go-live of the system already in use (a wider roll-out) does not change since-when.
          if (prev?.status === "epr" && (!e.supplier || sameSupplier(prev.supplier, e.supplier))) return prev;
          return {
            ...NO_STATUS,
            status: "epr",
            basis: "go_live",
            since: e.event_date,
            since_basis: eventDateBasis(e),
            supplier: e.supplier ?? null,
            event_id: e.id,
          };
        },
      })),
  ];
  // On the same day a go-live is applied after the list, so a list of that day never undoes it.
  items.sort((a, b) => compareCodePoints(a.date, b.date) || a.order - b.order);
  let status: TrustStatus | null = null;
  for (const item of items) status = item.apply(status);
  return status;
}

/** No evidence: the start every status is built from. */
const NO_STATUS: TrustStatus = {
  status: "unknown",
  basis: "none",
  since: null,
  since_basis: "exact",
  supplier: null,
  source_id: null,
  event_id: null,
  inferred_from: [],
  later_event_ids: [],
  contradictions: [],
};

/**
 * Supplier names differ between the list ("Oracle Cerner") and the press ("Oracle"): the first word
 * decides, which is enough to tell a change of supplier from a wider roll-out of the same one.
 */
export function sameSupplier(a: string | null, b: string | null): boolean {
  const first = (s: string | null) => (s ?? "").toLowerCase().match(/[a-z0-9]+/)?.[0] ?? "";
  return first(a) !== "" && first(a) === first(b);
}

export interface StatusInput {
  life: TrustLife;
  /** This trust's rows in every list edition. */
  lists: readonly EprStatusRow[];
  /** This trust's reported events. */
  events: readonly TrustEventRow[];
  /** The release date: no evidence counts from later than this (see evidenceDay). */
  release: string;
  /** Other trusts' status, for a trust that opened after the list: their status on the day it took them over. */
  statusOf: (code: string, day: string) => TrustStatus;
}

/**
 * The status on a day. A closed trust is "closed" from the day after its last open day. A trust with
 * no evidence of its own that took over other trusts is given their status only if they all had an
 * EPR when it took them over, and the result says it is inferred and from whom.
 */
export function statusOn(input: StatusInput, day: string): TrustStatus {
  const { life } = input;
  const last = lastOpenDay(life);
  const { release } = input;
  const own = ownStatusOn(input.lists, input.events, day, release);
  const later = (since: string | null) =>
    input.events
      .filter(
        (e) =>
          !STATUS_EVENTS.has(e.event) &&
          e.event !== "listed_no_epr" &&
          evidenceDay(e.event_date, release) <= day &&
          (since === null || endOfPeriod(e.event_date) > endOfPeriod(since)),
      )
      .sort(
        (a, b) =>
          compareCodePoints(endOfPeriod(a.event_date), endOfPeriod(b.event_date)) || compareCodePoints(a.id, b.id),
      )
      .map((e) => e.id);
  if (last !== null && last < day) {
    // With no close date of its own (a care trust outside the ODS trust file), the last day is worked
    // out from the successor file's merger date: inferred, and said so.
    return {
      ...NO_STATUS,
      status: "closed",
      basis: "closed",
      since: last,
      since_basis: life.close_date ? "exact" : "inferred",
      supplier: own?.supplier ?? null,
    };
  }
  if (own) return { ...own, later_event_ids: later(own.since) };
  const taken = life.took_over.filter((p) => p.date <= day);
  if (taken.length) {
    const theirs = taken.map((p) => ({ code: p.code, status: input.statusOf(p.code, dayBefore(p.date)) }));
    if (theirs.every((t) => t.status.status === "epr" && t.status.basis === "list")) {
      const suppliers = [
        ...new Set(theirs.map((t) => t.status.supplier).filter((s): s is string => Boolean(s))),
      ].sort();
      return {
        ...NO_STATUS,
        status: "epr",
        basis: "predecessors",
        since: theirs.map((t) => t.status.since!).sort()[0]!,
        supplier: suppliers.join("; ") || null,
        source_id: theirs[0]!.status.source_id,
        inferred_from: theirs.map((t) => ({
          code: t.code,
          supplier: t.status.supplier,
          as_of: t.status.since!,
          source_id: t.status.source_id!,
        })),
        later_event_ids: later(null),
      };
    }
  }
  return { ...NO_STATUS, later_event_ids: later(null) };
}

/** A resolver of every trust's status on any day, memoised, for trusts that refer to each other. */
export function statusResolver(
  inputs: ReadonlyMap<string, Omit<StatusInput, "statusOf">>,
): (code: string, day: string) => TrustStatus {
  const memo = new Map<string, TrustStatus>();
  const visiting = new Set<string>();
  const resolve = (code: string, day: string): TrustStatus => {
    const key = `${code}|${day}`;
    const hit = memo.get(key);
    if (hit) return hit;
    const input = inputs.get(code);
    // A code with no row anywhere, or a succession loop, has no status to give.
    if (!input || visiting.has(key)) return NO_STATUS;
    visiting.add(key);
    const result = statusOn({ ...input, statusOf: resolve }, day);
    visiting.delete(key);
    memo.set(key, result);
    return result;
  };
  return resolve;
}

/**
 * The reported events a trust's page and the follow-up list show, oldest first: every event but those
 * that restate an edition of the list (the list's own entry is shown as the list).
 */
export function eventsShown(events: readonly TrustEventRow[], lists: readonly { as_of: string }[]): TrustEventRow[] {
  const listDays = new Set(lists.map((l) => l.as_of));
  return events
    .filter((e) => e.event !== "listed_no_epr" && !(e.event === "other" && listDays.has(e.event_date)))
    .sort(byPeriodEnd("event_date"));
}
