/** Where a bad value sits: file, 1-based line in the file, column name or number. */
export interface Location {
  file: string;
  line?: number;
  column?: string;
}

/** One problem with one value: what was found and what was expected. */
export interface Problem extends Location {
  value?: string;
  expected: string;
}

/** Longest piece of a bad value a message repeats, in characters. */
export const EXCERPT_CHARS = 60;

/**
 * A bad value as a message may show it: at most EXCERPT_CHARS characters, quoted, with control and
 * bidirectional-override characters written as escapes. A value can be a whole file read by mistake
 * (the environment, a binary), so it is never echoed in full, and never able to reorder the terminal.
 */
export function excerpt(value: string): string {
  const chars = [...value];
  const short = chars.length > EXCERPT_CHARS ? `${chars.slice(0, EXCERPT_CHARS - 1).join("")}…` : value;
  const quoted = JSON.stringify(short).replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return chars.length > EXCERPT_CHARS ? `${quoted} (${chars.length} characters)` : quoted;
}

export function describeProblem(p: Problem): string {
  const where = [
    p.file,
    p.line !== undefined ? `line ${p.line}` : null,
    p.column !== undefined ? `column ${excerpt(p.column)}` : null,
  ]
    .filter(Boolean)
    .join(", ");
  const found = p.value === undefined ? "" : ` found ${excerpt(p.value)};`;
  return `${where}:${found} expected ${p.expected}`;
}

/** Bad input. The message lists every problem found (up to a limit) so one run fixes many. */
export class DataError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[], limit = 20) {
    const shown = problems.slice(0, limit).map(describeProblem);
    if (problems.length > limit) shown.push(`… and ${problems.length - limit} more problems`);
    super(shown.join("\n"));
    this.name = "DataError";
    this.problems = problems;
  }
}
