/**
 * GET with the rules every connector shares: https only (plain http only to this machine, for tests),
 * a deadline per attempt, a bounded number of attempts for server trouble, 429 answered by waiting as
 * long as Retry-After says (up to a cap), redirects followed only to addresses that pass the same rule,
 * and a cap on the requests one run may make, so no loop can run away.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { DataError } from "../../src/lib/data/errors.ts";
import { urlProblem } from "../lib/fetch-source.ts";

export interface HttpOptions {
  timeoutMs: number;
  /** Attempts per request, counting the first. */
  attempts: number;
  backoffBaseMs: number;
  /** Longest wait a Retry-After header may ask for; a longer one fails the request instead. */
  maxRetryAfterMs: number;
  /** Most requests one run may make, counting retries and redirects. */
  maxRequests: number;
  userAgent: string;
  /** The clock for HTTP-date Retry-After values. */
  now?: () => number;
  wait?: (ms: number) => Promise<unknown>;
}

export const HTTP_DEFAULTS: HttpOptions = {
  timeoutMs: 30_000,
  attempts: 4,
  backoffBaseMs: 2_000,
  maxRetryAfterMs: 120_000,
  maxRequests: 2_000,
  userAgent: "nhs-epr-tracker data refresh",
};

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

/** Counts requests across one run; the cap is checked before each one is sent. */
export class Session {
  readonly options: HttpOptions;
  requests = 0;
  retries = 0;
  waitedMs = 0;
  constructor(options: Partial<HttpOptions> = {}) {
    this.options = { ...HTTP_DEFAULTS, ...options };
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

const MAX_REDIRECTS = 5;

async function once(session: Session, url: string, accept: string): Promise<HttpResponse> {
  const { options } = session;
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const why = urlProblem(current);
    if (why) throw new HttpError(current, null, `refused: not ${why}`);
    if (session.requests >= options.maxRequests)
      throw new HttpError(current, null, `not sent: this run has made its limit of ${options.maxRequests} requests`);
    session.requests += 1;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    try {
      const res = await fetch(current, {
        redirect: "manual",
        signal: controller.signal,
        headers: { accept, "user-agent": options.userAgent },
      });
      const location = res.headers.get("location");
      if (res.status >= 300 && res.status < 400 && location) {
        await res.body?.cancel();
        current = new URL(location, current).href;
        continue;
      }
      return { url: current, status: res.status, headers: res.headers, body: await res.text() };
    } catch (e) {
      if (e instanceof HttpError) throw e;
      throw new HttpError(
        current,
        null,
        controller.signal.aborted
          ? `timed out after ${options.timeoutMs} ms`
          : `network error: ${(e as Error).message}${(e as { cause?: Error }).cause ? ` (${(e as { cause: Error }).cause.message})` : ""}`,
      );
    } finally {
      clearTimeout(timer);
    }
  }
  throw new HttpError(url, null, `more than ${MAX_REDIRECTS} redirects`);
}

/**
 * GET a URL, retrying 429, 5xx and network failures up to `attempts` times in all. A 2xx response is
 * returned whatever its body; any other status fails with the status and the start of the body.
 */
export async function get(session: Session, url: string, accept = "application/json"): Promise<HttpResponse> {
  const { options } = session;
  const now = options.now ?? Date.now;
  const wait = options.wait ?? sleep;
  for (let attempt = 1; ; attempt++) {
    let res: HttpResponse | null = null;
    let failure: HttpError;
    try {
      res = await once(session, url, accept);
      if (res.status >= 200 && res.status < 300) return res;
      failure = new HttpError(url, res.status, `HTTP ${res.status}${res.body ? `: ${preview(res.body)}` : ""}`);
    } catch (e) {
      if (!(e instanceof HttpError) || /refused|limit of|redirects/.test(e.reason)) throw e;
      failure = e;
    }
    const status = res?.status ?? null;
    const retryable = status === null || status === 429 || status >= 500;
    if (!retryable || attempt >= options.attempts) {
      throw new HttpError(url, status, `${failure.reason} (${attempt} ${attempt === 1 ? "attempt" : "attempts"})`);
    }
    let delay = options.backoffBaseMs * 2 ** (attempt - 1);
    if (status === 429) {
      const asked = retryAfterMs(res!.headers.get("retry-after"), now());
      if (asked !== null && asked > options.maxRetryAfterMs) {
        throw new HttpError(
          url,
          429,
          `HTTP 429: the service asks us to wait ${Math.ceil(asked / 1000)} s, more than the ${Math.ceil(options.maxRetryAfterMs / 1000)} s allowed; run again later`,
        );
      }
      if (asked !== null) delay = asked;
    }
    session.retries += 1;
    session.waitedMs += delay;
    await wait(delay);
  }
}

/** GET and parse JSON; a body that is not JSON fails with what it looks like instead. */
export async function getJson(session: Session, url: string): Promise<{ json: unknown; response: HttpResponse }> {
  const response = await get(session, url, "application/json");
  try {
    return { json: JSON.parse(response.body), response };
  } catch {
    throw new HttpError(
      url,
      response.status,
      `expected JSON; got ${response.headers.get("content-type") ?? "no content type"}: ${preview(response.body)}`,
    );
  }
}

/** The start of a body, on one line, for error messages and reports. */
export function preview(body: string, chars = 160): string {
  const flat = body.replace(/\s+/g, " ").trim();
  return flat.length > chars ? `${JSON.stringify(flat.slice(0, chars))}…` : JSON.stringify(flat);
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
