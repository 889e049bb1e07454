/** The history of the full-coverage deadline: each time it moved, and who moved it. */
import { byPeriodEnd } from "./dates.ts";
import { isEprDeadline, type TargetRow } from "./tables.ts";

export interface DeadlineMove {
  from: string;
  to: string;
  announced_on: string;
  announced_by: string;
  target_id: string;
  source_id: string;
}

const byAnnounced = byPeriodEnd("announced_on");

/**
 * Deadlines for an EPR in every trust, set or restated, in the order they were announced. A new date
 * still being prepared (modality planned) has not moved anything yet, so it is left out.
 */
export function fullCoverageTargets(targets: readonly TargetRow[]): TargetRow[] {
  return targets.filter((t) => isEprDeadline(t) && t.coverage_percent === 100).sort(byAnnounced);
}

/** Each announcement that pushed the full-coverage date later (or earlier) than the one before. */
export function deadlineMoves(targets: readonly TargetRow[]): DeadlineMove[] {
  const moves: DeadlineMove[] = [];
  let current: string | null = null;
  for (const t of fullCoverageTargets(targets)) {
    if (current !== null && t.target_date !== current) {
      moves.push({
        from: current,
        to: t.target_date,
        announced_on: t.announced_on,
        announced_by: t.announced_by,
        target_id: t.id,
        source_id: t.source_id,
      });
    }
    current = t.target_date;
  }
  return moves;
}

/** Targets sorted for the plain-English timeline: by announcement, then id. */
export function targetsInOrder(targets: readonly TargetRow[]): TargetRow[] {
  return [...targets].sort(byAnnounced);
}
