/**
 * data/parliament/query.json: what the written-answers connector asks Parliament for, and where the last
 * run stopped. It lives in the repository, not in a hidden file, so that the date a refresh starts from
 * is reviewed and committed with the answers it found.
 */
import { DataError, type Problem } from "../data/errors.ts";
import { shown } from "./shown.ts";
import { isIsoDay } from "../data/dates.ts";
import { parseJson, toJson } from "../data/json.ts";

export interface AnswersQuery {
  /** The department whose answers are kept (17: Health and Social Care). Others are dropped. */
  answering_body_id: number;
  /** Each term is searched for separately; an answer is kept when its text mentions one of them. */
  terms: string[];
  /** The next run asks for answers (and corrections) on or after this day; a run moves it to its own date. */
  answered_since: string;
}

const FIELDS = ["answering_body_id", "terms", "answered_since"] as const;

export function parseQuery(jsonText: string, file: string): AnswersQuery {
  const raw = parseJson(jsonText, file);
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw new DataError([{ file, expected: "an object" }]);
  const q = raw as Record<string, unknown>;
  const problems: Problem[] = [];
  const at = (column: string, expected: string): Problem => ({ file, column, value: shown(q[column]), expected });
  if (!Number.isSafeInteger(q.answering_body_id) || (q.answering_body_id as number) <= 0)
    problems.push(at("answering_body_id", "a positive whole number (17 is Health and Social Care)"));
  const terms = q.terms;
  if (
    !Array.isArray(terms) ||
    terms.length === 0 ||
    !terms.every((t) => typeof t === "string" && t.trim() === t && t !== "")
  ) {
    problems.push(at("terms", "a non-empty list of search terms, without surrounding spaces"));
  } else if (new Set(terms.map((t: string) => t.toLowerCase())).size !== terms.length)
    problems.push(at("terms", "each term once"));
  if (typeof q.answered_since !== "string" || !isIsoDay(q.answered_since))
    problems.push(at("answered_since", "a date as YYYY-MM-DD"));
  for (const key of Object.keys(q))
    if (!(FIELDS as readonly string[]).includes(key)) problems.push(at(key, "no such field"));
  if (problems.length) throw new DataError(problems);
  return {
    answering_body_id: q.answering_body_id as number,
    terms: terms as string[],
    answered_since: q.answered_since as string,
  };
}

export function serializeQuery(q: AnswersQuery): string {
  return toJson({ answering_body_id: q.answering_body_id, terms: q.terms, answered_since: q.answered_since });
}
