import { describe, expect, it } from "vitest";
import { deadlineSlippageModel, promiseWords, shortWho } from "./model.ts";
import { target } from "../test-fixtures/rows.ts";

const targets = [
  target({
    id: "T001",
    announced_on: "2013-01-16",
    announced_by: "Jeremy Hunt (Secretary of State for Health)",
    kind: "paperless",
    coverage_percent: null,
    target_date: "2018-12-31",
    target_date_precision: "year",
  }),
  target({
    id: "T003",
    announced_on: "2023-07",
    announced_by: "Department of Health and Social Care (programme owner)",
    target_date: "2026-03-31",
  }),
  target({
    id: "T002",
    announced_on: "2022-06-29",
    announced_by: "Department of Health and Social Care (A plan)",
    target_date: "2025-03-31",
  }),
  target({
    id: "T004",
    announced_on: "2025-02-12",
    announced_by: "Baroness Merron (health minister)",
    coverage_percent: 96,
    target_date: "2026-03-31",
  }),
];

describe("deadline slippage", () => {
  const wide = deadlineSlippageModel(targets, { width: 800, today: "2026-11-25" });
  const narrow = deadlineSlippageModel(targets, { width: 320, today: "2026-11-25" });

  it("puts one row per target in order of announcement, from set date to due date", () => {
    expect(wide.rows.map((r) => r.id)).toEqual(["T001", "T002", "T003", "T004"]);
    for (const r of wide.rows) expect(r.x2).toBeGreaterThan(r.x1);
    expect(wide.rows.map((r) => r.y)).toEqual([...wide.rows.map((r) => r.y)].sort((a, b) => a - b));
  });

  it("labels rows with who set the target and what it promised", () => {
    expect(shortWho("Jeremy Hunt (Secretary of State for Health)")).toBe("Jeremy Hunt");
    expect(wide.rows[0]!.labelLines.join(" ")).toBe("Jeremy Hunt: Paperless by 2018");
    expect(promiseWords(targets[3]!)).toBe("EPR in 96% of trusts by Mar 2026");
    expect(promiseWords(targets[1]!)).toBe("EPR in every trust by Mar 2026");
  });

  it("emphasises every-trust EPR deadlines and draws the move from 2025 to 2026", () => {
    expect(wide.rows.filter((r) => r.emphasis).map((r) => r.id)).toEqual(["T002", "T003"]);
    expect(wide.moves).toHaveLength(1);
    expect(wide.moves[0]!.label).toBe("Moved from Mar 2025 to Mar 2026");
    expect(wide.moves[0]!.d.startsWith(`M${wide.rows[1]!.x2},`)).toBe(true);
    expect(wide.rows[2]!.labelLines.join(" ")).toContain("(moved from Mar 2025)");
  });

  it("marks deadlines before the release date as passed and draws the release-date rule", () => {
    expect(wide.rows.map((r) => r.passed)).toEqual([true, true, true, true]);
    expect(wide.today.x).toBeGreaterThan(wide.rows[2]!.x2);
    expect(wide.today.label).toBe("Data release, Nov 2026");
    expect(deadlineSlippageModel(targets, { width: 800, today: "2026-01-01" }).rows.map((r) => r.passed)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it("has year ticks in the plot", () => {
    expect(wide.xTicks.map((t) => t.label)).toContain("2020");
    for (const t of wide.xTicks) {
      expect(t.x).toBeGreaterThanOrEqual(wide.plot.x0);
      expect(t.x).toBeLessThanOrEqual(wide.plot.x1);
    }
  });

  it("puts labels in a column when wide and above each line when narrow", () => {
    expect(wide.rows[0]!.labelAnchor).toBe("end");
    expect(wide.rows[0]!.labelX).toBeLessThan(wide.plot.x0);
    expect(narrow.rows[0]!.labelAnchor).toBe("start");
    expect(narrow.rows[0]!.labelY).toBeLessThan(narrow.rows[0]!.y);
    expect(narrow.today.label).toBe("Nov 2026");
  });

  it("summarises the number of targets, the move and how many have passed", () => {
    expect(wide.summary).toContain("4 targets for digital records, set between 16 January 2013 and 12 February 2025");
    expect(wide.summary).toContain("first March 2025 (set 29 June 2022), then moved to March 2026 (July 2023)");
    expect(wide.summary).toContain("4 of the 4 deadlines had passed");
  });

  it("copes with no targets and with one", () => {
    expect(deadlineSlippageModel([], { width: 320, today: "2026-11-25" })).toMatchObject({
      empty: true,
      summary: "No targets to show.",
    });
    const one = deadlineSlippageModel([targets[1]!], { width: 320, today: "2026-11-25" });
    expect(one.rows).toHaveLength(1);
    expect(one.moves).toEqual([]);
  });
});
