/**
 * The trusts NHS England listed without an EPR, followed event by event to the deadline and after.
 * Where no report was found, the status says so: unknown is never shown as "no".
 */
import { byPeriodEnd, endOfPeriod } from "./dates.ts";
import { firstGoLive } from "./status.ts";
import type { TrustEventRow } from "./tables.ts";

export const FOLLOWUP_CATEGORIES = [
  "live_before_deadline",
  "live_after_deadline",
  "reported_missing_deadline",
  "supplier_chosen_not_live",
  "in_progress_supplier_unknown",
  "no_update",
] as const;
export type FollowupCategory = (typeof FOLLOWUP_CATEGORIES)[number];

export interface Followup {
  code: string;
  name: string;
  category: FollowupCategory;
  /** Date of the first reported go-live, if any (may be month-only). */
  go_live: string | null;
  /** The day that go-live counts from (status.ts's evidenceDay): what every "live by day X" asks. */
  live_from: string | null;
  supplier: string | null;
  /** Events for this trust, oldest first. */
  events: TrustEventRow[];
}

const byEventDate = byPeriodEnd("event_date");

/**
 * Where a listed trust stands, from its reported events up to the release. A go-live counts by the
 * deadline by the same rule as the trust's status (status.ts's evidenceDay): on the deadline day
 * itself it was in time.
 */
export function classifyTrust(
  events: TrustEventRow[],
  listDate: string,
  deadline: string,
  release: string,
): Pick<Followup, "category" | "go_live" | "live_from" | "supplier"> {
  const sorted = [...events].sort(byEventDate);
  const goLive = firstGoLive(sorted, release);
  const supplier = [...sorted].reverse().find((e) => e.supplier)?.supplier ?? null;
  if (goLive)
    return {
      category: goLive.day <= deadline ? "live_before_deadline" : "live_after_deadline",
      go_live: goLive.event.event_date,
      live_from: goLive.day,
      supplier,
    };
  const none = { go_live: null, live_from: null, supplier };
  if (sorted.some((e) => e.event === "go_live_delayed")) return { category: "reported_missing_deadline", ...none };
  const since = sorted.filter((e) => e.event !== "listed_no_epr" && endOfPeriod(e.event_date) > listDate);
  if (since.length === 0) return { category: "no_update", ...none };
  const chosen = sorted.some((e) => e.event === "contract_signed" || e.event === "supplier_selected");
  return { category: chosen ? "supplier_chosen_not_live" : "in_progress_supplier_unknown", ...none };
}

export function followTrusts(
  listed: { code: string; name: string }[],
  events: TrustEventRow[],
  listDate: string,
  deadline: string,
  release: string,
): Followup[] {
  const byCode = Map.groupBy(events, (e) => e.ods_code);
  return listed.map((t) => {
    const own = [...(byCode.get(t.code) ?? [])].sort(byEventDate);
    return { code: t.code, name: t.name, ...classifyTrust(own, listDate, deadline, release), events: own };
  });
}

export function countByCategory(followups: Followup[]): Record<FollowupCategory, number> {
  return Object.fromEntries(
    FOLLOWUP_CATEGORIES.map((c) => [c, followups.filter((f) => f.category === c).length]),
  ) as Record<FollowupCategory, number>;
}

/** Trusts from the list still without a reported go-live on a date: the trust-level answer to "how many are left?". */
export function stillWithoutOn(followups: readonly Followup[], date: string): number {
  return followups.filter((f) => !(f.live_from !== null && f.live_from <= date)).length;
}
