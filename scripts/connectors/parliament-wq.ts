/**
 * npm run data:answers [-- --today YYYY-MM-DD] [-- --take 100] [-- --max-pages 50] [-- --max-details 500]
 *                      [-- --api-base <url>] [-- --members-base <url>] [-- --data <dir>]
 *                      [-- --timeout <s>] [-- --attempts <n>] [-- --backoff-ms <ms>] [-- --max-wait <s>]
 *
 * Hosts: --api-base, else the environment variable PARLIAMENT_API_BASE, else
 * https://questions-statements-api.parliament.uk (written questions); --members-base, else
 * PARLIAMENT_MEMBERS_BASE, else https://members-api.parliament.uk (members). Each must be an http(s) URL
 * (plain http only to this machine, for a local stand-in).
 *
 * Asks Parliament's written questions service for answers from the department in
 * data/parliament/query.json that were answered or corrected since `answered_since`, once per search
 * term, and keeps the ones whose full text mentions a term in data/parliament/answers.json. Each search
 * is paged by the records received until totalResults are read; a service that stops short fails the
 * run. Answers cut short in the list are read in full; members' names come from the expanded record or
 * the members service (a member it answers 404 for is kept by id, with a note that the name was not
 * found). Answers seeded from the archive are read again so their dates and names are filled in.
 * Then `answered_since` moves to today. Either both files are written or neither: a request that still
 * fails after its retries, or a response in a shape we do not expect, stops the run with the address
 * and what came back. `npm run data:diff` then lists new and corrected answers for review. */
import { join } from "node:path";
import { DataError } from "../../src/lib/data/errors.ts";
import { isIsoDay } from "../../src/lib/data/dates.ts";
import { nameProblem } from "../../src/lib/data/gate.ts";
import { parseAnswers, serializeAnswers, type StoredAnswer } from "../../src/lib/parliament/answers.ts";
import { parseQuery, serializeQuery, type AnswersQuery } from "../../src/lib/parliament/query.ts";
import {
  isTruncated,
  readServiceQuestion,
  toStoredAnswer,
  type ServiceQuestion,
} from "../../src/lib/parliament/service.ts";
import { flagValue, hostBase, positiveNumber } from "../lib/fetch-source.ts";
import { argValue, readText, runMain, writeAllAtomically } from "../lib/io.ts";
import { failingClearly, getJson, HttpError, HTTP_DEFAULTS, preview, Session, type HttpOptions } from "./http.ts";

export const SERVICE = {
  apiBase: "https://questions-statements-api.parliament.uk",
  membersBase: "https://members-api.parliament.uk",
} as const;

export interface AnswersOptions {
  apiBase: string;
  membersBase: string;
  /** The run's date: the end of the window, and the next run's start. */
  today: string;
  take: number;
  /** Pages per search (term × answered/corrected); more means the window is too wide for one run. */
  maxPages: number;
  /** Full records read per run (cut-short answers and archive records). */
  maxDetails: number;
  http: Partial<HttpOptions>;
  log?: (line: string) => void;
}

export const ANSWERS_DEFAULTS = { take: 100, maxPages: 50, maxDetails: 500 } as const;

/** The list request for one term and one kind of date (answered or corrected), at one page. */
export function listUrl(
  apiBase: string,
  query: AnswersQuery,
  term: string,
  by: "answered" | "corrected",
  today: string,
  take: number,
  skip: number,
): string {
  const u = new URL("/api/writtenquestions/questions", apiBase);
  const p = u.searchParams;
  p.set("searchTerm", term);
  p.set("answeringBodies", String(query.answering_body_id));
  p.set("answered", "Answered");
  p.set("includeWithdrawn", "true");
  p.set("expandMember", "true");
  p.set(`${by}WhenFrom`, query.answered_since);
  p.set(`${by}WhenTo`, today);
  p.set("take", String(take));
  p.set("skip", String(skip));
  return u.href;
}

export function detailUrl(apiBase: string, id: number): string {
  return new URL(`/api/writtenquestions/questions/${id}?expandMember=true`, apiBase).href;
}

export function memberUrl(membersBase: string, id: number): string {
  return new URL(`/api/Members/${id}`, membersBase).href;
}

/** A list page must be {totalResults, results: [{value}]}; anything else stops the run, saying what came. */
function readPage(json: unknown, url: string): { total: number; values: unknown[] } {
  const page = json as { totalResults?: unknown; results?: unknown } | null;
  if (
    typeof page !== "object" ||
    page === null ||
    !Number.isSafeInteger(page.totalResults) ||
    !Array.isArray(page.results)
  ) {
    throw new DataError([
      {
        file: url,
        value: preview(JSON.stringify(json)),
        expected: 'a list page {"totalResults": N, "results": [{"value": {...}}]}',
      },
    ]);
  }
  const values = page.results.map((r) => (r as { value?: unknown } | null)?.value);
  const bad = values.findIndex((v) => v === undefined);
  if (bad >= 0)
    throw new DataError([
      {
        file: url,
        column: `results[${bad}]`,
        value: preview(JSON.stringify(page.results[bad])),
        expected: 'an item {"value": {...}}',
      },
    ]);
  return { total: page.totalResults as number, values };
}

interface SearchReport {
  term: string;
  by: "answered" | "corrected";
  pages: number;
  total: number;
}

/**
 * Pages through one search: skip advances by the records actually received (the service may send fewer
 * than `take`), until as many as totalResults are read. An empty page before then means the service
 * stopped short: the run fails, naming the address and the counts, rather than move answered_since past
 * answers it never sent.
 */
async function search(
  session: Session,
  opts: AnswersOptions,
  query: AnswersQuery,
  term: string,
  by: "answered" | "corrected",
): Promise<{ report: SearchReport; questions: ServiceQuestion[] }> {
  const questions: ServiceQuestion[] = [];
  let total = 0;
  let pages = 0;
  do {
    const url = listUrl(opts.apiBase, query, term, by, opts.today, opts.take, questions.length);
    if (pages >= opts.maxPages) {
      throw new DataError([
        {
          file: url,
          value: `${questions.length} of ${total} results read`,
          expected: `at most ${opts.maxPages} pages of ${opts.take}: set an earlier answered_since in smaller steps, or raise --max-pages`,
        },
      ]);
    }
    const { json } = await getJson(session, url);
    const page = readPage(json, url);
    pages += 1;
    total = page.total;
    if (page.values.length === 0 && questions.length < total) {
      throw new DataError([
        {
          file: url,
          value: `an empty page at ${questions.length} of ${total}`,
          expected: `all ${total} results the service counted; it stopped after ${questions.length}, so nothing was written and answered_since stays ${query.answered_since}`,
        },
      ]);
    }
    page.values.forEach((v, i) => questions.push(readServiceQuestion(v, `${url} results[${i}].value`)));
  } while (questions.length < total);
  return { report: { term, by, pages, total }, questions };
}

async function detail(session: Session, opts: AnswersOptions, id: number): Promise<ServiceQuestion | null> {
  const url = detailUrl(opts.apiBase, id);
  try {
    const { json } = await getJson(session, url);
    return readServiceQuestion((json as { value?: unknown } | null)?.value, `${url} value`);
  } catch (e) {
    if (e instanceof HttpError && e.status === 404) return null;
    throw e;
  }
}

/** A member's name, or null when the members service answers 404 (other failures stop the run). */
async function memberName(session: Session, opts: AnswersOptions, id: number): Promise<string | null> {
  const url = memberUrl(opts.membersBase, id);
  let json: unknown;
  try {
    ({ json } = await getJson(session, url));
  } catch (e) {
    if (e instanceof HttpError && e.status === 404) return null;
    throw e;
  }
  const name = (json as { value?: { nameDisplayAs?: unknown } } | null)?.value?.nameDisplayAs;
  if (typeof name !== "string" || name.trim() === "")
    throw new DataError([
      { file: url, value: preview(JSON.stringify(json)), expected: 'a member {"value": {"nameDisplayAs": "..."}}' },
    ]);
  const bad = nameProblem(name.trim());
  if (bad)
    throw new DataError([{ file: url, column: "value.nameDisplayAs", value: name, expected: `a name without ${bad}` }]);
  return name.trim();
}

/** Says which member ids of an answer the members service did not know, so the missing name is explained. */
export function unknownMembersNote(
  answer: Pick<StoredAnswer, "asking_member_id" | "asking_member" | "answering_member_id" | "answering_member">,
  unknown: ReadonlySet<number>,
): string | null {
  const parts: string[] = [];
  if (answer.asking_member === null && answer.asking_member_id !== null && unknown.has(answer.asking_member_id))
    parts.push(`member ${answer.asking_member_id}, who asked`);
  if (
    answer.answering_member === null &&
    answer.answering_member_id !== null &&
    unknown.has(answer.answering_member_id)
  )
    parts.push(`member ${answer.answering_member_id}, who answered`);
  return parts.length
    ? `Parliament's members service did not find ${parts.join(", or ")}, so the name is not given.`
    : null;
}

export interface RunReport {
  lines: string[];
  requests: number;
  retries: number;
}

/**
 * One run: returns the new answers and query state and a report; writes nothing (the caller does,
 * all at once). Bounded: pages per search, full records per run and requests per run are all capped.
 */
export async function refreshAnswers(
  stored: readonly StoredAnswer[],
  query: AnswersQuery,
  opts: AnswersOptions,
): Promise<{ answers: StoredAnswer[]; query: AnswersQuery; report: RunReport }> {
  if (!isIsoDay(opts.today) || opts.today < query.answered_since) {
    throw new DataError([
      {
        file: "--today",
        value: opts.today,
        expected: `a date as YYYY-MM-DD, on or after answered_since ${query.answered_since}`,
      },
    ]);
  }
  // The allow-list: the two hosts this run was configured with, and no other.
  const session = new Session(opts.http, [opts.apiBase, opts.membersBase]);
  const lines: string[] = [
    `Parliament written answers: department ${query.answering_body_id}, answered or corrected from ${query.answered_since} to ${opts.today}, ${query.terms.length} terms.`,
  ];
  const seen = new Map<number, ServiceQuestion>();
  for (const term of query.terms) {
    for (const by of ["answered", "corrected"] as const) {
      const { report, questions } = await search(session, opts, query, term, by);
      lines.push(
        `  "${term}", ${by}: ${report.total} ${report.total === 1 ? "result" : "results"} in ${report.pages} ${report.pages === 1 ? "page" : "pages"}`,
      );
      for (const q of questions) seen.set(q.id, q);
    }
  }
  const all = [...seen.values()].sort((a, b) => a.id - b.id);
  const otherBodies = all.filter((q) => q.answeringBodyId !== query.answering_body_id);
  const candidates = all.filter((q) => q.answeringBodyId === query.answering_body_id && q.dateAnswered && q.answerText);
  lines.push(
    `  ${all.length} distinct questions; ${candidates.length} answered by department ${query.answering_body_id}.`,
  );
  if (all[0])
    lines.push(
      `  First result: id ${all[0].id}, ${all[0].house} UIN ${all[0].uin}, tabled ${all[0].dateTabled}, answered ${all[0].dateAnswered ?? "not yet"}, ${all[0].answeringBodyName}: ${JSON.stringify(all[0].heading)}`,
    );
  if (otherBodies.length) {
    const byBody = Map.groupBy(otherBodies, (q) => q.answeringBodyName);
    lines.push(
      `  Dropped, answered by other departments: ${[...byBody].map(([name, qs]) => `${name} ${qs.length}`).join("; ")}.`,
    );
  }

  // Full records: answers cut short in the list, then archive records to complete, within the cap.
  const cut = candidates.filter(isTruncated);
  const archive = stored.filter((a) => a.origin === "archive" && !seen.has(a.id));
  if (cut.length > opts.maxDetails) {
    throw new DataError([
      {
        file: "--max-details",
        value: String(opts.maxDetails),
        expected: `at least ${cut.length}, the answers cut short in this window (or a later answered_since)`,
      },
    ]);
  }
  const full = new Map<number, ServiceQuestion>(candidates.map((q) => [q.id, q]));
  for (const q of cut) {
    const d = await detail(session, opts, q.id);
    if (!d)
      throw new DataError([
        { file: detailUrl(opts.apiBase, q.id), expected: "the full record of a question the list returned (got 404)" },
      ]);
    full.set(q.id, d);
  }
  const budget = opts.maxDetails - cut.length;
  const notFound: number[] = [];
  for (const a of archive.slice(0, budget)) {
    const d = await detail(session, opts, a.id);
    if (d) full.set(a.id, d);
    else notFound.push(a.id);
  }
  lines.push(
    `  Read in full: ${cut.length} answers cut short in the list; ${Math.min(archive.length, budget)} of ${archive.length} answers seeded from the archive.`,
  );
  if (archive.length > budget)
    lines.push(
      `  ${archive.length - budget} archive answers are left for the next run (--max-details ${opts.maxDetails}).`,
    );
  if (notFound.length) lines.push(`  Not found at Parliament (kept as they were): ids ${notFound.join(", ")}.`);

  // Members: expanded names first, then names we already hold, then the members service.
  const names = new Map<number, string>();
  for (const a of stored) {
    if (a.asking_member_id && a.asking_member) names.set(a.asking_member_id, a.asking_member);
    if (a.answering_member_id && a.answering_member) names.set(a.answering_member_id, a.answering_member);
  }
  for (const q of full.values()) {
    if (q.askingMemberId && q.askingMemberName) names.set(q.askingMemberId, q.askingMemberName);
    if (q.answeringMemberId && q.answeringMemberName) names.set(q.answeringMemberId, q.answeringMemberName);
  }
  const missing = [
    ...new Set(
      [...full.values()]
        .flatMap((q) => [q.askingMemberId, q.answeringMemberId])
        .filter((id): id is number => id !== null && !names.has(id)),
    ),
  ].sort((a, b) => a - b);
  const unknown = new Set<number>();
  for (const id of missing) {
    const name = await memberName(session, opts, id);
    if (name) names.set(id, name);
    else unknown.add(id);
  }
  if (missing.length) lines.push(`  Looked up ${missing.length} members' names.`);
  if (unknown.size)
    lines.push(
      `  Not found by the members service (404), recorded without a name: ${[...unknown].map((id) => `member ${id}`).join(", ")}.`,
    );

  const byId = new Map(stored.map((a) => [a.id, a]));
  let kept = 0;
  let dropped = 0;
  for (const q of full.values()) {
    const answer = toStoredAnswer(q, query.terms, query.answering_body_id, names);
    if (answer) {
      const note = unknownMembersNote(answer, unknown);
      byId.set(q.id, note ? { ...answer, note } : answer);
      kept += 1;
    } else if (byId.get(q.id)?.origin === "archive") {
      // An archive answer the service no longer attributes to the department, or whose full text has no
      // term: the service's record is the reference, so it goes, and the diff says so.
      byId.delete(q.id);
      dropped += 1;
    } else dropped += 1;
  }
  lines.push(`  Kept ${kept} answers that mention a term; ${dropped} did not (their full text has none of the terms).`);
  const answers = [...byId.values()].sort((a, b) => a.id - b.id);
  // What this run would write passes the data step's own reading of answers.json, or nothing is written.
  parseAnswers(serializeAnswers(answers), "data/parliament/answers.json as this run would write it");
  lines.push(`  answers.json: ${answers.length} answers (was ${stored.length}). Next run starts from ${opts.today}.`);
  lines.push(
    `  ${session.requests} requests, ${session.retries} retries${session.waitedMs ? `, ${Math.round(session.waitedMs / 1000)} s waiting` : ""}.`,
  );
  for (const line of lines) opts.log?.(line);
  return {
    answers,
    query: { ...query, answered_since: opts.today },
    report: { lines, requests: session.requests, retries: session.retries },
  };
}

if (import.meta.main) {
  await runMain(() =>
    failingClearly(async () => {
      const env = process.env;
      const dir = argValue("data", "data");
      const answersFile = join(dir, "parliament/answers.json");
      const queryFile = join(dir, "parliament/query.json");
      const query = parseQuery(readText(queryFile), queryFile);
      const stored = parseAnswers(readText(answersFile), answersFile);
      const num = (name: string, fallback: number, whole = true) =>
        positiveNumber(name, argValue(name, String(fallback)), whole);
      const result = await refreshAnswers(stored, query, {
        apiBase: hostBase(
          { flag: "api-base", flagValue: flagValue(process.argv, "api-base"), variable: "PARLIAMENT_API_BASE", env },
          SERVICE.apiBase,
        ),
        membersBase: hostBase(
          {
            flag: "members-base",
            flagValue: flagValue(process.argv, "members-base"),
            variable: "PARLIAMENT_MEMBERS_BASE",
            env,
          },
          SERVICE.membersBase,
        ),
        today: argValue("today", new Date().toISOString().slice(0, 10)),
        take: num("take", ANSWERS_DEFAULTS.take),
        maxPages: num("max-pages", ANSWERS_DEFAULTS.maxPages),
        maxDetails: num("max-details", ANSWERS_DEFAULTS.maxDetails),
        http: {
          timeoutMs: num("timeout", HTTP_DEFAULTS.timeoutMs / 1000, false) * 1000,
          attempts: num("attempts", HTTP_DEFAULTS.attempts),
          backoffBaseMs: num("backoff-ms", HTTP_DEFAULTS.backoffBaseMs, false),
          maxRetryAfterMs: num("max-wait", HTTP_DEFAULTS.maxRetryAfterMs / 1000, false) * 1000,
        },
        log: (line) => console.log(line),
      });
      writeAllAtomically({
        [answersFile]: serializeAnswers(result.answers),
        [queryFile]: serializeQuery(result.query),
      });
    }),
  );
}
