/**
 * ODS from its publisher, against a local server on 127.0.0.1: the Data Search and Export reports (headerless
 * CSV) through data:fetch with their format checks and pinned fallbacks, and the ORD API (JSON, paged by
 * Offset with X-Total-Count). The CSV bodies are the importer's fixtures in the real etr and succ layouts;
 * the ORD records are made here in the format the ORD documentation gives.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { fetchAll } from "../../scripts/fetch.ts";
import { describeOutcome, parseManifest, type ManifestEntry } from "../../scripts/lib/fetch-source.ts";
import { FORMATS, inspectOdsCsv } from "../../scripts/connectors/formats.ts";
import { describeOrd, fetchOrd, ordListUrl, readOrdPage, reportEntry } from "../../scripts/connectors/ods.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const ETR = readFileSync(join(ROOT, "test/fixtures/upstream/ods-etr/etr.csv"));
const SUCC = readFileSync(join(ROOT, "test/fixtures/upstream/ods-succ/succ.csv"));
const PREVIOUS = '"RPREV","PREVIOUS COPY NHS TRUST"\n';

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

  it("keeps the previous copy when both the endpoint and the fallback fail, naming both failures", async () => {
    const out = temp();
    seed(out, "ods-etr/etr.csv");
    routes.set("/api/getReport?report=etr", [body('"Organisation Code","Name"\n"RAA","ALPHA"\n')]);
    routes.set("/pinned/etr.csv", [status(404)]);
    const [etr] = await fetchAll([live("ods-etr/etr.csv", "ods-etr")], opts(out));
    expect(describeOutcome(etr!)).toMatch(
      /^FAILED ods-etr\/etr\.csv from .*: not the expected format: expected the ODS etr report without a header row; .*the pinned fallback copy failed too: HTTP 404 Not Found/s,
    );
    expect(readFileSync(join(out, "ods-etr/etr.csv"), "utf8")).toBe(PREVIOUS);
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
