import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  boardsBefore2026,
  buildSuccessionRows,
  buildTrustRows,
  parseEtr,
  parseSucc,
} from "../../scripts/import/ods-trusts.ts";

const fixture = (p: string) => readFileSync(new URL(`../fixtures/upstream/${p}`, import.meta.url), "utf8");
const current = () => parseEtr(fixture("ods-etr/etr.csv"), "etr.csv");
const older = () => boardsBefore2026(parseEtr(fixture("ods-etr-2025/etr.csv"), "etr-2025.csv"));

/** One ODS etr row: 27 quoted fields, with the given values placed by 1-based field number. */
function etrRow(values: Record<number, string>): string {
  const fields = Array.from({ length: 27 }, (_, i) => values[i + 1] ?? "");
  return fields.map((f) => `"${f}"`).join(",");
}
const good = { 1: "RZZ", 2: "ZED NHS TRUST", 3: "Y56", 4: "QAA", 10: "NW1 0PE", 11: "20000401", 24: "H" };

describe("ODS trust file importer", () => {
  it("reads the headerless 27-field CRLF layout", () => {
    const trusts = current();
    expect(trusts.map((t) => t.code)).toEqual(["RAA", "RBB", "ROLD", "RQF", "NEW1A"]);
    expect(trusts[1]).toMatchObject({
      odsName: "BETA MENTAL HEALTH NHS TRUST",
      regionCode: "Y56",
      openDate: "2000-04-01",
      closeDate: "2024-10-31",
    });
  });

  it("keeps English trusts open since the cut-off, drops Welsh and long-closed ones, and tidies names", () => {
    const rows = buildTrustRows(current(), older(), "2024-01-01");
    expect(rows.map((r) => r.code)).toEqual(["NEW1A", "RAA", "RBB"]);
    expect(rows.find((r) => r.code === "RBB")!.name).toBe("Beta Mental Health NHS Trust");
  });

  it("takes the pre-2026 ICB code from the older extract, and keeps the 2026 code beside it", () => {
    const raa = buildTrustRows(current(), older(), "2024-01-01").find((r) => r.code === "RAA")!;
    expect(raa).toMatchObject({ icb_code: "QAA", icb_code_2026: "Z9B2Z" });
    // A trust the older extract lacks keeps its current code.
    expect(buildTrustRows(current(), older(), "2024-01-01").find((r) => r.code === "NEW1A")!.icb_code).toBe("Z9B2Z");
  });

  it("rejects a row with the wrong number of fields, naming the line", () => {
    const text = `${etrRow(good)}\r\n"RYY","SHORT ROW"\r\n`;
    expect(() => parseEtr(text, "etr.csv")).toThrow(/etr\.csv, line 2: found "2 fields"; expected 27 fields/);
  });

  it("rejects an impossible open date, naming the field", () => {
    const text = etrRow({ ...good, 11: "20241301" });
    expect(() => parseEtr(text, "etr.csv")).toThrow(
      /etr\.csv, line 1, column "field 11 \(open date\)": found "20241301"; expected a date as YYYYMMDD/,
    );
  });

  it("rejects an unknown region code and a malformed organisation code", () => {
    expect(() => parseEtr(etrRow({ ...good, 3: "Y99" }), "etr.csv")).toThrow(/field 3 \(region code\).*"Y99"/);
    expect(() => parseEtr(etrRow({ ...good, 1: "r<b>" }), "etr.csv")).toThrow(/field 1 \(organisation code\)/);
  });

  it("rejects the same code twice", () => {
    expect(() => parseEtr(`${etrRow(good)}\n${etrRow(good)}\n`, "etr.csv")).toThrow(/"RZZ"; expected each code once/);
  });

  it("rejects an empty file", () => {
    expect(() => parseEtr("", "etr.csv")).toThrow(/etr\.csv: expected a CSV file .* the file is empty/);
  });
});

describe("ODS successor file importer", () => {
  it("keeps trust mergers since the cut-off, including care trusts that merged into a listed trust", () => {
    const succ = parseSucc(fixture("ods-succ/succ.csv"), "succ.csv");
    const rows = buildSuccessionRows(succ, new Set(["RAA", "RBB", "NEW1A"]), "2024-01-01");
    expect(rows).toEqual([
      { predecessor_code: "RBB", successor_code: "NEW1A", effective_date: "2024-11-01" },
      { predecessor_code: "TZZ", successor_code: "NEW1A", effective_date: "2024-11-01" },
    ]);
  });

  it("rejects a bad effective date", () => {
    expect(() => parseSucc('"RAA","RBB","","2024-11-01","0"\n', "succ.csv")).toThrow(
      /succ\.csv, line 1, column "field 4 \(effective date\)"/,
    );
  });
});
