/**
 * ODS `etr` (NHS trusts) and `succ` (successors) → data/trusts.csv.
 * The etr files are headerless, 27 quoted fields; meanings are in the upstream SOURCES.md.
 */
import { parseCsv } from "../../src/lib/data/csv.ts";
import { DataError, type Problem } from "../../src/lib/data/errors.ts";
import { fromOdsDate } from "../../src/lib/data/dates.ts";
import { tidySpaces, tidyTrustName } from "../../src/lib/data/names.ts";
import { nameProblem } from "../../src/lib/data/gate.ts";
import { compareCodePoints } from "../../src/lib/order.ts";
import { columnsOf } from "../../src/lib/data/schema.ts";
import { successionsTable, trustsTable } from "../../src/lib/data/tables.ts";

export const REGION_CODES = ["Y56", "Y58", "Y59", "Y60", "Y61", "Y62", "Y63"] as const;

export interface OdsTrust {
  code: string;
  odsName: string;
  regionCode: string | null;
  icbCode: string;
  postcode: string;
  openDate: string;
  closeDate: string | null;
  /** Government Office Region letter; W = Wales. */
  gor: string;
}

const ETR_FIELDS = 27;

export function parseEtr(text: string, file: string): OdsTrust[] {
  const { rows } = parseCsv(text, file, { header: false });
  const problems: Problem[] = [];
  const out: OdsTrust[] = [];
  for (const { line, cells } of rows) {
    if (cells.length !== ETR_FIELDS) {
      problems.push({
        file,
        line,
        value: `${cells.length} fields`,
        expected: `${ETR_FIELDS} fields (ODS etr layout, no header)`,
      });
      continue;
    }
    const field = (n: number) => tidySpaces(cells[n - 1]!);
    const check = (ok: boolean, n: number, name: string, expected: string) => {
      if (!ok) problems.push({ file, line, column: `field ${n} (${name})`, value: cells[n - 1], expected });
      return ok;
    };
    const code = field(1);
    const openDate = fromOdsDate(field(11));
    const closeDate = field(12) === "" ? null : fromOdsDate(field(12));
    const region = field(3);
    const ok = [
      check(/^[A-Z0-9]{3,5}$/.test(code), 1, "organisation code", "an ODS code of 3 to 5 capital letters or digits"),
      check(field(2) !== "", 2, "name", "the organisation's name"),
      check(nameProblem(field(2)) === null, 2, "name", `a name without ${nameProblem(field(2))}`),
      check(
        region === "" || (REGION_CODES as readonly string[]).includes(region),
        3,
        "region code",
        `empty or one of ${REGION_CODES.join(", ")}`,
      ),
      check(/^[A-Z0-9]{3,5}$/.test(field(4)) || region === "", 4, "ICB code", "an ODS ICB code"),
      check(openDate !== null, 11, "open date", "a date as YYYYMMDD"),
      check(field(12) === "" || closeDate !== null, 12, "close date", "empty or a date as YYYYMMDD"),
    ].every(Boolean);
    if (!ok) continue;
    out.push({
      code,
      odsName: field(2),
      regionCode: region || null,
      icbCode: field(4),
      postcode: field(10),
      openDate: openDate!,
      closeDate,
      gor: field(24),
    });
  }
  if (problems.length) throw new DataError(problems);
  const seen = new Set<string>();
  const dupes = out.filter((t) => (seen.has(t.code) ? true : (seen.add(t.code), false)));
  if (dupes.length)
    throw new DataError(
      dupes.map((t) => ({ file, column: "field 1 (organisation code)", value: t.code, expected: "each code once" })),
    );
  return out;
}

export interface Succession {
  predecessor: string;
  successor: string;
  effectiveDate: string;
}

export function parseSucc(text: string, file: string): Succession[] {
  const { rows } = parseCsv(text, file, { header: false });
  const problems: Problem[] = [];
  const out: Succession[] = [];
  for (const { line, cells } of rows) {
    if (cells.length !== 5) {
      problems.push({ file, line, value: `${cells.length} fields`, expected: "5 fields (ODS succ layout, no header)" });
      continue;
    }
    const date = fromOdsDate(cells[3]!.trim());
    if (!date) {
      problems.push({
        file,
        line,
        column: "field 4 (effective date)",
        value: cells[3],
        expected: "a date as YYYYMMDD",
      });
      continue;
    }
    out.push({ predecessor: cells[0]!.trim(), successor: cells[1]!.trim(), effectiveDate: date });
  }
  if (problems.length) throw new DataError(problems);
  return out;
}

export const TRUST_COLUMNS = columnsOf(trustsTable);
export type TrustCsvRow = Record<(typeof TRUST_COLUMNS)[number], string>;

/** Each trust's board before April 2026, from the older (2025) etr extract. */
export function boardsBefore2026(older: readonly OdsTrust[]): Map<string, string> {
  return new Map(older.map((t) => [t.code, t.icbCode]));
}

/**
 * English trusts open on or after `since`. ICB codes come from `icbBefore2026` (the older extract, or
 * the committed trusts.csv when that extract is not at hand) where it has the trust, because names and
 * hex positions exist only for the pre-April-2026 ICBs; a trust new since has only its 2026 board.
 */
export function buildTrustRows(
  current: OdsTrust[],
  icbBefore2026: ReadonlyMap<string, string>,
  since: string,
): TrustCsvRow[] {
  return current
    .filter((t) => t.regionCode !== null && t.gor !== "W")
    .filter((t) => t.closeDate === null || t.closeDate >= since)
    .map((t) => ({
      code: t.code,
      name: tidyTrustName(t.odsName),
      ods_name: t.odsName,
      region_code: t.regionCode ?? "",
      icb_code: icbBefore2026.get(t.code) ?? t.icbCode,
      icb_code_2026: t.icbCode,
      postcode: t.postcode,
      open_date: t.openDate,
      close_date: t.closeDate ?? "",
    }))
    .sort((a, b) => compareCodePoints(a.code, b.code));
}

export const SUCCESSION_COLUMNS = columnsOf(successionsTable);
export type SuccessionCsvRow = Record<(typeof SUCCESSION_COLUMNS)[number], string>;

/**
 * Trust mergers on or after `since`: the successor must be a trust; the predecessor is a trust in the
 * list or a care trust (T-codes, which live in another ODS file).
 */
export function buildSuccessionRows(
  successions: Succession[],
  trustCodes: Set<string>,
  since: string,
): SuccessionCsvRow[] {
  return successions
    .filter((s) => s.effectiveDate >= since && trustCodes.has(s.successor))
    .filter((s) => trustCodes.has(s.predecessor) || /^T[A-Z0-9]{2}$/.test(s.predecessor))
    .map((s) => ({ predecessor_code: s.predecessor, successor_code: s.successor, effective_date: s.effectiveDate }))
    .sort(
      (a, b) =>
        compareCodePoints(a.predecessor_code, b.predecessor_code) ||
        compareCodePoints(a.successor_code, b.successor_code),
    );
}
