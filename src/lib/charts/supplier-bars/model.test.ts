import { describe, expect, it } from "vitest";
import type { SupplierCount } from "../../data/model.ts";
import { shortSupplierName, supplierBarsModel } from "./model.ts";

const by = (acute: number, mh = 0): SupplierCount["by_type"] => ({
  acute,
  mental_health: mh,
  mental_health_community: 0,
  community: 0,
  ambulance: 0,
});
const suppliers: SupplierCount[] = [
  { supplier: "TPP", trusts: 27, by_type: by(1, 26) },
  { supplier: "Oracle Cerner Corporation", trusts: 30, by_type: by(30) },
  { supplier: "Epic Systems Corporation", trusts: 9, by_type: by(9) },
  { supplier: "Fortrus Ltd", trusts: 1, by_type: by(1) },
  { supplier: "QuadraMed", trusts: 1, by_type: by(1) },
];

describe("supplier bars", () => {
  const wide = supplierBarsModel(suppliers, { width: 800 });
  const narrow = supplierBarsModel(suppliers, { width: 320 });

  it("sorts largest first, with bar lengths proportional to trusts", () => {
    expect(wide.bars.map((b) => b.trusts)).toEqual([30, 27, 9, 1, 1]);
    expect(wide.bars[0]!.segments[0]!.width / wide.bars[2]!.segments[0]!.width).toBeCloseTo(30 / 9, 1);
    expect(wide.bars.map((b) => b.valueLabel.text)).toEqual(["30", "27", "9", "1", "1"]);
  });

  it("drops company suffixes from names shown, keeping full names in the table", () => {
    expect(shortSupplierName("Oracle Cerner Corporation")).toBe("Oracle Cerner");
    expect(shortSupplierName("Dedalus Healthcare Ltd")).toBe("Dedalus Healthcare");
    expect(shortSupplierName("Meditech Group Limited")).toBe("Meditech");
    expect(wide.bars[0]!.name).toBe("Oracle Cerner");
    expect(wide.table.rows[0]![0]).toBe("Oracle Cerner Corporation");
  });

  it("can split bars by trust type, with a legend of the types present", () => {
    const m = supplierBarsModel(suppliers, { width: 800, byType: true });
    expect(m.bars[1]!.segments.map((s) => [s.className, s.value])).toEqual([
      ["type-acute", 1],
      ["type-mental-health", 26],
    ]);
    expect(m.legend.map((l) => l.label)).toEqual(["Acute", "Mental health"]);
    expect(m.bars[1]!.tip).toBe("TPP: 27 trusts (acute 1, mental health 26).");
  });

  it("folds the long tail into one bar when asked", () => {
    const m = supplierBarsModel(suppliers, { width: 800, top: 3 });
    expect(m.bars.map((b) => b.name)).toEqual(["Oracle Cerner", "TPP", "Epic Systems", "2 other suppliers"]);
    expect(m.bars.at(-1)!.trusts).toBe(2);
  });

  it("puts names above bars when narrow and beside them when wide", () => {
    expect(wide.bars[0]!.labelAnchor).toBe("end");
    expect(narrow.bars[0]!.labelAnchor).toBe("start");
    expect(narrow.bars[0]!.labelY).toBeLessThan(narrow.bars[0]!.y);
    expect(narrow.bars[0]!.segments[0]!.x).toBe(0);
  });

  it("summarises the total and the largest suppliers", () => {
    expect(wide.summary).toBe(
      "68 trusts with an EPR across 5 suppliers. The largest: Oracle Cerner (30), TPP (27), Epic Systems (9).",
    );
  });

  it("copes with no suppliers and with one", () => {
    expect(supplierBarsModel([], { width: 320 })).toMatchObject({ empty: true, summary: "No suppliers to show." });
    expect(supplierBarsModel([suppliers[0]!], { width: 320 }).bars).toHaveLength(1);
  });
});
