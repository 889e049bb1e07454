/**
 * Stand-ins for the publishers on 127.0.0.1, speaking their formats: ODS Data Search and Export's reports
 * (headerless CSV), and Parliament's written questions and members services (JSON, from the tests'
 * stand-in), served at most a few records a page and throttled once. Plus a guard that keeps the
 * rehearsal's commands off the network: any name lookup other than localhost fails and is logged.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { startFakeParliament, type QuestionRecord } from "../../test/helpers/parliament-service.ts";

export interface StandIn {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

async function listen(
  handler: (req: IncomingMessage, res: ServerResponse, key: string) => void | Promise<void>,
): Promise<StandIn> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const key = req.url ?? "/";
    requests.push(key);
    void Promise.resolve(handler(req, res, key)).catch((e: Error) => res.writeHead(500).end(e.message));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface OdsStandIn extends StandIn {
  /** While on, every report request gets 503, as during an outage. */
  setOutage(on: boolean): void;
}

/** ODS Data Search and Export: GET /api/getReport?report=<name> sends the report as CSV. */
export async function startOds(reports: Record<string, string>): Promise<OdsStandIn> {
  const state = { outage: false };
  const base = await listen((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const body = reports[url.searchParams.get("report") ?? ""];
    if (url.pathname !== "/api/getReport" || body === undefined)
      return void res.writeHead(404, { "content-type": "text/html" }).end("<!doctype html><title>Not found</title>");
    if (state.outage)
      return void res
        .writeHead(503, { "content-type": "text/html" })
        .end("<!doctype html><title>Service Unavailable</title><p>The service is temporarily unavailable.</p>");
    const bytes = Buffer.from(body, "utf8");
    res.writeHead(200, { "content-type": "text/csv", "content-length": String(bytes.length) }).end(bytes);
  });
  return { ...base, setOutage: (on) => void (state.outage = on) };
}

export interface ParliamentStandIn {
  api: StandIn;
  members: StandIn;
  close(): Promise<void>;
}

/**
 * Parliament's two services on two ports, in front of the tests' stand-in: the questions service caps
 * every page at `pageSize` records whatever `take` asks (totalResults stays the whole count), and answers
 * the first list request with 429 and Retry-After; the members service knows only some members.
 */
export async function startParliament(
  records: QuestionRecord[],
  opts: { members: Record<string, string>; expandable: number[]; page_size: number; retry_after_seconds: number },
): Promise<ParliamentStandIn> {
  const members = Object.fromEntries(Object.entries(opts.members).map(([k, v]) => [Number(k), v]));
  const fake = await startFakeParliament(records, members, opts.expandable);
  fake.script(/^\/api\/writtenquestions\/questions\?/, {
    status: 429,
    headers: { "retry-after": String(opts.retry_after_seconds) },
    body: JSON.stringify({ status: 429, title: "Too Many Requests" }),
  });
  const forward = (path: (u: URL) => boolean) => async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", fake.url);
    if (!path(url)) return void res.writeHead(404, { "content-type": "application/json" }).end('{"status":404}');
    if (url.searchParams.has("take"))
      url.searchParams.set("take", String(Math.min(Number(url.searchParams.get("take")), opts.page_size)));
    const got = await fetch(url);
    const headers: Record<string, string> = { "content-type": got.headers.get("content-type") ?? "application/json" };
    const retry = got.headers.get("retry-after");
    if (retry) headers["retry-after"] = retry;
    res.writeHead(got.status, headers).end(Buffer.from(await got.arrayBuffer()));
  };
  const api = await listen(forward((u) => u.pathname.startsWith("/api/writtenquestions/")));
  const memberApi = await listen(forward((u) => u.pathname.startsWith("/api/Members/")));
  return {
    api,
    members: memberApi,
    close: async () => {
      await Promise.all([api.close(), memberApi.close()]);
      await fake.close();
    },
  };
}

/**
 * A module for NODE_OPTIONS=--import: name lookups other than localhost fail (addresses of 127.0.0.1
 * need none), and each refused name is appended to `log`, so the rehearsal can say which command tried
 * to reach which host.
 */
export function networkGuard(log: string): string {
  return `import dns from "node:dns";
import { appendFileSync } from "node:fs";
const lookup = dns.lookup;
dns.lookup = function (host, ...rest) {
  if (host === "localhost") return lookup.call(this, host, ...rest);
  try { appendFileSync(${JSON.stringify(log)}, host + "\\n"); } catch {}
  const done = rest.at(-1);
  const error = Object.assign(new Error("the release rehearsal allows no network: " + host + " refused"), { code: "ENOTFOUND", hostname: host });
  process.nextTick(() => done(error));
  return {};
};
`;
}
