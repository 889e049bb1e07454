import { DataError } from "./errors.ts";

/** JSON as the data files and outputs write it: 2-space indents and a final newline, so diffs stay small. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + "\n";
}


/** Parse JSON from a data file; broken JSON is a DataError naming the file and the parser's complaint. */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new DataError([{ file, expected: `JSON (${(e as Error).message})` }]);
  }
}
