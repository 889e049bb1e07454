import { describe, expect, it } from "vitest";
import { deadlineMoves, fullCoverageTargets } from "./deadlines.ts";
import type { TargetRow } from "./tables.ts";

const t = (
  id: string,
  announced_on: string,
  target_date: string,
  coverage_percent: number | null,
  kind: TargetRow["kind"] = "epr_coverage",
): TargetRow => ({
  id,
  announced_on,
  announced_by: `Minister ${id}`,
  promise: "p",
  kind,
  coverage_percent,
  target_date,
  target_date_precision: "month",
  modality: "target",
  stated_by: "minister",
  source_id: "s",
  fact_ids: null,
  confidence: "H",
  note: null,
});

describe("deadline history", () => {
  const targets = [
    t("T3", "2023-07", "2026-03-31", 100),
    t("T1", "2022-02-24", "2023-12-31", 90),
    t("T2", "2022-06-29", "2025-03-31", 100),
    t("T4", "2023-11-20", "2026-03-31", 100),
    t("T5", "2016-09-07", "2023-12-31", null, "core_digitisation"),
  ];

  it("keeps only promises of an EPR in every trust, in announcement order", () => {
    expect(fullCoverageTargets(targets).map((x) => x.id)).toEqual(["T2", "T3", "T4"]);
  });

  it("finds the move from March 2025 to March 2026, and who made it", () => {
    expect(deadlineMoves(targets)).toEqual([
      {
        from: "2025-03-31",
        to: "2026-03-31",
        announced_on: "2023-07",
        announced_by: "Minister T3",
        target_id: "T3",
        source_id: "s",
      },
    ]);
  });

  it("finds no move when there is one deadline or none", () => {
    expect(deadlineMoves([])).toEqual([]);
    expect(deadlineMoves([t("T2", "2022-06-29", "2025-03-31", 100)])).toEqual([]);
  });
});
