/**
 * `npm run data:fetch` against a local server on 127.0.0.1 serving small bodies made here: no other
 * network, no shared data. Every failure case checks that the previous copy survives byte for byte.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  mkdirSync,
} from "node:fs";
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { fetchAll, type FetchOptions } from "../../scripts/fetch.ts";
import { UPSTREAM } from "../../scripts/import.ts";
import { toJson } from "../../src/lib/data/json.ts";
import {
  acceptFetched,
  backoffMs,
  bodyProblem,
  conditionalHeaders,
  describeOutcome,
  hostBase,
  isRetryable,
  LIVE_DATE_NOTE,
  mediaType,
  ODS_REPORTS_ORIGIN,
  parseManifest,
  parseState,
  pathProblem,
  pointLiveEntries,
  redirectProblem,
  serializeManifest,
  STATE_FILE,
  urlProblem,
  type FetchState,
  type ManifestEntry,
  type Outcome,
  type StateEntry,
} from "../../scripts/lib/fetch-source.ts";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
const sha = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");

// --- local server ---------------------------------------------------------------------------

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let server: Server;
let base: string;
const routes = new Map<string, Handler[]>();
const requests = new Map<string, IncomingHttpHeaders[]>();

/** Each request to `path` takes the next handler; the last one repeats. */
function route(path: string, ...handlers: Handler[]): string {
  routes.set(`/${path}`, handlers);
  return `${base}/${path}`;
}

function requestsTo(path: string): IncomingHttpHeaders[] {
  return requests.get(`/${path}`) ?? [];
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const seen = requests.get(req.url!) ?? [];
    seen.push(req.headers);
    requests.set(req.url!, seen);
    const handlers = routes.get(req.url!);
    const handler = handlers?.[Math.min(seen.length, handlers.length) - 1];
    if (handler) handler(req, res);
    else res.writeHead(404, { "content-type": "text/plain" }).end("no such route");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(() => {
  routes.clear();
  requests.clear();
  server.closeAllConnections();
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const ETAG = '"v1"';
const LAST_MODIFIED = "Wed, 01 Jan 2025 00:00:00 GMT";

/** A 200 with a body, its exact length and validators; honours If-None-Match like a real server. */
function ok(body: string | Buffer, headers: Record<string, string | number> = {}): Handler {
  return (req, res) => {
    const etag = String(headers.etag ?? ETAG);
    if (req.headers["if-none-match"] === etag) return void res.writeHead(304, { etag }).end();
    res.writeHead(200, {
      "content-type": "text/csv; charset=utf-8",
      "content-length": Buffer.byteLength(body),
      etag,
      "last-modified": LAST_MODIFIED,
      ...headers,
    });
    res.end(body);
  };
}

const status =
  (code: number): Handler =>
  (_req, res) =>
    void res.writeHead(code, { "content-type": "text/plain" }).end(`status ${code}`);

// --- helpers --------------------------------------------------------------------------------

const BODY = "code,name\nRAA,Alpha NHS Trust\nRBB,Beta NHS Trust\n";
const PREVIOUS = "code,name\nRAA,Alpha NHS Trust (previous copy)\n";

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "data-fetch-"));
  dirs.push(d);
  return d;
}

function entry(path: string, url: string, overrides: Partial<ManifestEntry> = {}): ManifestEntry {
  return {
    path,
    source_id: "test-source",
    url,
    content_types: ["text/csv", "text/plain"],
    max_bytes: 1000,
    sha256: sha(BODY),
    ...overrides,
  };
}

function options(outDir: string, overrides: Partial<FetchOptions> = {}): FetchOptions {
  return {
    outDir,
    timeoutMs: 2000,
    attempts: 3,
    backoffBaseMs: 1,
    now: () => new Date("2026-01-02T03:04:05.000Z"),
    ...overrides,
  };
}

function seed(outDir: string, path: string, text: string): void {
  mkdirSync(dirname(join(outDir, path)), { recursive: true });
  writeFileSync(join(outDir, path), text);
}

/** No leftovers: the folder holds exactly the expected names (temp files would show up here). */
function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(dir.length + 1))
    .sort();
}

function expectFailed(outcome: Outcome, path: string, url: string, reason: RegExp): void {
  expect(outcome.status).toBe("failed");
  const message = describeOutcome(outcome);
  expect(message).toContain(path);
  expect(message).toContain(url);
  expect(message).toMatch(reason);
}

/** The failure case's core promise: the previous copy is byte-identical and nothing else appeared. */
function expectPreviousKept(outDir: string, path: string): void {
  expect(readFileSync(join(outDir, path), "utf8")).toBe(PREVIOUS);
  expect(filesIn(outDir)).toEqual([path]);
}

// --- behaviour ------------------------------------------------------------------------------

describe("data:fetch", () => {
  it("writes a fetched file, prints its sha256 and records etag, last-modified, sha256, bytes and fetched_at", async () => {
    const out = tempDir();
    const url = route("a/file.csv", ok(BODY));
    const [outcome] = await fetchAll([entry("a/file.csv", url)], options(out));

    expect(readFileSync(join(out, "a/file.csv"), "utf8")).toBe(BODY);
    expect(outcome).toMatchObject({
      status: "fetched",
      sha256: sha(BODY),
      bytes: Buffer.byteLength(BODY),
      changedUpstream: false,
    });
    expect(describeOutcome(outcome!)).toBe(`fetched a/file.csv: ${Buffer.byteLength(BODY)} bytes, sha256 ${sha(BODY)}`);
    expect(JSON.parse(readFileSync(join(out, STATE_FILE), "utf8"))).toEqual({
      "a/file.csv": {
        etag: ETAG,
        last_modified: LAST_MODIFIED,
        sha256: sha(BODY),
        bytes: Buffer.byteLength(BODY),
        fetched_at: "2026-01-02T03:04:05.000Z",
        from: "url",
        url,
      },
    });
    // A first fetch has nothing to be conditional on, and asks for the bytes as they are.
    expect(requestsTo("a/file.csv")[0]).toMatchObject({ "accept-encoding": "identity" });
    expect(requestsTo("a/file.csv")[0]!["if-none-match"]).toBeUndefined();
  });

  it("reports a sha256 that differs from the manifest as changed upstream, not as a failure", async () => {
    const out = tempDir();
    const url = route("new.csv", ok(BODY));
    const [outcome] = await fetchAll([entry("new.csv", url, { sha256: "0".repeat(64) })], options(out));
    expect(outcome).toMatchObject({ status: "fetched", changedUpstream: true });
    expect(describeOutcome(outcome!)).toContain("changed upstream: review before importing");
  });

  it("on 304 (ETag matched) keeps the previous copy byte-identical and does not rewrite it or the state", async () => {
    const out = tempDir();
    const url = route("etr.csv", ok(BODY));
    await fetchAll([entry("etr.csv", url)], options(out));
    const file = join(out, "etr.csv");
    const before = {
      bytes: readFileSync(file),
      stat: statSync(file),
      state: readFileSync(join(out, STATE_FILE), "utf8"),
      stateStat: statSync(join(out, STATE_FILE)),
    };

    const [outcome] = await fetchAll(
      [entry("etr.csv", url)],
      options(out, { now: () => new Date("2027-01-01T00:00:00.000Z") }),
    );

    expect(requestsTo("etr.csv")[1]).toMatchObject({ "if-none-match": ETAG, "if-modified-since": LAST_MODIFIED });
    expect(outcome).toMatchObject({ status: "not_modified", sha256: sha(BODY) });
    expect(readFileSync(file).equals(before.bytes)).toBe(true);
    expect(statSync(file).ino).toBe(before.stat.ino);
    expect(statSync(file).mtimeMs).toBe(before.stat.mtimeMs);
    expect(readFileSync(join(out, STATE_FILE), "utf8")).toBe(before.state);
    expect(statSync(join(out, STATE_FILE)).mtimeMs).toBe(before.stateStat.mtimeMs);
  });

  it("sends no validators when the copy on disk is not the one the state describes", async () => {
    const out = tempDir();
    const url = route("etr.csv", ok(BODY));
    await fetchAll([entry("etr.csv", url)], options(out));
    seed(out, "etr.csv", PREVIOUS); // edited by hand since
    const [outcome] = await fetchAll([entry("etr.csv", url)], options(out));
    expect(requestsTo("etr.csv")[1]!["if-none-match"]).toBeUndefined();
    expect(outcome).toMatchObject({ status: "fetched" });
    expect(readFileSync(join(out, "etr.csv"), "utf8")).toBe(BODY);
  });

  it("fails a 404 at once, without retrying, and keeps the previous copy", async () => {
    const out = tempDir();
    seed(out, "gone.csv", PREVIOUS);
    const url = route("gone.csv", status(404));
    const [outcome] = await fetchAll([entry("gone.csv", url)], options(out));
    expectFailed(outcome!, "gone.csv", url, /HTTP 404 Not Found \(1 attempt\)/);
    expect(requestsTo("gone.csv")).toHaveLength(1);
    expectPreviousKept(out, "gone.csv");
  });

  it("retries a 500 and succeeds on the next attempt", async () => {
    const out = tempDir();
    seed(out, "flaky.csv", PREVIOUS);
    const url = route("flaky.csv", status(500), ok(BODY));
    const [outcome] = await fetchAll([entry("flaky.csv", url)], options(out));
    expect(outcome).toMatchObject({ status: "fetched", sha256: sha(BODY) });
    expect(requestsTo("flaky.csv")).toHaveLength(2);
    expect(readFileSync(join(out, "flaky.csv"), "utf8")).toBe(BODY);
  });

  it("gives up after the configured attempts on a persistent 500 and keeps the previous copy", async () => {
    const out = tempDir();
    seed(out, "down.csv", PREVIOUS);
    const url = route("down.csv", status(500));
    const [outcome] = await fetchAll([entry("down.csv", url)], options(out));
    expectFailed(outcome!, "down.csv", url, /HTTP 500 Internal Server Error \(3 attempts\)/);
    expect(requestsTo("down.csv")).toHaveLength(3);
    expectPreviousKept(out, "down.csv");
  });

  it("times out a response slower than the timeout and keeps the previous copy", async () => {
    const out = tempDir();
    seed(out, "slow.csv", PREVIOUS);
    const url = route("slow.csv", (req, res) => {
      const timer = setTimeout(() => ok(BODY)(req, res), 2000);
      res.on("close", () => clearTimeout(timer));
    });
    const started = Date.now();
    const [outcome] = await fetchAll([entry("slow.csv", url)], options(out, { timeoutMs: 100, attempts: 2 }));
    expect(Date.now() - started).toBeLessThan(1500);
    expectFailed(outcome!, "slow.csv", url, /timed out after 100 ms \(2 attempts\)/);
    expectPreviousKept(out, "slow.csv");
  });

  it("times out a body that stalls part-way", async () => {
    const out = tempDir();
    seed(out, "stall.csv", PREVIOUS);
    const url = route("stall.csv", (_req, res) => {
      res.writeHead(200, { "content-type": "text/csv", "content-length": 100 });
      res.write("code,name\n"); // and never the rest
    });
    const [outcome] = await fetchAll([entry("stall.csv", url)], options(out, { timeoutMs: 100, attempts: 1 }));
    expectFailed(outcome!, "stall.csv", url, /timed out after 100 ms/);
    expectPreviousKept(out, "stall.csv");
  });

  it("fails a truncated body (Content-Length larger than what arrived before the socket closed)", async () => {
    const out = tempDir();
    seed(out, "cut.csv", PREVIOUS);
    const url = route("cut.csv", (_req, res) => {
      res.writeHead(200, { "content-type": "text/csv", "content-length": 100 });
      res.write("code,name\nRAA,Alp", () => setTimeout(() => res.socket?.destroy(), 20));
    });
    const [outcome] = await fetchAll([entry("cut.csv", url)], options(out));
    expectFailed(outcome!, "cut.csv", url, /truncated: received 17 of 100 bytes \(Content-Length\) \(3 attempts\)/);
    expectPreviousKept(out, "cut.csv");
  });

  it("fails a wrong content type without retrying (an HTML error page is not a CSV)", async () => {
    const out = tempDir();
    seed(out, "page.csv", PREVIOUS);
    const url = route("page.csv", ok("<html>Sign in</html>", { "content-type": "text/html; charset=utf-8" }));
    const [outcome] = await fetchAll([entry("page.csv", url)], options(out));
    expectFailed(outcome!, "page.csv", url, /wrong content type: text\/html \(allowed: text\/csv, text\/plain\)/);
    expect(requestsTo("page.csv")).toHaveLength(1);
    expectPreviousKept(out, "page.csv");
  });

  it("fails a file whose Content-Length exceeds max_bytes before reading it", async () => {
    const out = tempDir();
    seed(out, "big.csv", PREVIOUS);
    const url = route("big.csv", ok("x".repeat(2000)));
    const [outcome] = await fetchAll([entry("big.csv", url)], options(out));
    expectFailed(outcome!, "big.csv", url, /too large: Content-Length 2000 bytes exceeds max_bytes 1000/);
    expectPreviousKept(out, "big.csv");
  });

  it("stops a streamed body (no Content-Length) as soon as it passes max_bytes", async () => {
    const out = tempDir();
    seed(out, "stream.csv", PREVIOUS);
    const url = route("stream.csv", (_req, res) => {
      res.writeHead(200, { "content-type": "text/csv" }); // chunked: size unknown up front
      const timer = setInterval(() => res.write("x".repeat(400)), 5);
      res.on("close", () => clearInterval(timer));
    });
    const [outcome] = await fetchAll([entry("stream.csv", url)], options(out));
    expectFailed(outcome!, "stream.csv", url, /too large: more than max_bytes 1000 bytes received/);
    expectPreviousKept(out, "stream.csv");
  });

  it("follows a redirect on this machine, and refuses one to plain http elsewhere without connecting", async () => {
    const out = tempDir();
    route("moved/file.csv", ok(BODY));
    const movedUrl = route("old.csv", (_req, res) => void res.writeHead(301, { location: "/moved/file.csv" }).end());
    const awayUrl = route(
      "away.csv",
      (_req, res) => void res.writeHead(302, { location: "http://example.invalid/file.csv" }).end(),
    );
    const outcomes = await fetchAll([entry("old.csv", movedUrl), entry("away.csv", awayUrl)], options(out));
    expect(outcomes.map((o) => o.path)).toEqual(["away.csv", "old.csv"]);
    expectFailed(
      outcomes[0]!,
      "away.csv",
      awayUrl,
      /redirect refused: http:\/\/example\.invalid\/file\.csv is not an https URL/,
    );
    expect(outcomes[1]).toMatchObject({ status: "fetched", sha256: sha(BODY) });
  });

  it("carries on past one failing file, in path order, and records state only for the files fetched", async () => {
    const out = tempDir();
    seed(out, "b/missing.csv", PREVIOUS);
    const entries = [
      entry("c/last.csv", route("c/last.csv", ok(BODY))),
      entry("b/missing.csv", route("b/missing.csv", status(404))),
      entry("a/first.csv", route("a/first.csv", ok(BODY))),
    ];
    const outcomes = await fetchAll(entries, options(out));
    expect(outcomes.map((o) => [o.path, o.status])).toEqual([
      ["a/first.csv", "fetched"],
      ["b/missing.csv", "failed"],
      ["c/last.csv", "fetched"],
    ]);
    expect(readFileSync(join(out, "b/missing.csv"), "utf8")).toBe(PREVIOUS);
    expect(Object.keys(JSON.parse(readFileSync(join(out, STATE_FILE), "utf8")))).toEqual(["a/first.csv", "c/last.csv"]);
  });

  it("runs as a script: sorted report, failures on stderr, exit code 1 if any failed and 0 otherwise", async () => {
    const out = tempDir();
    const manifest = join(tempDir(), "upstream.json");
    const good = entry("a/good.csv", route("a/good.csv", ok(BODY)));
    const bad = entry("b/bad.csv", route("b/bad.csv", status(404)));
    writeFileSync(manifest, JSON.stringify([bad, good]));
    const run = (...extra: string[]) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          ["scripts/fetch.ts", "--manifest", manifest, "--out", out, "--backoff-ms", "1", ...extra],
          { cwd: REPO },
          (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
        );
      });

    const all = await run();
    expect(all.code).toBe(1);
    expect(all.stdout.trim().split("\n")).toEqual([
      `fetched a/good.csv: ${Buffer.byteLength(BODY)} bytes, sha256 ${sha(BODY)}`,
      `FAILED b/bad.csv from ${bad.url}: HTTP 404 Not Found (1 attempt)`,
      "2 files: 1 fetched, 0 not modified, 1 failed",
    ]);
    expect(all.stderr).toContain(`FAILED b/bad.csv from ${bad.url}: HTTP 404 Not Found`);

    const one = await run("--only", "a/good.csv");
    expect(one.code).toBe(0);
    expect(one.stdout).toContain("not modified a/good.csv: 304, previous copy kept");

    const unknown = await run("--only", "nope.csv");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('found "nope.csv"; expected one of a/good.csv, b/bad.csv');
  });
});

describe("data:fetch on hostile servers and folders (issue 15, point 5)", () => {
  it("refuses an HTML error page served as 200 text/plain, keeping the good copy", async () => {
    const out = tempDir();
    seed(out, "etr.csv", PREVIOUS);
    const url = route(
      "etr.csv",
      ok("\n  <!DOCTYPE html><html><body>Service unavailable</body></html>", { "content-type": "text/plain" }),
    );
    const [outcome] = await fetchAll([entry("etr.csv", url)], options(out));
    expectFailed(outcome!, "etr.csv", url, /not the expected file: an HTML page, not the data file/);
    expect(requestsTo("etr.csv")).toHaveLength(1);
    expectPreviousKept(out, "etr.csv");
  });

  it("refuses a workbook that is not a zip and a hexmap that is not JSON", () => {
    expect(
      bodyProblem({ path: "a/list.xlsx", content_types: ["application/octet-stream"] }, Buffer.from("<html>")),
    ).toMatch(/HTML page/);
    expect(
      bodyProblem({ path: "a/list.xlsx", content_types: ["application/octet-stream"] }, Buffer.from("not a zip")),
    ).toMatch(/not a workbook/);
    expect(
      bodyProblem({ path: "a/list.xlsx", content_types: ["application/octet-stream"] }, Buffer.from("PK\x03\x04rest")),
    ).toBeNull();
    expect(bodyProblem({ path: "a/map.hexjson", content_types: ["text/plain"] }, Buffer.from("{ nope"))).toBe(
      "not JSON",
    );
    expect(bodyProblem({ path: "a/x.csv", content_types: ["text/csv"] }, Buffer.from("a,b\n1,2\n"))).toBeNull();
    expect(bodyProblem({ path: "a/x.csv", content_types: ["text/csv"] }, Buffer.from("a\u0000b"))).toMatch(/NUL/);
  });

  it("fails only the file whose destination is a directory, and fetches the others", async () => {
    const out = tempDir();
    mkdirSync(join(out, "a/dir.csv"), { recursive: true });
    const outcomes = await fetchAll(
      [entry("a/dir.csv", route("a/dir.csv", ok(BODY))), entry("b/ok.csv", route("b/ok.csv", ok(BODY)))],
      options(out),
    );
    expect(outcomes.map((o) => o.status)).toEqual(["failed", "fetched"]);
    expect(describeOutcome(outcomes[0]!)).toContain("FAILED a/dir.csv from");
    expect(describeOutcome(outcomes[0]!)).toContain(
      "could not write the file: a/dir.csv in the output folder is a directory, not a file",
    );
    expect(requestsTo("a/dir.csv")).toHaveLength(0);
    expect(readFileSync(join(out, "b/ok.csv"), "utf8")).toBe(BODY);
  });

  it("ignores a state entry whose etag is not a valid header value, instead of crashing on it", async () => {
    const out = tempDir();
    const urlA = route("a.csv", ok(BODY));
    const urlB = route("b.csv", ok(BODY));
    await fetchAll([entry("a.csv", urlA), entry("b.csv", urlB)], options(out));
    const state = JSON.parse(readFileSync(join(out, STATE_FILE), "utf8"));
    state["a.csv"].etag = '"v1"\r\nX-Injected: 1';
    writeFileSync(join(out, STATE_FILE), JSON.stringify(state));
    const outcomes = await fetchAll([entry("a.csv", urlA), entry("b.csv", urlB)], options(out));
    expect(outcomes.map((o) => o.status)).toEqual(["fetched", "not_modified"]);
    expect(requestsTo("a.csv")[1]!["if-none-match"]).toBeUndefined();
    expect(requestsTo("a.csv")[1]!["x-injected"]).toBeUndefined();
    expect(
      parseState(JSON.stringify({ "x.csv": { ...state["b.csv"], etag: "no quotes" }, __proto__: state["b.csv"] })),
    ).toEqual({});
  });

  it("does not write through a folder inside the output folder that is a symbolic link", async () => {
    const out = tempDir();
    const elsewhere = tempDir();
    symlinkSync(elsewhere, join(out, "ods-etr"));
    const url = route("ods-etr/etr.csv", ok(BODY));
    const [outcome] = await fetchAll([entry("ods-etr/etr.csv", url)], options(out));
    expectFailed(
      outcome!,
      "ods-etr/etr.csv",
      url,
      /could not write the file: ods-etr in the output folder is a symbolic link, not a folder/,
    );
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(existsSync(join(out, STATE_FILE))).toBe(false);
  });

  it("never follows https down to plain http, nor a host elsewhere to this machine", () => {
    expect(redirectProblem("https://example.org/a.csv", "http://127.0.0.1:8080/a.csv")).toBe(
      "http://127.0.0.1:8080/a.csv would step down from https to plain http",
    );
    expect(redirectProblem("https://example.org/a.csv", "http://localhost/a.csv")).toMatch(/step down/);
    expect(redirectProblem("https://example.org/a.csv", "https://127.0.0.1/a.csv")).toBe(
      "https://127.0.0.1/a.csv is this machine, and example.org is not",
    );
    expect(redirectProblem("https://example.org/a.csv", "http://example.net/a.csv")).toMatch(/is not an https URL/);
    expect(redirectProblem("https://example.org/a.csv", "https://cdn.example.net/a.csv")).toBeNull();
    // The tests' own server: plain http on this machine, redirecting on this machine.
    expect(redirectProblem("http://127.0.0.1:8080/old.csv", "http://127.0.0.1:8080/new.csv")).toBeNull();
  });
});

// --- pure rules -----------------------------------------------------------------------------

describe("data:fetch rules", () => {
  it("retries server trouble and dropped connections only", () => {
    expect(isRetryable({ kind: "http", status: 503, statusText: "" })).toBe(true);
    expect(isRetryable({ kind: "http", status: 429, statusText: "" })).toBe(true);
    expect(isRetryable({ kind: "http", status: 404, statusText: "" })).toBe(false);
    expect(isRetryable({ kind: "truncated", received: 1, declared: 2 })).toBe(true);
    expect(isRetryable({ kind: "content_type", got: "text/html", allowed: [] })).toBe(false);
    expect([1, 2, 3].map((n) => backoffMs(n, 500))).toEqual([500, 1000, 2000]);
  });

  it("sends validators only for the copy the state describes", () => {
    const previous = {
      etag: '"e"',
      last_modified: LAST_MODIFIED,
      sha256: "a".repeat(64),
      bytes: 1,
      fetched_at: "2026-01-01T00:00:00.000Z",
      from: "url" as const,
      url: "https://example.org/a.csv",
    };
    expect(conditionalHeaders(previous, "a".repeat(64))).toEqual({
      "if-none-match": '"e"',
      "if-modified-since": LAST_MODIFIED,
    });
    expect(conditionalHeaders(previous, "b".repeat(64))).toEqual({});
    expect(conditionalHeaders(previous, null)).toEqual({});
    expect(conditionalHeaders(undefined, "a".repeat(64))).toEqual({});
    // Not to another address than the one that sent the copy, nor for a copy of the pinned fallback.
    expect(conditionalHeaders(previous, "a".repeat(64), "https://example.org/a.csv")).not.toEqual({});
    expect(conditionalHeaders(previous, "a".repeat(64), "http://127.0.0.1:8080/a.csv")).toEqual({});
    expect(conditionalHeaders({ ...previous, from: "fallback_url" }, "a".repeat(64))).toEqual({});
    // State written before the origin was recorded still gets its validators.
    expect(conditionalHeaders({ ...previous, from: null, url: null }, "a".repeat(64), "https://x.org/")).not.toEqual(
      {},
    );
  });

  it("reads media types without parameters, and treats a broken state file as empty", () => {
    expect(mediaType("Text/CSV; charset=utf-8")).toBe("text/csv");
    expect(mediaType(undefined)).toBeNull();
    expect(parseState("{not json")).toEqual({});
    expect(parseState(null)).toEqual({});
  });

  it("keeps manifest paths inside the output folder and URLs on https", () => {
    expect(pathProblem("ods-etr/etr.csv")).toBeNull();
    for (const bad of ["../etr.csv", "/etc/passwd", "a/../../b", "a//b", ".fetch-state.json", "a\\b"])
      expect(pathProblem(bad)).not.toBeNull();
    expect(urlProblem("https://example.org/x.csv")).toBeNull();
    expect(urlProblem("http://127.0.0.1:8080/x.csv")).toBeNull();
    expect(urlProblem("http://example.org/x.csv")).toMatch(/https/);
    expect(() =>
      parseManifest(
        JSON.stringify([
          { path: "../x", source_id: "s", url: "ftp://x", content_types: [], max_bytes: 0, sha256: "x", extra: 1 },
        ]),
        "m.json",
      ),
    ).toThrow(
      /m\.json, column "\[0\]\.extra".*no such field[\s\S]*\[0\]\.path[\s\S]*\[0\]\.url[\s\S]*\[0\]\.content_types[\s\S]*\[0\]\.max_bytes[\s\S]*\[0\]\.sha256/,
    );
  });
});

describe("data/upstream.json", () => {
  const read = (p: string) => readFileSync(join(REPO, p), "utf8");
  const manifest = parseManifest(read("data/upstream.json"), "data/upstream.json");

  it("lists every file the importers read, once, sorted by path", () => {
    // An emailed edition has no URL: it is kept under data/editions/, not fetched.
    const editions = (JSON.parse(read("data/epr-list-editions.json")) as { path: string; kind?: string }[])
      .filter((e) => e.kind !== "emailed")
      .map((e) => e.path);
    expect(manifest.map((e) => e.path)).toEqual([...Object.values(UPSTREAM), ...editions].sort());
    expect(JSON.parse(read("data/upstream.json")).map((e: ManifestEntry) => e.path)).toEqual(
      manifest.map((e) => e.path),
    );
  });

  it("points every entry at a source in data/sources.json and at an https URL", () => {
    const ids = new Set((JSON.parse(read("data/sources.json")) as { id: string }[]).map((s) => s.id));
    for (const e of manifest) {
      expect(ids, e.path).toContain(e.source_id);
      expect(e.url.startsWith("https://"), e.path).toBe(true);
    }
  });
});

// --- where each copy came from, and recording it after review --------------------------------

/** A source as data/sources.json needs it, for the temporary sources files below. */
function source(id: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    title: "A test file",
    publisher: "A publisher",
    url: "https://example.org/",
    via: "a pinned copy at a commit",
    date: "2026-07",
    date_estimated: false,
    date_note: "From the copy's commit date.",
    type: "dataset",
    uin: null,
    licence: "OGL-3.0",
    covers: "What the test reads.",
    confidence: "M",
    ...over,
  };
}

function runFetch(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ["scripts/fetch.ts", "--backoff-ms", "1", "--attempts", "1", ...args],
      { cwd: REPO, env: { ...process.env, ODS_REPORTS_BASE: "", ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

describe("data:fetch: live endpoints, their hosts, and --accept", () => {
  const ODS = "https://www.odsdatasearchandexport.nhs.uk/api/getReport?report=etr";
  const OLD = "code,name\nRAA,Alpha NHS Trust\n";

  function workspace() {
    const dir = tempDir();
    const files = { manifest: join(dir, "upstream.json"), sources: join(dir, "sources.json"), out: join(dir, "up") };
    const manifest = [
      {
        path: "a/frozen.csv",
        source_id: "frozen-test",
        kind: "frozen",
        url: `${base}/frozen.csv`,
        content_types: ["text/csv", "text/plain"],
        max_bytes: 1000,
        sha256: sha(BODY),
      },
      {
        path: "ods-etr/etr.csv",
        source_id: "ods-test",
        kind: "live",
        url: ODS,
        fallback_url: `${base}/pinned/etr.csv`,
        content_types: ["text/csv", "text/plain"],
        max_bytes: 1000,
        sha256: sha(OLD),
      },
    ];
    writeFileSync(files.manifest, serializeManifest(manifest));
    writeFileSync(files.sources, toJson([source("frozen-test"), source("ods-test")]));
    return files;
  }
  const common = (f: ReturnType<typeof workspace>) => ["--manifest", f.manifest, "--out", f.out];

  it("reads live entries from ODS_REPORTS_BASE in place of ODS's origin; --reports-base wins; a bad value is named", async () => {
    const f = workspace();
    route("frozen.csv", ok(BODY));
    route("api/getReport?report=etr", ok(BODY));
    const r = await runFetch(common(f), { ODS_REPORTS_BASE: base });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(requestsTo("api/getReport?report=etr")).toHaveLength(1);
    expect(readFileSync(join(f.out, "ods-etr/etr.csv"), "utf8")).toBe(BODY);
    expect(JSON.parse(readFileSync(join(f.out, STATE_FILE), "utf8"))["ods-etr/etr.csv"]).toMatchObject({
      from: "url",
      url: `${base}/api/getReport?report=etr`,
    });

    route("elsewhere/api/getReport?report=etr", ok(BODY));
    const flag = await runFetch([...common(f), "--reports-base", `${base}/elsewhere`, "--only", "ods-etr/etr.csv"], {
      ODS_REPORTS_BASE: "http://127.0.0.1:9",
    });
    expect(flag.code).toBe(0);
    expect(requestsTo("elsewhere/api/getReport?report=etr")).toHaveLength(1);

    const bad = await runFetch(common(f), { ODS_REPORTS_BASE: "https://ods.example.org/?mirror=1" });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(
      'environment variable ODS_REPORTS_BASE: found "https://ods.example.org/?mirror=1"; expected a URL with no query or fragment',
    );
  });

  it("exits 3 and says so on stderr when a live endpoint failed and its last good copy was kept", async () => {
    const f = workspace();
    route("frozen.csv", ok(BODY));
    route("api/getReport?report=etr", ok(BODY), status(503));
    route("pinned/etr.csv", ok(OLD));
    expect((await runFetch(common(f), { ODS_REPORTS_BASE: base })).code).toBe(0);
    const r = await runFetch(common(f), { ODS_REPORTS_BASE: base });
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/^KEPT last good live copy of ods-etr\/etr\.csv from \d{4}-\d\d-\d\d, sha256 /m);
    expect(r.stdout).toContain("2 files: 0 fetched, 1 not modified, 0 failed, 1 kept (endpoint failed)");
    expect(r.stderr).toMatch(/^1 live endpoint failed; the import will read this copy, not a new read:\nKEPT /);
    expect(readFileSync(join(f.out, "ods-etr/etr.csv"), "utf8")).toBe(BODY);
    expect(requestsTo("pinned/etr.csv")).toHaveLength(0);
  });

  it("--accept records the new checksums and the live source's date, via and date note; then nothing more", async () => {
    const f = workspace();
    route("frozen.csv", ok(BODY));
    route("api/getReport?report=etr", ok(BODY));
    await runFetch(common(f), { ODS_REPORTS_BASE: base });
    const fetchedAt = JSON.parse(readFileSync(join(f.out, STATE_FILE), "utf8"))["ods-etr/etr.csv"].fetched_at;

    const r = await runFetch([...common(f), "--sources", f.sources, "--accept"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`accepted ods-etr/etr.csv: sha256 ${sha(OLD)} → ${sha(BODY)}`);
    expect(r.stdout).toContain("unchanged a/frozen.csv");
    const manifest = JSON.parse(readFileSync(f.manifest, "utf8"));
    expect(manifest.map((e: ManifestEntry) => e.sha256)).toEqual([sha(BODY), sha(BODY)]);
    expect(manifest[1].url).toBe(ODS); // the manifest keeps the publisher's address
    const sources = JSON.parse(readFileSync(f.sources, "utf8"));
    expect(sources[1]).toEqual(
      source("ods-test", {
        date: fetchedAt.slice(0, 10),
        via: `${base}/api/getReport?report=etr`,
        date_note: LIVE_DATE_NOTE,
      }),
    );
    expect(sources[0]).toEqual(source("frozen-test"));
    expect(readFileSync(f.sources, "utf8")).toBe(toJson(sources));
    expect(readFileSync(f.manifest, "utf8")).toBe(serializeManifest(manifest));

    const before = [readFileSync(f.manifest), readFileSync(f.sources)];
    const again = await runFetch([...common(f), "--sources", f.sources, "--accept"]);
    expect(again.stdout).toContain("Nothing to update.");
    expect(readFileSync(f.manifest).equals(before[0]!)).toBe(true);
    expect(readFileSync(f.sources).equals(before[1]!)).toBe(true);

    // A copy edited by hand since the fetch is refused, and nothing is written.
    writeFileSync(join(f.out, "ods-etr/etr.csv"), OLD + "RZZ,Hand NHS Trust\n");
    const edited = await runFetch([...common(f), "--sources", f.sources, "--accept"]);
    expect(edited.code).toBe(1);
    expect(edited.stderr).toContain(`${join(f.out, "ods-etr/etr.csv")}: expected the copy data:fetch recorded`);
    expect(readFileSync(f.manifest).equals(before[0]!)).toBe(true);
    expect(readFileSync(f.sources).equals(before[1]!)).toBe(true);
  });
});

describe("--accept rules", () => {
  const entry = (over: Partial<ManifestEntry> = {}): ManifestEntry => ({
    path: "ods-etr/etr.csv",
    source_id: "ods-test",
    kind: "live",
    url: "https://www.odsdatasearchandexport.nhs.uk/api/getReport?report=etr",
    fallback_url: "https://example.org/pinned.csv",
    content_types: ["text/csv"],
    max_bytes: 1000,
    sha256: "a".repeat(64),
    ...over,
  });
  const state = (over: Partial<StateEntry> = {}): FetchState => ({
    "ods-etr/etr.csv": {
      etag: null,
      last_modified: null,
      sha256: "b".repeat(64),
      bytes: 10,
      fetched_at: "2026-12-07T06:00:00.000Z",
      from: "url",
      url: "https://www.odsdatasearchandexport.nhs.uk/api/getReport?report=etr",
      ...over,
    },
  });
  const files = { manifest: "data/upstream.json", sources: "data/sources.json", outDir: "data/upstream" };
  const disk = (sha: string | null) => () => sha;

  it("never records a pinned fallback copy over what the manifest holds, and leaves one it already holds", () => {
    const fallback = state({ from: "fallback_url", url: "https://example.org/pinned.csv" });
    expect(() => acceptFetched([entry()], [source("ods-test")], fallback, disk("b".repeat(64)), files)).toThrow(
      /data\/upstream\/ods-etr\/etr\.csv: found "the pinned fallback copy https:\/\/example\.org\/pinned\.csv"; expected a copy read from the publisher's endpoint/,
    );
    const same = acceptFetched(
      [entry({ sha256: "b".repeat(64) })],
      [source("ods-test")],
      fallback,
      disk("b".repeat(64)),
      files,
    );
    expect(same.sources).toEqual([source("ods-test")]);
    expect(same.lines).toEqual(["unchanged ods-etr/etr.csv: the pinned fallback copy data/upstream.json records"]);
  });

  it("refuses a copy whose origin the state does not record, skips files not here, and honours --only", () => {
    expect(() =>
      acceptFetched([entry()], [source("ods-test")], state({ from: null }), disk("b".repeat(64)), files),
    ).toThrow(/fetched before its origin was recorded/);
    expect(acceptFetched([entry()], [source("ods-test")], {}, disk(null), files).lines).toEqual([
      "not here ods-etr/etr.csv: nothing to accept",
    ]);
    expect(
      acceptFetched([entry()], [source("ods-test")], state(), disk("b".repeat(64)), files, "other.csv").lines,
    ).toEqual([]);
  });

  it("writes data/upstream.json and data/sources.json back byte for byte", () => {
    const read = (p: string) => readFileSync(join(REPO, p), "utf8");
    expect(serializeManifest(JSON.parse(read("data/upstream.json")))).toBe(read("data/upstream.json"));
    expect(toJson(JSON.parse(read("data/sources.json")))).toBe(read("data/sources.json"));
    expect(serializeManifest([{ a: ["x", 'y "quoted"'], b: [], c: { d: ["z"] } }])).toBe(
      '[\n  {\n    "a": ["x", "y \\"quoted\\""],\n    "b": [],\n    "c": {\n      "d": ["z"]\n    }\n  }\n]\n',
    );
  });
});

describe("connector hosts", () => {
  const env = (v: string) => ({ flag: "x-base", flagValue: null, variable: "X_BASE", env: { X_BASE: v } });
  it("takes the flag, else the variable, else the publisher's address, each checked", () => {
    expect(hostBase({ ...env("http://127.0.0.1:8080"), flagValue: "https://b.example.org" }, "https://a.org")).toBe(
      "https://b.example.org",
    );
    expect(hostBase(env("http://127.0.0.1:8080"), "https://a.org")).toBe("http://127.0.0.1:8080");
    expect(hostBase(env(""), "https://a.org")).toBe("https://a.org");
    expect(() => hostBase(env("ftp://a.org"), "https://a.org")).toThrow(
      /environment variable X_BASE: found "ftp:\/\/a\.org"; expected an absolute http\(s\) URL/,
    );
    expect(() => hostBase({ ...env(""), flagValue: "http://a.org" }, "https://a.org")).toThrow(
      /--x-base: found "http:\/\/a\.org"; expected an https URL \(plain http only to 127\.0\.0\.1 or localhost\)/,
    );
  });

  it("points only live entries at ODS's origin to another host, keeping path and query", () => {
    const live: ManifestEntry = entry("ods-etr/etr.csv", `${ODS_REPORTS_ORIGIN}/api/getReport?report=etr`, {
      kind: "live",
    });
    const frozen: ManifestEntry = entry("x.csv", `${ODS_REPORTS_ORIGIN}/old.csv`, { kind: "frozen" });
    const other: ManifestEntry = entry("y.csv", "https://example.org/api/getReport?report=etr", { kind: "live" });
    expect(
      pointLiveEntries([live, frozen, other], ODS_REPORTS_ORIGIN, "http://127.0.0.1:8080/ods/").map((e) => e.url),
    ).toEqual([
      "http://127.0.0.1:8080/ods/api/getReport?report=etr",
      `${ODS_REPORTS_ORIGIN}/old.csv`,
      "https://example.org/api/getReport?report=etr",
    ]);
    expect(pointLiveEntries([live], ODS_REPORTS_ORIGIN, ODS_REPORTS_ORIGIN)[0]).toBe(live);
  });
});
