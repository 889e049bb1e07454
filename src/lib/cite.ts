/** How a source is cited in words, everywhere on the site: title, publisher, date, UIN. */
import { formatWhen } from "./data/dates.ts";
import type { Source } from "./data/sources.ts";

export function citationParts(s: Source): { title: string; rest: string } {
  const bits = [s.publisher, formatWhen(s.date, s.date_estimated)];
  if (s.uin) bits.push(`UIN ${s.uin}`);
  return { title: s.title, rest: bits.join(", ") };
}
