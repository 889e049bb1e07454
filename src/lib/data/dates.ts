import { compareCodePoints } from "../order.ts";

/** Dates in our data are ISO strings: YYYY-MM-DD, or YYYY-MM / YYYY when the source gives no day. */

/**
 * Years a date in our data can fall in: from the NHS's founding to well past any announced deadline.
 * A year outside is a typo or a placeholder (9999 for "no end"), and would otherwise turn into
 * sentences such as "passed 2,912,353 days ago".
 */
export const FIRST_YEAR = 1948;
export const LAST_YEAR = 2100;
export const YEAR_RANGE = `in the years ${FIRST_YEAR} to ${LAST_YEAR}`;

function yearInRange(y: string): boolean {
  return Number(y) >= FIRST_YEAR && Number(y) <= LAST_YEAR;
}

export function isIsoDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m || !yearInRange(m[1]!)) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function isIsoDate(s: string): boolean {
  if (/^\d{4}$/.test(s)) return yearInRange(s);
  const m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) return yearInRange(m[1]!) && Number(m[2]) >= 1 && Number(m[2]) <= 12;
  return isIsoDay(s);
}

/** ODS dates are YYYYMMDD; returns ISO or null when the text is not a real date. */
export function fromOdsDate(s: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  return isIsoDay(iso) ? iso : null;
}

/** GMPP 2023 writes DD.MM.YYYY. */
export function fromDottedDate(s: string): string | null {
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(s);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]}-${m[1]}`;
  return isIsoDay(iso) ? iso : null;
}

export type DatePrecision = "day" | "month" | "year";

/** How much of a date our data holds: "2026" → year, "2026-03" → month, "2026-03-31" → day. */
export function datePrecision(iso: string): DatePrecision {
  return /^\d{4}$/.test(iso) ? "year" : /^\d{4}-\d{2}$/.test(iso) ? "month" : "day";
}

/** A day cut to the precision it was stated with: ("2026-12-31", "year") → "2026". */
export function isoAtPrecision(day: string, precision: DatePrecision): string {
  return precision === "year" ? day.slice(0, 4) : precision === "month" ? day.slice(0, 7) : day;
}

/** The first day a partial date can mean (2026-12 → 2026-12-01, 2026 → 2026-01-01). */
export function startOfPeriod(s: string): string {
  return /^\d{4}$/.test(s) ? `${s}-01-01` : /^\d{4}-\d{2}$/.test(s) ? `${s}-01` : s;
}

/**
 * The last day a partial date can mean (2025-03 → 2025-03-31, 2025 → 2025-12-31): used to place a
 * month- or year-only figure on a time axis without claiming a day the source did not give.
 */
export function endOfPeriod(s: string): string {
  if (/^\d{4}$/.test(s)) return `${s}-12-31`;
  const m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) {
    const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
    return `${s}-${String(last).padStart(2, "0")}`;
  }
  return s;
}

/** Middle of the period, for plotting: 2025-03 → 2025-03-15; 2025 → 2025-07-01. */
export function midPeriod(s: string): string {
  if (/^\d{4}$/.test(s)) return `${s}-07-01`;
  if (/^\d{4}-\d{2}$/.test(s)) return `${s}-15`;
  return s;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "31 March 2026", "March 2026" or "2026", keeping only the precision the date has. */
export function formatDate(s: string): string {
  const [y, m, d] = s.split("-");
  if (!m) return y!;
  const month = MONTHS[Number(m) - 1]!;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** Short form for axes and tables: "Mar 2026". */
export function formatMonthYear(s: string): string {
  const [y, m] = s.split("-");
  return m ? `${MONTHS[Number(m) - 1]!.slice(0, 3)} ${y}` : y!;
}

/** Whole days from a to b (both YYYY-MM-DD), negative when b is before a. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** The day before a YYYY-MM-DD date. */
export function dayBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** The day after a YYYY-MM-DD date. */
export function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** "about May 2025" for a date that was estimated, else the date as formatDate writes it. */
export function formatWhen(date: string, estimated: boolean): string {
  return estimated ? `about ${formatDate(date)}` : formatDate(date);
}

/**
 * A comparator for data rows by a possibly partial date field, read as the last day it could mean,
 * then by id: the one stable order used for statements, targets and events.
 */
export function byPeriodEnd<K extends string>(
  field: K,
): (a: { [P in K | "id"]: string }, b: { [P in K | "id"]: string }) => number {
  return (a, b) => compareCodePoints(endOfPeriod(a[field]), endOfPeriod(b[field])) || compareCodePoints(a.id, b.id);
}
