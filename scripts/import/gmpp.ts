/**
 * Government Major Projects Portfolio annual data (semicolon-separated, Windows-1252, a repeated
 * colour_rating column, formats that change by year) → the Frontline Digitisation row, data/gmpp.csv.
 */
import { parseCsv } from "../../src/lib/data/csv.ts";
import { DataError } from "../../src/lib/data/errors.ts";
import { fromDottedDate, isIsoDay } from "../../src/lib/data/dates.ts";
import { columnsOf, MAX_DIGITS } from "../../src/lib/data/schema.ts";
import { DELIVERY_CONFIDENCE, gmppTable } from "../../src/lib/data/tables.ts";

export const GMPP_COLUMNS = columnsOf(gmppTable);
export type GmppCsvRow = Record<(typeof GMPP_COLUMNS)[number], string>;

export const RATINGS = DELIVERY_CONFIDENCE;

/**
 * "£2,610" or "1982" or "£320.00" → "2610", "1982", "320": plain numbers, £ million. More digits than
 * a double keeps exactly (a 400-digit cell would become "Infinity") are refused, not rounded.
 */
export function parseMoney(raw: string): string | null {
  const s = raw.replace(/[£,\s]/g, "");
  if (s.length > 2 * MAX_DIGITS || !/^\d+(\.\d+)?$/.test(s)) return null;
  if (s.replace(/^0*/, "").replace(".", "").length > MAX_DIGITS) return null;
  return String(Number(s));
}

function parseDate(raw: string): string | null {
  const s = raw.trim();
  return isIsoDay(s) ? s : fromDottedDate(s);
}

export function extractGmppRow(bytes: Uint8Array, file: string, projectName: string, sourceId: string): GmppCsvRow {
  const text = new TextDecoder("windows-1252").decode(bytes);
  const table = parseCsv(text, file, { delimiter: ";" });
  const idx = (name: string) => table.header.findIndex((h) => h === name);
  const required = [
    "year",
    "project_number",
    "project_name",
    "colour_rating",
    "start_date",
    "end_date",
    "total_baseline",
    "forecast_incl_NGC",
    "wlc_baseline_incl_NCG",
  ];
  const missing = required.filter((n) => idx(n) < 0);
  if (missing.length)
    throw new DataError([
      { file, line: 1, value: table.header.join(";"), expected: `GMPP columns including ${missing.join(", ")}` },
    ]);
  const matches = table.rows.filter((r) => r.cells[idx("project_name")]!.trim() === projectName);
  if (matches.length !== 1)
    throw new DataError([
      {
        file,
        column: "project_name",
        value: projectName,
        expected: `exactly one row for this project (found ${matches.length})`,
      },
    ]);
  const { line, cells } = matches[0]!;
  const get = (name: string) => cells[idx(name)]!.trim();

  // The header repeats colour_rating; whichever copy holds the rating is the one to use.
  const ratingCells = table.header.map((h, i) => (h === "colour_rating" ? cells[i]!.trim() : "")).filter(Boolean);
  const rating = ratingCells[0] ?? "";
  const problems = [];
  if (!(RATINGS as readonly string[]).includes(rating))
    problems.push({ file, line, column: "colour_rating", value: rating, expected: `one of ${RATINGS.join(", ")}` });
  const year = get("year");
  if (!/^\d{4}$/.test(year))
    problems.push({ file, line, column: "year", value: year, expected: "a four-digit report year" });
  const start = parseDate(get("start_date"));
  const end = parseDate(get("end_date"));
  if (!start)
    problems.push({
      file,
      line,
      column: "start_date",
      value: get("start_date"),
      expected: "a date as YYYY-MM-DD or DD.MM.YYYY",
    });
  if (!end)
    problems.push({
      file,
      line,
      column: "end_date",
      value: get("end_date"),
      expected: "a date as YYYY-MM-DD or DD.MM.YYYY",
    });
  const money: Record<string, string | null> = {};
  for (const name of ["total_baseline", "forecast_incl_NGC", "wlc_baseline_incl_NCG"]) {
    money[name] = parseMoney(get(name));
    if (money[name] === null)
      problems.push({
        file,
        line,
        column: name,
        value: get(name),
        expected: "an amount in £ million, like 474.9 or £2,610",
      });
  }
  if (problems.length) throw new DataError(problems);
  return {
    report_year: year,
    data_as_of: `${year}-03-31`,
    project_id: get("project_number"),
    project_name: projectName,
    delivery_confidence: rating,
    start_date: start!,
    end_date: end!,
    fy_baseline_gbp_m: money.total_baseline!,
    fy_forecast_gbp_m: money.forecast_incl_NGC!,
    whole_life_cost_gbp_m: money.wlc_baseline_incl_NCG!,
    source_id: sourceId,
  };
}
