import Papa from "papaparse";
import { DataError } from "./errors.ts";

export interface RawTable {
  header: string[];
  /** Data rows; `line` is the 1-based line in the file where the row starts. */
  rows: { line: number; cells: string[] }[];
}

/**
 * Parse CSV text strictly: a BOM is dropped and CRLF accepted, but ragged rows, unclosed quotes and a
 * wrong delimiter are errors that name the file and line.
 */
export function parseCsv(text: string, file: string, options: { header?: boolean; delimiter?: string } = {}): RawTable {
  const hasHeader = options.header ?? true;
  const delimiter = options.delimiter ?? ",";
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === "")
    throw new DataError([{ file, expected: "a CSV file with a header row and data; the file is empty" }]);
  const result = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false });
  const problems = result.errors.map((e) => ({
    file,
    line: lineOfRow(body, e.row ?? 0),
    expected: `well-formed CSV (${e.message})`,
  }));
  if (problems.length) throw new DataError(problems);

  // Line numbers: count the newlines each row spans, so quoted newlines keep later lines right.
  const records = result.data;
  const rows: RawTable["rows"] = [];
  let line = 1;
  for (const cells of records) {
    const span = cells.reduce((n, c) => n + countNewlines(c), 0);
    const blank = cells.length === 1 && cells[0] === "";
    if (!blank) rows.push({ line, cells });
    line += 1 + span;
  }
  if (!hasHeader) return { header: [], rows };
  const [first, ...rest] = rows;
  if (!first) throw new DataError([{ file, expected: "a header row" }]);
  const header = first.cells;
  if (header.length === 1 && header[0]!.includes(delimiter === "," ? ";" : ",")) {
    throw new DataError([{ file, line: 1, value: header[0], expected: `columns separated by "${delimiter}"` }]);
  }
  const ragged = rest
    .filter((r) => r.cells.length !== header.length)
    .map((r) => ({
      file,
      line: r.line,
      value: `${r.cells.length} fields`,
      expected: `${header.length} fields, as in the header`,
    }));
  if (ragged.length) throw new DataError(ragged);
  return { header, rows: rest };
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}

function lineOfRow(text: string, row: number): number {
  // Papa's row index counts records; good enough as a pointer when the file is malformed.
  return Math.min(row + 1, text.split("\n").length);
}

/** Cells that a spreadsheet would run as a formula get a leading apostrophe (CSV injection). */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * Serialise rows to CSV deterministically: LF endings, quotes only where needed, trailing newline.
 * Not Papa.unparse: it also quotes cells with leading or trailing spaces and every formula-escaped
 * cell, and writes an extra blank line for an empty table, so every published file would change.
 */
export function toCsv(
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
  opts: { safeForSpreadsheets?: boolean } = {},
): string {
  const cell = (v: unknown): string => {
    let s = v === null || v === undefined ? "" : typeof v === "boolean" ? (v ? "yes" : "no") : String(v);
    if (opts.safeForSpreadsheets && typeof v === "string") s = neutraliseFormula(s);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [columns.map(cell).join(",")];
  for (const r of rows) lines.push(columns.map((c) => cell(r[c])).join(","));
  return lines.join("\n") + "\n";
}

/**
 * A CSV we publish for people to open: formula-like cells neutralised, and a UTF-8 byte order mark
 * first, without which Excel reads the file in the machine's legacy code page and "£" or "≥" break.
 * Only outputs carry it; the data gate drops a leading one from inputs and refuses it anywhere else.
 */
const CSV_BOM = "\uFEFF";
export function publishedCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  return CSV_BOM + toCsv(columns, rows, { safeForSpreadsheets: true });
}
