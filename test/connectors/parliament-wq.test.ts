/**
 * The written-answers connector against a stand-in service on 127.0.0.1 (test/helpers/parliament-service.ts)
 * holding real records: paging, answers cut short, holding answers, corrections, withdrawals, 429 and 500,
 * an environment answer that says "EPR", members' names, and runs that must write nothing.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { refreshAnswers, type AnswersOptions } from "../../scripts/connectors/parliament-wq.ts";
import { retryAfterMs } from "../../scripts/connectors/http.ts";
import { parseAnswers, serializeAnswers, type StoredAnswer } from "../../src/lib/parliament/answers.ts";
import { diffAnswers, summariseAnswersDiff } from "../../src/lib/parliament/diff.ts";
import { serializeQuery, type AnswersQuery } from "../../src/lib/parliament/query.ts";
import { loadQuestions, startFakeParliament, type FakeParliament } from "../helpers/parliament-service.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const RECORDS = loadQuestions(join(ROOT, "test/fixtures/parliament-service/questions.json"));
// Names made up for the test; ids as in the records.
const MEMBERS = {
  5171: "Asking Member A",
  4444: "Minister B",
  5089: "Asking Member C",
  1489: "Asking Member D",
  4122: "Asking Member E",
  4861: "Minister F",
};
const QUERY: AnswersQuery = {
  answering_body_id: 17,
  terms: ["electronic patient record", "EPR", "Frontline Digitisation"],
  answered_since: "2023-12-01",
};
const ONE_TERM: AnswersQuery = { ...QUERY, terms: ["electronic patient record"] };
// 25 short answers that mention a term, each complete in the list (no full record needed).
const MANY = Array.from({ length: 25 }, (_, i) => ({
  ...RECORDS.find((r) => r.id === 1820115)!,
  id: 1900000 + i,
  uin: String(90000 + i),
  heading: "Electronic Patient Records",
  questionText: `To ask the Secretary of State for Health and Social Care, about trust ${i + 1}.`,
  answerIsHolding: false,
  dateHoldingAnswer: null,
  dateTabled: `2025-10-${String(i + 1).padStart(2, "0")}T00:00:00`,
  dateAnswered: "2025-11-03T00:00:00",
  answerText: `<p>Trust ${i + 1} has an electronic patient record.</p>`,
}));

let fake: FakeParliament;
let waits: number[];
beforeEach(async () => {
  fake = await startFakeParliament(RECORDS, MEMBERS, [4444]);
  waits = [];
});
afterEach(async () => fake.close());

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function options(over: Partial<AnswersOptions> = {}): AnswersOptions {
  return {
    apiBase: fake.url,
    membersBase: fake.url,
    today: "2026-11-30",
    take: 2,
    maxPages: 10,
    maxDetails: 50,
    http: {
      timeoutMs: 2000,
      attempts: 3,
      backoffBaseMs: 1,
      maxRetryAfterMs: 5000,
      wait: async (ms) => void waits.push(ms),
    },
    ...over,
  };
}

const ids = (answers: StoredAnswer[]) => answers.map((a) => a.id);

describe("written answers connector", () => {
  it("keeps the health department's answers that mention a term, in full, with members' names, and moves the start date", async () => {
    const { answers, query, report } = await refreshAnswers([], QUERY, options());
    // 1674596 says "EPR" but is the environment department's (Extended Producer Responsibility);
    // 1820115 is the health department's but mentions no term.
    expect(ids(answers)).toEqual([1726172, 1850703, 1850704]);
    expect(query).toEqual({ ...QUERY, answered_since: "2026-11-30" });

    const cut = answers.find((a) => a.id === 1726172)!;
    expect(cut.answer_text).toBe(
      "No specific assessment has been made. Shared care records are in place in all integrated care boards, allowing information from general practice and acute settings to be shared for direct care.\nThe Frontline Digitisation programme is working to improve the digital maturity of all providers so that they have adequate enabling hardware, robust connectivity, electronic patient record systems, and other core capabilities in place.\nThe Data Information and Smart Data Bill announced in the King's Speech will include the statutory power to require IT suppliers to adhere to information standards. This will help ensure there is a ‘common language’ for health and care software systems to talk to each other, across all health and care settings.",
    );
    expect(cut).toMatchObject({
      answer_truncated: false,
      asking_member: "Asking Member A",
      answering_member: "Minister B",
      origin: "service",
      url: "https://questions-statements.parliament.uk/written-questions/detail/2024-08-30/3489",
    });
    expect(answers.find((a) => a.id === 1850704)).toMatchObject({
      is_holding: true,
      terms: ["electronic patient record"],
    });

    // Full records only for answers cut short (the holding answer's question is over 255 characters); names looked up once each for members the list did not expand.
    expect(fake.requests.filter((r) => r.startsWith("/api/writtenquestions/questions/"))).toEqual(
      [1726172, 1850703, 1850704].map((id) => `/api/writtenquestions/questions/${id}?expandMember=true`),
    );
    expect(fake.requests.filter((r) => r.startsWith("/api/Members/")).sort()).toEqual([
      "/api/Members/5089",
      "/api/Members/5171",
    ]);
    expect(report.lines.join("\n")).toMatch(
      /Dropped, answered by other departments: Department for Environment, Food and Rural Affairs 1\./,
    );
  });

  it("asks for the department, the term and the window, and pages with take and skip until the total is read", async () => {
    await refreshAnswers([], QUERY, options());
    // Three answers mention "electronic patient record": two pages of two.
    const epr = fake.requests.filter(
      (r) => r.includes("searchTerm=electronic+patient+record&") && r.includes("answeredWhenFrom"),
    );
    expect(epr).toHaveLength(2);
    const first = new URL(epr[0]!, "http://x").searchParams;
    expect(Object.fromEntries(first)).toMatchObject({
      searchTerm: "electronic patient record",
      answeringBodies: "17",
      answered: "Answered",
      includeWithdrawn: "true",
      expandMember: "true",
      answeredWhenFrom: "2023-12-01",
      answeredWhenTo: "2026-11-30",
      take: "2",
      skip: "0",
    });
    expect(new URL(epr[1]!, "http://x").searchParams.get("skip")).toBe("2");
    expect(
      fake.requests.filter((r) => r.includes("correctedWhenFrom=2023-12-01&correctedWhenTo=2026-11-30")),
    ).toHaveLength(QUERY.terms.length);
  });

  it("waits as long as a 429's Retry-After says, retries a 500, and carries on", async () => {
    fake.script(/searchTerm=EPR&.*answeredWhenFrom.*skip=0/, { status: 429, headers: { "retry-after": "3" } });
    fake.script(/questions\/1726172/, { status: 500 });
    const { answers, report } = await refreshAnswers([], QUERY, options());
    expect(ids(answers)).toEqual([1726172, 1850703, 1850704]);
    expect(waits).toEqual([3000, 1]);
    expect(report.retries).toBe(2);
  });

  it("fails a run whose server keeps failing, or asks for too long a wait, naming the address", async () => {
    fake.script(/questions\/1726172/, { status: 500 }, { status: 500 }, { status: 500 });
    await expect(refreshAnswers([], QUERY, options())).rejects.toThrow(
      /questions\/1726172\?expandMember=true: HTTP 500: .*\(3 attempts\)/,
    );
    fake.script(/searchTerm=electronic/, { status: 429, headers: { "retry-after": "3600" } });
    await expect(refreshAnswers([], QUERY, options())).rejects.toThrow(
      /asks us to wait 3600 s, more than the 5 s allowed/,
    );
  });

  it("stops paging at the cap when the total never runs out", async () => {
    const lying = JSON.stringify({ totalResults: 1000, results: [{ value: RECORDS[0], links: [] }] });
    fake.script(/searchTerm=electronic/, ...Array.from({ length: 20 }, () => ({ status: 200, body: lying })));
    await expect(refreshAnswers([], QUERY, options({ maxPages: 3 }))).rejects.toThrow(/at most 3 pages of 2/);
    expect(fake.requests.filter((r) => r.includes("searchTerm=electronic"))).toHaveLength(3);
  });

  it("advances by the records a page held, not by take, until totalResults are read", async () => {
    const many = await startFakeParliament(MANY, MEMBERS, [4444]);
    many.pageLimit = 20;
    try {
      const { answers, report } = await refreshAnswers(
        [],
        ONE_TERM,
        options({ apiBase: many.url, membersBase: many.url, take: 100 }),
      );
      expect(answers).toHaveLength(25);
      const skips = many.requests
        .filter((r) => r.includes("answeredWhenFrom"))
        .map((r) => [new URL(r, "http://x").searchParams.get("take"), new URL(r, "http://x").searchParams.get("skip")]);
      expect(skips).toEqual([
        ["100", "0"],
        ["100", "20"],
      ]);
      expect(report.lines).toContain('  "electronic patient record", answered: 25 results in 2 pages');
    } finally {
      await many.close();
    }
  });

  it("fails, naming the address and the counts, when the service stops before its total", async () => {
    const many = await startFakeParliament(MANY, MEMBERS, [4444]);
    many.pageLimit = 20;
    many.stopAfter = 20;
    try {
      const run = refreshAnswers([], ONE_TERM, options({ apiBase: many.url, membersBase: many.url, take: 100 }));
      await expect(run).rejects.toThrow(
        /questions\?searchTerm=electronic\+patient\+record&.*&skip=20: found "an empty page at 20 of 25"; expected all 25 results the service counted; it stopped after 20, so nothing was written and answered_since stays 2023-12-01/,
      );
    } finally {
      await many.close();
    }
  });

  it("records a member the members service does not know (404) by id with a note, and still fails on other errors", async () => {
    fake.questions.set(1900100, { ...MANY[0]!, id: 1900100, askingMemberId: 9999 });
    const { answers, report } = await refreshAnswers([], QUERY, options());
    const unknown = answers.find((a) => a.id === 1900100)!;
    expect(unknown).toMatchObject({
      asking_member_id: 9999,
      asking_member: null,
      answering_member: "Minister B",
      note: "Parliament's members service did not find member 9999, who asked, so the name is not given.",
    });
    expect(answers.find((a) => a.id === 1850703)!.note).toBeNull();
    expect(report.lines).toContain("  Not found by the members service (404), recorded without a name: member 9999.");
    expect(fake.requests.filter((r) => r === "/api/Members/9999")).toHaveLength(1);

    fake.script(/\/api\/Members\/9999/, { status: 500 }, { status: 500 }, { status: 500 });
    await expect(refreshAnswers([], QUERY, options())).rejects.toThrow(
      /\/api\/Members\/9999: HTTP 500.*\(3 attempts\)/,
    );
  });

  it("says what came back when a response is not a list page", async () => {
    fake.script(/searchTerm=electronic/, {
      status: 200,
      headers: { "content-type": "text/html" },
      body: "<!DOCTYPE html><title>Service unavailable</title>",
    });
    await expect(refreshAnswers([], QUERY, options())).rejects.toThrow(
      /expected JSON; got text\/html: "<!DOCTYPE html><title>Service unavailable<\/title>"/,
    );
    fake.script(/searchTerm=electronic/, { status: 200, body: JSON.stringify({ items: [] }) });
    await expect(refreshAnswers([], QUERY, options())).rejects.toThrow(
      /expected a list page \{"totalResults": N, "results"/,
    );
  });

  it("on a later run: a correction, a holding answer answered in full, a withdrawal, and archive answers filled in", async () => {
    const first = await refreshAnswers([], QUERY, options());
    const archived: StoredAnswer = {
      ...first.answers.find((a) => a.id === 1850703)!,
      date_answered: null,
      asking_member: null,
      answering_member: null,
      origin: "archive",
      note: "Seeded from the archive.",
    };
    const before = [
      first.answers.find((a) => a.id === 1726172)!,
      archived,
      first.answers.find((a) => a.id === 1850704)!,
    ];

    const q = (id: number) => fake.questions.get(id)!;
    Object.assign(q(1726172), {
      answerIsCorrection: true,
      dateAnswerCorrected: "2026-12-02T00:00:00",
      answerText: `${q(1726172).answerText}<p>Correction: 20 trusts had no EPR.</p>`,
    });
    Object.assign(q(1850704), {
      answerIsHolding: false,
      dateAnswered: "2026-12-03T00:00:00",
      answerText: q(1850703).answerText,
    });
    fake.questions.set(1850705, {
      ...q(1850703),
      id: 1850705,
      uin: "89753",
      dateAnswered: "2026-12-01T00:00:00",
      isWithdrawn: true,
    });

    const second = await refreshAnswers(before, first.query, options({ today: "2026-12-07" }));
    expect(ids(second.answers)).toEqual([1726172, 1850703, 1850704, 1850705]);
    const lines = summariseAnswersDiff(diffAnswers(before, second.answers), { figures: true });
    expect(lines.filter((l) => !l.startsWith("    "))).toEqual([
      "Corrected answer: Commons UIN 3489, corrected 2026-12-02, asked by Asking Member A, answered by Minister B: Medical Records: Information Sharing (https://questions-statements.parliament.uk/written-questions/detail/2024-08-30/3489).",
      "Full answer replacing a holding answer: Commons UIN 89752, answered 2026-12-03, asked by Asking Member C, answered by Minister B: Hinchingbrooke Hospital: Electronic Patient Records (https://questions-statements.parliament.uk/written-questions/detail/2025-11-11/89752).",
      "New answer: Commons UIN 89753, answered 2026-12-01, asked by Asking Member C, answered by Minister B, question withdrawn (https://questions-statements.parliament.uk/written-questions/detail/2025-11-11/89753).",
      "Details filled in from Parliament for 1 answer seeded from the archive (dates, UINs, members).",
    ]);
    expect(lines).toContain("    figure: “Correction: 20 trusts had no EPR.”");
    expect(lines).toContain(
      "    figure: “NHS England has provided £9.7 million to support NWAFT with these activities to date.”",
    );
    expect(second.answers.find((a) => a.id === 1850705)!.is_withdrawn).toBe(true);
    // The archive answer was read again by id even though no search found it in the new window.
    expect(fake.requests).toContain("/api/writtenquestions/questions/1850703?expandMember=true");
  });

  it("sends nothing to an address that is not https or this machine", async () => {
    await expect(refreshAnswers([], QUERY, options({ apiBase: "http://example.invalid" }))).rejects.toThrow(
      /refused: not an https URL/,
    );
  });

  it("reads Retry-After as seconds or as a date", () => {
    expect(retryAfterMs("120", 0)).toBe(120_000);
    expect(retryAfterMs("Wed, 01 Jan 2025 00:00:10 GMT", Date.parse("2025-01-01T00:00:00Z"))).toBe(10_000);
    expect(retryAfterMs("soon", 0)).toBeNull();
    expect(retryAfterMs(null, 0)).toBeNull();
  });
});

describe("npm run data:answers", () => {
  function dataDir(answers: StoredAnswer[] = []): string {
    const dir = mkdtempSync(join(tmpdir(), "epr-answers-"));
    dirs.push(dir);
    mkdirSync(join(dir, "parliament"));
    writeFileSync(join(dir, "parliament/answers.json"), serializeAnswers(answers));
    writeFileSync(join(dir, "parliament/query.json"), serializeQuery(QUERY));
    return dir;
  }
  // spawnSync would block the event loop the stand-in server runs on.
  const run = (dir: string, hosts?: { env: Record<string, string>; args: string[] }) =>
    new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
      const args = [
        join(ROOT, "scripts/connectors/parliament-wq.ts"),
        "--data",
        dir,
        ...(hosts ? hosts.args : ["--api-base", fake.url, "--members-base", fake.url]),
        "--today",
        "2026-11-30",
        "--take",
        "2",
        "--backoff-ms",
        "1",
        "--attempts",
        "2",
      ];
      const env = { ...process.env, PARLIAMENT_API_BASE: "", PARLIAMENT_MEMBERS_BASE: "", ...hosts?.env };
      execFile(process.execPath, args, { env }, (error, stdout, stderr) =>
        resolve({ status: error ? Number(error.code) : 0, stdout, stderr }),
      );
    });

  it("takes its hosts from PARLIAMENT_API_BASE and PARLIAMENT_MEMBERS_BASE; a flag wins; a bad value is named", async () => {
    const dir = dataDir();
    const viaEnv = await run(dir, {
      env: { PARLIAMENT_API_BASE: fake.url, PARLIAMENT_MEMBERS_BASE: fake.url },
      args: [],
    });
    expect(viaEnv.stderr).toBe("");
    expect(viaEnv.status).toBe(0);
    expect(parseAnswers(readFileSync(join(dir, "parliament/answers.json"), "utf8"), "a").map((a) => a.id)).toEqual([
      1726172, 1850703, 1850704,
    ]);

    const flagWins = await run(dataDir(), {
      env: { PARLIAMENT_API_BASE: "http://127.0.0.1:9/nothing-here", PARLIAMENT_MEMBERS_BASE: fake.url },
      args: ["--api-base", fake.url],
    });
    expect(flagWins.status).toBe(0);

    const bad = await run(dataDir(), { env: { PARLIAMENT_API_BASE: "questions.example.org" }, args: [] });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(
      'environment variable PARLIAMENT_API_BASE: found "questions.example.org"; expected an absolute http(s) URL',
    );
    const plain = await run(dataDir(), {
      env: { PARLIAMENT_MEMBERS_BASE: "http://members.example.org" },
      args: ["--api-base", fake.url],
    });
    expect(plain.stderr).toMatch(
      /environment variable PARLIAMENT_MEMBERS_BASE: .*expected an https URL \(plain http only to 127\.0\.0\.1 or localhost\)/,
    );
  });

  it("writes both files, sorted and reproducible, and prints what it got", async () => {
    const dir = dataDir();
    const r = await run(dir);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      "Parliament written answers: department 17, answered or corrected from 2023-12-01 to 2026-11-30, 3 terms.",
    );
    expect(r.stdout).toMatch(
      /"electronic patient record", answered: 3 results in 2 pages\n {2}"electronic patient record", corrected: 0 results in 1 page\n {2}"EPR", answered: 1 result in 1 page/,
    );
    const text = readFileSync(join(dir, "parliament/answers.json"), "utf8");
    expect(parseAnswers(text, "answers.json").map((a) => a.id)).toEqual([1726172, 1850703, 1850704]);
    expect(JSON.parse(readFileSync(join(dir, "parliament/query.json"), "utf8")).answered_since).toBe("2026-11-30");

    const again = dataDir();
    await run(again);
    expect(readFileSync(join(again, "parliament/answers.json"), "utf8")).toBe(text);
  });

  it("exits 1 and writes nothing when the service stops before its total, so answered_since does not move", async () => {
    const dir = dataDir();
    const before = [
      readFileSync(join(dir, "parliament/answers.json")),
      readFileSync(join(dir, "parliament/query.json")),
    ];
    // take 2 is asked for; one record a page, and nothing after the second of three.
    fake.pageLimit = 1;
    fake.stopAfter = 2;
    const r = await run(dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /skip=2: found "an empty page at 2 of 3"; expected all 3 results the service counted; it stopped after 2/,
    );
    expect(r.stdout).not.toContain("Next run starts from");
    expect(readFileSync(join(dir, "parliament/answers.json")).equals(before[0]!)).toBe(true);
    expect(readFileSync(join(dir, "parliament/query.json")).equals(before[1]!)).toBe(true);
  });

  it("exits 1 and writes nothing when a request fails for good", async () => {
    const dir = dataDir();
    const before = [
      readFileSync(join(dir, "parliament/answers.json")),
      readFileSync(join(dir, "parliament/query.json")),
    ];
    fake.script(/questions\/1726172/, { status: 500 }, { status: 500 });
    const r = await run(dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/questions\/1726172\?expandMember=true: .*HTTP 500.*\(2 attempts\)\. Nothing was written/);
    expect(readFileSync(join(dir, "parliament/answers.json")).equals(before[0]!)).toBe(true);
    expect(readFileSync(join(dir, "parliament/query.json")).equals(before[1]!)).toBe(true);
  });
});
