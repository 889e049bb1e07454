/** How a source is cited in words, everywhere on the site: title, publisher, date, UIN. */
import { formatWhen } from "../data/dates.ts";
import type { Source } from "../data/sources.ts";

export function citationParts(s: Source): { title: string; rest: string } {
  const bits = [s.publisher, formatWhen(s.date, s.date_estimated)];
  if (s.uin) bits.push(`UIN ${s.uin}`);
  return { title: s.title, rest: bits.join(", ") };
}

/**
 * Government, NHS and Parliament: a source published under the Open Government or Open Parliament
 * Licence, or a dataset or answer from a public body. Trade press, transcripts on third-party sites
 * and third parties' own data (the MIT hex layout) are not.
 */
export function isOfficial(s: Source): boolean {
  if (s.licence === "OGL-3.0" || s.licence === "OPL-3.0") return true;
  return (
    s.licence !== "MIT" &&
    ["dataset", "gmpp", "written_answer", "oral_answer", "written_statement", "board_paper"].includes(s.type)
  );
}

/**
 * Publishers in the order a citation should name them: official ones first, then the rest, each
 * group by how many of the sources they published (most first), then by name.
 */
export function publishersInOrder(sources: readonly Source[]): string[] {
  const groups = Map.groupBy(sources, (s) => s.publisher);
  return [...groups.entries()]
    .map(([publisher, ss]) => ({ publisher, official: ss.some(isOfficial), n: ss.length }))
    .sort(
      (a, b) =>
        Number(b.official) - Number(a.official) ||
        b.n - a.n ||
        (a.publisher < b.publisher ? -1 : a.publisher > b.publisher ? 1 : 0),
    )
    .map((p) => p.publisher);
}

/** "UK Parliament, NHS England and 9 more": the first `named` publishers and a count of the rest. */
export function shortPublisherList(sources: readonly Source[], named = 2): string {
  const all = publishersInOrder(sources);
  if (all.length <= named + 1)
    return all.length <= 1 ? (all[0] ?? "") : `${all.slice(0, -1).join(", ")} and ${all.at(-1)}`;
  return `${all.slice(0, named).join(", ")} and ${all.length - named} more`;
}

/**
 * Who holds the copy a source was read from ("regulate-tech/nhstech", "parallelparliament.co.uk"), or
 * null when it was read from its publisher: a third party's copy is named as one, never passed off as
 * the publisher's own.
 */
export function copyHolder(s: Pick<Source, "via">): string | null {
  if (!s.via) return null;
  const holder = s.via
    .split(/,|\s\(/)[0]!
    .replace(/\s+(?:copy|a mirror)\b.*$/, "")
    .trim();
  return holder || null;
}

/** "NHS England, 1 October 2024, as copied by regulate-tech/nhstech": who holds a copy, said in words. */
export const withCopyHolder = (rest: string, holder: string | null): string =>
  holder ? `${rest}, as copied by ${holder}` : rest;
