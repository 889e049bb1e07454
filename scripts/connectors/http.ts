/**
 * The one HTTP client of the data scripts: `data:fetch`, `data:answers` and `data:ods` all read the
 * network through `request` here, under one set of rules:
 *
 * - https only; plain http only to this machine, and only to a host the run was configured with (the
 *   tests' and the rehearsal's stand-ins); no hop of a redirect steps down from https or moves from a
 *   host elsewhere to this machine;
 * - every hop on the service's host allow-list (the hosts the run was configured with);
 * - bodies capped in bytes while they stream (a Content-Length over the cap is refused unread), read
 *   as the bytes on the wire (identity encoding), checked against the media types allowed;
 * - a deadline per attempt (connection, redirects and the whole body) and one for the whole run;
 * - bounded retries, for server trouble (5xx), dropped or slow connections and 429, whose Retry-After
 *   is honoured up to a cap; a cap on the requests one run may make, so no loop can run away.
 * node:http rather than fetch: fetch decompresses gzip transparently, which would make Content-Length
 * (the compressed size) useless for spotting a truncated download.
 */
import { request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from "node:http";
import { request as httpsRequest } from "node:https";
import { setTimeout as sleep } from "node:timers/promises";
import { DataError } from "../../src/lib/data/errors.ts";
import { parseJsonText, stringProblems } from "../../src/lib/data/gate.ts";
import { logSafe } from "../lib/log-text.ts";
import { decodeUtf8 } from "../../src/lib/data/encoding.ts";
import {
  backoffMs,
  contentTypeFailure,
  declaredLength,
  describeFailure,
  isRetryable,
  redirectProblem,
  urlProblem,
  type Failure,
} from "../lib/fetch-source.ts";

export interface HttpOptions {
  timeoutMs: number;
  /** Attempts per request, counting the first. */
  attempts: number;
  backoffBaseMs: number;
  /** Longest wait a Retry-After header may ask for; a longer one fails the request instead. */
  maxRetryAfterMs: number;
  /** Most requests one run may make, counting retries and redirects. */
  maxRequests: number;
  /** Longest a whole run may take, from its session's start, in ms. */
  runDeadlineMs: number;
  /** Largest body read, in bytes, unless a request says otherwise. */
  maxBytes: number;
  userAgent: string;
  /** The clock, for Retry-After dates and the run's deadline. */
  now?: () => number;
  wait?: (ms: number) => Promise<unknown>;
}

export const HTTP_DEFAULTS: HttpOptions = {
  timeoutMs: 30_000,
  attempts: 4,
  backoffBaseMs: 2_000,
  maxRetryAfterMs: 120_000,
  maxRequests: 2_000,
  runDeadlineMs: 30 * 60_000,
  maxBytes: 20_000_000,
  userAgent: "nhs-epr-tracker data refresh",
};

const MAX_REDIRECTS = 5;
/** Of an error page, only this much is read: enough to say what it was. */
const ERROR_BODY_BYTES = 2_048;

/**
 * One run against one service: its options, its host allow-list (`host` as URL.host, port included)
 * and what it has spent so far.
 */
export class Session {
  readonly options: HttpOptions;
  readonly hosts: Set<string>;
  readonly startedAt: number;
  requests = 0;
  retries = 0;
  waitedMs = 0;
  constructor(options: Partial<HttpOptions> = {}, allowed: Iterable<string> = []) {
    this.options = { ...HTTP_DEFAULTS, ...options };
    this.hosts = new Set();
    for (const url of allowed) this.allow(url);
    this.startedAt = this.now();
  }
  now(): number {
    return (this.options.now ?? Date.now)();
  }
  /** Adds the host of `url` (an address the run was configured with) to the allow-list. */
  allow(url: string): void {
    this.hosts.add(new URL(url).host);
  }
  /** Milliseconds left before the run's deadline. */
  remainingMs(): number {
    return this.startedAt + this.options.runDeadlineMs - this.now();
  }
}

/** What one request asks for. */
export interface Ask {
  url: string;
  accept: string;
  /** Extra request headers (validators for a conditional request). */
  headers?: Record<string, string>;
  /** Largest body read; the session's maxBytes when absent. */
  maxBytes?: number;
  /** Media types a 200 body may have (lower case, no parameters); any when absent. */
  contentTypes?: readonly string[];
  /** Hosts this request may reach, in place of the session's allow-list. */
  hosts?: ReadonlySet<string>;
}

export type Reply =
  | { kind: "body"; url: string; status: number; headers: Headers; body: Buffer }
  | { kind: "not_modified"; url: string; headers: Headers }
  | {
      kind: "failed";
      url: string;
      failure: Failure;
      status: number | null;
      headers: Headers | null;
      bodyStart: string;
    };

type Hop = Reply | { kind: "redirect"; location: string };

/**
 * Why `to` may not be requested (after `from`, on a redirect), or null: the URL rule, the allow-list,
 * then no step down from https and no move from elsewhere to this machine.
 */
export function hopProblem(hosts: ReadonlySet<string>, from: string | null, to: string): string | null {
  const why = urlProblem(to);
  if (why) return `${to} is not ${why}`;
  const host = new URL(to).host;
  if (!hosts.has(host))
    return `${host} is not a host this service is read from (${[...hosts].sort().join(", ") || "none configured"})`;
  return from === null ? null : redirectProblem(from, to);
}

function toHeaders(res: IncomingMessage): Headers {
  const h = new Headers();
  for (const [k, v] of Object.entries(res.headers)) {
    if (v === undefined) continue;
    try {
      for (const one of Array.isArray(v) ? v : [v]) h.append(k, one);
    } catch {
      // A header value fetch's Headers refuses is simply not kept.
    }
  }
  return h;
}

/** One GET, no redirects followed. Always resolves; never rejects. */
function exchange(
  url: string,
  headers: OutgoingHttpHeaders,
  ask: Required<Pick<Ask, "maxBytes">> & Ask,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<Hop> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (hop: Hop) => {
      if (settled) return;
      settled = true;
      resolve(hop);
    };
    const failed = (failure: Failure, res: IncomingMessage | null = null, bodyStart = ""): Hop => ({
      kind: "failed",
      url,
      failure: signal.aborted && failure.kind !== "too_large" ? { kind: "timeout", ms: timeoutMs } : failure,
      status: res?.statusCode ?? null,
      headers: res ? toHeaders(res) : null,
      bodyStart,
    });
    let req: ReturnType<typeof httpRequest>;
    try {
      // agent: false: a fresh connection per request, never a pooled socket the server has since closed.
      req = (url.startsWith("https:") ? httpsRequest : httpRequest)(
        url,
        { method: "GET", headers, signal, agent: false },
        (res) => {
          const status = res.statusCode ?? 0;
          const header = (name: string) => {
            const v = res.headers[name];
            return (Array.isArray(v) ? v[0] : v) ?? null;
          };
          const stop = (hop: Hop) => {
            settle(hop);
            req.destroy();
          };
          if (status === 304) return stop({ kind: "not_modified", url, headers: toHeaders(res) });
          const location = header("location");
          if (status >= 300 && status < 400 && location) return stop({ kind: "redirect", location });
          /** Reads at most `limit` bytes of the body, then calls `done` (with whether it ended by itself). */
          const read = (limit: number, done: (body: Buffer, ended: boolean) => void) => {
            const chunks: Buffer[] = [];
            let received = 0;
            let ended = false;
            res.on("data", (chunk: Buffer) => {
              if (settled) return;
              received += chunk.length;
              if (received > limit) {
                chunks.push(chunk);
                done(Buffer.concat(chunks).subarray(0, limit), false);
                return;
              }
              chunks.push(chunk);
            });
            res.on("end", () => {
              ended = true;
              done(Buffer.concat(chunks, received), true);
            });
            res.on("error", () => undefined);
            res.on("close", () => {
              if (!ended) done(Buffer.concat(chunks), false);
            });
          };
          const text = (b: Buffer) => new TextDecoder("utf-8").decode(b);
          if (status !== 200)
            return read(ERROR_BODY_BYTES, (b) =>
              stop(failed({ kind: "http", status, statusText: res.statusMessage ?? "" }, res, text(b))),
            );
          const declared = declaredLength(header("content-length"));
          if (declared !== null && declared > ask.maxBytes)
            return stop(failed({ kind: "too_large", maxBytes: ask.maxBytes, declared }, res));
          const encoding = header("content-encoding");
          if (encoding && encoding.trim().toLowerCase() !== "identity")
            return stop(failed({ kind: "encoding", got: encoding }, res));
          const typeFailure = ask.contentTypes
            ? contentTypeFailure(header("content-type"), [...ask.contentTypes])
            : null;
          if (typeFailure) return read(ERROR_BODY_BYTES, (b) => stop(failed(typeFailure, res, text(b))));
          read(ask.maxBytes, (body, ended) => {
            if (!ended) {
              if (body.length >= ask.maxBytes)
                return stop(failed({ kind: "too_large", maxBytes: ask.maxBytes, received: body.length + 1 }, res));
              return stop(
                failed(
                  declared !== null
                    ? { kind: "truncated", received: body.length, declared }
                    : {
                        kind: "network",
                        message: `connection closed after ${body.length} bytes, before the body was complete`,
                      },
                  res,
                ),
              );
            }
            if (declared !== null && body.length !== declared)
              return stop(failed({ kind: "truncated", received: body.length, declared }, res));
            settle({ kind: "body", url, status, headers: toHeaders(res), body });
          });
        },
      );
    } catch (e) {
      // A header Node will not send (say, a validator with a newline) throws here, before any request.
      return settle(failed({ kind: "network", message: `request not sent: ${(e as Error).message}` }));
    }
    req.on("error", (e: NodeJS.ErrnoException) =>
      settle(
        failed({
          kind: "network",
          message: e.code && !e.message.includes(e.code) ? `${e.code} ${e.message}` : e.message,
        }),
      ),
    );
    req.end();
  });
}

/** One attempt: follows redirects (each hop checked) within one deadline. */
async function attempt(session: Session, ask: Ask): Promise<Reply> {
  const { options } = session;
  const hosts = ask.hosts ?? session.hosts;
  const remaining = session.remainingMs();
  const failedAt = (url: string, failure: Failure): Reply => ({
    kind: "failed",
    url,
    failure,
    status: null,
    headers: null,
    bodyStart: "",
  });
  if (remaining <= 0) return failedAt(ask.url, { kind: "deadline", ms: options.runDeadlineMs });
  const timeoutMs = Math.min(options.timeoutMs, remaining);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const headers = {
    accept: ask.accept,
    "accept-encoding": "identity",
    "user-agent": options.userAgent,
    ...ask.headers,
  };
  try {
    let url = ask.url;
    let from: string | null = null;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const why = hopProblem(hosts, from, url);
      if (why)
        return failedAt(url, from === null ? { kind: "refused", message: why } : { kind: "redirect", message: why });
      if (session.requests >= options.maxRequests)
        return failedAt(url, {
          kind: "limit",
          message: `this run has made its limit of ${options.maxRequests} requests`,
        });
      session.requests += 1;
      const result = await exchange(
        url,
        headers,
        { ...ask, maxBytes: ask.maxBytes ?? options.maxBytes },
        controller.signal,
        timeoutMs,
      );
      if (result.kind !== "redirect") {
        // The run's deadline, not the attempt's, is what cut this one short.
        if (result.kind === "failed" && result.failure.kind === "timeout" && timeoutMs < options.timeoutMs)
          return { ...result, failure: { kind: "deadline", ms: options.runDeadlineMs } };
        return result;
      }
      let next: string;
      try {
        next = new URL(result.location, url).href;
      } catch {
        return failedAt(url, {
          kind: "redirect",
          message: `${JSON.stringify(result.location.slice(0, 100))} is not a URL`,
        });
      }
      [from, url] = [url, next];
    }
    return failedAt(url, { kind: "redirect", message: `more than ${MAX_REDIRECTS} redirects` });
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Milliseconds a Retry-After header asks for: whole seconds, or an HTTP date. Null when absent or
 * unreadable (the normal backoff applies).
 */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null || header.trim() === "") return null;
  const h = header.trim();
  if (/^\d+$/.test(h)) return Number(h) * 1000;
  const at = Date.parse(h);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * A request with the one retry policy: 429, 5xx, timeouts, dropped and cut-short connections are
 * tried again, up to `attempts` in all, after base, 2×base, 4×base… ms, or as long as a 429's
 * Retry-After asks (more than maxRetryAfterMs fails at once); no wait runs past the run's deadline.
 */
export async function request(session: Session, ask: Ask): Promise<{ reply: Reply; attempts: number }> {
  const { options } = session;
  const wait = options.wait ?? sleep;
  for (let n = 1; ; n++) {
    const reply = await attempt(session, ask);
    if (reply.kind !== "failed" || !isRetryable(reply.failure) || n >= options.attempts) return { reply, attempts: n };
    let delay = backoffMs(n, options.backoffBaseMs);
    if (reply.failure.kind === "http" && reply.failure.status === 429) {
      const asked = retryAfterMs(reply.headers?.get("retry-after") ?? null, session.now());
      if (asked !== null && asked > options.maxRetryAfterMs)
        return {
          reply: { ...reply, failure: { kind: "retry_wait", askedMs: asked, maxMs: options.maxRetryAfterMs } },
          attempts: n,
        };
      if (asked !== null) delay = asked;
    }
    if (delay >= session.remainingMs())
      return { reply: { ...reply, failure: { kind: "deadline", ms: options.runDeadlineMs } }, attempts: n };
    session.retries += 1;
    session.waitedMs += delay;
    await wait(delay);
  }
}

/** A request that failed for good, for the connectors: the address, the status and why, in one line. */
export class HttpError extends Error {
  readonly url: string;
  readonly status: number | null;
  readonly reason: string;
  constructor(url: string, status: number | null, reason: string) {
    super(`${url}: ${reason}`);
    this.name = "HttpError";
    this.url = url;
    this.status = status;
    this.reason = reason;
  }
}

export interface HttpResponse {
  url: string;
  status: number;
  headers: Headers;
  body: string;
}

/** The start of a body, on one line and quoted (so no character of it acts on a terminal), for messages. */
export function preview(body: string, chars = 160): string {
  const flat = body.replace(/\s+/g, " ").trim();
  return logSafe(flat.length > chars ? `${JSON.stringify(flat.slice(0, chars))}…` : JSON.stringify(flat));
}

/** JSON's media types: application/json and the structured +json ones. */
export const JSON_TYPES = ["application/json", "application/problem+json", "text/json"] as const;

/**
 * GET a JSON resource and parse it through the gate (UTF-8, nested at most MAX_JSON_DEPTH): a 200
 * answer of a JSON type within the byte cap; anything else is an HttpError naming the address, the
 * status and the start of what came back.
 */
export async function getJson(
  session: Session,
  url: string,
  maxBytes?: number,
): Promise<{ json: unknown; response: HttpResponse }> {
  const { reply, attempts } = await request(session, {
    url,
    accept: "application/json",
    contentTypes: JSON_TYPES,
    ...(maxBytes ? { maxBytes } : {}),
  });
  const tries = `(${attempts} ${attempts === 1 ? "attempt" : "attempts"})`;
  if (reply.kind === "not_modified")
    throw new HttpError(url, 304, `HTTP 304 to a request that was not conditional ${tries}`);
  if (reply.kind === "failed") {
    const f = reply.failure;
    const reason =
      f.kind === "content_type"
        ? `expected JSON; got ${f.got ?? "no content type"}: ${preview(reply.bodyStart)}`
        : f.kind === "http"
          ? `HTTP ${f.status}${reply.bodyStart.trim() ? `: ${preview(reply.bodyStart)}` : ""} ${tries}`
          : f.kind === "refused"
            ? `refused: ${f.message.replace(/^.* is not (an https URL)/, "not $1")}`
            : `${describeFailure(f)} ${tries}`;
    throw new HttpError(url, reply.status, reason);
  }
  const response: HttpResponse = { url: reply.url, status: reply.status, headers: reply.headers, body: "" };
  let json: unknown;
  try {
    response.body = decodeUtf8(reply.body, url);
    json = parseJsonText(response.body, url);
  } catch (e) {
    const why = e instanceof DataError ? e.problems[0]!.expected : (e as Error).message;
    throw new HttpError(
      url,
      reply.status,
      `expected ${why.replace(/^expected /, "")}: ${preview(new TextDecoder().decode(reply.body.subarray(0, 512)))}`,
    );
  }
  // Every string of the document through the gate's character rules, each named by its path.
  const problems = stringProblems(json, url);
  if (problems.length) throw new DataError(problems);
  return { json, response };
}

/** A request that failed for good is reported in one line, like bad data: address, status, what came back. */
export async function failingClearly<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof HttpError)
      throw new DataError([{ file: e.url, expected: `a successful response; ${e.reason}. Nothing was written` }]);
    throw e;
  }
}
