/**
 * Records of Parliament's written questions service (questions-statements-api.parliament.uk) as the API
 * returns them, read strictly, and turned into our stored answers. Pure: the connector and the seed
 * script do the reading of networks and files.
 */
import { DataError, type Problem } from "../data/errors.ts";
import { shown } from "./shown.ts";
import { isIsoDay } from "../data/dates.ts";
import { answerUrl, apiUrl, HOUSES, type House, type StoredAnswer } from "./answers.ts";
import { htmlToText, matchedTerms } from "./text.ts";

/** The fields of a question record (`value` of a list item, or of GET /questions/{id}) that we use. */
export interface ServiceQuestion {
  id: number;
  uin: string;
  house: House;
  dateTabled: string;
  dateAnswered: string | null;
  questionText: string;
  answerText: string | null;
  heading: string | null;
  askingMemberId: number | null;
  askingMemberName: string | null;
  answeringMemberId: number | null;
  answeringMemberName: string | null;
  answeringBodyId: number;
  answeringBodyName: string;
  isWithdrawn: boolean;
  answerIsHolding: boolean;
  answerIsCorrection: boolean;
  dateAnswerCorrected: string | null;
}

/** "2024-09-02T00:00:00" → "2024-09-02"; null stays null; anything else is not a date. */
function serviceDay(v: unknown): string | null | undefined {
  if (v === null || v === undefined) return null;
  if (typeof v !== "string") return undefined;
  const day = v.slice(0, 10);
  return isIsoDay(day) && (v.length === 10 || v[10] === "T") ? day : undefined;
}

/** An expanded member (`expandMember=true`) carries `name`; without expansion the field is null. */
function memberName(v: unknown): string | null {
  if (typeof v !== "object" || v === null) return null;
  const name = (v as Record<string, unknown>).name ?? (v as Record<string, unknown>).nameDisplayAs;
  return typeof name === "string" && name.trim() !== "" ? name.trim() : null;
}

/**
 * Reads one question record; `where` names it in errors (e.g. the request and the position in the page).
 * Flags the service leaves null before a question is answered are read as false.
 */
export function readServiceQuestion(raw: unknown, where: string): ServiceQuestion {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw new DataError([{ file: where, expected: "a question record (an object)" }]);
  const v = raw as Record<string, unknown>;
  const problems: Problem[] = [];
  const bad = (column: string, expected: string) =>
    problems.push({ file: where, column, value: shown(v[column]), expected });
  const id = v.id;
  if (!Number.isSafeInteger(id) || (id as number) <= 0) bad("id", "a positive whole number");
  if (typeof v.uin !== "string" || v.uin.trim() === "") bad("uin", "the question's UIN");
  if (!(HOUSES as readonly unknown[]).includes(v.house)) bad("house", "Commons or Lords");
  const dateTabled = serviceDay(v.dateTabled);
  if (!dateTabled) bad("dateTabled", "a date such as 2024-07-29T00:00:00");
  const dateAnswered = serviceDay(v.dateAnswered);
  if (dateAnswered === undefined) bad("dateAnswered", "a date or null");
  const dateCorrected = serviceDay(v.dateAnswerCorrected);
  if (dateCorrected === undefined) bad("dateAnswerCorrected", "a date or null");
  if (typeof v.questionText !== "string" || v.questionText.trim() === "") bad("questionText", "the question's text");
  if (v.answerText !== null && v.answerText !== undefined && typeof v.answerText !== "string")
    bad("answerText", "text or null");
  if (!Number.isSafeInteger(v.answeringBodyId)) bad("answeringBodyId", "a whole number");
  if (typeof v.answeringBodyName !== "string") bad("answeringBodyName", "the department's name");
  for (const flag of ["isWithdrawn", "answerIsHolding", "answerIsCorrection"])
    if (v[flag] !== null && v[flag] !== undefined && typeof v[flag] !== "boolean") bad(flag, "true, false or null");
  for (const m of ["askingMemberId", "answeringMemberId"])
    if (v[m] !== null && v[m] !== undefined && !Number.isSafeInteger(v[m])) bad(m, "a member id or null");
  if (problems.length) throw new DataError(problems);
  const optionalText = (x: unknown) => (typeof x === "string" && x.trim() !== "" ? x : null);
  const optionalId = (x: unknown) => (typeof x === "number" && x > 0 ? x : null);
  return {
    id: id as number,
    // Compared as text later: a full-width "９００２" is the same UIN as "9002" (see UIN_PATTERN).
    uin: (v.uin as string).trim().normalize("NFKC"),
    house: v.house as House,
    dateTabled: dateTabled!,
    dateAnswered: dateAnswered ?? null,
    questionText: v.questionText as string,
    answerText: optionalText(v.answerText),
    heading: optionalText(v.heading)?.trim() ?? null,
    askingMemberId: optionalId(v.askingMemberId),
    askingMemberName: memberName(v.askingMember),
    answeringMemberId: optionalId(v.answeringMemberId),
    answeringMemberName: memberName(v.answeringMember),
    answeringBodyId: v.answeringBodyId as number,
    answeringBodyName: (v.answeringBodyName as string).trim(),
    isWithdrawn: v.isWithdrawn === true,
    answerIsHolding: v.answerIsHolding === true,
    answerIsCorrection: v.answerIsCorrection === true,
    dateAnswerCorrected: dateCorrected ?? null,
  };
}

/**
 * The list endpoint cuts answers to about 258 characters and adds "...", and cuts questions at 255
 * characters without any mark: either means the full record must be fetched.
 */
export function isTruncated(q: Pick<ServiceQuestion, "answerText" | "questionText">): boolean {
  return (q.answerText !== null && /(\.\.\.|…)\s*$/.test(q.answerText)) || q.questionText.length >= 255;
}

export interface Members {
  get(id: number): string | undefined;
}

/**
 * A stored answer from a full (untruncated) service record, or null when it is kept out: not answered,
 * another department, or none of the terms mentioned.
 */
export function toStoredAnswer(
  q: ServiceQuestion,
  terms: readonly string[],
  answeringBodyId: number,
  members: Members = new Map(),
): StoredAnswer | null {
  if (q.answeringBodyId !== answeringBodyId || !q.dateAnswered || !q.answerText) return null;
  const answerText = htmlToText(q.answerText);
  if (answerText === "") return null;
  const matched = matchedTerms(terms, [q.heading, q.questionText, answerText]);
  if (matched.length === 0) return null;
  const name = (id: number | null, expanded: string | null) =>
    expanded ?? (id === null ? null : (members.get(id) ?? null));
  return {
    ...recordFields(q, { question_text: q.questionText.trim(), answer_html: q.answerText, answer_text: answerText }),
    asking_member: name(q.askingMemberId, q.askingMemberName),
    answering_member: name(q.answeringMemberId, q.answeringMemberName),
    answer_truncated: false,
    is_holding: q.answerIsHolding,
    terms: matched,
    origin: "service",
    note: null,
  };
}

/**
 * What a stored answer takes from the service's record as it is, whichever way the record came (the
 * service itself or the archive): the caller adds what it knows about completeness and origin.
 */
export function recordFields(
  q: ServiceQuestion,
  texts: Pick<StoredAnswer, "question_text" | "answer_html" | "answer_text">,
): Omit<StoredAnswer, "answer_truncated" | "is_holding" | "terms" | "origin" | "note"> {
  return {
    id: q.id,
    uin: q.uin,
    house: q.house,
    date_tabled: q.dateTabled,
    date_answered: q.dateAnswered,
    date_corrected: q.answerIsCorrection ? q.dateAnswerCorrected : null,
    asking_member_id: q.askingMemberId,
    asking_member: q.askingMemberName,
    answering_member_id: q.answeringMemberId,
    answering_member: q.answeringMemberName,
    answering_body_id: q.answeringBodyId,
    answering_body: q.answeringBodyName,
    heading: q.heading,
    ...texts,
    is_correction: q.answerIsCorrection,
    is_withdrawn: q.isWithdrawn,
    url: answerUrl({ id: q.id, uin: q.uin, date_tabled: q.dateTabled }),
    api_url: apiUrl(q.id),
  };
}
