import { z } from "astro/zod";
import { describe, expect, it } from "vitest";
import { parseJsonWith } from "./json.ts";

const schema = z.array(
  z.object(
    { source_id: z.string().regex(/^[a-z-]+$/, "a source id"), as_of: z.string("a date").length(10, "a date") },
    "an edition",
  ),
  "a list of editions",
);

describe("JSON data files checked with a schema", () => {
  it("returns the data when it fits", () => {
    expect(parseJsonWith(schema, '[{"source_id":"list","as_of":"2024-10-01"}]', "e.json")).toEqual([
      { source_id: "list", as_of: "2024-10-01" },
    ]);
  });

  it("names the file, the path as the column, a short excerpt and what was expected, for every problem", () => {
    const bad = `[{"source_id":"List 2026","as_of":"2024-10-01"},{"source_id":"x","as_of":${JSON.stringify("y".repeat(100))}},{"source_id":"x"}]`;
    expect(() => parseJsonWith(schema, bad, "e.json")).toThrow(
      [
        'e.json, column "[0].source_id": found "List 2026"; expected a source id',
        'e.json, column "[1].as_of": found "' + "y".repeat(60) + '"; expected a date',
        'e.json, column "[2].as_of": found "missing"; expected a date',
      ].join("\n"),
    );
    expect(() => parseJsonWith(schema, "{}", "e.json")).toThrow('e.json: found "{}"; expected a list of editions');
    expect(() => parseJsonWith(schema, "[", "e.json")).toThrow(/e\.json: expected JSON/);
  });
});
