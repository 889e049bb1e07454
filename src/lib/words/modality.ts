/**
 * What kind of statement a figure is, who made it and how sure its date is, turned into words: the one
 * place that decides whether a sum was "paid" or "planned", whether a target was "set" or "restated with a
 * weaker test", and whether a date is printed plain or "about". The vocabularies are the closed lists the
 * curated tables use (data/README.md); every page, table, card, chart and download words a figure here.
 */
import { formatDate, endOfPeriod } from "../data/dates.ts";
import {
  isUncertainDate,
  type DateBasis,
  type Modality,
  type StatedBy,
  type TARGET_MODALITIES,
} from "../data/modality.ts";

/** "March 2025", "about May 2025". A reported date is the report's, so it reads "by …". */
export function whenWords(date: string, basis: DateBasis): string {
  if (isUncertainDate(basis)) return `about ${formatDate(date)}`;
  if (basis === "reported") return `by ${formatDate(date)}`;
  return formatDate(date);
}

/** " (the date of PublicTechnology's report of it)" after a reported date, else nothing. */
export const reportedDateNote = (basis: DateBasis, reporter: string): string =>
  basis === "reported" ? ` (the date of ${reporter}'s report of it)` : "";

/** A date after "made": "11 February 2025", "about 2025", "by 11 February 2025 (the date of a report of it)". */
export const madeWhenWords = (date: string, basis: DateBasis): string =>
  basis === "reported" ? `by ${formatDate(date)} (the date of a report of it)` : whenWords(date, basis);

/** When a statement was made: "on 26 June 2023", "in about May 2025", "by 11 February 2025 (the date of a report of it)". */
export function statedWhenWords(date: string, basis: DateBasis): string {
  if (basis === "reported") return `by ${formatDate(date)} (the date of a report of it)`;
  if (isUncertainDate(basis)) return `in about ${formatDate(date)}`;
  return `${date.length === 10 ? "on" : "in"} ${formatDate(date)}`;
}

const BY_WORDS: Record<StatedBy, string> = {
  minister: "a minister",
  department: "the Department of Health and Social Care",
  nhs_england: "NHS England",
  parliament: "Parliament",
  trust: "the trust",
  trade_press: "the trade press",
  commercial_analyst: "a commercial analyst",
};
/** "a minister", "NHS England". */
export const statedByWords = (by: StatedBy): string => BY_WORDS[by];
/** "as a minister put it": for a figure whose label is the source's own framing. */
export const asPutBy = (by: StatedBy): string => `as ${BY_WORDS[by]} put it`;

/** The verb phrase for a figure of each modality: "was paid", "was planned", "was expected". */
const VERBS: Record<Modality, string> = {
  measured: "was recorded",
  planned: "was planned or allocated",
  paid: "was paid",
  forecast: "was expected",
  target: "was set as a target",
  restated_target: "was restated with a weaker test",
};
export const modalityVerb = (m: Modality): string => VERBS[m];

/** How a money figure for trusts is labelled: only a paid sum is "paid". */
const MONEY_FOR_TRUSTS: Record<Modality, string> = {
  measured: "recorded for trusts",
  planned: "planned for trusts",
  paid: "paid to trusts",
  forecast: "expected for trusts",
  target: "set as a target for trusts",
  restated_target: "restated as a target for trusts",
};
export const moneyForTrustsWords = (m: Modality): string => MONEY_FOR_TRUSTS[m];

/** A short tag for tables and tooltips: "paid", "planned or allocated", "forecast". */
const TAGS: Record<Modality, string> = {
  measured: "measured",
  planned: "planned or allocated",
  paid: "paid or spent",
  forecast: "forecast",
  target: "target",
  restated_target: "restated target, weaker test",
};
export const modalityTag = (m: Modality): string => TAGS[m];

/** What a target asked of each trust, by its kind in targets.csv. */
const TESTS: Record<string, string> = {
  paperless: "stop relying on paper",
  digital_records: "digital care records",
  core_digitisation: "a core level of digitisation",
  epr_coverage: "an EPR",
  epr_or_in_progress: "an EPR or one being put in",
};
export const targetTestWords = (kind: string): string => TESTS[kind] ?? kind;

type TargetWords = {
  modality: (typeof TARGET_MODALITIES)[number];
  kind: string;
  announced_by: string;
  announced_on: string;
};

/**
 * What was done with a target and when, without who: "set on 20 November 2023", "restated on 28 November
 * 2025 with a weaker test (an EPR or one being put in)", "planned in July 2023, not yet set".
 */
export function targetDoneWords(t: Omit<TargetWords, "announced_by">, by = ""): string {
  const who = by ? ` by ${by}` : "";
  const when = statedWhenWords(t.announced_on, "exact");
  if (t.modality === "restated_target") return `restated${who} ${when} with a weaker test (${targetTestWords(t.kind)})`;
  if (t.modality === "planned") return `planned${who} ${when}, not yet set`;
  return `set${who} ${when}`;
}
/** What a row that is not a plain target was, for a list that already gives who and when ("" for a target). */
export function targetStanceWords(t: Pick<TargetWords, "modality" | "kind">): string {
  if (t.modality === "restated_target") return `restated with a weaker test (${targetTestWords(t.kind)})`;
  if (t.modality === "planned") return "planned, not yet set";
  return "";
}
/** The same with who: "set by Andrew Stephenson (health minister) on 20 November 2023". */
export const targetAnnouncedWords = (t: TargetWords): string => targetDoneWords(t, t.announced_by);

/** The same words opening a sentence. */
export const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Targets that set (or reset) a date with their own test: a weaker restatement or a plan is not one. */
export const setsTarget = (t: { modality: string }): boolean => t.modality === "target";

/** An absence in our evidence: "none found in our sources up to 25 November 2026". Never "none published". */
export const noneFoundWords = (upTo: string): string => `none found in our sources up to ${formatDate(upTo)}`;
/** The same absence as a sentence's start: "No official count … was found in our sources up to 25 November 2026". */
export const notFoundWords = (what: string, upTo: string): string =>
  `No ${what} was found in our sources up to ${formatDate(upTo)}`;

/** Past or present, for a programme, board, list or trust with an end date, on the day the words describe. */
export const hasEnded = (end: string | null, on: string): boolean => end !== null && endOfPeriod(end) < on;
