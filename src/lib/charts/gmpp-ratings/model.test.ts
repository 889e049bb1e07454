import { describe, expect, it } from "vitest";
import { gmppRatingsModel, ratingEntries } from "./model.ts";
import { gmpp, programme } from "../test-fixtures/rows.ts";

const g = [
  gmpp({ report_year: "2022", delivery_confidence: "Amber" }),
  gmpp({ report_year: "2023", delivery_confidence: "Red" }),
];
const p = [
  programme({ id: "P019", measure: "delivery_confidence", unit: "rating", rating: "Blank", as_of: "2025-03" }),
  programme({ id: "P021", measure: "delivery_confidence", unit: "rating", rating: "Amber", as_of: "2026-03" }),
  programme({ id: "P020", measure: "whole_life_cost", value: 2080.52, as_of: "2026-03" }),
];

describe("GMPP ratings", () => {
  const wide = gmppRatingsModel(g, p, { width: 800 });
  const narrow = gmppRatingsModel(g, p, { width: 320 });

  it("joins GMPP and programme ratings in date order, GMPP first where both exist", () => {
    expect(ratingEntries(g, p).map((e) => e.rating)).toEqual(["Amber", "Red", "Blank", "Amber"]);
    const dup = programme({
      id: "P099",
      measure: "delivery_confidence",
      unit: "rating",
      rating: "Green",
      as_of: "2023-03",
    });
    expect(ratingEntries(g, [dup]).map((e) => e.rating)).toEqual(["Amber", "Red"]);
  });

  it("gives one slot a year, printing the rating word and showing a missing year as a gap", () => {
    expect(wide.slots.map((s) => [s.year, s.text, s.className])).toEqual([
      [2022, "Amber", "rating-amber"],
      [2023, "Red", "rating-red"],
      [2024, "No rating found", "rating-missing"],
      [2025, "Blank", "rating-none"],
      [2026, "Amber", "rating-amber"],
    ]);
    expect(wide.slots[1]!.when).toBe("Mar 2023");
  });

  it("runs along a row when wide and down a list when narrow", () => {
    expect(new Set(wide.slots.map((s) => s.box.y)).size).toBe(1);
    expect(wide.slots[1]!.box.x).toBeGreaterThan(wide.slots[0]!.box.x);
    expect(wide.slots.at(-1)!.box.x + wide.slots.at(-1)!.box.width).toBeLessThanOrEqual(800);
    expect(new Set(narrow.slots.map((s) => s.box.x)).size).toBe(1);
    expect(narrow.slots[1]!.box.y).toBeGreaterThan(narrow.slots[0]!.box.y);
  });

  it("summarises every rating and the gaps", () => {
    expect(wide.summary).toBe(
      "Delivery confidence: Amber (31 March 2022), Red (31 March 2023), blank in the copy (March 2025), Amber (March 2026). No rating found for 2024.",
    );
  });

  it("copes with no ratings and with one", () => {
    expect(gmppRatingsModel([], [], { width: 320 })).toMatchObject({ empty: true, summary: "No ratings to show." });
    const one = gmppRatingsModel([g[0]!], [], { width: 800 });
    expect(one.slots).toHaveLength(1);
    expect(one.slots[0]!.box.width).toBeLessThanOrEqual(800);
  });
});
