/**
 * Pure helpers for `npm run data:fetch`: the manifest (data/upstream.json), the sidecar state file,
 * what counts as a failure and how each one is worded. No network or file access here, so every
 * rule can be tested on plain values; scripts/fetch.ts does the I/O.
 */
import { toJson } from "../../src/lib/data/json.ts";
import { createHash } from "node:crypto";
import { posix } from "node:path";
import { DataError, type Problem } from "../../src/lib/data/errors.ts";
import { parseJsonText } from "../../src/lib/data/gate.ts";

/** One upstream file: where it goes under the output folder, where it comes from, what it may be. */
export interface ManifestEntry {
  path: string;
  source_id: string;
  url: string;
  content_types: string[];
  max_bytes: number;
  sha256: string;
  note?: string;
  /** `live`: url is the publisher's own endpoint, read at every refresh; `frozen`: a historical file kept as it is. */
  kind?: "live" | "frozen";
  /** Id of the file's format (scripts/connectors/formats.ts), which says what arrived and may check it. */
  format?: string;
  /** A pinned copy read only when the live endpoint fails, and reported as such. */
  fallback_url?: string;
  /** Where the publisher offers the original, when url is a copy (may be unverified: see note). */
  publisher_url?: string;
}

/**
 * What the last successful fetch of one path saw: validators for the next conditional request, and
 * where the copy on disk came from (`from`: the entry's `url` or its `fallback_url`; null in state
 * written before this was recorded) and the address actually read (null likewise).
 */
export interface StateEntry {
  etag: string | null;
  last_modified: string | null;
  sha256: string;
  bytes: number;
  fetched_at: string;
  from: "url" | "fallback_url" | null;
  url: string | null;
}

export type FetchState = Record<string, StateEntry>;

/** Lives inside the output folder, next to the files it describes (git-ignored with them). */
export const STATE_FILE = ".fetch-state.json";

/** Why one file could not be fetched. Each kind is worded by describeFailure. */
export type Failure =
  | { kind: "http"; status: number; statusText: string }
  | { kind: "timeout"; ms: number }
  | { kind: "network"; message: string }
  | { kind: "too_large"; maxBytes: number; declared?: number; received?: number }
  | { kind: "content_type"; got: string | null; allowed: string[] }
  | { kind: "encoding"; got: string }
  | { kind: "truncated"; received: number; declared: number }
  | { kind: "redirect"; message: string }
  | { kind: "content"; message: string }
  | { kind: "write"; message: string }
  | { kind: "format"; message: string }
  | { kind: "refused"; message: string }
  | { kind: "limit"; message: string }
  | { kind: "deadline"; ms: number }
  | { kind: "retry_wait"; askedMs: number; maxMs: number };

/** Extras of a success: what the format check found, and why the fallback copy was used, if it was. */
interface Found {
  format_report?: string;
  fallback?: { url: string; primaryFailure: Failure };
}

/** The copy on disk that a failed live endpoint leaves in place, rather than its older pinned fallback. */
export interface KeptCopy {
  sha256: string;
  /** When data:fetch read it from the endpoint; null when the state does not record where it came from. */
  fetched_at: string | null;
}

export type Outcome =
  | ({ path: string; url: string; status: "fetched"; sha256: string; bytes: number; changedUpstream: boolean } & Found)
  | { path: string; url: string; status: "kept"; failure: Failure; attempts: number; kept: KeptCopy }
  | ({
      path: string;
      url: string;
      status: "not_modified";
      sha256: string;
      bytes: number;
      changedUpstream: boolean;
    } & Found)
  | { path: string; url: string; status: "failed"; failure: Failure; attempts: number; fallback_failure?: Failure };

const MANIFEST_FIELDS = new Set([
  "path",
  "source_id",
  "url",
  "content_types",
  "max_bytes",
  "sha256",
  "note",
  "kind",
  "format",
  "fallback_url",
  "publisher_url",
]);
const SHA256 = /^[0-9a-f]{64}$/;
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * Why a URL may not be fetched, or null. Plain http is allowed only to this machine (the tests'
 * local server): anything that travels a network must be https, including every redirect hop.
 */
export function urlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "an absolute URL";
  }
  if (parsed.protocol === "https:") return null;
  if (parsed.protocol === "http:" && LOOPBACK_HOSTS.has(parsed.hostname)) return null;
  return "an https URL (plain http only to 127.0.0.1 or localhost)";
}

/**
 * A connector's host, from its command-line flag, else its environment variable, else the publisher's
 * address. Whichever is used must be an absolute http(s) URL with no query or fragment that passes
 * urlProblem; otherwise the error names the flag or the variable, so a typo never sends requests astray.
 */
export function hostBase(
  choice: { flag: string; flagValue: string | null; variable: string; env: Record<string, string | undefined> },
  publisher: string,
): string {
  const fromFlag = choice.flagValue !== null && choice.flagValue !== "";
  const fromEnv = !fromFlag && choice.env[choice.variable] !== undefined && choice.env[choice.variable] !== "";
  const value = fromFlag ? choice.flagValue! : fromEnv ? choice.env[choice.variable]! : publisher;
  const where = fromFlag
    ? `--${choice.flag}`
    : fromEnv
      ? `environment variable ${choice.variable}`
      : "built-in address";
  let parsed: URL | null;
  try {
    parsed = new URL(value);
  } catch {
    parsed = null;
  }
  const why =
    parsed === null || (parsed.protocol !== "http:" && parsed.protocol !== "https:")
      ? "an absolute http(s) URL"
      : parsed.search !== "" || parsed.hash !== ""
        ? "a URL with no query or fragment"
        : urlProblem(value);
  if (why)
    throw new DataError([
      { file: where, value, expected: `${why}, such as ${publisher} or http://127.0.0.1:8080 for a local stand-in` },
    ]);
  return value;
}

/** The value after `--name` on the command line, or null when the flag is absent. */
export function flagValue(argv: readonly string[], name: string): string | null {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1]! : null;
}

/** `url` with its origin (scheme, host, port) replaced by `base`, keeping base's path as a prefix. */
export function withOrigin(url: string, base: string): string {
  const u = new URL(url);
  return `${base.replace(/\/+$/, "")}${u.pathname}${u.search}`;
}

function isLoopback(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname);
}

/**
 * Why a redirect from `from` to `to` may not be followed, or null. Each hop must pass urlProblem, and
 * more: https never steps down to plain http (whatever the host: a downgrade hands the request to
 * anyone on the path), and a host elsewhere never sends us to this machine (where the test server's
 * plain http is allowed, and where other local services listen).
 */
export function redirectProblem(from: string, to: string): string | null {
  const why = urlProblem(to);
  if (why) return `${to} is not ${why}`;
  const [a, b] = [new URL(from), new URL(to)];
  if (a.protocol === "https:" && b.protocol !== "https:") return `${to} would step down from https to plain http`;
  if (!isLoopback(a) && isLoopback(b)) return `${to} is this machine, and ${a.host} is not`;
  return null;
}

/** The start of a body, lower-cased, without a BOM or leading white space: enough to recognise a format. */
function head(body: Uint8Array): string {
  let text = new TextDecoder("utf-8").decode(body.subarray(0, 512));
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.trimStart().slice(0, 64).toLowerCase();
}

/**
 * Why a body is not the file the manifest expects, or null. Servers answer errors and sign-in walls
 * with an HTML page, often as 200 and under any content type, so the body itself is checked: an HTML
 * page is never a data file, a workbook is a zip, JSON parses, and text has no NUL bytes.
 */
export function bodyProblem(entry: Pick<ManifestEntry, "path" | "content_types">, body: Uint8Array): string | null {
  if (body.length === 0) return "an empty body";
  const start = head(body);
  if (
    !entry.content_types.includes("text/html") &&
    /^<(!doctype html|html|head|body|\?xml[^>]*>\s*<(!doctype html|html))/.test(start)
  ) {
    return "an HTML page, not the data file (an error or sign-in page served in its place?)";
  }
  const ext = posix.extname(entry.path).toLowerCase();
  if (ext === ".xlsx" && !(body[0] === 0x50 && body[1] === 0x4b && body[2] === 0x03 && body[3] === 0x04))
    return "not a workbook (an .xlsx file is a zip, starting PK)";
  if (ext === ".json" || ext === ".hexjson") {
    try {
      parseJsonText(new TextDecoder("utf-8", { fatal: true }).decode(body), entry.path);
    } catch {
      return "not JSON";
    }
  }
  if ((ext === ".csv" || ext === ".json" || ext === ".hexjson") && body.includes(0))
    return "not text (it holds NUL bytes)";
  return null;
}

/**
 * Why a manifest path may not be written, or null. Paths are relative, forward-slash and already
 * normalised, so a manifest can never place a file outside the output folder or over the state file.
 */
export function pathProblem(path: string): string | null {
  if (path === "" || path.startsWith("/") || path.includes("\\")) return "a relative path with forward slashes";
  if (posix.normalize(path) !== path || path.split("/").some((part) => part === ".." || part === "." || part === "")) {
    return "a normalised path with no '.' or '..' parts";
  }
  if (path.split("/").some((part) => part.startsWith("."))) return "a path with no hidden (dot) files or folders";
  return null;
}

function entryProblems(raw: unknown, index: number, file: string): Problem[] {
  const at = (column: string, value: unknown, expected: string): Problem => ({
    file,
    column: `[${index}].${column}`,
    value: value === undefined ? undefined : JSON.stringify(value),
    expected,
  });
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return [at("", raw, "an object")];
  const e = raw as Record<string, unknown>;
  const problems: Problem[] = [];
  for (const key of Object.keys(e)) if (!MANIFEST_FIELDS.has(key)) problems.push(at(key, e[key], "no such field"));
  const pathWhy = typeof e.path === "string" ? pathProblem(e.path) : "a string";
  if (pathWhy) problems.push(at("path", e.path, pathWhy));
  if (typeof e.source_id !== "string" || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(e.source_id))
    problems.push(at("source_id", e.source_id, "a kebab-case id from data/sources.json"));
  const urlWhy = typeof e.url === "string" ? urlProblem(e.url) : "a string";
  if (urlWhy) problems.push(at("url", e.url, urlWhy));
  const types = e.content_types;
  if (!Array.isArray(types) || types.length === 0 || !types.every((t) => typeof t === "string" && t === mediaType(t))) {
    problems.push(at("content_types", types, "a non-empty list of lower-case media types without parameters"));
  }
  if (typeof e.max_bytes !== "number" || !Number.isSafeInteger(e.max_bytes) || e.max_bytes <= 0)
    problems.push(at("max_bytes", e.max_bytes, "a positive whole number of bytes"));
  if (typeof e.sha256 !== "string" || !SHA256.test(e.sha256))
    problems.push(at("sha256", e.sha256, "64 lower-case hex digits"));
  if (e.note !== undefined && typeof e.note !== "string") problems.push(at("note", e.note, "a string"));
  if (e.kind !== undefined && e.kind !== "live" && e.kind !== "frozen")
    problems.push(at("kind", e.kind, "live or frozen"));
  if (e.format !== undefined && (typeof e.format !== "string" || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(e.format)))
    problems.push(at("format", e.format, "a format id (kebab-case)"));
  if (e.fallback_url !== undefined) {
    const why = typeof e.fallback_url === "string" ? urlProblem(e.fallback_url) : "a string";
    if (why) problems.push(at("fallback_url", e.fallback_url, why));
    else if (e.kind !== "live") problems.push(at("fallback_url", e.fallback_url, "only on a live entry"));
  }
  if (e.publisher_url !== undefined && (typeof e.publisher_url !== "string" || urlProblem(e.publisher_url)))
    problems.push(at("publisher_url", e.publisher_url, "an https URL"));
  return problems;
}

/** Reads and checks data/upstream.json; every problem is reported at once, with its entry index. */
export function parseManifest(text: string, file: string): ManifestEntry[] {
  const raw = parseJsonText(text, file);
  if (!Array.isArray(raw)) throw new DataError([{ file, expected: "an array of entries" }]);
  const problems = raw.flatMap((entry, i) => entryProblems(entry, i, file));
  const seen = new Set<string>();
  raw.forEach((entry, i) => {
    const path = (entry as { path?: unknown } | null)?.path;
    if (typeof path !== "string") return;
    if (seen.has(path))
      problems.push({ file, column: `[${i}].path`, value: JSON.stringify(path), expected: "each path once" });
    seen.add(path);
  });
  if (problems.length > 0) throw new DataError(problems);
  return sortByPath(raw as ManifestEntry[]);
}

/** An entity tag as RFC 9110 writes it; anything else would be refused by Node as a header value. */
const ETAG = /^(W\/)?"[\x21\x23-\x7e\x80-\xff]*"$/;
/** An HTTP date is short printable ASCII; a newline or a control character could split the header. */
const HTTP_DATE = /^[\x20-\x7e]{1,64}$/;

/**
 * The state file is a cache: if it is unreadable we only lose conditional requests, so start empty.
 * An entry with a validator that is not a valid header value (an etag with a newline in it) is
 * dropped rather than sent: sending it would throw, and one bad entry must not stop the other files.
 */
export function parseState(text: string | null): FetchState {
  if (text === null) return Object.create(null) as FetchState;
  try {
    const raw: unknown = parseJsonText(text, STATE_FILE);
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return Object.create(null) as FetchState;
    // No prototype: a path such as "__proto__" or "constructor" is then just a key.
    const state: FetchState = Object.create(null) as FetchState;
    for (const [path, v] of Object.entries(raw as Record<string, Partial<StateEntry>>)) {
      if (typeof v !== "object" || v === null || pathProblem(path) !== null) continue;
      const okEtag = v.etag === null || v.etag === undefined || (typeof v.etag === "string" && ETAG.test(v.etag));
      const okDate =
        v.last_modified === null ||
        v.last_modified === undefined ||
        (typeof v.last_modified === "string" && HTTP_DATE.test(v.last_modified));
      if (
        okEtag &&
        okDate &&
        typeof v.sha256 === "string" &&
        SHA256.test(v.sha256) &&
        Number.isSafeInteger(v.bytes) &&
        typeof v.fetched_at === "string"
      ) {
        state[path] = {
          etag: v.etag ?? null,
          last_modified: v.last_modified ?? null,
          sha256: v.sha256,
          bytes: v.bytes!,
          fetched_at: v.fetched_at,
          from: v.from === "url" || v.from === "fallback_url" ? v.from : null,
          url: typeof v.url === "string" && urlProblem(v.url) === null ? v.url : null,
        };
      }
    }
    return state;
  } catch {
    return Object.create(null) as FetchState;
  }
}

/** Stable text (paths sorted, fixed field order) so an unchanged state serialises identically. */
export function serializeState(state: FetchState): string {
  const sorted: FetchState = Object.create(null) as FetchState;
  for (const path of Object.keys(state).sort()) {
    const s = state[path]!;
    sorted[path] = {
      etag: s.etag,
      last_modified: s.last_modified,
      sha256: s.sha256,
      bytes: s.bytes,
      fetched_at: s.fetched_at,
      from: s.from,
      url: s.url,
    };
  }
  return toJson(sorted);
}

/** `--only <path>` narrows the run to one manifest entry; an unknown path is a mistake, not a no-op. */
export function selectEntries(entries: ManifestEntry[], only: string, file: string): ManifestEntry[] {
  if (only === "") return entries;
  const chosen = entries.filter((e) => e.path === only);
  if (chosen.length === 0) {
    throw new DataError([
      { file, column: "path", value: only, expected: `one of ${entries.map((e) => e.path).join(", ")}` },
    ]);
  }
  return chosen;
}

/** A numeric command-line option, e.g. `--timeout 30` or `--attempts 3` (whole). */
export function positiveNumber(name: string, text: string, whole = false): number {
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n) || n <= 0 || (whole && !Number.isInteger(n))) {
    throw new DataError([
      { file: `--${name}`, value: text, expected: whole ? "a positive whole number" : "a positive number" },
    ]);
  }
  return n;
}

export function sortByPath<T extends { path: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Validators to send, only when the copy on disk is exactly the one the state describes and it was
 * read from the address asked now: a 304 means "keep what you have", which is wrong if what we have
 * was edited, replaced or deleted, or came from another server (the fallback, or another host).
 */
export function conditionalHeaders(
  previous: StateEntry | undefined,
  localSha256: string | null,
  url: string | null = null,
): Record<string, string> {
  if (!previous || localSha256 !== previous.sha256) return {};
  if (previous.from === "fallback_url" || (url !== null && previous.url !== null && previous.url !== url)) return {};
  const headers: Record<string, string> = {};
  if (previous.etag) headers["if-none-match"] = previous.etag;
  if (previous.last_modified) headers["if-modified-since"] = previous.last_modified;
  return headers;
}

/** "Text/CSV; charset=utf-8" → "text/csv"; null when there is no header. */
export function mediaType(header: string | null | undefined): string | null {
  if (header === null || header === undefined) return null;
  const type = header.split(";")[0]!.trim().toLowerCase();
  return type === "" ? null : type;
}

export function contentTypeFailure(header: string | null | undefined, allowed: string[]): Failure | null {
  const got = mediaType(header);
  return got !== null && allowed.includes(got) ? null : { kind: "content_type", got, allowed };
}

/** Content-Length as a number; null when absent (chunked) or not a plain decimal. */
export function declaredLength(header: string | null | undefined): number | null {
  return header !== null && header !== undefined && /^\d+$/.test(header.trim()) ? Number(header.trim()) : null;
}

/** Server trouble and dropped connections may pass; a 404, a wrong type or an oversize file will not. */
export function isRetryable(failure: Failure): boolean {
  switch (failure.kind) {
    case "http":
      return failure.status >= 500 || failure.status === 429;
    case "timeout":
    case "network":
    case "truncated":
      return true;
    default:
      return false;
  }
}

/** Wait before attempt `attempt + 1`: base, 2×base, 4×base… */
export function backoffMs(attempt: number, baseMs: number): number {
  return baseMs * 2 ** (attempt - 1);
}

export function describeFailure(f: Failure): string {
  switch (f.kind) {
    case "http":
      return `HTTP ${f.status}${f.statusText ? ` ${f.statusText}` : ""}`;
    case "timeout":
      return `timed out after ${f.ms} ms`;
    case "network":
      return `network error: ${f.message}`;
    case "too_large":
      return f.declared !== undefined
        ? `too large: Content-Length ${f.declared} bytes exceeds max_bytes ${f.maxBytes}`
        : `too large: more than max_bytes ${f.maxBytes} bytes received`;
    case "content_type":
      return `wrong content type: ${f.got ?? "none"} (allowed: ${f.allowed.join(", ")})`;
    case "encoding":
      return `unexpected Content-Encoding ${f.got} (asked for identity)`;
    case "truncated":
      return `truncated: received ${f.received} of ${f.declared} bytes (Content-Length)`;
    case "redirect":
      return `redirect refused: ${f.message}`;
    case "content":
      return `not the expected file: ${f.message}`;
    case "write":
      return `could not write the file: ${f.message}`;
    case "format":
      return `not the expected format: ${f.message}`;
    case "refused":
      return `refused: ${f.message}`;
    case "limit":
      return `not sent: ${f.message}`;
    case "deadline":
      return `stopped: the run's deadline of ${Math.round(f.ms / 1000)} s passed`;
    case "retry_wait":
      return `HTTP 429: the service asks us to wait ${Math.ceil(f.askedMs / 1000)} s, more than the ${Math.ceil(f.maxMs / 1000)} s allowed; run again later`;
  }
}

/**
 * Whether the copy on disk must be kept when a live endpoint fails: any copy except one the state
 * records as the pinned fallback itself. A copy whose origin is not recorded may be newer than the
 * pinned one, so it is kept too; only when there is no copy at all is the fallback read.
 */
export function keepsLocalCopy(previous: StateEntry | undefined, localSha256: string | null): KeptCopy | null {
  if (localSha256 === null) return null;
  const recorded = previous !== undefined && previous.sha256 === localSha256;
  if (recorded && previous.from === "fallback_url") return null;
  return { sha256: localSha256, fetched_at: recorded && previous.from === "url" ? previous.fetched_at : null };
}

/**
 * Exit code of data:fetch: 1 when a file failed; 3 when every file has a copy but a live endpoint
 * failed, so a last good copy was kept or the pinned fallback read (the weekly job says so); else 0.
 */
export function exitCode(outcomes: Outcome[]): 0 | 1 | 3 {
  if (outcomes.some((o) => o.status === "failed")) return 1;
  if (outcomes.some((o) => o.status === "kept" || (o.status !== "failed" && o.fallback))) return 3;
  return 0;
}

/** One result as printed: path first, sha256 in full, no timestamps (so runs can be diffed). */
export function describeOutcome(o: Outcome): string {
  if (o.status === "kept") {
    const tries = o.attempts === 1 ? "1 attempt" : `${o.attempts} attempts`;
    const copy = o.kept.fetched_at
      ? `last good live copy of ${o.path} from ${o.kept.fetched_at.slice(0, 10)}`
      : `the copy of ${o.path} already here (where it came from is not recorded, so it may be newer than the pinned fallback)`;
    return [
      `KEPT ${copy}, sha256 ${o.kept.sha256}; endpoint failed: ${describeFailure(o.failure).split("\n")[0]} (${tries}) at ${o.url}`,
      "  the pinned fallback copy was not read, so nothing newer is undone; the import reads the kept copy",
    ].join("\n");
  }
  if (o.status === "failed") {
    const tries = o.attempts === 1 ? "1 attempt" : `${o.attempts} attempts`;
    const fallback = o.fallback_failure
      ? `; the pinned fallback copy failed too: ${describeFailure(o.fallback_failure)}`
      : "";
    return `FAILED ${o.path} from ${o.url}: ${describeFailure(o.failure)} (${tries})${fallback}`;
  }
  const head = o.fallback
    ? `FALLBACK ${o.path}: ${o.bytes} bytes, sha256 ${o.sha256}, from the pinned fallback copy, not the publisher's endpoint (there was no live copy here to keep)`
    : o.status === "fetched"
      ? `fetched ${o.path}: ${o.bytes} bytes, sha256 ${o.sha256}`
      : `not modified ${o.path}: 304, previous copy kept (${o.bytes} bytes, sha256 ${o.sha256})`;
  const lines = [head];
  if (o.fallback)
    lines.push(
      `  the publisher's endpoint failed (${describeFailure(o.fallback.primaryFailure).split("\n")[0]}); used the pinned fallback copy ${o.fallback.url}`,
    );
  if (o.format_report) lines.push(...o.format_report.split("\n").map((l) => `  ${l}`));
  if (o.changedUpstream) lines.push("  changed upstream: review before importing (sha256 differs from the manifest)");
  return lines.join("\n");
}

export function summarise(outcomes: Outcome[]): string {
  const count = (s: Outcome["status"]) => outcomes.filter((o) => o.status === s).length;
  const fallback = outcomes.filter((o) => o.status !== "failed" && o.status !== "kept" && o.fallback).length;
  const kept = count("kept");
  return `${outcomes.length} ${outcomes.length === 1 ? "file" : "files"}: ${count("fetched") - fallback} fetched, ${count("not_modified")} not modified, ${count("failed")} failed${kept ? `, ${kept} kept (endpoint failed)` : ""}${fallback ? `, ${fallback} from the pinned fallback` : ""}`;
}

/** The origin of ODS Data Search and Export, which ODS_REPORTS_BASE replaces in live entries. */
export const ODS_REPORTS_ORIGIN = "https://www.odsdatasearchandexport.nhs.uk";

/** Live entries whose url is at `origin`, pointed at `base` instead (a local stand-in, say); others as they are. */
export function pointLiveEntries(entries: ManifestEntry[], origin: string, base: string): ManifestEntry[] {
  if (base === origin) return entries;
  return entries.map((e) =>
    e.kind === "live" && new URL(e.url).origin === origin ? { ...e, url: withOrigin(e.url, base) } : e,
  );
}

/**
 * data/upstream.json as it is laid out: 2-space JSON with each list of strings (content_types) on one
 * line, and a final newline. Fields keep the order they were read in, so an unchanged manifest is
 * written back byte for byte.
 */
export function serializeManifest(entries: readonly object[]): string {
  const text = JSON.stringify(entries, null, 2).replace(
    /\[\n\s+((?:"(?:[^"\\\n]|\\.)*",\n\s+)*"(?:[^"\\\n]|\\.)*")\n\s+\]/g,
    (_, items: string) => `[${items.split(/,\n\s+/).join(", ")}]`,
  );
  return `${text}\n`;
}

/** What `data:fetch -- --accept` changes, and what it says. */
export interface Acceptance {
  manifest: ManifestEntry[];
  sources: Record<string, unknown>[];
  lines: string[];
}

/** What `date_note` says of a live source once its date is the day it was read. */
export const LIVE_DATE_NOTE =
  "The day this copy was read from the publisher's endpoint, which serves the current report; the file states no date of its own.";

/**
 * After review, records what data:fetch read: the new sha256 of each changed file in the manifest,
 * and for each live entry read from its endpoint, its source's `date` (the day it was read), `via`
 * (the address read) and `date_note`. Only copies the state vouches for are accepted: a file edited or
 * placed by hand, or read before the state recorded its origin, is refused. A copy of the pinned
 * fallback that differs from the manifest is refused too: the fetch cannot know the date it
 * describes, and recording it would replace a newer read with an older copy. Files not here are
 * left as they are, and with `only` every other entry. All problems are reported together; the caller writes nothing then.
 */
export function acceptFetched(
  manifest: readonly ManifestEntry[],
  sources: readonly Record<string, unknown>[],
  state: FetchState,
  onDisk: (path: string) => string | null,
  files: { manifest: string; sources: string; outDir: string },
  only = "",
): Acceptance {
  const problems: Problem[] = [];
  const lines: string[] = [];
  const newManifest = manifest.map((e) => ({ ...e }));
  const newSources = sources.map((s) => ({ ...s }));
  for (const entry of newManifest) {
    if (only !== "" && entry.path !== only) continue;
    const sha = onDisk(entry.path);
    const file = posix.join(files.outDir, entry.path);
    if (sha === null) {
      lines.push(`not here ${entry.path}: nothing to accept`);
      continue;
    }
    const recorded = state[entry.path];
    if (!recorded || recorded.sha256 !== sha || recorded.from === null || recorded.url === null) {
      problems.push({
        file,
        expected: `the copy data:fetch recorded in ${STATE_FILE} (this one was edited or placed by hand, or fetched before its origin was recorded): run npm run data:fetch -- --only ${entry.path} again`,
      });
      continue;
    }
    if (recorded.from === "fallback_url") {
      if (sha === entry.sha256)
        lines.push(`unchanged ${entry.path}: the pinned fallback copy ${files.manifest} records`);
      else
        problems.push({
          file,
          value: `the pinned fallback copy ${recorded.url}`,
          expected: `a copy read from the publisher's endpoint: a fallback copy is not accepted over what ${files.manifest} records (its date is not known here); fetch again when the endpoint answers`,
        });
      continue;
    }
    if (sha !== entry.sha256) {
      lines.push(`accepted ${entry.path}: sha256 ${entry.sha256} → ${sha}`);
      entry.sha256 = sha;
    } else lines.push(`unchanged ${entry.path}: sha256 ${sha}`);
    if (entry.kind !== "live") continue;
    const source = newSources.find((s) => s.id === entry.source_id);
    if (!source) {
      problems.push({ file: files.sources, value: entry.source_id, expected: `a source for ${entry.path}` });
      continue;
    }
    const day = recorded.fetched_at.slice(0, 10);
    const update = { date: day, date_estimated: false, date_note: LIVE_DATE_NOTE, via: recorded.url };
    const changed = (Object.keys(update) as (keyof typeof update)[]).filter((k) => source[k] !== update[k]);
    if (changed.length) {
      lines.push(
        `  ${files.sources} ${entry.source_id}: ${changed.map((k) => `${k} ${JSON.stringify(source[k])} → ${JSON.stringify(update[k])}`).join("; ")}`,
      );
      Object.assign(source, update);
    }
  }
  if (problems.length) throw new DataError(problems);
  return { manifest: newManifest, sources: newSources, lines };
}
