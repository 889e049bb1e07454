/** data/sources.json: the manifest every figure points into. */
import { DataError, type Problem } from "./errors.ts";
import { isIsoDate, YEAR_RANGE } from "./dates.ts";
import { parseJson } from "./json.ts";
import { problemCharacter } from "./gate.ts";
import { compareCodePoints } from "../order.ts";

/** Longest text field a source may have (titles and notes run to about 300 characters today). */
const MAX_CHARS = 1000;

export const SOURCE_TYPES = [
  "dataset",
  "written_answer",
  "oral_answer",
  "written_statement",
  "speech",
  "report",
  "board_paper",
  "news",
  "gmpp",
] as const;
export const LICENCES = ["OGL-3.0", "OPL-3.0", "MIT", "GPL-3.0", "not-stated"] as const;

export interface Source {
  id: string;
  title: string;
  publisher: string;
  url: string;
  via: string | null;
  date: string;
  /** true when no copy read gives the date and it was estimated: shown as "about …". */
  date_estimated: boolean;
  date_note: string | null;
  type: (typeof SOURCE_TYPES)[number];
  uin: string | null;
  licence: (typeof LICENCES)[number];
  covers: string;
  confidence: "H" | "M" | "L";
}

export const LICENCE_NAMES: Record<Source["licence"], { name: string; url: string | null }> = {
  "OGL-3.0": {
    name: "Open Government Licence v3.0",
    url: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
  },
  "OPL-3.0": {
    name: "Open Parliament Licence v3.0",
    url: "https://www.parliament.uk/site-information/copyright-parliament/open-parliament-licence/",
  },
  MIT: { name: "MIT licence", url: "https://opensource.org/license/mit" },
  "GPL-3.0": { name: "GNU GPL v3.0 (the repository's code licence)", url: "https://www.gnu.org/licenses/gpl-3.0.html" },
  "not-stated": { name: "No licence stated by the publisher", url: null },
};

type Check = [field: keyof Source, ok: (v: unknown) => boolean, expected: string];
const str = (v: unknown) =>
  typeof v === "string" && v.trim() === v && v !== "" && v.length <= MAX_CHARS && problemCharacter(v) === null;
const strOrNull = (v: unknown) => v === null || str(v);
const CHECKS: Check[] = [
  ["id", (v) => typeof v === "string" && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(v), "lower-case words joined by -"],
  ["title", str, `a title (at most ${MAX_CHARS} characters, no control or bidirectional characters)`],
  ["publisher", str, "a publisher"],
  ["url", (v) => typeof v === "string" && /^https:\/\/[^\s<>"]+$/.test(v), "an https:// URL"],
  ["via", strOrNull, "text or null"],
  ["date", (v) => typeof v === "string" && isIsoDate(v), `a date as YYYY-MM-DD, YYYY-MM or YYYY ${YEAR_RANGE}`],
  ["date_estimated", (v) => typeof v === "boolean", "true or false"],
  ["date_note", strOrNull, "text or null"],
  ["type", (v) => (SOURCE_TYPES as readonly unknown[]).includes(v), `one of ${SOURCE_TYPES.join(", ")}`],
  ["uin", strOrNull, "a UIN or null"],
  ["licence", (v) => (LICENCES as readonly unknown[]).includes(v), `one of ${LICENCES.join(", ")}`],
  ["covers", str, `a description (at most ${MAX_CHARS} characters, no control or bidirectional characters)`],
  ["confidence", (v) => v === "H" || v === "M" || v === "L", "H, M or L"],
];

export function parseSources(jsonText: string, file: string): Source[] {
  const data = parseJson(jsonText, file);
  if (!Array.isArray(data)) throw new DataError([{ file, expected: "a JSON array of sources" }]);
  const problems: Problem[] = [];
  const seen = new Set<string>();
  data.forEach((entry, i) => {
    const where = { file, column: "" };
    if (typeof entry !== "object" || entry === null) {
      problems.push({ ...where, column: `[${i}]`, expected: "an object" });
      return;
    }
    const e = entry as Record<string, unknown>;
    const label = typeof e.id === "string" ? e.id : `[${i}]`;
    for (const [field, ok, expected] of CHECKS) {
      if (!ok(e[field]))
        problems.push({ file, column: `${label}.${field}`, value: JSON.stringify(e[field]) ?? "missing", expected });
    }
    const extra = Object.keys(e).filter((k) => !CHECKS.some(([f]) => f === k));
    if (extra.length)
      problems.push({ file, column: label, value: extra.join(", "), expected: "only the documented fields" });
    if (typeof e.id === "string") {
      if (seen.has(e.id)) problems.push({ file, column: `${label}.id`, value: e.id, expected: "a unique id" });
      seen.add(e.id);
    }
  });
  if (problems.length) throw new DataError(problems);
  return (data as Source[]).slice().sort((a, b) => compareCodePoints(a.id, b.id));
}
