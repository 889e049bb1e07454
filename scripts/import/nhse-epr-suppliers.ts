/**
 * NHS England's list of secondary-care trusts and their primary EPR supplier (xlsx) → data/epr-status.csv.
 * Each edition is imported with its own source id and as-of date, given by the maintainer (the file
 * name and the sheet name of the 2024 edition disagree about its date), and is added beside earlier
 * editions: a new edition adds history, it never replaces the old one.
 * Quirks handled: trailing and doubled spaces, upper-case names, "No EPR -  in process of getting one"
 * with two spaces.
 */
import { DataError, type Problem } from "../../src/lib/data/errors.ts";
import { tidySpaces } from "../../src/lib/data/names.ts";
import { isIsoDay } from "../../src/lib/data/dates.ts";
import { cellText, type Cell, type Sheet } from "./workbook.ts";
import { compareCodePoints } from "../../src/lib/order.ts";
import { columnsOf } from "../../src/lib/data/schema.ts";
import { eprStatusTable, type TrustType } from "../../src/lib/data/tables.ts";

export const TRUST_TYPES = {
  Acute: "acute",
  "Mental Health": "mental_health",
  "Mental Health and Community (Combined)": "mental_health_community",
  Community: "community",
  Ambulance: "ambulance",
} as const satisfies Record<string, TrustType>;

const HEADER = ["Organisation Code", "Organisation", "Trust Type (Primary)", "Supplier (Primary EPR)"];
const NO_EPR = /^no epr\b/i;

export const EPR_STATUS_COLUMNS = columnsOf(eprStatusTable);
export type EprStatusCsvRow = Record<(typeof EPR_STATUS_COLUMNS)[number], string>;

/**
 * One edition of the list: where its workbook is, and the source id and date it is published under.
 * A workbook others can download sits in the upstream folder (fetched as data/upstream.json says); one
 * that came by email has no address, so it is kept in the repository, under data/editions/.
 */
export interface ListEditionInput {
  /** Path of the workbook: relative to the upstream folder, or for `emailed`, to the data folder. */
  path: string;
  source_id: string;
  /** The date the list describes, YYYY-MM-DD. */
  as_of: string;
  /** `emailed`: kept under data/editions/ and committed, with how it was received; absent: fetched. */
  kind?: "emailed" | undefined;
  /** How an emailed edition came (who sent it, when, in reply to what). */
  received?: string | undefined;
  /** sha256 of an emailed workbook as recorded, so a changed copy is noticed. */
  sha256?: string | undefined;
}

/**
 * The rows of one edition of the list, from the workbook's sheets (see readWorkbook). Cells must be
 * text: a formula without a saved value, an error such as #N/A, a date or a number is refused with
 * its row and column, never written out as "[object Object]" or a machine-dependent date.
 */
export function parseEprSuppliers(
  sheets: readonly Sheet[],
  file: string,
  edition: Pick<ListEditionInput, "source_id" | "as_of">,
): EprStatusCsvRow[] {
  if (!isIsoDay(edition.as_of))
    throw new DataError([
      { file, column: "as-of date", value: edition.as_of, expected: "the date the list describes, as YYYY-MM-DD" },
    ]);
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(edition.source_id))
    throw new DataError([
      {
        file,
        column: "source id",
        value: edition.source_id,
        expected: "a source id from sources.json (lower-case words joined by -)",
      },
    ]);
  const sheet = sheets.find((s) => s.visible && /epr suppliers/i.test(s.name));
  if (!sheet)
    throw new DataError([
      {
        file,
        value: sheets
          .map((s) => s.name)
          .join(", ")
          .slice(0, 60),
        expected: 'a visible sheet named like "EPR Suppliers DD.MM.YY"',
      },
    ]);
  const problems: Problem[] = [];
  const texts = (cells: Cell[] | undefined, line: number, columns: readonly string[]): string[] =>
    columns.map((column, c) => {
      const got = cellText(cells?.[c]);
      if ("problem" in got) {
        problems.push({ file, line, column, value: got.value, expected: got.problem });
        return "";
      }
      return tidySpaces(got.text);
    });
  const header = texts(sheet.rows[0], 1, ["A", "B", "C", "D"]);
  if (problems.length) throw new DataError(problems);
  if (header.join("|") !== HEADER.join("|")) {
    throw new DataError([{ file, line: 1, value: header.join(" | "), expected: `the header ${HEADER.join(" | ")}` }]);
  }
  const rows: EprStatusCsvRow[] = [];
  const seen = new Map<string, number>();
  for (let r = 2; r <= sheet.rows.length; r++) {
    const [code, name, type, supplier] = texts(sheet.rows[r - 1], r, HEADER);
    if (!code && !name && !type && !supplier) continue;
    const where = { file, line: r };
    if (!/^[A-Z0-9]{3,5}$/.test(code!))
      problems.push({
        ...where,
        column: HEADER[0],
        value: code,
        expected: "an ODS code of 3 to 5 capital letters or digits",
      });
    if (seen.has(code!))
      problems.push({
        ...where,
        column: HEADER[0],
        value: code,
        expected: `each trust once (also on row ${seen.get(code!)})`,
      });
    seen.set(code!, r);
    if (!name) problems.push({ ...where, column: HEADER[1], value: name, expected: "the trust's name" });
    // Own keys only: a type written "constructor" must not find Object's.
    const trustType = Object.hasOwn(TRUST_TYPES, type!) ? TRUST_TYPES[type as keyof typeof TRUST_TYPES] : undefined;
    if (!trustType)
      problems.push({
        ...where,
        column: HEADER[2],
        value: type,
        expected: `one of ${Object.keys(TRUST_TYPES).join(", ")}`,
      });
    if (!supplier)
      problems.push({
        ...where,
        column: HEADER[3],
        value: supplier,
        expected: 'a supplier name or "No EPR - in process of getting one"',
      });
    const hasEpr = !NO_EPR.test(supplier!);
    rows.push({
      code: code!,
      as_of: edition.as_of,
      source_id: edition.source_id,
      name_in_source: name!,
      trust_type: trustType ?? "",
      has_epr: hasEpr ? "yes" : "no",
      supplier: hasEpr ? supplier! : "",
    });
  }
  if (problems.length) throw new DataError(problems);
  if (rows.length === 0) throw new DataError([{ file, expected: "at least one trust row under the header" }]);
  return rows.sort((a, b) => compareCodePoints(a.code, b.code));
}

/**
 * Earlier editions' rows with one edition's rows put in (replacing that edition's own earlier import,
 * if any), ordered by trust and date so the file diffs cleanly.
 */
export function withEdition(
  existing: readonly EprStatusCsvRow[],
  edition: readonly EprStatusCsvRow[],
): EprStatusCsvRow[] {
  const ids = new Set(edition.map((r) => r.source_id));
  return [...existing.filter((r) => !ids.has(r.source_id)), ...edition].sort(
    (a, b) => compareCodePoints(a.code, b.code) || compareCodePoints(a.as_of, b.as_of),
  );
}
