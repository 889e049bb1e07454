import { describe, expect, it } from "vitest";
import { publishedCsv } from "../data/csv.ts";
import { withDatePrecision } from "./downloads.ts";

describe("the data downloads", () => {
  it("follow each partial date with its precision, empty where the date is", () => {
    const rows = withDatePrecision(
      [
        { id: "S1", as_of: "2025-03", note: "x" },
        { id: "S2", as_of: "2024", note: "y" },
        { id: "S3", as_of: "2024-10-01", note: null },
        { id: "S4", as_of: null, note: "z" },
      ],
      ["as_of"],
    );
    expect(rows.map((r) => Object.keys(r))).toEqual(Array(4).fill(["id", "as_of", "as_of_precision", "note"]));
    expect(rows.map((r) => r.as_of_precision)).toEqual(["month", "year", "day", null]);
  });

  it("open with one byte order mark and keep formula-like cells harmless", () => {
    const csv = publishedCsv(["name", "price"], [{ name: "@SUM(A1)", price: "≥ £400m" }]);
    expect(csv).toBe("\uFEFFname,price\n'@SUM(A1),≥ £400m\n");
  });
});
