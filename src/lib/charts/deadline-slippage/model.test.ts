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
    expect(wide.summary).toContain(
      "4 targets for digital records, announced between 16 January 2013 and 12 February 2025",
    );
    expect(wide.summary).toContain("first March 2025 (set 29 June 2022), then moved to March 2026 (July 2023)");
    expect(wide.summary).toContain("4 of the 4 deadlines had passed");
  });

  it("never counts a date still being prepared as a move, and says what it was", () => {
    // The July 2023 major projects row: a revised business case for March 2026 was being prepared
    // while its end date remained March 2025. The date moved only when a minister set it.
    const withPlan = [
      ...targets.map((t) => (t.id === "T003" ? { ...t, modality: "planned" as const } : t)),
      target({
        id: "T005",
        announced_on: "2023-11-20",
        announced_by: "Andrew Stephenson (health minister)",
        target_date: "2026-03-31",
      }),
    ];
    const m = deadlineSlippageModel(withPlan, { width: 800, today: "2026-11-25" });
    expect(m.summary).toContain("then moved to March 2026 (20 November 2023)");
    expect(m.summary).not.toContain("(July 2023)");
    expect(m.moves.map((x) => x.toId)).toEqual(["T005"]);
    const plan = m.rows.find((r) => r.id === "T003")!;
    expect(plan.labelLines.join(" ")).toContain("Planned, not set: EPR in every trust by Mar 2026");
    expect(plan.labelLines.join(" ")).not.toContain("moved from");
    expect(plan.tip).toMatch(
      /^Planned by Department of Health and Social Care \(programme owner\) in July 2023, not yet set:/,
    );
    expect(m.table.rows.find((r) => r[0] === "July 2023")![2]).toMatch(/^Planned, not set\. /);
  });

  it("says a restatement with a weaker test is one, never that it set the deadline", () => {
    const restated = target({
      id: "T006",
      announced_on: "2025-11-28",
      announced_by: "Department of Health and Social Care accounting officer",
      kind: "epr_or_in_progress",
      modality: "restated_target",
      target_date: "2026-03-31",
    });
    const m = deadlineSlippageModel([...targets, restated], { width: 800, today: "2026-11-25" });
    const row = m.rows.find((r) => r.id === "T006")!;
    expect(row.labelLines.join(" ")).toContain(
      "Restated with a weaker test: Every trust with an EPR or installing one",
    );
    expect(row.tip).toMatch(/^Restated by .* on 28 November 2025 with a weaker test \(an EPR or one being put in\):/);
    expect(row.tip).not.toMatch(/^Set /);
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
