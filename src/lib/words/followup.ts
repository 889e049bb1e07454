/** The words for where the trusts listed without an EPR stand, built from the counts. */
import { formatDate } from "../data/dates.ts";
import { monthWords } from "./vocabulary.ts";
import type { FollowupCategory } from "../data/followup.ts";

/**
 * A heading about the trusts of one edition of the list names the edition's date, in the past tense: the
 * set is what the list showed then, not the trusts without an EPR now. "The 20 trusts NHS England's list
 * of October 2024 showed without an EPR"; without a count, "The trusts …".
 */
export function listedSetHeading(listDate: string, count?: number): string {
  return `The ${count === undefined ? "" : `${count} `}trusts NHS England's list of ${monthWords(listDate)} showed without an EPR`;
}

/** "3 of the 20 went live before 31 March 2026, according to published reports; …" */
export function followupSentences(counts: Record<FollowupCategory, number>, deadline: string): string[] {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const of = (n: number) => `${n} of the ${total}`;
  const when = formatDate(deadline);
  const out = [`${of(counts.live_before_deadline)} went live before ${when}, according to published reports.`];
  if (counts.live_after_deadline) out.push(`${of(counts.live_after_deadline)} went live after it.`);
  if (counts.reported_missing_deadline)
    out.push(`${of(counts.reported_missing_deadline)} had their go-live reported put back, with none reported since.`);
  const underway = counts.supplier_chosen_not_live + counts.in_progress_supplier_unknown;
  if (underway)
    out.push(
      `${of(underway)} had work under way but no reported go-live (${counts.supplier_chosen_not_live} with a supplier chosen).`,
    );
  out.push(
    `For ${counts.no_update} no published update was found after NHS England's list: their status is unknown, not "no EPR".`,
  );
  return out;
}
