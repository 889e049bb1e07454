/**
 * npm run data:ods [-- --role RO197] [-- --limit 1000] [-- --max-pages 20] [-- --base <ORD URL>]
 *                  [-- --out data/upstream/ods-ord/RO197.json] [-- --etr data/upstream/ods-etr/etr.csv] [-- --today YYYY-MM-DD]
 * npm run data:ods -- --report ect [-- --report-base <DSE URL>] [-- --out-dir data/upstream]
 *
 * Hosts: --base, else the environment variable ODS_ORD_BASE, else
 * https://directory.spineservices.nhs.uk/ORD/2-0-0 (the ORD API, its path included); --report-base (the
 * whole getReport address), else ODS_REPORTS_BASE in place of the origin
 * https://www.odsdatasearchandexport.nhs.uk, else that origin. Each must be an http(s) URL (plain http
 * only to this machine, for a local stand-in).
 *
 * The ODS ORD API (directory.spineservices.nhs.uk/ORD/2-0-0): lists every organisation with a primary role
 * (RO197: NHS trusts), paged by Offset (the records received) until the total in X-Total-Count is read
 * (an empty page before then fails the run, writing nothing), and says plainly what it got:
 * the format, counts by status, the first rows, and which trusts it lists as active that the etr report
 * has not open, and the other way round. It writes the list, sorted, to data/upstream/ods-ord/ (not
 * committed); the importer still reads the etr report, whose fields (region, ICB, dates) the list lacks.
 * The etr and succ reports themselves come through `npm run data:fetch` (data/upstream.json). With --report,
 * one report of ODS Data Search and Export (such as ect, the care trusts, not yet in the manifest) is
 * downloaded with the same checks as data:fetch into data/upstream/ods-<report>/<report>.csv, and its
 * format reported, so a maintainer can see what it holds before adding it to the manifest.
 */
import { existsSync } from "node:fs";
import { DataError } from "../../src/lib/data/errors.ts";
import { codeForm, nameProblem } from "../../src/lib/data/gate.ts";
import { toJson } from "../../src/lib/data/json.ts";
import { parseEtr } from "../import/ods-trusts.ts";
import { flagValue, hostBase, ODS_REPORTS_ORIGIN, positiveNumber, withOrigin } from "../lib/fetch-source.ts";
import { argValue, readText, runMain, writeAllAtomically } from "../lib/io.ts";
import { DEFAULTS, fetchAll } from "../fetch.ts";
import { describeOutcome, type ManifestEntry } from "../lib/fetch-source.ts";
import { FORMATS } from "./formats.ts";
import { failingClearly, getJson, HTTP_DEFAULTS, preview, Session, type HttpOptions } from "./http.ts";

export const ORD_BASE = "https://directory.spineservices.nhs.uk/ORD/2-0-0";
export const DSE_BASE = "https://www.odsdatasearchandexport.nhs.uk/api/getReport";

/** A manifest-style entry for one ODS Data Search and Export report, checked by its format when there is one. */
export function reportEntry(report: string, base = DSE_BASE): ManifestEntry {
  if (!/^[a-z]+$/.test(report))
    throw new DataError([{ file: "--report", value: report, expected: "an ODS report name such as etr, succ or ect" }]);
  const url = new URL(base);
  url.searchParams.set("report", report);
  return {
    path: `ods-${report}/${report}.csv`,
    source_id: `ods-${report}`,
    kind: "live",
    ...(FORMATS[`ods-${report}`] ? { format: `ods-${report}` } : {}),
    url: url.href,
    // Any type is let through so that the format check, not the header, says what arrived.
    content_types: [
      "text/csv",
      "application/csv",
      "text/plain",
      "application/octet-stream",
      "application/vnd.ms-excel",
      "application/json",
      "text/html",
    ],
    max_bytes: 50_000_000,
    sha256: "0".repeat(64),
  };
}

export interface OrdOrganisation {
  code: string;
  name: string;
  status: "Active" | "Inactive";
  postcode: string | null;
  last_change_date: string | null;
  primary_role: string | null;
}

export function ordListUrl(base: string, role: string, limit: number, offset: number): string {
  const u = new URL(`${base.replace(/\/$/, "")}/organisations`);
  u.searchParams.set("PrimaryRoleId", role);
  u.searchParams.set("Limit", String(limit));
  u.searchParams.set("Offset", String(offset));
  return u.href;
}

/** One page: {"Organisations": [{Name, OrgId, Status, PostCode, LastChangeDate, PrimaryRoleId, OrgLink}]}. */
export function readOrdPage(json: unknown, url: string): OrdOrganisation[] {
  const list = (json as { Organisations?: unknown } | null)?.Organisations;
  if (typeof json !== "object" || json === null || !Array.isArray(list)) {
    throw new DataError([
      {
        file: url,
        value: preview(JSON.stringify(json)),
        expected: 'the ORD list format {"Organisations": [{"Name", "OrgId", "Status", ...}]}',
      },
    ]);
  }
  return list.map((o, i) => {
    const r = (o ?? {}) as Record<string, unknown>;
    // Codes are compared in their NFKC form: a full-width "ＲＡＥ" is the trust RAE.
    const code = typeof r.OrgId === "string" ? codeForm(r.OrgId) : r.OrgId;
    if (typeof code !== "string" || !/^[A-Z0-9]{2,12}$/.test(code))
      throw new DataError([
        {
          file: url,
          column: `Organisations[${i}].OrgId`,
          value: preview(JSON.stringify(code ?? null)),
          expected: "an ODS code",
        },
      ]);
    const nameWhy = typeof r.Name === "string" ? nameProblem(r.Name.trim()) : null;
    if (nameWhy)
      throw new DataError([
        {
          file: url,
          column: `Organisations[${i}].Name`,
          value: preview(JSON.stringify(r.Name)),
          expected: `a name without ${nameWhy}`,
        },
      ]);
    if (typeof r.Name !== "string" || r.Name.trim() === "")
      throw new DataError([
        {
          file: url,
          column: `Organisations[${i}].Name`,
          value: preview(JSON.stringify(r.Name ?? null)),
          expected: "the organisation's name",
        },
      ]);
    if (r.Status !== "Active" && r.Status !== "Inactive")
      throw new DataError([
        {
          file: url,
          column: `Organisations[${i}].Status`,
          value: preview(JSON.stringify(r.Status ?? null)),
          expected: "Active or Inactive",
        },
      ]);
    const text = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : null);
    return {
      code,
      name: r.Name.trim(),
      status: r.Status,
      postcode: typeof r.PostCode === "string" ? text(codeForm(r.PostCode)) : null,
      last_change_date: text(r.LastChangeDate),
      primary_role: text(r.PrimaryRoleId),
    };
  });
}

export interface OrdOptions {
  base: string;
  role: string;
  limit: number;
  maxPages: number;
  http: Partial<HttpOptions>;
}

/** Every organisation with the role: pages of `limit` by Offset until X-Total-Count (or a short page). */
export async function fetchOrd(
  opts: OrdOptions,
): Promise<{ organisations: OrdOrganisation[]; total: number | null; pages: number; lines: string[] }> {
  const session = new Session(opts.http, [opts.base]);
  const organisations: OrdOrganisation[] = [];
  let total: number | null = null;
  let pages = 0;
  for (;;) {
    if (pages >= opts.maxPages)
      throw new DataError([
        {
          file: ordListUrl(opts.base, opts.role, opts.limit, organisations.length),
          value: `${organisations.length} read of ${total ?? "an unknown number"}`,
          expected: `at most ${opts.maxPages} pages: raise --max-pages`,
        },
      ]);
    const url = ordListUrl(opts.base, opts.role, opts.limit, organisations.length);
    const { json, response } = await getJson(session, url);
    const page = readOrdPage(json, url);
    pages += 1;
    const header = response.headers.get("x-total-count");
    if (header !== null && /^\d+$/.test(header.trim())) total = Number(header.trim());
    // An empty page before the total is read: the list would be short, and a trust missing from it
    // would look closed, so the run fails and writes nothing.
    if (page.length === 0 && total !== null && organisations.length < total)
      throw new DataError([
        {
          file: url,
          value: `an empty page at ${organisations.length} of ${total}`,
          expected: `all ${total} organisations X-Total-Count gave; the service stopped after ${organisations.length}, so nothing was written`,
        },
      ]);
    organisations.push(...page);
    const done = total !== null ? organisations.length >= total : page.length < opts.limit;
    if (done || page.length === 0) break;
  }
  const lines = [
    `format: ORD organisations list (JSON), role ${opts.role}: ${organisations.length} organisations in ${pages} ${pages === 1 ? "page" : "pages"}${total === null ? " (no X-Total-Count header: read until a short page)" : `, X-Total-Count ${total}`}.`,
  ];
  if (total !== null && organisations.length !== total)
    lines.push(`  The service said ${total} and sent ${organisations.length}: check the paging (Limit ${opts.limit}).`);
  return { organisations: sortOrd(organisations), total, pages, lines };
}

export function sortOrd(list: OrdOrganisation[]): OrdOrganisation[] {
  return [...new Map(list.map((o) => [o.code, o])).values()].sort((a, b) =>
    a.code < b.code ? -1 : a.code > b.code ? 1 : 0,
  );
}

/** Counts, the first rows, and the codes on which the API and the etr report disagree about being open. */
export function describeOrd(list: OrdOrganisation[], etrOpen: Set<string> | null): string[] {
  const active = list.filter((o) => o.status === "Active");
  const lines = [`  ${active.length} active, ${list.length - active.length} inactive. First rows:`];
  for (const o of list.slice(0, 3)) lines.push(`    ${o.code} | ${o.name} | ${o.status} | ${o.postcode ?? ""}`);
  if (etrOpen) {
    const activeCodes = new Set(active.map((o) => o.code));
    const onlyOrd = [...activeCodes].filter((c) => !etrOpen.has(c)).sort();
    const onlyEtr = [...etrOpen].filter((c) => !activeCodes.has(c)).sort();
    lines.push(
      `  Against the etr report: ${onlyOrd.length} active here but not open there${onlyOrd.length ? ` (${onlyOrd.join(", ")})` : ""}; ${onlyEtr.length} open there but not active here${onlyEtr.length ? ` (${onlyEtr.join(", ")})` : ""}.`,
    );
  }
  return lines;
}

if (import.meta.main) {
  await runMain(() =>
    failingClearly(async () => {
      const report = argValue("report", "");
      if (report) {
        const reportBase = flagValue(process.argv, "report-base");
        const entry = reportEntry(
          report,
          reportBase !== null && reportBase !== ""
            ? hostBase({ flag: "report-base", flagValue: reportBase, variable: "ODS_REPORTS_BASE", env: {} }, DSE_BASE)
            : withOrigin(
                DSE_BASE,
                hostBase(
                  { flag: "report-base", flagValue: null, variable: "ODS_REPORTS_BASE", env: process.env },
                  ODS_REPORTS_ORIGIN,
                ),
              ),
        );
        const [outcome] = await fetchAll([entry], {
          outDir: argValue("out-dir", "data/upstream"),
          ...DEFAULTS,
          backoffBaseMs: positiveNumber("backoff-ms", argValue("backoff-ms", String(DEFAULTS.backoffBaseMs))),
        });
        console.log(describeOutcome(outcome!).replace(/\n {2}changed upstream:.*$/, ""));
        if (outcome!.status === "failed") process.exitCode = 1;
        return;
      }
      const role = argValue("role", "RO197");
      if (!/^RO\d+$/.test(role))
        throw new DataError([{ file: "--role", value: role, expected: "an ODS role id such as RO197" }]);
      const { organisations, lines } = await fetchOrd({
        base: hostBase(
          { flag: "base", flagValue: flagValue(process.argv, "base"), variable: "ODS_ORD_BASE", env: process.env },
          ORD_BASE,
        ),
        role,
        limit: positiveNumber("limit", argValue("limit", "1000"), true),
        maxPages: positiveNumber("max-pages", argValue("max-pages", "20"), true),
        http: {
          timeoutMs: HTTP_DEFAULTS.timeoutMs,
          attempts: positiveNumber("attempts", argValue("attempts", String(HTTP_DEFAULTS.attempts)), true),
          backoffBaseMs: positiveNumber("backoff-ms", argValue("backoff-ms", String(HTTP_DEFAULTS.backoffBaseMs))),
        },
      });
      const etrFile = argValue("etr", "data/upstream/ods-etr/etr.csv");
      const today = argValue("today", new Date().toISOString().slice(0, 10));
      const etrOpen = existsSync(etrFile)
        ? new Set(
            parseEtr(readText(etrFile), etrFile)
              .filter((t) => t.openDate <= today && (t.closeDate === null || t.closeDate >= today))
              .map((t) => t.code),
          )
        : null;
      const out = argValue("out", `data/upstream/ods-ord/${role}.json`);
      writeAllAtomically({ [out]: toJson(organisations) });
      for (const line of [
        ...lines,
        ...describeOrd(organisations, etrOpen),
        `  Written to ${out}${etrOpen ? "" : `; no etr report at ${etrFile} to compare with`}.`,
      ])
        console.log(line);
    }),
  );
}
