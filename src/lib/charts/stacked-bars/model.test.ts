import { describe, expect, it } from "vitest";
import type { CoverageCount } from "../../data/model.ts";
import { stackedBarsModel } from "./model.ts";

const regions: CoverageCount[] = [
  { key: "Y56", label: "London", total: 34, with_epr: 34, without_epr: 0 },
  { key: "Y60", label: "Midlands", total: 39, with_epr: 32, without_epr: 7 },
  { key: "Y63", label: "North East and Yorkshire", total: 31, with_epr: 29, without_epr: 2 },
];

describe("stacked bars", () => {
  const wide = stackedBarsModel(regions, { width: 800, categoryName: "Region" });
  const narrow = stackedBarsModel(regions, { width: 320, categoryName: "Region" });

  it("splits each bar into with-EPR and hatched no-EPR segments on one count scale", () => {
    const mid = wide.rows[1]!;
    expect(mid.segments.map((s) => [s.className, s.value])).toEqual([
      ["epr", 32],
      ["no-epr", 7],
    ]);
    // Adjacent segments meet, and widths are proportional to counts.
    expect(mid.segments[1]!.x).toBeCloseTo(mid.segments[0]!.x + mid.segments[0]!.width, 0);
    expect(mid.segments[0]!.width / mid.segments[1]!.width).toBeCloseTo(32 / 7, 1);
    // London has no no-EPR segment at all.
    expect(wide.rows[0]!.segments.map((s) => s.kind)).toEqual(["epr"]);
  });

  it("prints the no-EPR count in words after every bar", () => {
    expect(wide.rows.map((r) => r.endLabel.text)).toEqual(["0 without", "7 without", "2 without"]);
    expect(wide.rows[1]!.segments[0]!.inside?.text).toBe("32");
    for (const r of wide.rows) expect(r.endLabel.x).toBeLessThanOrEqual(800);
  });

  it("puts labels beside the bars on wide screens and above them on narrow ones", () => {
    const w = wide.rows[2]!,
      n = narrow.rows[2]!;
    expect(w.labelAnchor).toBe("end");
    expect(w.labelX).toBeLessThan(w.segments[0]!.x);
    expect(n.labelAnchor).toBe("start");
    expect(n.labelY).toBeLessThan(n.y);
    expect(n.segments[0]!.x).toBe(0);
    expect(narrow.height).toBeGreaterThan(wide.height * 0.9);
  });

  it("gives x ticks from zero", () => {
    expect(wide.xTicks[0]).toMatchObject({ value: 0, label: "0", x: wide.rows[0]!.segments[0]!.x });
  });

  it("summarises totals and where the gaps are", () => {
    expect(wide.summary).toContain("9 of 104 trusts had no EPR");
    expect(wide.summary).toContain("Midlands (7 of 39)");
    expect(wide.summary).toContain("Every trust had an EPR in: London");
    expect(wide.table.rows[1]).toEqual(["Midlands", 39, 32, 7, 82.1]);
  });

  it("can sort by trusts without an EPR", () => {
    expect(stackedBarsModel(regions, { width: 800, sort: "without_epr" }).rows.map((r) => r.key)).toEqual([
      "Y60",
      "Y63",
      "Y56",
    ]);
  });

  it("shows a not-known segment when counts do not add up", () => {
    const m = stackedBarsModel([{ key: "a", label: "A", total: 10, with_epr: 6, without_epr: 2 }], { width: 800 });
    expect(m.rows[0]!.segments.map((s) => s.kind)).toEqual(["epr", "no_epr", "unknown"]);
    expect(m.legend.map((l) => l.key)).toContain("unknown");
  });

  it("copes with no categories and with one", () => {
    const empty = stackedBarsModel([], { width: 320 });
    expect(empty.empty).toBe(true);
    expect(empty.summary).toBe("No trusts to show.");
    const one = stackedBarsModel([regions[1]!], { width: 320 });
    expect(one.rows).toHaveLength(1);
    expect(one.summary).toContain("7 of 39");
  });

  it("says every trust had an EPR only where every status is known", () => {
    const m = stackedBarsModel(
      [
        { key: "a", label: "Midlands", total: 10, with_epr: 7, without_epr: 3 },
        { key: "b", label: "London", total: 5, with_epr: 4, without_epr: 0 },
        { key: "c", label: "South East", total: 6, with_epr: 6, without_epr: 0 },
      ],
      { width: 800, categoryName: "Region" },
    );
    expect(m.summary).toContain("Every trust had an EPR in: South East.");
    expect(m.summary).toContain("None had no EPR, but some are not known, in: London (1 not known).");
  });
});
