/**
 * A chart's data table as CSV, safe to open in a spreadsheet: the printed table's columns, with the
 * columns only the download carries (ISO dates and their precision beside each readable date, and
 * each row's source id) placed where the table says.
 */
import { publishedCsv } from "../data/csv.ts";
import { datePrecision } from "../data/dates.ts";
import type { ChartTable, CsvOnlyColumn } from "./shared.ts";

/** The header of a chart's CSV, in order. */
export function chartCsvColumns(table: ChartTable): string[] {
  const columns = [...table.columns];
  for (const extra of table.csvOnly ?? []) {
    const at = extra.after === undefined ? columns.length : columns.indexOf(extra.after) + 1;
    if (at === 0) throw new Error(`CSV column "${extra.name}" follows "${extra.after}", which the table lacks`);
    columns.splice(at, 0, extra.name);
  }
  return columns;
}

export function chartCsv(table: ChartTable): string {
  const extras = table.csvOnly ?? [];
  for (const e of extras)
    if (e.values.length !== table.rows.length)
      throw new Error(`CSV column "${e.name}" has ${e.values.length} values for ${table.rows.length} rows`);
  const rows = table.rows.map((r, k) => ({
    ...Object.fromEntries(table.columns.map((c, i) => [c, r[i]])),
    ...Object.fromEntries(extras.map((e) => [e.name, e.values[k]])),
  }));
  return publishedCsv(chartCsvColumns(table), rows);
}

/** Beside the readable date column `readable`: the same dates in ISO form, and how precise each is. */
export function isoDateColumns(readable: string, dates: readonly (string | null)[]): CsvOnlyColumn[] {
  const iso = `${readable} (ISO)`;
  return [
    { name: iso, after: readable, values: dates.map((d) => d ?? "") },
    { name: `${readable} precision`, after: iso, values: dates.map((d) => (d ? datePrecision(d) : "")) },
  ];
}

/** The header of the column that traces each row of a chart's CSV to its source. */
export const SOURCE_ID = "Source id";

/** Each row's source: an id in sources.json (or trust-events.csv), several joined with "; ". */
export function sourceIdColumn(ids: readonly (string | readonly string[])[]): CsvOnlyColumn {
  return { name: SOURCE_ID, values: ids.map((id) => (typeof id === "string" ? id : [...new Set(id)].join("; "))) };
}

/** What a column only the CSV carries holds, or undefined for a printed column. */
export function csvOnlyMeaning(name: string): string | undefined {
  if (name === SOURCE_ID)
    return "Where the row comes from: a source id in /data/sources.json (each is listed on the sources page), or for a reported event its id in /data/trust-events.csv, which gives its publisher and address; several are separated by ;";
  const iso = /^(.+) \(ISO\)$/.exec(name);
  if (iso) return `The "${iso[1]}" column as an ISO date: YYYY-MM-DD, or YYYY-MM or YYYY where the source gave no day`;
  const precision = /^(.+) precision$/.exec(name);
  if (precision) return `How precise the "${precision[1]}" date is: day, month or year`;
  return undefined;
}
