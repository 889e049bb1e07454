/** A chart's data table as CSV, safe to open in a spreadsheet. */
import { toCsv } from "../data/csv.ts";
import type { ChartTable } from "./shared.ts";

export function chartCsv(table: ChartTable): string {
  const rows = table.rows.map((r) => Object.fromEntries(table.columns.map((c, i) => [c, r[i]])));
  return toCsv(table.columns, rows, { safeForSpreadsheets: true });
}
