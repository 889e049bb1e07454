import type { z } from "astro/zod";
import { DataError, type Problem } from "./errors.ts";
import { parseJsonText } from "./gate.ts";

/** JSON as the data files and outputs write it: 2-space indents and a final newline, so diffs stay small. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + "\n";
}

/** Parse JSON from a data file through the gate: broken or too deeply nested JSON is a DataError naming the file. */
export function parseJson(text: string, file: string): unknown {
  return parseJsonText(text, file);
}

/**
 * Parse a JSON data file against a zod schema (astro/zod). Every issue becomes a problem naming the file,
 * the path in the document as the column, a short excerpt of what was found and what was expected
 * (the message given to the schema's check).
 */
export function parseJsonWith<T>(schema: z.ZodType<T>, text: string, file: string): T {
  const data = parseJson(text, file);
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const at = (path: readonly PropertyKey[]): unknown =>
    path.reduce<unknown>(
      (v, k) => (v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k] : undefined),
      data,
    );
  const problems: Problem[] = result.error.issues.map((i) => {
    const found = at(i.path);
    return {
      file,
      ...(i.path.length
        ? {
            column: i.path
              .map((k) => (typeof k === "number" ? `[${k}]` : String(k)))
              .join(".")
              .replace(/\.\[/g, "["),
          }
        : {}),
      value:
        found === undefined
          ? "missing"
          : (typeof found === "string" ? found : (JSON.stringify(found) ?? String(found))).slice(0, 60),
      expected: i.message,
    };
  });
  throw new DataError(problems);
}
