/** Official figures set beside what trust-level data says, with the difference: disagreement shown, not hidden. */
import { endOfPeriod } from "./dates.ts";
import { stillWithoutOn, type Followup } from "./followup.ts";
import { nearestEdition, type ListEdition } from "./editions.ts";
import { ODS_TRUSTS_SOURCE_ID } from "./input.ts";
import { TRUSTS_SINCE, type StatementRow } from "./tables.ts";
import { trustsOpenOn, type Trust } from "./trusts.ts";

/** What an official figure is set beside: the list's own count, ODS's open trusts, or the list less go-lives since. */
export type ReconciliationKind = "list" | "ods_open" | "list_less_go_lives";

export interface Reconciliation {
  kind: ReconciliationKind;
  statement_id: string;
  metric: StatementRow["metric"];
  as_of: string;
  official_value: number;
  unit: string;
  compared_with: string;
  comparison_value: number;
  comparison_as_of: string;
  comparison_source_id: string;
  /** official − comparison, in the statement's unit. */
  difference: number;
}

/**
 * Official totals beside what trust-level data says: the edition of NHS England's list nearest the
 * statement's date for counts of trusts with and without an EPR, and the ODS trust file for how many
 * trusts were open on the statement's date.
 */
export function reconcile(
  statements: StatementRow[],
  editions: readonly ListEdition[],
  trusts: Trust[],
): Reconciliation[] {
  const out: Reconciliation[] = [];
  const odsTrusts = trusts.filter((t) => t.in_ods_trust_list);
  // Ministers speak of "trusts" and "secondary care trusts" for the same set; acute-only figures are a different set.
  for (const s of statements.filter((s) => s.official && s.scope !== "acute_trusts")) {
    const edition = nearestEdition(editions, s.as_of);
    if (!edition) continue;
    const base = { statement_id: s.id, metric: s.metric, as_of: s.as_of, official_value: s.value, unit: s.unit };
    const fromList = (value: number): Reconciliation => ({
      ...base,
      kind: "list",
      compared_with: `NHS England's trust-level list (${edition.total} trusts)`,
      comparison_value: value,
      comparison_as_of: edition.as_of,
      comparison_source_id: edition.source_id,
      difference: Math.round((s.value - value) * 10) / 10,
    });
    if (s.metric === "trusts_without_epr") out.push(fromList(edition.without_epr));
    if (s.metric === "trusts_with_epr") out.push(fromList(edition.with_epr));
    if (s.metric === "share_with_epr") out.push(fromList(edition.share_with_epr));
    if (s.metric === "trusts_in_scope") {
      out.push(fromList(edition.total));
      // ODS counts only mean something from the start of our trust file (2024) on.
      const day = endOfPeriod(s.as_of);
      if (day >= TRUSTS_SINCE) {
        const open = trustsOpenOn(odsTrusts, day).length;
        out.push({
          ...base,
          kind: "ods_open",
          compared_with: "NHS trusts in England open that day in the ODS trust file",
          comparison_value: open,
          comparison_as_of: day,
          comparison_source_id: ODS_TRUSTS_SOURCE_ID,
          difference: s.value - open,
        });
      }
    }
  }
  return out;
}

/**
 * Official counts of trusts without an EPR, made after the edition the deadline is judged from, beside
 * that edition's count less the go-lives reported by the statement's date.
 */
export function reconcileFollowup(
  statements: StatementRow[],
  followup: { list_date: string; list_source_id: string; trusts: Followup[] },
): Reconciliation[] {
  return statements
    .filter((s) => s.official && s.metric === "trusts_without_epr" && endOfPeriod(s.as_of) > followup.list_date)
    .map((s) => {
      const left = stillWithoutOn(followup.trusts, endOfPeriod(s.as_of));
      return {
        kind: "list_less_go_lives" as const,
        statement_id: s.id,
        metric: s.metric,
        as_of: s.as_of,
        official_value: s.value,
        unit: s.unit,
        compared_with: `NHS England's ${followup.trusts.length} trusts without an EPR, less go-lives reported by then`,
        comparison_value: left,
        comparison_as_of: endOfPeriod(s.as_of),
        comparison_source_id: followup.list_source_id,
        difference: s.value - left,
      };
    });
}
