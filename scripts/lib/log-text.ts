/**
 * The one escaper for text that reaches a terminal, a workflow log or a pull request body: whatever
 * came from outside (an answer's heading, an ODS name, a server's error page) is shown, never obeyed.
 *
 * - Control, bidirectional and invisible format characters are written as `\uXXXX` (a terminal
 *   escape cannot clear the screen, an override cannot reorder a line); tab and line feed stay.
 * - A line that GitHub Actions would read as a workflow command (`::error …`, `::set-output …`, after
 *   any spaces) has its first colon written `\u003a`; `##[`, the older command form GitHub reads
 *   anywhere in a line, becomes `#\u0023[`.
 * - In a pull request body, text goes in a code fence longer than any run of backticks in it, so no
 *   line of the text can close the fence.
 *
 * As a script, `node scripts/lib/log-text.ts [--fence]` escapes its standard input (fenced with
 * `--fence`) to its standard output: the refresh workflow prints every report through it.
 */
import { readFileSync } from "node:fs";

/** Characters shown as escapes: C0 and C1 controls except tab and line feed, bidi controls, format characters. */
const ACTING = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\p{Cf}\p{Cs}]/gu;

const escapeChar = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** One text made safe to print in a terminal or a workflow log, line by line. */
export function logSafe(text: string): string {
  return text
    .replace(ACTING, escapeChar)
    .split("\n")
    .map((line) => line.replace(/^(\s*)::/, "$1\\u003a:").replaceAll("##[", "#\\u0023["))
    .join("\n");
}

/** The text, made safe, inside a code fence of backticks longer than any run of backticks in it. */
export function fenced(text: string): string {
  const safe = logSafe(text);
  const longest = Math.max(0, ...[...safe.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}\n${safe.replace(/\n$/, "")}\n${fence}\n`;
}

if (import.meta.main) {
  const input = readFileSync(0, "utf8");
  process.stdout.write(process.argv.includes("--fence") ? fenced(input) : logSafe(input));
}
