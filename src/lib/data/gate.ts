/**
 * The gate every piece of outside text and every outside byte passes, whichever way it comes in (CSV
 * cells, workbook cells, ODS reports and the ORD API, Parliament's records and members, sources.json,
 * changelog.json, aliases, members.csv): one set of rules, decided here and nowhere else.
 *
 * - Bytes: a size limit, then strict UTF-8 (decodeUtf8 in encoding.ts names the first bad byte).
 * - JSON: nested at most MAX_JSON_DEPTH deep, checked on the text before it is parsed, so no reader
 *   (or the error message that would print it) recurses into a hostile document.
 * - Characters: no controls, bidirectional controls, format characters, lone surrogates or
 *   non-characters in any text (each would break output or mislead a reader).
 * - Names: also in the Latin alphabet and already in their plain (NFKC) form, so a Cyrillic "а" or a
 *   full-width "Ａ" cannot pass for a trust or a member it is not, nor hide a name from the finder.
 * - Codes: compared in their NFKC form ("９００２" is the UIN 9002).
 * - Figures: within ranges no real figure leaves (no 999,999,999,999,999 trusts).
 * Pure: the scripts read files and networks and hand what they read to these functions.
 */
import { decodeUtf8 } from "./encoding.ts";
import { DataError, type Problem } from "./errors.ts";

const RULES: [RegExp, string][] = [
  // Tab, line feed and carriage return are ordinary in text; the other C0 and C1 codes are not.
  [/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/, "control characters"],
  [/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/, "bidirectional control characters"],
  // Invisible format characters (zero-width spaces and joiners, soft hyphens, byte order marks, tags).
  [/\p{Cf}/u, "format characters"],
  // Lone surrogates (possible via JSON's \u escapes) and the 66 non-characters are not characters at all.
  [/\p{Cs}|\p{Noncharacter_Code_Point}/u, "unpaired surrogates or non-characters"],
];

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/** What is wrong with the characters of `s`, e.g. "control characters (U+0007 at character 6)", or null. */
export function problemCharacter(s: string): string | null {
  for (const [pattern, name] of RULES) {
    const m = pattern.exec(s);
    if (m) return `${name} (${codePoint(m[0])} at character ${m.index + 1})`;
  }
  return null;
}

/** `s` with every character these rules refuse replaced by U+FFFD, so text from outside prints as text. */
export function withoutProblemCharacters(s: string): string {
  return RULES.reduce((t, [pattern]) => t.replace(new RegExp(pattern.source, pattern.flags + "g"), "\uFFFD"), s);
}

/** A letter of another script than Latin: in an English name, one that can pass for a Latin letter. */
const NOT_LATIN_LETTER = /(?=\p{L})\P{Script=Latin}/u;

/**
 * What is wrong with a name (of a trust, an alias, a board, a member), or null: the character rules,
 * then a character with a plainer form (full-width letters, ligatures), then a letter outside the
 * Latin alphabet. Each is how one name passes for another, or hides from a search by its real form.
 */
export function nameProblem(s: string): string | null {
  const bad = problemCharacter(s);
  if (bad) return bad;
  const chars = [...s];
  const i = chars.findIndex((c) => c.normalize("NFKC") !== c);
  if (i >= 0)
    return `characters with a plainer form (${codePoint(chars[i]!)} ${JSON.stringify(chars[i])} at character ${i + 1} is ${JSON.stringify(chars[i]!.normalize("NFKC"))})`;
  const m = NOT_LATIN_LETTER.exec(s);
  if (m)
    return `letters outside the Latin alphabet (${codePoint(m[0])} ${JSON.stringify(m[0])} at character ${[...s.slice(0, m.index)].length + 1}, which can pass for a Latin letter)`;
  return null;
}

/** A code as it is compared: NFKC (full-width digits and letters become plain ones), without outer spaces. */
export function codeForm(s: string): string {
  return s.normalize("NFKC").trim();
}

/**
 * The largest figure of each unit any source could state: England has had a few hundred NHS trusts at
 * most, and the whole NHS budget is under £250bn a year. A figure past these is a typing or parsing
 * error, never news.
 */
export const FIGURE_RANGES = {
  trusts: { max: 2_000, whole: true, words: "a count of trusts from 0 to 2,000" },
  percent: { max: 100, whole: false, words: "a percentage from 0 to 100" },
  gbp_million: { max: 1_000_000, whole: false, words: "an amount from £0 to £1,000,000m" },
} as const;

/** Why a figure is out of the range its unit allows, or null (units without a range, such as ratings, pass). */
export function figureProblem(unit: string, value: number | null): string | null {
  if (value === null || !(unit in FIGURE_RANGES)) return null;
  const range = FIGURE_RANGES[unit as keyof typeof FIGURE_RANGES];
  if (!Number.isFinite(value) || value < 0 || value > range.max || (range.whole && !Number.isInteger(value)))
    return range.words;
  return null;
}

/** Deepest nesting of arrays and objects any JSON we read may have: ours have 4 levels, Parliament's 5. */
export const MAX_JSON_DEPTH = 32;

/**
 * How deep the arrays and objects of a JSON text nest, read on the text (strings skipped), stopping as
 * soon as `limit` is passed: a linear scan that no document can make recurse.
 */
export function jsonDepth(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/** JSON text parsed, or a DataError naming `where`: nested too deep, or not JSON (with the parser's words). */
export function parseJsonText(text: string, where: string, maxDepth = MAX_JSON_DEPTH): unknown {
  if (jsonDepth(text, maxDepth) > maxDepth)
    throw new DataError([{ file: where, expected: `JSON nested at most ${maxDepth} levels deep` }]);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new DataError([{ file: where, expected: `JSON (${(e as Error).message.slice(0, 200)})` }]);
  }
}

/**
 * Bytes from outside as text: at most `maxBytes`, strict UTF-8 (a leading BOM dropped), and, when
 * `characters` is set, no character the rules refuse anywhere in it (for formats whose every
 * character is content, such as CSV; JSON's strings are checked once parsed, by stringProblems).
 */
export function gateBytes(bytes: Uint8Array, where: string, maxBytes: number, characters = false): string {
  if (bytes.length > maxBytes)
    throw new DataError([{ file: where, expected: `at most ${maxBytes} bytes (got ${bytes.length})` }]);
  const text = decodeUtf8(bytes, where);
  if (characters) {
    const bad = problemCharacter(text.replace(/^\ufeff/, ""));
    if (bad) {
      const at = Number(/at character (\d+)/.exec(bad)![1]);
      const before = [...text.replace(/^\ufeff/, "")].slice(0, at - 1).join("");
      const line = before.split("\n").length;
      throw new DataError([{ file: where, line, expected: `text without ${bad.replace(/ at character \d+/, "")}` }]);
    }
  }
  return text;
}

/**
 * Every string in a parsed JSON value (keys too) checked by the character rules, each problem named
 * by its path in the document, e.g. `results[3].value.heading`. Depth was bounded when it was parsed.
 */
export function stringProblems(value: unknown, where: string, path = ""): Problem[] {
  if (typeof value === "string") {
    const bad = problemCharacter(value);
    return bad ? [{ file: where, column: path || "(the whole document)", expected: `text without ${bad}` }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => stringProblems(v, where, `${path}[${i}]`));
  if (value !== null && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => {
      const keyBad = problemCharacter(k);
      const at = path ? `${path}.${k}` : k;
      return keyBad ? [{ file: where, column: at, expected: `a key without ${keyBad}` }] : stringProblems(v, where, at);
    });
  return [];
}
