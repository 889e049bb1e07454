/**
 * data/parliament/answers.json: written answers from Parliament's written questions service that
 * mention electronic patient records, kept in the repository as our own data (see data/README.md).
 * This module is the one definition of a stored answer: its fields, the checks `npm run data` makes,
 * the stable order and bytes it is written in, and its addresses on Parliament's sites.
 */
import { DataError, type Problem } from "../data/errors.ts";
import { shown } from "./shown.ts";
import { endOfPeriod, isIsoDate, isIsoDay } from "../data/dates.ts";
import { parseJson, toJson } from "../data/json.ts";
import { htmlToText } from "./text.ts";
import { compareCodePoints } from "../order.ts";
import { nameProblem, problemCharacter } from "../data/gate.ts";

export const HOUSES = ["Commons", "Lords"] as const;
export type House = (typeof HOUSES)[number];

/** Where a stored answer came from: the service itself, or mySociety's archive of it (the seed). */
export const ORIGINS = ["service", "archive"] as const;

export interface StoredAnswer {
  /** Parliament's own id for the question (unique across houses and sessions). */
  id: number;
  /** Unique only together with the house and the date tabled; null when our copy lacks it. */
  uin: string | null;
  house: House;
  /** YYYY-MM-DD; YYYY-MM when only the month is known (answers seeded from the archive's monthly files). */
  date_tabled: string;
  /** YYYY-MM-DD; null when the answer is in our copy but its date is not. */
  date_answered: string | null;
  date_corrected: string | null;
  asking_member_id: number | null;
  asking_member: string | null;
  answering_member_id: number | null;
  answering_member: string | null;
  answering_body_id: number;
  answering_body: string;
  heading: string | null;
  question_text: string;
  /** The answer as the service returns it (HTML), and its plain text, derived by htmlToText. */
  answer_html: string;
  answer_text: string;
  /** True when our copy holds only the start of the answer (the list endpoint's cut text). */
  answer_truncated: boolean;
  is_holding: boolean;
  is_correction: boolean;
  is_withdrawn: boolean;
  /** Public page when the date tabled and UIN are known; otherwise the service's record. */
  url: string;
  api_url: string;
  /** The configured search terms the heading, question or answer mentions. */
  terms: string[];
  origin: (typeof ORIGINS)[number];
  /** What our copy lacks or how a value was worked out, in our words; null when nothing to say. */
  note: string | null;
}

export const ANSWER_FIELDS = [
  "id",
  "uin",
  "house",
  "date_tabled",
  "date_answered",
  "date_corrected",
  "asking_member_id",
  "asking_member",
  "answering_member_id",
  "answering_member",
  "answering_body_id",
  "answering_body",
  "heading",
  "question_text",
  "answer_html",
  "answer_text",
  "answer_truncated",
  "is_holding",
  "is_correction",
  "is_withdrawn",
  "url",
  "api_url",
  "terms",
  "origin",
  "note",
] as const satisfies readonly (keyof StoredAnswer)[];

export const PUBLIC_BASE = "https://questions-statements.parliament.uk";
export const API_BASE = "https://questions-statements-api.parliament.uk";

export function apiUrl(id: number): string {
  return `${API_BASE}/api/writtenquestions/questions/${id}`;
}

/** The public page needs the full date tabled and the UIN; without them the service's record is the link. */
export function answerUrl(a: { id: number; uin: string | null; date_tabled: string }): string {
  return a.uin && isIsoDay(a.date_tabled)
    ? `${PUBLIC_BASE}/written-questions/detail/${a.date_tabled}/${encodeURIComponent(a.uin)}`
    : apiUrl(a.id);
}

type Check = (v: unknown) => string | null;
const need = (ok: boolean, expected: string) => (ok ? null : expected);
const isText = (v: unknown) => typeof v === "string" && v.trim() !== "";
const text: Check = (v) => need(isText(v), "text");
const textOrNull: Check = (v) => need(v === null || isText(v), "text or null");
const bool: Check = (v) => need(typeof v === "boolean", "true or false");
const whole: Check = (v) => need(Number.isSafeInteger(v) && (v as number) > 0, "a positive whole number");
const wholeOrNull: Check = (v) => (v === null ? null : whole(v));
const day: Check = (v) => need(typeof v === "string" && isIsoDay(v), "a date as YYYY-MM-DD");
const dayOrNull: Check = (v) => (v === null ? null : day(v));
/**
 * A Commons UIN is digits, a Lords one HL and digits. UINs are compared as text (the quotation check,
 * the public page's address), so only the NFKC form is stored: a full-width "９００２" from the service is
 * normalised when read (service.ts) and refused in the file, where it would never equal "9002".
 */
export const UIN_PATTERN = /^(HL)?\d{1,7}$/;
const uin: Check = (v) => {
  if (v === null) return null;
  if (typeof v !== "string") return "a UIN such as 2075 or HL7395, or null";
  if (v !== v.normalize("NFKC"))
    return `the UIN in plain digits (${JSON.stringify(v.normalize("NFKC"))}, its NFKC form)`;
  return need(UIN_PATTERN.test(v), "a UIN such as 2075 or HL7395, or null");
};
const https: Check = (v) => need(typeof v === "string" && /^https:\/\/[^\s<>"]+$/.test(v), "an https:// URL");

const CHECKS: Record<keyof StoredAnswer, Check> = {
  id: whole,
  uin,
  house: (v) => need((HOUSES as readonly unknown[]).includes(v), HOUSES.join(" or ")),
  date_tabled: (v) =>
    need(
      typeof v === "string" && /^\d{4}-\d{2}(-\d{2})?$/.test(v) && isIsoDate(v),
      "a date as YYYY-MM-DD (or YYYY-MM)",
    ),
  date_answered: dayOrNull,
  date_corrected: dayOrNull,
  asking_member_id: wholeOrNull,
  asking_member: textOrNull,
  answering_member_id: wholeOrNull,
  answering_member: textOrNull,
  answering_body_id: whole,
  answering_body: text,
  heading: textOrNull,
  question_text: text,
  answer_html: text,
  answer_text: text,
  answer_truncated: bool,
  is_holding: bool,
  is_correction: bool,
  is_withdrawn: bool,
  url: https,
  api_url: https,
  terms: (v) => need(Array.isArray(v) && v.length > 0 && v.every(isText), "a non-empty list of search terms"),
  origin: (v) => need((ORIGINS as readonly unknown[]).includes(v), ORIGINS.join(" or ")),
  note: textOrNull,
};

/** Problems with one record, each naming the record by index and id, and the field. */
export function answerProblems(raw: unknown, index: number, file: string): Problem[] {
  const label = (r: Record<string, unknown>) => `[${index}]${typeof r.id === "number" ? ` id ${r.id}` : ""}`;
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    return [{ file, column: `[${index}]`, expected: "an object" }];
  const r = raw as Record<string, unknown>;
  const at = (field: string, expected: string): Problem => ({
    file,
    column: `${label(r)}.${field}`,
    value: shown(r[field]),
    expected,
  });
  const problems: Problem[] = [];
  for (const field of ANSWER_FIELDS) {
    const why = CHECKS[field](r[field]);
    if (why) problems.push(at(field, why));
  }
  for (const key of Object.keys(r))
    if (!(ANSWER_FIELDS as readonly string[]).includes(key)) problems.push(at(key, "no such field"));
  if (problems.length) return problems;
  // The same character rules as every other input: one control character would make the feed invalid XML.
  for (const field of ANSWER_FIELDS) {
    const values = field === "terms" ? (r.terms as string[]) : [r[field]];
    // Members' names pass the stricter rules for names: a look-alike letter would make another member.
    const rule = field === "asking_member" || field === "answering_member" ? nameProblem : problemCharacter;
    const bad = values.map((v) => (typeof v === "string" ? rule(v) : null)).find(Boolean);
    if (bad) problems.push(at(field, `text without ${bad}`));
  }
  if (problems.length) return problems;
  const a = r as unknown as StoredAnswer;
  if (a.answer_text !== htmlToText(a.answer_html))
    problems.push(at("answer_text", "the plain text of answer_html (rerun the connector or the seed script)"));
  if (a.api_url !== apiUrl(a.id)) problems.push(at("api_url", apiUrl(a.id)));
  if (a.url !== answerUrl(a)) problems.push(at("url", answerUrl(a)));
  if (a.answer_truncated && a.origin === "service")
    problems.push(
      at("answer_truncated", "false for answers read from the service (the connector fetches the full text)"),
    );
  if (a.date_corrected !== null && !a.is_correction)
    problems.push(at("date_corrected", "null unless is_correction is true"));
  if (a.date_answered && a.date_answered < a.date_tabled.slice(0, 10) && isIsoDay(a.date_tabled))
    problems.push(at("date_answered", `a date on or after date_tabled ${a.date_tabled}`));
  return problems;
}

/** Reads and checks answers.json: every problem at once, then ids unique and in order. */
export function parseAnswers(jsonText: string, file: string): StoredAnswer[] {
  const data = parseJson(jsonText, file);
  if (!Array.isArray(data)) throw new DataError([{ file, expected: "a JSON array of answers" }]);
  const problems = data.flatMap((r, i) => answerProblems(r, i, file));
  if (problems.length) throw new DataError(problems);
  const answers = data as StoredAnswer[];
  answers.forEach((a, i) => {
    if (i > 0 && a.id <= answers[i - 1]!.id)
      problems.push({
        file,
        column: `[${i}] id ${a.id}.id`,
        value: String(a.id),
        expected: `ids unique and ascending (after ${answers[i - 1]!.id})`,
      });
  });
  if (problems.length) throw new DataError(problems);
  return answers;
}

/** Fixed field order, records by id: the same answers always give the same bytes. */
export function serializeAnswers(answers: readonly StoredAnswer[]): string {
  const ordered = [...answers]
    .sort((a, b) => a.id - b.id)
    .map((a) => Object.fromEntries(ANSWER_FIELDS.map((f) => [f, a[f]])));
  return toJson(ordered);
}

/**
 * The date an answer is placed by: when it was answered, else the month it was tabled (answers seeded
 * without their answer date), an estimate. Partial dates count as the last day they can mean.
 */
export function placedOn(a: Pick<StoredAnswer, "date_answered" | "date_tabled">): string {
  return endOfPeriod(a.date_answered ?? a.date_tabled);
}

/**
 * Answers with a known answer date first, newest first; then those without one, by the date they were
 * tabled, newest first (an undated answer may be later than every dated one, so it is never ranked among
 * them); ties by Parliament's id, which rises in the order questions are tabled.
 */
export function newestFirst<T extends Pick<StoredAnswer, "id" | "date_answered" | "date_tabled">>(
  answers: readonly T[],
): T[] {
  const undated = (a: T) => (a.date_answered === null ? 1 : 0);
  return [...answers].sort(
    (a, b) => undated(a) - undated(b) || compareCodePoints(placedOn(b), placedOn(a)) || b.id - a.id,
  );
}
