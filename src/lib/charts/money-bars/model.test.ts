import { describe, expect, it } from "vitest";
import { financialYear, fundingItems, moneyBarsModel, moneyText, wholeLifeCostItems } from "./model.ts";
import { gmpp, programme } from "../test-fixtures/rows.ts";

const g = [
  gmpp({ report_year: "2022", delivery_confidence: "Amber", whole_life_cost_gbp_m: 2610 }),
  gmpp({ report_year: "2023", delivery_confidence: "Red", whole_life_cost_gbp_m: 1982 }),
];
const p = [
  programme({ id: "P018", measure: "whole_life_cost", period: "2024/25", value: 2035.2, as_of: "2025-03" }),
  programme({
    id: "P011",
    measure: "funding_to_trusts_total",
    period: "2022/23",
    value: 400,
    bound: "at_least",
    modality: "paid",
    stated_by: "nhs_england",
  }),
  programme({
    id: "P014",
    measure: "funding_to_trusts_capital",
    period: "2022/23",
    value: 393,
    modality: "paid",
    stated_by: "minister",
  }),
  programme({ id: "P001", measure: "fy_budget", period: "2021/22", value: 321.8 }),
  programme({ id: "P017", measure: "funding_to_trusts_total", period: null, value: 2000 }),
];

describe("money bars", () => {
  it("works out financial years", () => {
    expect(financialYear("2022-03-31")).toBe("2021/22");
    expect(financialYear("2025-04")).toBe("2025/26");
  });

  it("collects whole-life cost by year from GMPP and programme rows", () => {
    expect(wholeLifeCostItems(g, p).map((i) => [i.label, i.value])).toEqual([
      ["2021/22", 2610],
      ["2022/23", 1982],
      ["2024/25", 2035.2],
    ]);
  });

  it("collects single-year funding figures in year order, leaving out multi-year totals", () => {
    expect(fundingItems(p).map((i) => i.label)).toEqual([
      "2021/22: programme budget",
      "2022/23: paid to trusts, as NHS England put it",
      "2022/23: paid to trusts: capital",
    ]);
  });

  it("words each sum by what its source said of it and whose words they were", () => {
    const planned = programme({
      id: "P030",
      measure: "funding_to_trusts_total",
      period: "2024/25",
      value: 300,
      modality: "planned",
      stated_by: "minister",
    });
    expect(fundingItems([planned]).map((i) => i.label)).toEqual(["2024/25: planned for trusts, as a minister put it"]);
  });

  it("labels lower bounds with ≥ and draws them open-ended", () => {
    expect(moneyText({ value: 400, bound: "at_least" })).toBe("≥ £400m");
    expect(moneyText({ value: 1900, bound: "about" })).toBe("≈ £1.9bn");
    const m = moneyBarsModel(fundingItems(p), { width: 800, measure: "Funding" });
    expect(m.bars[1]!.valueText).toBe("≥ £400m");
    expect(m.bars[1]!.openEnded).toBe(true);
    expect(m.bars[0]!.openEnded).toBe(false);
    expect(m.summary).toContain("at least £400m");
  });

  it("scales bars to the values, with money ticks", () => {
    const m = moneyBarsModel(wholeLifeCostItems(g, p), { width: 800, measure: "Whole-life cost" });
    expect(m.bars[0]!.width / m.bars[1]!.width).toBeCloseTo(2610 / 1982, 2);
    expect(m.bars.map((b) => b.valueText)).toEqual(["£2.61bn", "£1.98bn", "£2.04bn"]);
    expect(m.xTicks[0]!.label).toBe("£0");
    for (const b of m.bars) expect(b.valueX).toBeLessThan(800);
    expect(m.summary).toBe("Whole-life cost: 2021/22, £2.61bn; 2022/23, £1.98bn; 2024/25, £2.04bn.");
  });

  it("puts labels above the bars when narrow", () => {
    const n = moneyBarsModel(fundingItems(p), { width: 320 });
    const w = moneyBarsModel(fundingItems(p), { width: 800 });
    expect(n.bars[0]!.labelY).toBeLessThan(n.bars[0]!.y);
    expect(n.bars[0]!.x).toBe(0);
    expect(w.bars[0]!.x).toBeGreaterThan(0);
  });

  it("copes with no figures and with one", () => {
    expect(moneyBarsModel([], { width: 320, measure: "Funding" })).toMatchObject({
      empty: true,
      summary: "No figures for funding to show.",
    });
    expect(moneyBarsModel(fundingItems(p).slice(0, 1), { width: 320 }).bars).toHaveLength(1);
  });
});
