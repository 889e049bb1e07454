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

export function describeProblem(p: Problem): string {
  const where = [p.file, p.line !== undefined ? `line ${p.line}` : null, p.column !== undefined ? `column "${p.column}"` : null]
    .filter(Boolean)
    .join(", ");
  const found = p.value === undefined ? "" : ` found ${JSON.stringify(p.value)};`;
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
