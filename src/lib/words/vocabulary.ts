/**
 * The site's vocabulary: the words for each value of the closed lists the data uses (statuses, trust
 * types, scopes, events, confidence, follow-up categories) and dates written to the precision their
 * source gave. Each map is keyed by its union, so a new value will not compile until it has its words;
 * data/README.md names every value (words/vocabulary.test.ts checks both).
 */
import { formatDate, formatMonthYear } from "../data/dates.ts";
import type { FollowupCategory } from "../data/followup.ts";
import type { StatusBasis, StatusNow } from "../data/status.ts";
import type { StatementRow, TargetRow, TrustEventRow, TrustType } from "../data/tables.ts";

/** Short labels for the status now, for tables and filters; the dated sentence is in trust/text.ts. */
export const STATUS_NOW_LABELS: Record<StatusNow, string> = {
  epr: "Has an EPR",
  no_epr: "No EPR reported",
  unknown: "Not known",
  closed: "Closed",
};

/** The status now as what a trust has, inside a sentence: "… → an EPR", "shown with no EPR". */
export const STATUS_NOW_STATES: Record<StatusNow, string> = {
  epr: "an EPR",
  no_epr: "no EPR",
  unknown: "status not known",
  closed: "closed",
};

/** The status now as a count says it: "with an EPR 184 → 185". */
export const STATUS_NOW_COUNTS: Record<StatusNow, string> = {
  epr: "with an EPR",
  no_epr: "no EPR reported",
  unknown: "not known",
  closed: "closed",
};

/** What a status rests on, in a few words, for tables and downloads. */
export const STATUS_BASIS_SHORT: Record<StatusBasis, string> = {
  list: "NHS England list",
  go_live: "go-live report",
  predecessors: "predecessors' list entries",
  closed: "last day open",
  none: "none found",
};

export const TRUST_TYPE_LABELS: Record<TrustType, string> = {
  acute: "Acute",
  mental_health: "Mental health",
  mental_health_community: "Mental health and community",
  community: "Community",
  ambulance: "Ambulance",
};

/** Where a trust listed without an EPR stands since, as a heading or label. */
export const FOLLOWUP_LABELS: Record<FollowupCategory, string> = {
  live_before_deadline: "Went live before the deadline",
  live_after_deadline: "Went live after the deadline",
  reported_missing_deadline: "Go-live reported put back",
  supplier_chosen_not_live: "Supplier chosen, not reported live",
  in_progress_supplier_unknown: "Work reported, supplier not known",
  no_update: "No published update found",
};

export const EVENT_LABELS: Record<TrustEventRow["event"], string> = {
  listed_no_epr: "Listed by NHS England as having no EPR",
  business_case_approved: "Business case approved",
  procurement_started: "Procurement started",
  supplier_selected: "Supplier chosen",
  contract_signed: "Contract signed",
  go_live_planned: "Go-live planned",
  go_live: "Went live",
  go_live_delayed: "Go-live delayed",
  other: "Other report",
};

/** What a reported event's confidence grade means. */
export const CONFIDENCE_LABELS: Record<TrustEventRow["confidence"], string> = {
  H: "official notice, trust or NHS statement",
  M: "trade or regional press",
  L: "aggregator or reprint",
};

/**
 * The trusts a figure counts, as its source stated them. `all_trusts` is a figure whose source named no
 * scope, so it is never widened to "all NHS trusts".
 */
export const SCOPE_WORDS: Record<StatementRow["scope"], string> = {
  secondary_care_trusts: "secondary care trusts",
  acute_trusts: "acute trusts only",
  all_trusts: "trusts (scope not stated)",
};

/** The noun a count of trusts takes: "25 of 211 secondary care trusts"; with no scope stated, "trusts". */
export const SCOPE_COUNT_NOUNS: Record<StatementRow["scope"], string> = {
  secondary_care_trusts: "secondary care trusts",
  acute_trusts: "acute trusts",
  all_trusts: "trusts",
};

/** How precisely a source stated a target's date. */
export type DatePrecision = TargetRow["target_date_precision"];

/** A date cut to the precision its source gave: 2026-03-31 at month precision is 2026-03. */
export function atPrecision(date: string, precision: DatePrecision): string {
  return precision === "year" ? date.slice(0, 4) : precision === "month" ? date.slice(0, 7) : date;
}

/** A target's date as its source would write it: "31 March 2026", "March 2026" or "2026". */
export function targetDateWords(t: Pick<TargetRow, "target_date" | "target_date_precision">): string {
  return formatDate(atPrecision(t.target_date, t.target_date_precision));
}

/** A target's date, short, for axes and labels: "Mar 2026", or "2026" for a year. */
export function targetDateShort(t: Pick<TargetRow, "target_date" | "target_date_precision">): string {
  return formatMonthYear(atPrecision(t.target_date, t.target_date_precision));
}

/** The month a day falls in, in words: "2024-10-31" → "October 2024" (an edition named by its month). */
export function monthWords(date: string): string {
  return formatDate(date.slice(0, 7));
}
