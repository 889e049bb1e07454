/** data/changelog.json: one entry per data release, newest first, shown on /changes/ and in the feed. */
import { DataError, type Problem } from "./errors.ts";
import { isIsoDay, YEAR_RANGE } from "./dates.ts";
import { parseJson } from "./json.ts";
import { problemCharacter } from "./gate.ts";
import { compareCodePoints } from "../order.ts";

/** Longest title or line of change; longer ones are a paste gone wrong. */
const MAX_CHARS = 1000;

/** Names of our files and ids of our rows ("statements.csv", "S051"): words for maintainers, not readers. */
const FOR_MAINTAINERS: [RegExp, string][] = [
  [/\b[\w.-]+\.(csv|json|xlsx)\b/i, "a file name"],
  [/\b[SPTEF]\d{3}\b/, "a row id"],
];

/** Why a piece of changelog text cannot go in the page and the Atom feed, or null. */
function textProblem(v: unknown): string | null {
  if (typeof v !== "string" || !v.trim()) return "text";
  if (v.length > MAX_CHARS) return `text of at most ${MAX_CHARS} characters`;
  const bad = problemCharacter(v);
  if (bad) return `text without ${bad}`;
  const internal = FOR_MAINTAINERS.find(([pattern]) => pattern.test(v));
  return internal
    ? `words for readers, without ${internal[1]} (${v.match(internal[0])![0]}): name the trust, figure or source instead`
    : null;
}

export interface ChangelogEntry {
  date: string;
  title: string;
  changes: string[];
}

export function parseChangelog(text: string, file: string): ChangelogEntry[] {
  const data = parseJson(text, file);
  if (!Array.isArray(data)) throw new DataError([{ file, expected: "a JSON array of releases" }]);
  const problems: Problem[] = [];
  data.forEach((e: Partial<ChangelogEntry>, i) => {
    const at = `[${i}]`;
    if (typeof e?.date !== "string" || !isIsoDay(e.date))
      problems.push({
        file,
        column: `${at}.date`,
        value: String(e?.date),
        expected: `a date as YYYY-MM-DD ${YEAR_RANGE}`,
      });
    const titleProblem = textProblem(e?.title);
    if (titleProblem)
      problems.push({ file, column: `${at}.title`, value: String(e?.title), expected: `a title: ${titleProblem}` });
    if (!Array.isArray(e?.changes))
      problems.push({ file, column: `${at}.changes`, expected: "a list of changes in words" });
    else
      e.changes.forEach((c: unknown, j) => {
        const why = textProblem(c);
        if (why)
          problems.push({
            file,
            column: `${at}.changes[${j}]`,
            value: String(c),
            expected: `a change in words: ${why}`,
          });
      });
  });
  const dates = data.map((e: Partial<ChangelogEntry>) => e?.date ?? "");
  if (dates.some((d, i) => i > 0 && d >= dates[i - 1]!))
    problems.push({ file, column: "date", value: dates.join(", "), expected: "releases newest first, one per date" });
  if (problems.length) throw new DataError(problems);
  return data as ChangelogEntry[];
}

/** Most lines a single release lists; the rest are counted. */
export const MAX_CHANGE_LINES = 60;

/** The changelog with a release added (or replaced, if one exists for that date). */
export function addRelease(entries: ChangelogEntry[], entry: ChangelogEntry): ChangelogEntry[] {
  const changes =
    entry.changes.length > MAX_CHANGE_LINES
      ? [...entry.changes.slice(0, MAX_CHANGE_LINES), `… and ${entry.changes.length - MAX_CHANGE_LINES} more changes.`]
      : entry.changes;
  return [{ ...entry, changes }, ...entries.filter((e) => e.date !== entry.date)].sort((a, b) =>
    compareCodePoints(b.date, a.date),
  );
}
