/**
 * A stand-in for Parliament's written questions and members services on 127.0.0.1, speaking their JSON:
 * list pages {totalResults, results: [{value, links}]} filtered by searchTerm, answered/corrected dates and
 * withdrawal, paged by take/skip, with answers cut to 255 characters plus "..." and questions cut at 255
 * characters as the real list does; full records at /questions/{id}; members at /api/Members/{id}.
 * It ignores answeringBodies on purpose, so the connector's own department filter is what is tested.
 * Scripted responses (429, 500, a lying total) can be queued for requests that match a test. Like the
 * real service it may send fewer records a page than asked for (pageLimit), and it can be made to stop
 * short of the total it reports (stopAfter: empty pages from that many records on).
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { compareCodePoints } from "../../src/lib/order.ts";

export type QuestionRecord = Record<string, unknown> & { id: number };

export interface Scripted {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface FakeParliament {
  url: string;
  questions: Map<number, QuestionRecord>;
  /** Names the members service knows. */
  members: Map<number, string>;
  /** Member ids the list expands (expandMember=true); the rest come back null, as when expansion fails. */
  expandable: Set<number>;
  /** Every request, as path and query. */
  requests: string[];
  /** Most records sent in one list page, whatever `take` asks for; null for no limit. */
  pageLimit: number | null;
  /** Records after this many are never sent (the page is empty), though totalResults counts them; null for all. */
  stopAfter: number | null;
  /** Queue responses for requests whose path and query match; each is used once, in order. */
  script(match: RegExp, ...responses: Scripted[]): void;
  close(): Promise<void>;
}

const stripTags = (s: string) => s.replace(/<[^>]+>/g, " ");

function cutForList(v: QuestionRecord): QuestionRecord {
  const answer = typeof v.answerText === "string" ? v.answerText : null;
  const question = String(v.questionText);
  return {
    ...v,
    answerText: answer && answer.length > 258 ? `${answer.slice(0, 255)}...` : answer,
    questionText: question.length > 255 ? question.slice(0, 255) : question,
  };
}

export function loadQuestions(file: string): QuestionRecord[] {
  return JSON.parse(readFileSync(file, "utf8")) as QuestionRecord[];
}

export async function startFakeParliament(
  records: QuestionRecord[],
  members: Record<number, string>,
  expandable: number[] = [],
): Promise<FakeParliament> {
  const fake = {
    questions: new Map(records.map((r) => [r.id, structuredClone(r)])),
    members: new Map(Object.entries(members).map(([k, v]) => [Number(k), v])),
    expandable: new Set(expandable),
    requests: [] as string[],
    pageLimit: null as number | null,
    stopAfter: null as number | null,
    scripts: [] as { match: RegExp; responses: Scripted[] }[],
  };
  const expand = (v: QuestionRecord, on: boolean): QuestionRecord => {
    const member = (id: unknown) =>
      on && typeof id === "number" && fake.expandable.has(id)
        ? { id, name: fake.members.get(id) ?? null, listAs: null, party: "Test" }
        : null;
    return { ...v, askingMember: member(v.askingMemberId), answeringMember: member(v.answeringMemberId) };
  };
  const json = (res: import("node:http").ServerResponse, status: number, body: unknown) =>
    void res.writeHead(status, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(body));

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const key = url.pathname + url.search;
    fake.requests.push(key);
    const scripted = fake.scripts.find((s) => s.match.test(key) && s.responses.length > 0);
    if (scripted) {
      const r = scripted.responses.shift()!;
      return void res
        .writeHead(r.status, { "content-type": "application/json", ...r.headers })
        .end(r.body ?? JSON.stringify({ status: r.status }));
    }
    const p = url.searchParams;
    const detail = /^\/api\/writtenquestions\/questions\/(\d+)$/.exec(url.pathname);
    if (detail) {
      const q = fake.questions.get(Number(detail[1]));
      return q
        ? json(res, 200, { value: expand(q, p.get("expandMember") === "true"), links: [] })
        : json(res, 404, { title: "Not Found" });
    }
    const member = /^\/api\/Members\/(\d+)$/.exec(url.pathname);
    if (member) {
      const name = fake.members.get(Number(member[1]));
      return name
        ? json(res, 200, { value: { id: Number(member[1]), nameDisplayAs: name, nameListAs: name }, links: [] })
        : json(res, 404, {});
    }
    if (url.pathname !== "/api/writtenquestions/questions") return json(res, 404, { title: "Not Found" });
    const term = (p.get("searchTerm") ?? "").toLowerCase();
    const day = (v: unknown) => (typeof v === "string" ? v.slice(0, 10) : null);
    const within = (d: string | null, from: string | null, to: string | null) =>
      d !== null && (!from || d >= from) && (!to || d <= to);
    const found = [...fake.questions.values()]
      .filter(
        (q) =>
          !term ||
          [q.heading, q.questionText, q.answerText].some(
            (t) => typeof t === "string" && stripTags(t).toLowerCase().includes(term),
          ),
      )
      .filter((q) => p.get("answered") !== "Answered" || q.dateAnswered)
      .filter((q) => p.get("includeWithdrawn") === "true" || !q.isWithdrawn)
      .filter(
        (q) =>
          !p.has("answeredWhenFrom") || within(day(q.dateAnswered), p.get("answeredWhenFrom"), p.get("answeredWhenTo")),
      )
      .filter(
        (q) =>
          !p.has("correctedWhenFrom") ||
          within(day(q.dateAnswerCorrected), p.get("correctedWhenFrom"), p.get("correctedWhenTo")),
      )
      .sort((a, b) => compareCodePoints(String(b.dateTabled), String(a.dateTabled)) || b.id - a.id);
    const skip = Number(p.get("skip") ?? 0);
    const take = Math.min(Number(p.get("take") ?? 20), fake.pageLimit ?? Infinity);
    const served = fake.stopAfter === null ? found : found.slice(0, fake.stopAfter);
    const page = served.slice(skip, skip + take).map((q) => ({
      value: cutForList(expand(q, p.get("expandMember") === "true")),
      links: [{ rel: "self", href: `/Questions/${q.id}`, method: "GET" }],
    }));
    json(res, 200, { totalResults: found.length, results: page });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    questions: fake.questions,
    members: fake.members,
    expandable: fake.expandable,
    requests: fake.requests,
    get pageLimit() {
      return fake.pageLimit;
    },
    set pageLimit(n) {
      fake.pageLimit = n;
    },
    get stopAfter() {
      return fake.stopAfter;
    },
    set stopAfter(n) {
      fake.stopAfter = n;
    },
    script: (match, ...responses) => void fake.scripts.push({ match, responses }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
