/**
 * Editions of NHS England's supplier list: each with its own date, counts, date caveat and the boards
 * in force on its date, so that every sentence about "the list" is about the edition it means.
 * Pure: rows and sources in, editions out.
 */
import { daysBetween, endOfPeriod } from "./dates.ts";
import type { Source } from "./sources.ts";
import type { EprStatusRow } from "./tables.ts";
import { compareCodePoints } from "../order.ts";

export interface ListEdition {
  source_id: string;
  /** The date the edition describes. */
  as_of: string;
  total: number;
  with_epr: number;
  without_epr: number;
  /** Share with an EPR, one decimal. */
  share_with_epr: number;
  /** What makes this edition's date uncertain, from its source's date_note; null when its date is plain. */
  date_caveat: string | null;
  /** Integrated care boards in force on the edition's date. */
  boards_in_force: number;
}

/** Every edition, oldest first, counted from its own rows. */
export function listEditions(
  rows: readonly EprStatusRow[],
  sources: readonly Source[],
  boardsInForceOn: (day: string) => number,
): ListEdition[] {
  const byId = new Map(sources.map((s) => [s.id, s]));
  return [...Map.groupBy(rows, (r) => r.source_id).entries()]
    .map(([source_id, group]): ListEdition => {
      const withEpr = group.filter((r) => r.has_epr).length;
      const source = byId.get(source_id);
      const as_of = group[0]!.as_of;
      return {
        source_id,
        as_of,
        total: group.length,
        with_epr: withEpr,
        without_epr: group.length - withEpr,
        share_with_epr: Math.round((1000 * withEpr) / group.length) / 10,
        date_caveat:
          source && (source.date_note || source.date_estimated) ? (source.date_note ?? "the date is estimated") : null,
        boards_in_force: boardsInForceOn(as_of),
      };
    })
    .sort((a, b) => compareCodePoints(a.as_of, b.as_of) || compareCodePoints(a.source_id, b.source_id));
}

/** The edition whose date is nearest a (possibly partial) date; on a tie, the earlier edition. */
export function nearestEdition<E extends Pick<ListEdition, "as_of">>(editions: readonly E[], date: string): E | null {
  const day = endOfPeriod(date);
  let best: E | null = null;
  for (const e of editions) {
    if (best === null || Math.abs(daysBetween(e.as_of, day)) < Math.abs(daysBetween(best.as_of, day))) best = e;
  }
  return best;
}

/** The latest edition dated on or before a day, else the earliest: the list a deadline is judged from. */
export function editionForDeadline<E extends Pick<ListEdition, "as_of">>(
  editions: readonly E[],
  deadline: string,
): E | null {
  return editions.filter((e) => e.as_of <= deadline).at(-1) ?? editions[0] ?? null;
}
