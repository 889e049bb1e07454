/**
 * Both connectors (Parliament's written answers; ODS's ORD API and reports) against hostile servers on
 * 127.0.0.1: control and bidi characters, full-width codes, redirects off the allow-list or down to
 * plain http, endless and slow bodies, deep JSON, wrong types, lying lengths. Every case is bounded in
 * time (small timeouts, byte caps and deadlines), and each failure names the address, never a stack.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { refreshAnswers, type AnswersOptions } from "../../scripts/connectors/parliament-wq.ts";
import { fetchOrd } from "../../scripts/connectors/ods.ts";
import { hopProblem, request, Session } from "../../scripts/connectors/http.ts";
import { fetchAll } from "../../scripts/fetch.ts";
import { describeOutcome, type ManifestEntry } from "../../scripts/lib/fetch-source.ts";
import { serializeAnswers } from "../../src/lib/parliament/answers.ts";
import { serializeQuery, type AnswersQuery } from "../../src/lib/parliament/query.ts";
import { loadQuestions } from "../helpers/parliament-service.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
// A short answer that mentions a term, complete in the list (no full record is read).
const RECORD = {
  ...loadQuestions(join(ROOT, "test/fixtures/parliament-service/questions.json")).find((r) => r.id === 1820115)!,
  heading: "Electronic Patient Records",
  questionText: "To ask the Secretary of State for Health and Social Care, how many trusts have an EPR.",
  answerIsHolding: false,
  answerText: "<p>Trust 1 has an electronic patient record.</p>",
};
const QUERY: AnswersQuery = {
  answering_body_id: 17,
  terms: ["electronic patient record", "EPR", "Frontline Digitisation"],
  answered_since: "2023-12-01",
};

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
interface Stand {
  url: string;
  hits: string[];
  handle: Handler;
  server: Server;
}
const stands: Stand[] = [];
async function stand(handle: Handler): Promise<Stand> {
  const s = { hits: [] as string[], handle } as Stand;
  s.server = createServer((req, res) => {
    s.hits.push(req.url ?? "");
    res.on("error", () => undefined);
    s.handle(req, res);
  });
  await new Promise<void>((ok) => s.server.listen(0, "127.0.0.1", ok));
  s.url = `http://127.0.0.1:${(s.server.address() as AddressInfo).port}`;
  stands.push(s);
  return s;
}
afterEach(async () => {
  for (const s of stands.splice(0)) {
    s.server.closeAllConnections();
    await new Promise((ok) => s.server.close(ok));
  }
});

const json =
  (body: unknown, headers: Record<string, string> = {}): Handler =>
  (_req, res) =>
    void res
      .writeHead(200, { "content-type": "application/json", ...headers })
      .end(typeof body === "string" ? body : JSON.stringify(body));
const page = (record: unknown) => ({ totalResults: 1, results: [{ value: record, links: [] }] });
/** A body that never ends: 64 KB chunks as fast as the socket takes them. */
const endless: Handler = (_req, res) => {
  res.writeHead(200, { "content-type": "application/json" });
  const chunk = Buffer.alloc(65_536, 0x20);
  const pump = () => {
    while (!res.destroyed && res.write(chunk));
    if (!res.destroyed) res.once("drain", pump);
  };
  res.write("[");
  pump();
};
/** A body that trickles a byte every 20 ms and never finishes. */
const trickle: Handler = (_req, res) => {
  res.writeHead(200, { "content-type": "application/json" });
  const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(" ")), 20);
  res.on("close", () => clearInterval(timer));
};

const HTTP = {
  timeoutMs: 1_000,
  attempts: 2,
  backoffBaseMs: 1,
  maxRetryAfterMs: 1_000,
  maxBytes: 200_000,
  wait: async () => undefined,
};
function answers(base: string, over: Partial<AnswersOptions> = {}): AnswersOptions {
  return {
    apiBase: base,
    membersBase: base,
    today: "2026-11-30",
    take: 100,
    maxPages: 3,
    maxDetails: 5,
    http: HTTP,
    ...over,
  };
}
const ord = (base: string, http: Partial<typeof HTTP> = {}) =>
  fetchOrd({ base: `${base}/ORD/2-0-0`, role: "RO197", limit: 10, maxPages: 3, http: { ...HTTP, ...http } });
const org = (over: Record<string, unknown> = {}) => ({
  Name: "ALPHA NHS TRUST",
  OrgId: "RAA",
  Status: "Active",
  PostCode: "NW1 0PE",
  ...over,
});

/** Runs `fn`, and says how long it took. */
async function timed<T>(fn: () => Promise<T>): Promise<{ result: PromiseSettledResult<T>; ms: number }> {
  const t = performance.now();
  const [result] = await Promise.allSettled([fn()]);
  return { result: result!, ms: performance.now() - t };
}
const reason = (r: PromiseSettledResult<unknown>) =>
  r.status === "rejected" ? String((r.reason as Error).message) : "fulfilled";

describe("hostile text", () => {
  it("Parliament: a control character or a bidi override anywhere in a record is refused, naming the address and field", async () => {
    for (const [ch, name] of [
      ["\u001b[2J", "control characters \\(U\\+001B"],
      ["\u202e", "bidirectional control characters \\(U\\+202E"],
    ]) {
      const s = await stand(json(page({ ...RECORD, heading: `Electronic ${ch}Patient Records` })));
      await expect(refreshAnswers([], QUERY, answers(s.url))).rejects.toThrow(
        new RegExp(
          `/api/writtenquestions/questions\\?.*column "results\\[0\\]\\.value\\.heading": expected text without ${name}`,
        ),
      );
    }
  });

  it("Parliament: a full-width UIN is stored as plain digits; a Cyrillic letter in a member's name is refused", async () => {
    const parliament =
      (record: unknown, member: string): Handler =>
      (req, res) =>
        req.url!.startsWith("/api/Members/")
          ? json({ value: { nameDisplayAs: member } })(req, res)
          : json(page(record))(req, res);
    const s = await stand(parliament({ ...RECORD, uin: "９００２" }, "Mr John Smith"));
    const { answers: got } = await refreshAnswers([], QUERY, answers(s.url));
    expect(got.map((a) => a.uin)).toEqual(["9002"]);
    s.handle = parliament(RECORD, "Mr J\u043ehn Smith");
    await expect(refreshAnswers([], QUERY, answers(s.url))).rejects.toThrow(
      /\/api\/Members\/\d+, column "value\.nameDisplayAs".*outside the Latin alphabet \(U\+043E/,
    );
  });

  it("ORD: codes in full-width forms are read as plain ones; a name with a terminal escape or a look-alike is refused", async () => {
    const s = await stand(
      json({ Organisations: [org({ OrgId: "ＲＡＥ", PostCode: "ＮＷ1 0PE" })] }, { "x-total-count": "1" }),
    );
    const { organisations } = await ord(s.url);
    expect(organisations[0]).toMatchObject({ code: "RAE", postcode: "NW1 0PE" });
    s.handle = json({ Organisations: [org({ Name: "ALPHA\u001b]0;owned\u0007 NHS TRUST" })] });
    expect(reason((await timed(() => ord(s.url))).result)).toMatch(
      /Organisations\[0\]\.Name.*control characters \(U\+001B/,
    );
    s.handle = json({ Organisations: [org({ Name: "ALPH\u0410 NHS TRUST" })] });
    expect(reason((await timed(() => ord(s.url))).result)).toMatch(
      /Organisations\[0\]\.Name.*outside the Latin alphabet/,
    );
  });

  it("wrong types are refused with what was expected: a total as text, a code as a number, HTML as JSON", async () => {
    const s = await stand(json({ totalResults: "1", results: [] }));
    await expect(refreshAnswers([], QUERY, answers(s.url))).rejects.toThrow(/expected a list page \{"totalResults": N/);
    s.handle = json(page({ ...RECORD, id: "1820115" }));
    await expect(refreshAnswers([], QUERY, answers(s.url))).rejects.toThrow(/column "id".*a positive whole number/);
    s.handle = json({ Organisations: [org({ OrgId: 42 })] });
    expect(reason((await timed(() => ord(s.url))).result)).toMatch(/Organisations\[0\]\.OrgId.*an ODS code/);
    s.handle = (_req, res) =>
      void res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><p>\u202eSign in");
    const r = reason((await timed(() => ord(s.url))).result);
    expect(r).toMatch(/expected JSON; got text\/html: "<!doctype html><p>\\u202eSign in"/);
  });

  it("deep JSON is refused before it is parsed, naming the address; as a script, no stack trace", async () => {
    const deep = "[".repeat(50_000) + "]".repeat(50_000);
    const s = await stand(json(deep));
    expect(reason((await timed(() => ord(s.url))).result)).toMatch(
      /organisations\?.*expected JSON nested at most 32 levels deep/,
    );
    const dir = mkdtempSync(join(tmpdir(), "epr-hostile-"));
    mkdirSync(join(dir, "parliament"));
    writeFileSync(join(dir, "parliament/answers.json"), serializeAnswers([]));
    writeFileSync(join(dir, "parliament/query.json"), serializeQuery(QUERY));
    const run = await new Promise<{ code: number | null; stderr: string }>((done) =>
      execFile(
        process.execPath,
        [
          "scripts/connectors/parliament-wq.ts",
          "--data",
          dir,
          "--today",
          "2026-11-30",
          "--attempts",
          "1",
          "--timeout",
          "5",
        ],
        { cwd: ROOT, env: { ...process.env, PARLIAMENT_API_BASE: s.url, PARLIAMENT_MEMBERS_BASE: s.url } },
        (e, _out, stderr) => done({ code: e ? ((e as { code?: number }).code ?? null) : 0, stderr }),
      ),
    );
    rmSync(dir, { recursive: true, force: true });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Data error:\n.*questions\?.*nested at most 32 levels deep.*Nothing was written/s);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("hostile transport", () => {
  it("an endless body is cut at the byte cap, soon, on both connectors and data:fetch", async () => {
    const s = await stand(endless);
    const parliament = await timed(() => refreshAnswers([], QUERY, answers(s.url)));
    expect(reason(parliament.result)).toMatch(/too large: more than max_bytes 200000 bytes received \(1 attempt\)/);
    const ods = await timed(() => ord(s.url));
    expect(reason(ods.result)).toMatch(/too large/);
    const out = mkdtempSync(join(tmpdir(), "epr-hostile-"));
    const [outcome] = await fetchAll([entryAt(`${s.url}/api/getReport?report=etr`)], {
      outDir: out,
      timeoutMs: 1_000,
      attempts: 1,
      backoffBaseMs: 1,
    });
    rmSync(out, { recursive: true, force: true });
    expect(describeOutcome(outcome!)).toMatch(/FAILED ods-etr\/etr\.csv .*too large: more than max_bytes 1000/);
    expect(parliament.ms + ods.ms).toBeLessThan(3_000);
  });

  it("a Content-Length past the cap is refused unread", async () => {
    const s = await stand(
      (_req, res) =>
        void res
          .writeHead(200, { "content-type": "application/json", "content-length": "999999999999" })
          .flushHeaders(),
    );
    expect(reason((await timed(() => ord(s.url))).result)).toMatch(
      /too large: Content-Length 999999999999 bytes exceeds max_bytes 200000/,
    );
  });

  it("a slow body times out per attempt, and the run's deadline stops the retries", async () => {
    const s = await stand(trickle);
    const slow = await timed(() => ord(s.url, { timeoutMs: 150, attempts: 2 }));
    expect(reason(slow.result)).toMatch(/timed out after 150 ms \(2 attempts\)/);
    const capped = await timed(() =>
      ord(s.url, { timeoutMs: 10_000, attempts: 5, runDeadlineMs: 300 } as Partial<typeof HTTP>),
    );
    expect(reason(capped.result)).toMatch(/the run's deadline of 0 s passed/);
    expect(capped.ms).toBeLessThan(1_500);
  });

  it("a 429 asking for a long wait stops the run at once; 5xx is retried a bounded number of times", async () => {
    const s = await stand((_req, res) => void res.writeHead(429, { "retry-after": "86400" }).end());
    const long = await timed(() => ord(s.url));
    expect(reason(long.result)).toMatch(/asks us to wait 86400 s, more than the 1 s allowed/);
    expect(s.hits).toHaveLength(1);
    s.hits.length = 0;
    s.handle = (_req, res) => void res.writeHead(503).end("busy");
    expect(reason((await timed(() => ord(s.url))).result)).toMatch(/HTTP 503: "busy" \(2 attempts\)/);
    expect(s.hits).toHaveLength(2);
  });

  it("redirects: to a host not configured (another port on this machine), to plain http elsewhere: refused unsent", async () => {
    const other = await stand(json({ Organisations: [] }));
    const s = await stand(
      (_req, res) => void res.writeHead(302, { location: `${other.url}/ORD/2-0-0/organisations` }).end(),
    );
    expect(reason((await timed(() => ord(s.url))).result)).toMatch(
      new RegExp(
        `redirect refused: ${other.url.slice(7).replace(/\./g, "\\.")} is not a host this service is read from \\(${s.url.slice(7).replace(/\./g, "\\.")}\\)`,
      ),
    );
    s.handle = (_req, res) => void res.writeHead(301, { location: "http://example.invalid/x" }).end();
    await expect(refreshAnswers([], QUERY, answers(s.url))).rejects.toThrow(
      /redirect refused: http:\/\/example\.invalid\/x is not an https URL/,
    );
    const out = mkdtempSync(join(tmpdir(), "epr-hostile-"));
    s.handle = (_req, res) => void res.writeHead(302, { location: `${other.url}/etr.csv` }).end();
    const [outcome] = await fetchAll([entryAt(`${s.url}/api/getReport?report=etr`)], {
      outDir: out,
      timeoutMs: 1_000,
      attempts: 1,
      backoffBaseMs: 1,
    });
    rmSync(out, { recursive: true, force: true });
    expect(describeOutcome(outcome!)).toMatch(/redirect refused: .* is not a host this service is read from/);
    expect(other.hits).toEqual([]);
  });

  it("every hop: https never steps down to http, a host elsewhere never sends us to this machine, nothing off the list", () => {
    const hosts = new Set(["questions-statements-api.parliament.uk", "127.0.0.1:8080"]);
    const api = "https://questions-statements-api.parliament.uk/api/x";
    expect(hopProblem(hosts, api, "http://questions-statements-api.parliament.uk/api/x")).toMatch(
      /is not an https URL/,
    );
    expect(hopProblem(hosts, api, "http://127.0.0.1:8080/x")).toMatch(
      /would step down from https to plain http|is this machine/,
    );
    expect(hopProblem(hosts, api, "https://evil.example/x")).toMatch(
      /evil\.example is not a host this service is read from/,
    );
    expect(hopProblem(hosts, null, "http://127.0.0.1:9999/x")).toMatch(/127\.0\.0\.1:9999 is not a host/);
    expect(hopProblem(hosts, null, "http://127.0.0.1:8080/x")).toBeNull();
    expect(hopProblem(hosts, null, api)).toBeNull();
  });

  it("a session sends nothing past its request cap, and nothing to a host it was not configured with", async () => {
    const s = await stand(json({}));
    const session = new Session({ ...HTTP, maxRequests: 1 }, [s.url]);
    expect((await request(session, { url: `${s.url}/a`, accept: "*/*" })).reply.kind).toBe("body");
    expect((await request(session, { url: `${s.url}/b`, accept: "*/*" })).reply).toMatchObject({
      failure: { kind: "limit" },
    });
    const none = new Session(HTTP);
    expect((await request(none, { url: `${s.url}/c`, accept: "*/*" })).reply).toMatchObject({
      failure: { kind: "refused" },
    });
    expect(s.hits).toEqual(["/a"]);
  });
});

function entryAt(url: string): ManifestEntry {
  return {
    path: "ods-etr/etr.csv",
    source_id: "ods-etr",
    kind: "live",
    url,
    content_types: ["text/csv", "application/json"],
    max_bytes: 1_000,
    sha256: "0".repeat(64),
  };
}
