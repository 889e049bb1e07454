/**
 * A small schema language for our CSV files: each column has a parser that returns the typed value
 * or throws a Mismatch saying what was expected. `parseTable` checks the header, every cell and the
 * key's uniqueness, and reports every problem with file, line and column.
 */
import { parseCsv } from "./csv.ts";
import { DataError, type Problem } from "./errors.ts";
import { isIsoDate, isIsoDay, YEAR_RANGE } from "./dates.ts";
import { nameProblem, problemCharacter } from "./gate.ts";

export class Mismatch extends Error {}

export interface Column<T> {
  parse(raw: string): T;
}

type Options = { optional?: boolean };
type Maybe<T, O extends Options> = O extends { optional: true } ? T | null : T;

function column<T, O extends Options>(opts: O, expected: string, parse: (raw: string) => T): Column<Maybe<T, O>> {
  return {
    parse(raw: string) {
      if (raw !== raw.trim()) throw new Mismatch(`${expected}, without leading or trailing spaces`);
      if (raw === "") {
        if (opts.optional) return null as Maybe<T, O>;
        throw new Mismatch(`${expected} (the cell is required)`);
      }
      return parse(raw);
    },
  };
}

/** Longest cell any text column takes unless it says otherwise: the longest note today is under 200. */
export const MAX_CELL_CHARS = 1000;

/** `name`: the cell names a trust, board, place or person, so it passes the gate's stricter rules for names. */
export function text<O extends Options & { pattern?: RegExp; describe?: string; maxLength?: number; name?: boolean }>(
  opts = {} as O,
) {
  const expected = opts.describe ?? (opts.pattern ? `text matching ${opts.pattern}` : "text");
  const maxLength = opts.maxLength ?? MAX_CELL_CHARS;
  return column(opts, expected, (raw) => {
    // Length first: a pattern test on a 50 MB cell is slow, and the answer would be the same.
    if (raw.length > maxLength)
      throw new Mismatch(`${expected} of at most ${maxLength} characters (this cell has ${raw.length})`);
    if (opts.pattern && !opts.pattern.test(raw)) throw new Mismatch(expected);
    const bad = opts.name ? nameProblem(raw) : problemCharacter(raw);
    if (bad) throw new Mismatch(`${expected} without ${bad}`);
    return raw;
  });
}

export function oneOf<const V extends string, O extends Options>(values: readonly V[], opts = {} as O) {
  const expected = `one of ${values.map((v) => `"${v}"`).join(", ")}`;
  return column(opts, expected, (raw) => {
    if (!(values as readonly string[]).includes(raw)) throw new Mismatch(expected);
    return raw as V;
  });
}

/**
 * Most digits a number cell may have. Fifteen survive the trip through a double exactly; a 400-digit
 * number would become Infinity, and then null in the JSON the pages read.
 */
export const MAX_DIGITS = 15;

export function num<O extends Options & { min?: number; max?: number; integer?: boolean }>(opts = {} as O) {
  const range = [opts.min !== undefined ? `≥ ${opts.min}` : null, opts.max !== undefined ? `≤ ${opts.max}` : null]
    .filter(Boolean)
    .join(" and ");
  const expected = `${opts.integer ? "a whole number" : "a plain number (digits and a point; no £, commas or %)"}${range ? ` ${range}` : ""}`;
  return column(opts, expected, (raw) => {
    if (raw.length > 2 * MAX_DIGITS || !/^-?\d+(\.\d+)?$/.test(raw)) throw new Mismatch(expected);
    if (raw.replace(/^-?0*/, "").replace(".", "").length > MAX_DIGITS)
      throw new Mismatch(`${expected}, of at most ${MAX_DIGITS} digits`);
    const n = Number(raw);
    if (opts.integer && !Number.isInteger(n)) throw new Mismatch(expected);
    if (opts.min !== undefined && n < opts.min) throw new Mismatch(expected);
    if (opts.max !== undefined && n > opts.max) throw new Mismatch(expected);
    return n;
  });
}

/** ISO date; `day` demands YYYY-MM-DD, otherwise YYYY-MM and YYYY are allowed too. */
export function isoDate<O extends Options & { day?: boolean }>(opts = {} as O) {
  const expected = `${opts.day ? "a date as YYYY-MM-DD" : "a date as YYYY-MM-DD, YYYY-MM or YYYY"} ${YEAR_RANGE}`;
  return column(opts, expected, (raw) => {
    if (!(opts.day ? isIsoDay(raw) : isIsoDate(raw))) throw new Mismatch(expected);
    return raw;
  });
}

export function yesNo<O extends Options>(opts = {} as O) {
  return column(opts, '"yes" or "no"', (raw) => {
    if (raw !== "yes" && raw !== "no") throw new Mismatch('"yes" or "no"');
    return raw === "yes";
  });
}

export function list<T, O extends Options>(item: Column<T>, opts = {} as O) {
  return column(opts, "values separated by ;", (raw) => raw.split(";").map((part) => item.parse(part)));
}

export type Schema = Record<string, Column<unknown>>;
export type RowOf<S extends Schema> = { [K in keyof S]: S[K] extends Column<infer T> ? T : never };

export interface TableSpec<S extends Schema> {
  columns: S;
  /** Column (or columns together) whose values must be unique. */
  key?: string | readonly string[];
}

/**
 * The line each parsed row came from, kept beside the rows rather than in them so the typed rows and
 * the JSON written from them stay as they are. Checks across rows and files use it to point at a line.
 */
const LINES = new WeakMap<object, number>();

/** The 1-based line of the file a row parsed by parseTable started on, if it came from one. */
export function lineOf(row: object): number | undefined {
  return LINES.get(row);
}

/** A table's column names in file order: importers write exactly the columns the data step reads. */
export function columnsOf<S extends Schema>(spec: TableSpec<S>): (keyof S & string)[] {
  return Object.keys(spec.columns) as (keyof S & string)[];
}

/** Parse and validate a whole CSV file against a schema. Throws DataError listing every problem. */
export function parseTable<S extends Schema>(csvText: string, file: string, spec: TableSpec<S>): RowOf<S>[] {
  const table = parseCsv(csvText, file);
  const names = Object.keys(spec.columns);
  const problems: Problem[] = [];
  const missing = names.filter((n) => !table.header.includes(n));
  const extra = table.header.filter((h) => !names.includes(h));
  if (missing.length || extra.length || table.header.join() !== names.join()) {
    const detail = [
      missing.length ? `missing ${missing.join(", ")}` : "",
      extra.length ? `unexpected ${extra.join(", ")}` : "",
    ]
      .filter(Boolean)
      .join("; ");
    throw new DataError([
      {
        file,
        line: 1,
        value: table.header.join(","),
        expected: `the header ${names.join(",")}${detail ? ` (${detail})` : " in this order"}`,
      },
    ]);
  }
  const rows: RowOf<S>[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of table.rows) {
    const row: Record<string, unknown> = {};
    names.forEach((name, i) => {
      const raw = cells[i] ?? "";
      try {
        row[name] = spec.columns[name]!.parse(raw);
      } catch (e) {
        if (!(e instanceof Mismatch)) throw e;
        problems.push({ file, line, column: name, value: raw, expected: e.message });
      }
    });
    if (spec.key) {
      const keys = typeof spec.key === "string" ? [spec.key] : spec.key;
      const k = keys.map((name) => cells[names.indexOf(name)] ?? "").join(", ");
      const first = seen.get(k);
      if (first !== undefined)
        problems.push({
          file,
          line,
          column: keys.join(", "),
          value: k,
          expected: `a unique ${keys.join(" and ")} (already used on line ${first})`,
        });
      else seen.set(k, line);
    }
    LINES.set(row, line);
    rows.push(row as RowOf<S>);
  }
  if (problems.length) throw new DataError(problems);
  return rows;
}
