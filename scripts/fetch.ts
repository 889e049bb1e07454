/**
 * npm run data:fetch [-- --only <path>] [-- --out <dir>] [-- --manifest <file>] [-- --reports-base <url>]
 *                    [-- --timeout <seconds>] [-- --attempts <n>] [-- --backoff-ms <ms>]
 * npm run data:fetch -- --accept [-- --only <path>] [-- --out <dir>] [-- --manifest <file>] [-- --sources <file>]
 *
 * Downloads every upstream file listed in data/upstream.json into data/upstream/ (git-ignored), one
 * at a time in path order, then `npm run data:import` turns them into data/*.csv. Each file is
 * checked (status, type, size, length) before it replaces the previous copy, and a failure leaves
 * that copy untouched. When a live endpoint fails, the copy already here is kept (KEPT in the report)
 * and its pinned fallback is read only when there is no copy at all (FALLBACK in the report); the
 * state file data/upstream/.fetch-state.json records, for each file, whether it was read from `url` or
 * `fallback_url`, the address read and when. Exit code 1 if any file failed, else 3 if a live endpoint
 * failed (a copy kept or the fallback read), else 0.
 *
 * Host: --reports-base, else the environment variable ODS_REPORTS_BASE, replaces the origin
 * https://www.odsdatasearchandexport.nhs.uk of live entries (an http(s) URL; plain http only to this
 * machine, for a local stand-in).
 *
 * --accept, after review and without any download: writes each changed file's sha256 into the
 * manifest and, for each live entry read from its endpoint, its source's date (the day it was read),
 * via (the address read) and date_note into data/sources.json; both files keep their layout.
 *
 * node:http/https rather than global fetch: fetch decompresses gzip transparently, which would make
 * Content-Length (the compressed size) useless for spotting a truncated download.
 */
import { lstatSync, type Stats } from "node:fs";
import { join } from "node:path";
import { argValue, kindOf, readBytes, readText, runMain, writeAllAtomically } from "./lib/io.ts";
import { DataError } from "../src/lib/data/errors.ts";
import { parseJsonText } from "../src/lib/data/gate.ts";
import { toJson } from "../src/lib/data/json.ts";
import { parseSources } from "../src/lib/data/sources.ts";
import { FORMATS, type Inspection } from "./connectors/formats.ts";
import { request, Session } from "./connectors/http.ts";
import {
  bodyProblem,
  acceptFetched,
  conditionalHeaders,
  describeOutcome,
  exitCode,
  flagValue,
  hostBase,
  keepsLocalCopy,
  parseManifest,
  ODS_REPORTS_ORIGIN,
  parseState,
  pointLiveEntries,
  positiveNumber,
  selectEntries,
  serializeManifest,
  serializeState,
  sha256Hex,
  sortByPath,
  STATE_FILE,
  summarise,
  type Failure,
  type FetchState,
  type ManifestEntry,
  type Outcome,
  type StateEntry,
} from "./lib/fetch-source.ts";

export interface FetchOptions {
  outDir: string;
  /** Per attempt, covering connection, redirects and the whole body. */
  timeoutMs: number;
  attempts: number;
  backoffBaseMs: number;
  /** The clock, for the state file's fetched_at only. */
  now?: () => Date;
  /** Longest the whole run may take, in ms (the shared client's default when absent). */
  runDeadlineMs?: number;
  /** How to wait between attempts (tests pass one that records). */
  wait?: (ms: number) => Promise<unknown>;
  /** What a downloaded body is (by the entry's format); a body that fails is treated like a failed download. */
  inspect?: (entry: ManifestEntry, body: Uint8Array) => Inspection | null;
}

/** One run's session of the shared client: each entry's own hosts are its allow-list. */
function newSession(options: FetchOptions): Session {
  return new Session({
    timeoutMs: options.timeoutMs,
    attempts: options.attempts,
    backoffBaseMs: options.backoffBaseMs,
    userAgent: "nhs-epr-tracker data:fetch",
    ...(options.runDeadlineMs ? { runDeadlineMs: options.runDeadlineMs } : {}),
    ...(options.wait ? { wait: options.wait } : {}),
  });
}

/** The check of the entry's format, when its format has one. */
export function inspectFormat(entry: ManifestEntry, body: Uint8Array): Inspection | null {
  return (entry.format && FORMATS[entry.format]?.inspect?.(body)) || null;
}

export const DEFAULTS = { timeoutMs: 30_000, attempts: 3, backoffBaseMs: 1_000 } as const;

type Response =
  | { kind: "body"; body: Buffer; etag: string | null; lastModified: string | null }
  | { kind: "not_modified"; etag: string | null; lastModified: string | null }
  | { kind: "failed"; failure: Failure };

/**
 * The hosts an entry may be read from: those its manifest entry names (the manifest is reviewed, and
 * is where a host is configured), each request going only to its own address's host.
 */
function entryHosts(url: string): Set<string> {
  return new Set([new URL(url).host]);
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

/**
 * What is on disk where a file goes: why it may not be written (a folder on the way that is a
 * symbolic link, which would carry the write outside the output folder, or a directory where the file
 * belongs), or the sha256 of the copy there (null when there is none).
 */
export function destination(outDir: string, path: string): { problem: string } | { sha256: string | null } {
  const parts = path.split("/");
  for (let i = 1; i < parts.length; i++) {
    const dir = parts.slice(0, i).join("/");
    const stat = lstatOrNull(join(outDir, dir));
    if (stat === null) break;
    if (!stat.isDirectory())
      return { problem: `${dir} in the output folder is ${kindOf(stat)}, not a folder; nothing is written through it` };
  }
  const stat = lstatOrNull(join(outDir, path));
  if (stat === null) return { sha256: null };
  if (!stat.isFile()) return { problem: `${path} in the output folder is ${kindOf(stat)}, not a file` };
  try {
    return { sha256: sha256Hex(readBytes(join(outDir, path), Number.MAX_SAFE_INTEGER)) };
  } catch (e) {
    return { problem: (e as Error).message };
  }
}

/** One URL through the shared client (its retries and limits), then the format check of what arrived. */
async function download(
  entry: ManifestEntry,
  url: string,
  headers: Record<string, string>,
  options: FetchOptions,
  session: Session,
): Promise<{ response: Response; attempts: number; report?: string }> {
  const { reply, attempts } = await request(session, {
    url,
    accept: "*/*",
    headers,
    maxBytes: entry.max_bytes,
    contentTypes: entry.content_types,
    hosts: entryHosts(url),
  });
  const validators = (h: Headers) => ({ etag: h.get("etag"), lastModified: h.get("last-modified") });
  if (reply.kind === "failed") return { response: { kind: "failed", failure: reply.failure }, attempts };
  if (reply.kind === "not_modified")
    return { response: { kind: "not_modified", ...validators(reply.headers) }, attempts };
  const response: Response = { kind: "body", body: reply.body, ...validators(reply.headers) };
  const inspection = (options.inspect ?? inspectFormat)(entry, response.body);
  if (inspection && !inspection.ok)
    return { response: { kind: "failed", failure: { kind: "format", message: inspection.report } }, attempts };
  return { response, attempts, ...(inspection ? { report: inspection.report } : {}) };
}

/** Fetch one file with retries; returns what happened and the state entry to record, if any. */
export async function fetchEntry(
  entry: ManifestEntry,
  previous: StateEntry | undefined,
  options: FetchOptions,
  session: Session = newSession(options),
): Promise<{ outcome: Outcome; state?: StateEntry }> {
  const dest = join(options.outDir, entry.path);
  const base = { path: entry.path, url: entry.url };
  const local = destination(options.outDir, entry.path);
  if ("problem" in local)
    return { outcome: { ...base, status: "failed", failure: { kind: "write", message: local.problem }, attempts: 0 } };
  const localSha256 = local.sha256;
  const conditional = conditionalHeaders(previous, localSha256, entry.url);
  let { response, attempts, report } = await download(entry, entry.url, conditional, options, session);
  let fallback: { url: string; primaryFailure: Failure } | undefined;
  // A live endpoint that fails (or sends something else) leaves the copy here as it is: the pinned
  // fallback is older than any live copy, and writing it would undo what the live copy added.
  const kept = response.kind === "failed" && entry.fallback_url ? keepsLocalCopy(previous, localSha256) : null;
  if (response.kind === "failed" && kept)
    return { outcome: { ...base, status: "kept", failure: response.failure, attempts, kept } };
  // With no copy here at all, the pinned copy is read instead, and labelled as such.
  if (response.kind === "failed" && entry.fallback_url) {
    const second = await download(entry, entry.fallback_url, {}, options, session);
    attempts += second.attempts;
    if (second.response.kind === "failed") {
      return {
        outcome: {
          ...base,
          status: "failed",
          failure: response.failure,
          attempts,
          fallback_failure: second.response.failure,
        },
      };
    }
    fallback = { url: entry.fallback_url, primaryFailure: response.failure };
    ({ response, report } = second);
  }
  const found = { ...(report ? { format_report: report } : {}), ...(fallback ? { fallback } : {}) };

  if (response.kind === "failed")
    return { outcome: { ...base, status: "failed", failure: response.failure, attempts } };

  if (response.kind === "not_modified") {
    // A 304 we did not ask for would leave us with no copy, or one we cannot vouch for.
    if (!previous || Object.keys(conditional).length === 0) {
      return {
        outcome: {
          ...base,
          status: "failed",
          failure: { kind: "http", status: 304, statusText: "Not Modified, but no conditional request was sent" },
          attempts,
        },
      };
    }
    // A 304 from the address asked vouches for the copy as a read of it.
    const state: StateEntry = {
      ...previous,
      etag: response.etag ?? previous.etag,
      last_modified: response.lastModified ?? previous.last_modified,
      from: "url",
      url: entry.url,
    };
    return {
      outcome: {
        ...base,
        status: "not_modified",
        sha256: previous.sha256,
        bytes: previous.bytes,
        changedUpstream: previous.sha256 !== entry.sha256,
        ...found,
      },
      state,
    };
  }

  const wrong = bodyProblem(entry, response.body);
  if (wrong) return { outcome: { ...base, status: "failed", failure: { kind: "content", message: wrong }, attempts } };
  const sha256 = sha256Hex(response.body);
  // Same bytes as on disk: leave the file (and its mtime) alone.
  if (sha256 !== localSha256) {
    try {
      // Temp file then rename: readers see the old file or the new one, never half of one.
      writeAllAtomically({ [dest]: response.body });
    } catch (e) {
      return {
        outcome: {
          ...base,
          status: "failed",
          failure: {
            kind: "write",
            message: e instanceof DataError ? e.problems.map((p) => p.expected).join("; ") : (e as Error).message,
          },
          attempts,
        },
      };
    }
  }
  const state: StateEntry = {
    etag: response.etag,
    last_modified: response.lastModified,
    sha256,
    bytes: response.body.length,
    fetched_at: (options.now ?? (() => new Date()))().toISOString(),
    from: fallback ? "fallback_url" : "url",
    url: fallback ? fallback.url : entry.url,
  };
  return {
    outcome: {
      ...base,
      status: "fetched",
      sha256,
      bytes: response.body.length,
      changedUpstream: sha256 !== entry.sha256,
      ...found,
    },
    state,
  };
}

function readState(outDir: string): FetchState {
  try {
    return parseState(readText(join(outDir, STATE_FILE)));
  } catch {
    // Missing, unreadable or not a file: we only lose conditional requests.
    return parseState(null);
  }
}

/**
 * Fetch every entry, one at a time in path order (deterministic output, gentle on publishers).
 * The state file is rewritten after each success so it always matches the files on disk.
 */
export async function fetchAll(entries: ManifestEntry[], options: FetchOptions): Promise<Outcome[]> {
  const state = readState(options.outDir);
  const session = newSession(options);
  const outcomes: Outcome[] = [];
  for (const entry of sortByPath(entries)) {
    let result: Awaited<ReturnType<typeof fetchEntry>>;
    try {
      result = await fetchEntry(entry, state[entry.path], options, session);
    } catch (e) {
      // Whatever went wrong with one file, the others are still fetched.
      result = {
        outcome: {
          path: entry.path,
          url: entry.url,
          status: "failed",
          failure: { kind: "network", message: (e as Error).message },
          attempts: 1,
        },
      };
    }
    const { outcome, state: recorded } = result;
    outcomes.push(outcome);
    if (recorded) {
      const before = serializeState(state);
      state[entry.path] = recorded;
      const after = serializeState(state);
      if (after !== before) writeAllAtomically({ [join(options.outDir, STATE_FILE)]: after });
    }
  }
  return outcomes;
}

/** `--accept`: record what the last fetch read, after review (no network). */
function accept(manifestPath: string, sourcesPath: string, outDir: string, only: string): void {
  const manifest = parseManifest(readText(manifestPath), manifestPath);
  selectEntries(manifest, only, manifestPath);
  const sourcesText = readText(sourcesPath);
  parseSources(sourcesText, sourcesPath);
  const onDisk = (path: string) => {
    const local = destination(outDir, path);
    if ("problem" in local) throw new DataError([{ file: join(outDir, path), expected: `a file (${local.problem})` }]);
    return local.sha256;
  };
  const result = acceptFetched(
    manifest,
    parseJsonText(sourcesText, sourcesPath) as Record<string, unknown>[],
    readState(outDir),
    onDisk,
    { manifest: manifestPath, sources: sourcesPath, outDir },
    only,
  );
  for (const line of result.lines) console.log(line);
  const texts = { [manifestPath]: serializeManifest(result.manifest), [sourcesPath]: toJson(result.sources) };
  // Written only as valid as they were read.
  parseManifest(texts[manifestPath]!, manifestPath);
  parseSources(texts[sourcesPath]!, sourcesPath);
  const changed = Object.fromEntries(Object.entries(texts).filter(([path, text]) => text !== readText(path)));
  if (Object.keys(changed).length) writeAllAtomically(changed);
  console.log(Object.keys(changed).length ? `Updated ${Object.keys(changed).join(" and ")}.` : "Nothing to update.");
}

if (import.meta.main) {
  await runMain(async () => {
    const manifestPath = argValue("manifest", "data/upstream.json");
    const outDir = argValue("out", "data/upstream");
    if (process.argv.includes("--accept")) {
      accept(manifestPath, argValue("sources", "data/sources.json"), outDir, argValue("only", ""));
      return;
    }
    const reportsBase = hostBase(
      {
        flag: "reports-base",
        flagValue: flagValue(process.argv, "reports-base"),
        variable: "ODS_REPORTS_BASE",
        env: process.env,
      },
      ODS_REPORTS_ORIGIN,
    );
    const entries = pointLiveEntries(
      selectEntries(parseManifest(readText(manifestPath), manifestPath), argValue("only", ""), manifestPath),
      ODS_REPORTS_ORIGIN,
      reportsBase,
    );
    const outcomes = await fetchAll(entries, {
      outDir,
      timeoutMs: positiveNumber("timeout", argValue("timeout", String(DEFAULTS.timeoutMs / 1000))) * 1000,
      attempts: positiveNumber("attempts", argValue("attempts", String(DEFAULTS.attempts)), true),
      backoffBaseMs: positiveNumber("backoff-ms", argValue("backoff-ms", String(DEFAULTS.backoffBaseMs))),
    });
    for (const outcome of outcomes) console.log(describeOutcome(outcome));
    console.log(summarise(outcomes));
    const failed = outcomes.filter((o) => o.status === "failed");
    if (failed.length > 0) {
      console.error(
        `${failed.length} of ${outcomes.length} files failed; their previous copies are unchanged:\n${failed.map(describeOutcome).join("\n")}`,
      );
    }
    const degraded = outcomes.filter((o) => o.status === "kept" || (o.status !== "failed" && o.fallback));
    if (degraded.length > 0) {
      console.error(
        `${degraded.length} live ${degraded.length === 1 ? "endpoint" : "endpoints"} failed; the import will read ${degraded.length === 1 ? "this copy" : "these copies"}, not a new read:\n${degraded.map((o) => describeOutcome(o).split("\n")[0]).join("\n")}`,
      );
    }
    process.exitCode = exitCode(outcomes);
  });
}
