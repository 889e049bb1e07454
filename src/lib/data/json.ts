/** JSON as the data files and outputs write it: 2-space indents and a final newline, so diffs stay small. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + "\n";
}
