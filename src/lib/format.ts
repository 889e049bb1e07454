/** Number and text formatting shared by pages and charts: one place, so every page says it the same way. */

export function formatNumber(n: number): string {
  return n.toLocaleString("en-GB", { maximumFractionDigits: 1 });
}

export function formatPercent(n: number): string {
  return `${formatNumber(n)}%`;
}

/**
 * £ million → "£1.98bn" or "£474.9m". Two decimals for billions: whole-life costs of £1,982m and
 * £2,035m would both read "£2bn" with one.
 */
export function formatMoney(millions: number): string {
  const n = (v: number, digits: number) => v.toLocaleString("en-GB", { maximumFractionDigits: digits });
  return millions >= 1000 ? `£${n(millions / 1000, 2)}bn` : `£${n(millions, 1)}m`;
}

/** "239 days ago" / "in 12 days" / "today", for a signed day count. */
export function formatDayDistance(days: number): string {
  if (days === 0) return "today";
  const n = Math.abs(days);
  const unit = n === 1 ? "day" : "days";
  return days > 0 ? `in ${formatNumber(n)} ${unit}` : `${formatNumber(n)} ${unit} ago`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}
