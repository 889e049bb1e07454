/**
 * ODS from its publisher, against a local server on 127.0.0.1: the Data Search and Export reports (headerless
 * CSV) through data:fetch with their format checks and pinned fallbacks, and the ORD API (JSON, paged by
 * Offset with X-Total-Count). The CSV bodies are the importer's fixtures in the real etr and succ layouts;
 * the ORD records are made here in the format the ORD documentation gives.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { fetchAll } from "../../scripts/fetch.ts";
import {
  describeOutcome,
  exitCode,
  parseManifest,
  STATE_FILE,
  summarise,
  type ManifestEntry,
} from "../../scripts/lib/fetch-source.ts";
import { FORMATS, inspectOdsCsv } from "../../scripts/connectors/formats.ts";
import { describeOrd, fetchOrd, ordListUrl, readOrdPage, reportEntry } from "../../scripts/connectors/ods.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const ETR = readFileSync(join(ROOT, "test/fixtures/upstream/ods-etr/etr.csv"));
const SUCC = readFileSync(join(ROOT, "test/fixtures/upstream/ods-succ/succ.csv"));
const PREVIOUS = '"RPREV","PREVIOUS COPY NHS TRUST"\n';
// A later etr report: one trust more than the fixture, in the same layout.
const NEWER = Buffer.concat([ETR, Buffer.from(ETR.toString("utf8").split(/\r?\n/)[0]!.replace("RAA", "RNW") + "\r\n")]);
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let server: Server;
let base: string;
const routes = new Map<string, Handler[]>();
const seen: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.url!);
    const path =
      new URL(req.url!, "http://x").pathname +
      (req.url!.includes("report=") ? `?report=${new URL(req.url!, "http://x").searchParams.get("report")}` : "");
    const handlers = routes.get(path) ?? routes.get(new URL(req.url!, "http://x").pathname);
    const n = seen.filter((u) => u === req.url).length;
    const h = handlers?.[Math.min(n, handlers.length) - 1];
    if (h) h(req, res);
    else res.writeHead(404, { "content-type": "text/plain" }).end("no such route");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(() => {
  routes.clear();
  seen.length = 0;
  server.closeAllConnections();
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), "epr-ods-"));
  dirs.push(d);
  return d;
};

const body =
  (b: string | Buffer, type = "text/csv"): Handler =>
  (_req, res) =>
    void res.writeHead(200, { "content-type": type, "content-length": Buffer.byteLength(b) }).end(b);
const status =
  (code: number): Handler =>
  (_req, res) =>
    void res.writeHead(code, { "content-type": "text/plain" }).end(`status ${code}`);
const LIVE = ["text/csv", "application/csv", "text/plain", "application/octet-stream", "application/json", "text/html"];

function live(path: string, format: string, fallback = true): ManifestEntry {
  return {
    path,
    source_id: "ods-etr-2026",
    kind: "live",
    format,
    url: `${base}/api/getReport?report=${format.slice(4)}`,
    ...(fallback ? { fallback_url: `${base}/pinned/${format.slice(4)}.csv` } : {}),
    content_types: LIVE,
    max_bytes: 100_000,
    sha256: "0".repeat(64),
  };
}
const opts = (outDir: string) => ({
  outDir,
  timeoutMs: 2000,
  attempts: 2,
  backoffBaseMs: 1,
  now: () => new Date("2026-11-30T00:00:00Z"),
});
function seed(dir: string, path: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), PREVIOUS);
}

describe("ODS reports from Data Search and Export (headerless CSV)", () => {
  it("takes the etr and succ reports from the publisher's endpoint and says what they hold", async () => {
    const out = temp();
    routes.set("/api/getReport?report=etr", [body(ETR)]);
    routes.set("/api/getReport?report=succ", [body(SUCC, "application/octet-stream")]);
    const [etr, succ] = await fetchAll(
      [live("ods-etr/etr.csv", "ods-etr"), live("ods-succ/succ.csv", "ods-succ")],
      opts(out),
    );
    expect(readFileSync(join(out, "ods-etr/etr.csv")).equals(ETR)).toBe(true);
    const text = describeOutcome(etr!);
    expect(text).toContain(
      "format: ODS etr report as expected, headerless CSV, 5 rows of 27 fields, CRLF. First rows:",
    );
    expect(text).toContain("    RAA | ALPHA HOSPITALS NHS TRUST | Y56 | Z9B2Z | …");
    expect(text).not.toContain("fallback");
    expect(describeOutcome(succ!)).toContain("format: ODS succ report as expected, headerless CSV, 4 rows of 5 fields");
    expect(seen.filter((u) => u.startsWith("/pinned/"))).toEqual([]);
  });

  it("reads the pinned fallback, and says so, when the endpoint fails or sends something else", async () => {
    const out = temp();
    routes.set("/api/getReport?report=etr", [body("<!DOCTYPE html><html><title>Sign in</title></html>", "text/html")]);
    routes.set("/pinned/etr.csv", [body(ETR)]);
    routes.set("/api/getReport?report=succ", [status(503)]);
    routes.set("/pinned/succ.csv", [body(SUCC)]);
    const [etr, succ] = await fetchAll(
      [live("ods-etr/etr.csv", "ods-etr"), live("ods-succ/succ.csv", "ods-succ")],
      opts(out),
    );
    expect(etr).toMatchObject({ status: "fetched", fallback: { url: `${base}/pinned/etr.csv` } });
    expect(describeOutcome(etr!)).toContain(
      'the publisher\'s endpoint failed (not the expected format: expected the ODS etr report (headerless CSV, 27 fields a row); got an HTML or XML page, starting "<!DOCTYPE html><html><title>Sign in</title></html>"); used the pinned fallback copy',
    );
    expect(describeOutcome(succ!)).toContain(
      "the publisher's endpoint failed (HTTP 503 Service Unavailable); used the pinned fallback copy",
    );
    expect(readFileSync(join(out, "ods-succ/succ.csv")).equals(SUCC)).toBe(true);
  });

  it("keeps the previous fallback copy when both the endpoint and the fallback fail, naming both failures", async () => {
    const out = temp();
    routes.set("/api/getReport?report=etr", [status(503)]);
    routes.set("/pinned/etr.csv", [body(ETR), status(404)]);
    await fetchAll([live("ods-etr/etr.csv", "ods-etr")], opts(out));
    routes.set("/api/getReport?report=etr", [body('"Organisation Code","Name"\n"RAA","ALPHA"\n')]);
    const [etr] = await fetchAll([live("ods-etr/etr.csv", "ods-etr")], opts(out));
    expect(describeOutcome(etr!)).toMatch(
      /^FAILED ods-etr\/etr\.csv from .*: not the expected format: expected the ODS etr report without a header row; .*the pinned fallback copy failed too: HTTP 404 Not Found/s,
    );
    expect(readFileSync(join(out, "ods-etr/etr.csv")).equals(ETR)).toBe(true);
  });

  it("never writes the pinned fallback over a live copy: keeps the last good one and says so loudly", async () => {
    const out = temp();
    const entry = live("ods-etr/etr.csv", "ods-etr");
    routes.set("/api/getReport?report=etr", [body(NEWER), status(503)]);
    routes.set("/pinned/etr.csv", [body(ETR)]);
    const [first] = await fetchAll([entry], opts(out));
    expect(first).toMatchObject({ status: "fetched" });
    expect(first).not.toHaveProperty("fallback");

    const later = { ...opts(out), now: () => new Date("2026-12-07T06:00:00Z") };
    const outcomes = await fetchAll([entry], later);
    expect(outcomes[0]).toMatchObject({ status: "kept", kept: { fetched_at: "2026-11-30T00:00:00.000Z" } });
    expect(describeOutcome(outcomes[0]!)).toBe(
      [
        `KEPT last good live copy of ods-etr/etr.csv from 2026-11-30, sha256 ${sha(NEWER)}; endpoint failed: HTTP 503 Service Unavailable (2 attempts) at ${entry.url}`,
        "  the pinned fallback copy was not read, so nothing newer is undone; the import reads the kept copy",
      ].join("\n"),
    );
    expect(readFileSync(join(out, "ods-etr/etr.csv")).equals(NEWER)).toBe(true);
    expect(seen.filter((u) => u.startsWith("/pinned/"))).toEqual([]);
    expect(exitCode(outcomes)).toBe(3);
    expect(summarise(outcomes)).toBe("1 file: 0 fetched, 0 not modified, 0 failed, 1 kept (endpoint failed)");
    expect(JSON.parse(readFileSync(join(out, STATE_FILE), "utf8"))["ods-etr/etr.csv"]).toMatchObject({
      from: "url",
      url: entry.url,
      sha256: sha(NEWER),
    });
  });

  it("keeps a copy whose origin is not recorded; reads the fallback, labelled, only when there is no copy", async () => {
    const out = temp();
    seed(out, "ods-etr/etr.csv");
    routes.set("/api/getReport?report=etr", [status(503)]);
    routes.set("/pinned/etr.csv", [body(ETR)]);
    const [kept] = await fetchAll([live("ods-etr/etr.csv", "ods-etr")], opts(out));
    expect(describeOutcome(kept!)).toMatch(
      /^KEPT the copy of ods-etr\/etr\.csv already here \(where it came from is not recorded, so it may be newer than the pinned fallback\)/,
    );
    expect(readFileSync(join(out, "ods-etr/etr.csv"), "utf8")).toBe(PREVIOUS);

    const empty = temp();
    const outcomes = await fetchAll([live("ods-etr/etr.csv", "ods-etr")], opts(empty));
    expect(describeOutcome(outcomes[0]!).split("\n")[0]).toBe(
      `FALLBACK ods-etr/etr.csv: ${ETR.length} bytes, sha256 ${sha(ETR)}, from the pinned fallback copy, not the publisher's endpoint (there was no live copy here to keep)`,
    );
    expect(exitCode(outcomes)).toBe(3);
    expect(summarise(outcomes)).toBe("1 file: 0 fetched, 0 not modified, 0 failed, 1 from the pinned fallback");
    expect(JSON.parse(readFileSync(join(empty, STATE_FILE), "utf8"))["ods-etr/etr.csv"]).toMatchObject({
      from: "fallback_url",
      url: `${base}/pinned/etr.csv`,
    });

    // When the endpoint answers again, its copy replaces the fallback's, asked for without the fallback's validators.
    routes.set("/api/getReport?report=etr", [body(NEWER)]);
    const [back] = await fetchAll([live("ods-etr/etr.csv", "ods-etr")], opts(empty));
    expect(back).toMatchObject({ status: "fetched", sha256: sha(NEWER) });
    expect(back).not.toHaveProperty("fallback");
    expect(readFileSync(join(empty, "ods-etr/etr.csv")).equals(NEWER)).toBe(true);
    expect(exitCode([back!])).toBe(0);
  });

  it("names what arrived instead: a ZIP, ORD JSON, the wrong number of fields", () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]);
    expect(inspectOdsCsv(zip, "etr", 27, 11).report).toMatch(
      /got a ZIP archive \(ODS has published its CSV files zipped/,
    );
    expect(inspectOdsCsv(Buffer.from('{"Organisations": []}'), "etr", 27, 11).report).toMatch(
      /JSON from the ODS ORD API .*use `npm run data:ods` for the API/,
    );
    const r = inspectOdsCsv(SUCC, "etr", 27, 11);
    expect(r).toMatchObject({ ok: false });
    expect(r.report).toMatch(/with 27 fields on every row; got 4 rows of 5 fields/);
    expect(inspectOdsCsv(Buffer.from(""), "succ", 5, 4).report).toMatch(/an empty file/);
    expect(inspectOdsCsv(Buffer.from('"RAA","RBB","","2024-11-01","0"\n'), "succ", 5, 4).report).toMatch(
      /no YYYYMMDD date in field 4/,
    );
    // The real successor file holds every kind of organisation, branch surgeries' 9-character codes too.
    expect(
      inspectOdsCsv(
        Buffer.from('"F81067001","F81067002","","20051001","0"\r\n"RY2","RWW","","20260401","0"\r\n'),
        "succ",
        5,
        4,
      ).ok,
    ).toBe(true);
  });

  it("data:ods --report fetches one report, such as ect, with the same checks, into data/upstream", async () => {
    const out = temp();
    routes.set("/api/getReport?report=ect", [body(ETR)]);
    const r = await new Promise<{ code: number; stdout: string }>((resolve) =>
      execFile(
        process.execPath,
        [
          join(ROOT, "scripts/connectors/ods.ts"),
          "--report",
          "ect",
          "--report-base",
          `${base}/api/getReport`,
          "--out-dir",
          out,
          "--backoff-ms",
          "1",
        ],
        (e, stdout) => resolve({ code: e ? Number(e.code) : 0, stdout }),
      ),
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("fetched ods-ect/ect.csv");
    expect(r.stdout).toContain("format: ODS ect report as expected");
    expect(readFileSync(join(out, "ods-ect/ect.csv")).equals(ETR)).toBe(true);
    expect(reportEntry("ect").url).toBe("https://www.odsdatasearchandexport.nhs.uk/api/getReport?report=ect");
  });
});

describe("ODS ORD API (JSON, paged by Offset)", () => {
  const org = (code: string, name: string, status = "Active") => ({
    Name: name,
    OrgId: code,
    Status: status,
    OrgRecordClass: "RC1",
    PostCode: "NW1 0PE",
    LastChangeDate: "2026-04-01",
    PrimaryRoleId: "RO197",
    PrimaryRoleDescription: "NHS TRUST",
    OrgLink: `https://directory.spineservices.nhs.uk/ORD/2-0-0/organisations/${code}`,
  });
  const ALL = [
    org("RAA", "ALPHA HOSPITALS NHS TRUST"),
    org("RBB", "BETA MENTAL HEALTH NHS TRUST", "Inactive"),
    org("NEW1A", "NEW MENTAL HEALTH NHS TRUST"),
    org("RZZ", "ZED NHS TRUST"),
    org("RQF", "VELINDRE UNIVERSITY NHS TRUST"),
  ];
  const ord =
    (total: string | null, list = ALL): Handler =>
    (req, res) => {
      const p = new URL(req.url!, "http://x").searchParams;
      const offset = Number(p.get("Offset"));
      const page = list.slice(offset, offset + Number(p.get("Limit")));
      res
        .writeHead(200, { "content-type": "application/json", ...(total ? { "x-total-count": total } : {}) })
        .end(JSON.stringify({ Organisations: page }));
    };
  const http = { attempts: 2, backoffBaseMs: 1, timeoutMs: 2000 };

  it("pages by Offset until X-Total-Count, and reports counts, first rows and disagreements with etr", async () => {
    routes.set("/ORD/2-0-0/organisations", [ord("5")]);
    const r = await fetchOrd({ base: `${base}/ORD/2-0-0`, role: "RO197", limit: 2, maxPages: 10, http });
    expect(seen.map((u) => new URL(u, "http://x").searchParams.get("Offset"))).toEqual(["0", "2", "4"]);
    expect(seen[0]).toBe("/ORD/2-0-0/organisations?PrimaryRoleId=RO197&Limit=2&Offset=0");
    expect(r.lines).toEqual([
      "format: ORD organisations list (JSON), role RO197: 5 organisations in 3 pages, X-Total-Count 5.",
    ]);
    expect(r.organisations.map((o) => o.code)).toEqual(["NEW1A", "RAA", "RBB", "RQF", "RZZ"]);
    expect(describeOrd(r.organisations, new Set(["RAA", "NEW1A", "RQF", "RCC"]))).toEqual([
      "  4 active, 1 inactive. First rows:",
      "    NEW1A | NEW MENTAL HEALTH NHS TRUST | Active | NW1 0PE",
      "    RAA | ALPHA HOSPITALS NHS TRUST | Active | NW1 0PE",
      "    RBB | BETA MENTAL HEALTH NHS TRUST | Inactive | NW1 0PE",
      "  Against the etr report: 1 active here but not open there (RZZ); 1 open there but not active here (RCC).",
    ]);
  });

  it("without X-Total-Count, stops at a short page and says so; a total that never comes is capped", async () => {
    routes.set("/ORD/2-0-0/organisations", [ord(null)]);
    const r = await fetchOrd({ base: `${base}/ORD/2-0-0`, role: "RO197", limit: 2, maxPages: 10, http });
    expect(r.organisations).toHaveLength(5);
    expect(r.lines[0]).toContain("(no X-Total-Count header: read until a short page)");

    seen.length = 0;
    routes.set("/ORD/2-0-0/organisations", [
      ord(
        "1000",
        Array.from({ length: 100 }, (_, i) => org(`R${String(i).padStart(2, "0")}`, `TRUST ${i}`)),
      ),
    ]);
    await expect(fetchOrd({ base: `${base}/ORD/2-0-0`, role: "RO197", limit: 2, maxPages: 4, http })).rejects.toThrow(
      /at most 4 pages: raise --max-pages/,
    );
    expect(seen).toHaveLength(4);
  });

  it("fails, writing nothing, when the list ends before X-Total-Count; pages by what arrived when pages are short", async () => {
    routes.set("/ORD/2-0-0/organisations", [ord("7")]);
    await expect(fetchOrd({ base: `${base}/ORD/2-0-0`, role: "RO197", limit: 2, maxPages: 10, http })).rejects.toThrow(
      /Offset=5: found "an empty page at 5 of 7"; expected all 7 organisations X-Total-Count gave; the service stopped after 5, so nothing was written/,
    );

    // A service that sends one record a page whatever Limit asks.
    seen.length = 0;
    routes.set("/ORD/2-0-0/organisations", [
      (req, res) => {
        const offset = Number(new URL(req.url!, "http://x").searchParams.get("Offset"));
        res
          .writeHead(200, { "content-type": "application/json", "x-total-count": "5" })
          .end(JSON.stringify({ Organisations: ALL.slice(offset, offset + 1) }));
      },
    ]);
    const r = await fetchOrd({ base: `${base}/ORD/2-0-0`, role: "RO197", limit: 2, maxPages: 10, http });
    expect(r.organisations).toHaveLength(5);
    expect(seen.map((u) => new URL(u, "http://x").searchParams.get("Offset"))).toEqual(["0", "1", "2", "3", "4"]);
  });

  it("data:ods takes the ORD host from ODS_ORD_BASE and the report host from ODS_REPORTS_BASE; flags win", async () => {
    const run = (args: string[], env: Record<string, string>) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
        execFile(
          process.execPath,
          [join(ROOT, "scripts/connectors/ods.ts"), "--backoff-ms", "1", ...args],
          { env: { ...process.env, ODS_ORD_BASE: "", ODS_REPORTS_BASE: "", ...env } },
          (e, stdout, stderr) => resolve({ code: e ? Number(e.code) : 0, stdout, stderr }),
        ),
      );
    routes.set("/ORD/2-0-0/organisations", [ord("5")]);
    routes.set("/api/getReport?report=ect", [body(ETR)]);
    const out = temp();
    const ordRun = await run(["--out", join(out, "ord.json"), "--etr", join(out, "none.csv")], {
      ODS_ORD_BASE: `${base}/ORD/2-0-0`,
    });
    expect(ordRun.stderr).toBe("");
    expect(ordRun.stdout).toContain("5 organisations in 1 page, X-Total-Count 5");
    const reportRun = await run(["--report", "ect", "--out-dir", out], { ODS_REPORTS_BASE: base });
    expect(reportRun.stdout).toContain("fetched ods-ect/ect.csv");
    const flagWins = await run(["--report", "ect", "--out-dir", temp(), "--report-base", `${base}/api/getReport`], {
      ODS_REPORTS_BASE: "http://127.0.0.1:9",
    });
    expect(flagWins.code).toBe(0);
    const bad = await run(["--out", join(out, "ord.json")], { ODS_ORD_BASE: "directory.example.org" });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(
      'environment variable ODS_ORD_BASE: found "directory.example.org"; expected an absolute http(s) URL',
    );
  });

  it("says plainly when the response is not the ORD list", async () => {
    routes.set("/ORD/2-0-0/organisations", [body('"RAA","ALPHA"', "text/csv")]);
    await expect(fetchOrd({ base: `${base}/ORD/2-0-0`, role: "RO197", limit: 2, maxPages: 3, http })).rejects.toThrow(
      /expected JSON; got text\/csv: "\\"RAA\\",\\"ALPHA\\""/,
    );
    expect(() => readOrdPage({ Organisation: {} }, "u")).toThrow(/expected the ORD list format/);
    expect(() => readOrdPage({ Organisations: [{ Name: "X", OrgId: "raa", Status: "Active" }] }, "u")).toThrow(
      /Organisations\[0\]\.OrgId/,
    );
    expect(ordListUrl("https://directory.spineservices.nhs.uk/ORD/2-0-0/", "RO197", 1000, 0)).toBe(
      "https://directory.spineservices.nhs.uk/ORD/2-0-0/organisations?PrimaryRoleId=RO197&Limit=1000&Offset=0",
    );
  });
});

describe("data/upstream.json names each publisher's endpoint", () => {
  const manifest = parseManifest(readFileSync(join(ROOT, "data/upstream.json"), "utf8"), "data/upstream.json");

  it("says of every entry whether it is live or frozen, and its format", () => {
    for (const e of manifest) {
      expect(["live", "frozen"], e.path).toContain(e.kind);
      expect(Object.keys(FORMATS), e.path).toContain(e.format);
    }
  });

  it("reads ODS's trusts and successors from ODS Data Search and Export, with pinned copies only as fallbacks", () => {
    const live = manifest.filter((e) => e.kind === "live");
    expect(live.map((e) => [e.path, e.url])).toEqual([
      ["ods-etr/etr.csv", "https://www.odsdatasearchandexport.nhs.uk/api/getReport?report=etr"],
      ["ods-succ/succ.csv", "https://www.odsdatasearchandexport.nhs.uk/api/getReport?report=succ"],
    ]);
    for (const e of live)
      expect(e.fallback_url, e.path).toMatch(/^https:\/\/raw\.githubusercontent\.com\/[^/]+\/[^/]+\/[0-9a-f]{40}\//);
    // A pinned copy that is not a fallback is a frozen historical file, and says why in its note.
    for (const e of manifest.filter((x) => x.kind === "frozen")) expect(e.note, e.path).toMatch(/^Frozen: /);
  });

  it("rejects a fallback on a frozen entry and a fallback that is not https", () => {
    const bad = [
      {
        path: "a.csv",
        source_id: "s",
        kind: "frozen",
        url: "https://example.org/a.csv",
        fallback_url: "http://example.org/a.csv",
        content_types: ["text/csv"],
        max_bytes: 1,
        sha256: "0".repeat(64),
      },
    ];
    expect(() => parseManifest(JSON.stringify(bad), "m.json")).toThrow(/\[0\]\.fallback_url.*an https URL/);
    bad[0]!.fallback_url = "https://example.org/b.csv";
    expect(() => parseManifest(JSON.stringify(bad), "m.json")).toThrow(/\[0\]\.fallback_url.*only on a live entry/);
  });
});
