import { describe, expect, it } from "vitest";
import { dateFromSheetName, parseEprSuppliers } from "../../scripts/import/nhse-epr-suppliers.ts";
import { EPR_ROWS, eprWorkbook } from "../helpers/epr-xlsx.ts";

const FILE = "upstream/epr.xlsx";

describe("NHS England EPR supplier list importer", () => {
  it("reads every trust with its type, supplier and the as-of date from the sheet name", async () => {
    const rows = await parseEprSuppliers(await eprWorkbook(), FILE, "epr-list");
    expect(rows.map((r) => r.code)).toEqual(["RAA", "RBB", "RDD", "TZZ"]);
    expect(rows.every((r) => r.as_of === "2024-10-01" && r.source_id === "epr-list")).toBe(true);
    const byCode = Object.fromEntries(rows.map((r) => [r.code, r]));
    expect(byCode.RAA).toMatchObject({ trust_type: "acute", has_epr: "yes", supplier: "Epic Systems Corporation" });
    // Trailing space in the type and a doubled space in the name are tidied.
    expect(byCode.RBB).toMatchObject({ trust_type: "mental_health", name_in_source: "BETA MENTAL HEALTH NHS TRUST" });
    expect(byCode.TZZ!.trust_type).toBe("mental_health_community");
  });

  it('treats "No EPR -  in process of getting one" (two spaces) as a trust without an EPR and no supplier', async () => {
    const rows = await parseEprSuppliers(await eprWorkbook(), FILE, "epr-list");
    expect(rows.find((r) => r.code === "RDD")).toMatchObject({ has_epr: "no", supplier: "" });
  });

  it("reads the sheet date day-first, as UK dates are written", () => {
    expect(dateFromSheetName("EPR Suppliers 01.10.24")).toBe("2024-10-01");
    expect(dateFromSheetName("EPR Suppliers")).toBeNull();
  });

  it("rejects an unknown trust type, naming the row and column", async () => {
    const rows = [...EPR_ROWS, ["RXX", "X NHS TRUST", "Dental", "TPP"]];
    await expect(parseEprSuppliers(await eprWorkbook({ rows }), FILE, "epr-list")).rejects.toThrow(
      /upstream\/epr\.xlsx, line 6, column "Trust Type \(Primary\)": found "Dental"; expected one of Acute/,
    );
  });

  it("rejects a trust listed twice", async () => {
    const rows = [...EPR_ROWS, EPR_ROWS[0]!];
    await expect(parseEprSuppliers(await eprWorkbook({ rows }), FILE, "epr-list")).rejects.toThrow(/line 6, column "Organisation Code": found "RAA"; expected each trust once \(also on row 2\)/);
  });

  it("rejects a renamed column and a sheet without a date", async () => {
    const header = ["Organisation Code", "Organisation", "Trust Type", "Supplier (Primary EPR)"];
    await expect(parseEprSuppliers(await eprWorkbook({ header }), FILE, "x")).rejects.toThrow(/line 1: found .*Trust Type \|.*expected the header/);
    await expect(parseEprSuppliers(await eprWorkbook({ sheetName: "EPR Suppliers" }), FILE, "x")).rejects.toThrow(/column "sheet name"/);
  });

  it("rejects a file that is not a workbook", async () => {
    await expect(parseEprSuppliers(Buffer.from("code,name\n"), FILE, "x")).rejects.toThrow(/upstream\/epr\.xlsx: expected an \.xlsx workbook/);
  });
});
