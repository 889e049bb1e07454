/**
 * NHS website hospital list (Hospital.csv) + ODS parents of trust sites (ods-parents.json) → data/sites.csv.
 * Each English NHS trust site keeps the trust the NHS website lists it under, followed through the ODS
 * successions to the trust that runs it now; a trust that closed with no successor, or with several and no
 * record of which took the site, is said to be so, never guessed.
 */
import { DataError, type Problem } from "../../src/lib/data/errors.ts";
import { parseJson } from "../../src/lib/data/json.ts";
import { tidySpaces, tidyTrustName } from "../../src/lib/data/names.ts";
import { nameProblem, problemCharacter } from "../../src/lib/data/gate.ts";
import { compareCodePoints } from "../../src/lib/order.ts";
import { columnsOf } from "../../src/lib/data/schema.ts";
import { sitesTable } from "../../src/lib/data/tables.ts";
import type { OdsTrust, Succession } from "./ods-trusts.ts";

export const SITE_COLUMNS = columnsOf(sitesTable);
export type SiteCsvRow = Record<(typeof SITE_COLUMNS)[number], string>;

/** One row of the NHS website's list, as the importer needs it. */
export interface Hospital {
  line: number;
  code: string;
  name: string;
  address: string;
  town: string;
  postcode: string;
  parentCode: string;
  parentName: string;
}

const NEEDED = [
  "OrganisationCode",
  "OrganisationName",
  "Address1",
  "Address2",
  "Address3",
  "City",
  "Postcode",
  "ParentODSCode",
  "ParentName",
] as const;
/** The file separates fields with "¬" and quotes nothing. */
const DELIMITER = "\u00ac";
const CODE = /^[A-Z0-9]{3,5}$/;
const POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$/;
/** Care trusts (T-codes) are in NHS England's list but not in the ODS trust file. */
const CARE_TRUST = /^T[A-Z0-9]{2}$/;

/**
 * The file's text: Windows-1252 as published (its "¬" is byte 0xAC, not valid UTF-8), or UTF-8 if a
 * later copy is, so a re-encoded file reads the same rather than as mojibake.
 */
export function decodeHospitals(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/**
 * "Brixham Hospital - Torbay and South Devon NHS Foundation Trust" → "Brixham Hospital": the trust's
 * name before or after " - " says nothing the trust column does not.
 */
export function siteName(name: string, parentName: string): string {
  const n = tidySpaces(name);
  const p = tidySpaces(parentName).toLowerCase();
  if (!p) return n;
  const lower = n.toLowerCase();
  if (lower.startsWith(`${p} - `)) return n.slice(p.length + 3);
  if (lower.endsWith(` - ${p}`)) return n.slice(0, n.length - p.length - 3);
  return n;
}

/**
 * Every row of Hospital.csv whose parent `keep` accepts, checked: a bad code, postcode or character in a
 * kept row stops the import with its line; rows of other providers are not read further.
 */
export function parseHospitals(bytes: Uint8Array, file: string, keep: (parentCode: string) => boolean): Hospital[] {
  const lines = decodeHospitals(bytes).split(/\r?\n/);
  if (lines.at(-1) === "") lines.pop();
  const header = (lines[0] ?? "").split(DELIMITER);
  const missing = NEEDED.filter((n) => !header.includes(n));
  if (missing.length)
    throw new DataError([
      {
        file,
        line: 1,
        value: lines[0] ?? "",
        expected: `a header of fields separated by "¬" including ${NEEDED.join(", ")} (missing ${missing.join(", ")})`,
      },
    ]);
  const at = Object.fromEntries(NEEDED.map((n) => [n, header.indexOf(n)])) as Record<(typeof NEEDED)[number], number>;
  const problems: Problem[] = [];
  const out: Hospital[] = [];
  lines.slice(1).forEach((text, i) => {
    const line = i + 2;
    const cells = text.split(DELIMITER);
    if (cells.length !== header.length) {
      problems.push({
        file,
        line,
        value: `${cells.length} fields`,
        expected: `${header.length} fields, as in the header`,
      });
      return;
    }
    const field = (n: (typeof NEEDED)[number]) => tidySpaces(cells[at[n]]!);
    if (!keep(field("ParentODSCode"))) return;
    const row: Hospital = {
      line,
      code: field("OrganisationCode"),
      name: siteName(field("OrganisationName"), field("ParentName")),
      address: [field("Address1"), field("Address2"), field("Address3")].filter(Boolean).join(", "),
      town: field("City"),
      postcode: field("Postcode").toUpperCase(),
      parentCode: field("ParentODSCode"),
      parentName: field("ParentName"),
    };
    const check = (ok: boolean, column: string, value: string, expected: string) => {
      if (!ok) problems.push({ file, line, column, value, expected });
    };
    check(CODE.test(row.code), "OrganisationCode", row.code, "an ODS site code of 3 to 5 capital letters or digits");
    check(row.name !== "", "OrganisationName", row.name, "the hospital's name");
    check(POSTCODE.test(row.postcode), "Postcode", row.postcode, "a UK postcode like CB2 0QQ");
    // Names (of the site, its town, its trust) pass the gate's rules for names; the rest its rules for text.
    for (const [column, value] of Object.entries(row)) {
      if (typeof value !== "string") continue;
      const bad = (["name", "town", "parentName"].includes(column) ? nameProblem : problemCharacter)(value);
      if (bad) check(false, column, value, `text without ${bad}`);
    }
    out.push(row);
  });
  if (problems.length) throw new DataError(problems);
  return out;
}

/** ods-parents.json: {"RGT01": "RGT", …}, each active ODS trust site code and the organisation ODS links it to. */
export function parseOdsParents(text: string, file: string): Map<string, string> {
  const json = parseJson(text, file);
  if (typeof json !== "object" || json === null || Array.isArray(json))
    throw new DataError([{ file, expected: 'a JSON object of site codes and parent codes, {"RGT01": "RGT", …}' }]);
  const problems: Problem[] = [];
  const out = new Map<string, string>();
  for (const [site, parent] of Object.entries(json)) {
    if (!CODE.test(site) || typeof parent !== "string" || !CODE.test(parent))
      problems.push({ file, column: site, value: String(parent), expected: "an ODS site code mapped to an ODS code" });
    else out.set(site, parent);
  }
  if (problems.length) throw new DataError(problems);
  return out;
}

/** Where a site's listed trust leads through the ODS successions. */
interface Resolution {
  basis: "listed" | "successor" | "no_successor" | "split";
  /** The trust that runs it now (listed, successor). */
  now: string | null;
  /** The last trust on the way with no single successor (no_successor, split). */
  endedAt: string | null;
  /** For a split: the trusts it may have gone to. */
  candidates: string[];
}

/**
 * Follows a trust through the successions to the open trusts it leads to. A trust is open when ODS gives
 * it no close date (a care trust, absent from the ODS trust file, when no succession is recorded for it).
 */
export function makeResolver(trusts: readonly OdsTrust[], successions: readonly Succession[]) {
  const byCode = new Map(trusts.map((t) => [t.code, t]));
  const isTrust = (code: string) => byCode.has(code) || CARE_TRUST.test(code);
  const next = new Map<string, string[]>();
  for (const s of successions) {
    if (!isTrust(s.predecessor) || !isTrust(s.successor) || s.predecessor === s.successor) continue;
    const list = next.get(s.predecessor) ?? [];
    if (!list.includes(s.successor)) list.push(s.successor);
    next.set(s.predecessor, list.sort(compareCodePoints));
  }
  const closed = (code: string) => (byCode.has(code) ? byCode.get(code)!.closeDate !== null : next.has(code));
  /** The open trusts a trust leads to; empty when a closed one on the way has no successor. */
  const openEnds = (code: string, seen: Set<string>): string[] => {
    if (!closed(code)) return [code];
    if (seen.has(code)) return [];
    seen.add(code);
    return [...new Set((next.get(code) ?? []).flatMap((s) => openEnds(s, seen)))].sort(compareCodePoints);
  };
  return (listed: string): Resolution => {
    if (!closed(listed)) return { basis: "listed", now: listed, endedAt: null, candidates: [] };
    // Walk single successors; stop where there are none or several.
    let at = listed;
    const seen = new Set<string>();
    while (closed(at) && !seen.has(at)) {
      seen.add(at);
      const succ = next.get(at) ?? [];
      if (succ.length === 0) return { basis: "no_successor", now: null, endedAt: at, candidates: [] };
      if (succ.length > 1) {
        const ends = openEnds(at, new Set());
        return ends.length === 1
          ? { basis: "successor", now: ends[0]!, endedAt: null, candidates: [] }
          : { basis: "split", now: null, endedAt: at, candidates: ends };
      }
      at = succ[0]!;
    }
    return closed(at)
      ? { basis: "no_successor", now: null, endedAt: at, candidates: [] }
      : { basis: "successor", now: at, endedAt: null, candidates: [] };
  };
}

/** A site as the table needs it before its trust is followed: what the NHS website and ODS say of it. */
export interface SiteInput {
  code: string;
  name: string;
  town: string;
  address: string;
  postcode: string;
  /** The trust the NHS website lists it under. */
  listed: string;
  /** What the NHS website calls that trust, for one ODS does not list. */
  listedName: string;
  odsParent: string;
}

export function siteInputs(hospitals: readonly Hospital[], odsParents: ReadonlyMap<string, string>): SiteInput[] {
  return hospitals.map((h) => ({
    code: h.code,
    name: h.name,
    town: h.town,
    address: h.address,
    postcode: h.postcode,
    listed: h.parentCode,
    listedName: h.parentName,
    odsParent: odsParents.get(h.code) ?? "",
  }));
}

/**
 * The committed table as inputs again (the listed trust is the trust before, or the trust now where it
 * never changed), so that when the frozen files are not at hand the sites still follow new successions.
 */
export function inputsFromCommitted(rows: readonly SiteCsvRow[]): SiteInput[] {
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    town: r.town,
    address: r.address,
    postcode: r.postcode,
    listed: r.listed_trust_code,
    listedName: r.listed_trust_name,
    odsParent: r.ods_parent_code,
  }));
}

/** Every site with the trust that runs it now, sorted by code; a code listed twice keeps its first row. */
export function buildSiteRows(
  inputs: readonly SiteInput[],
  trusts: readonly OdsTrust[],
  successions: readonly Succession[],
  sourceId: string,
): SiteCsvRow[] {
  const resolve = makeResolver(trusts, successions);
  const byCode = new Map(trusts.map((t) => [t.code, t]));
  const nameOf = (code: string, fallback: string) =>
    byCode.has(code) ? tidyTrustName(byCode.get(code)!.odsName) : tidyTrustName(fallback);
  const seen = new Set<string>();
  const rows: SiteCsvRow[] = [];
  for (const s of inputs) {
    if (seen.has(s.code)) continue;
    seen.add(s.code);
    const r = resolve(s.listed);
    const before = r.basis === "listed" ? null : s.listed;
    rows.push({
      code: s.code,
      name: s.name,
      town: s.town,
      address: s.address,
      postcode: s.postcode,
      trust_code: r.now ?? "",
      basis: r.basis,
      listed_trust_code: s.listed,
      listed_trust_name: nameOf(s.listed, s.listedName),
      listed_trust_closed: before ? (byCode.get(s.listed)?.closeDate ?? "") : "",
      ended_at_code: r.endedAt ?? "",
      successor_codes: r.candidates.join(";"),
      ods_parent_code: s.odsParent,
      source_id: sourceId,
    });
  }
  return rows.sort((a, b) => compareCodePoints(a.code, b.code));
}
