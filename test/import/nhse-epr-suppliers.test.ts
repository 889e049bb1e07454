import { describe, expect, it } from "vitest";
import { parseEprSuppliers, withEdition, type EprStatusCsvRow } from "../../scripts/import/nhse-epr-suppliers.ts";
import { EPR_ROWS, eprWorkbook } from "../helpers/epr-xlsx.ts";

const FILE = "upstream/epr.xlsx";
const EDITION = { source_id: "epr-list", as_of: "2024-10-01" };

describe("NHS England EPR supplier list importer", () => {
  it("reads every trust with its type and supplier, under the source id and as-of date it is imported with", async () => {
    const rows = await parseEprSuppliers(await eprWorkbook(), FILE, EDITION);
    expect(rows.map((r) => r.code)).toEqual(["RAA", "RBB", "RDD", "TZZ"]);
    expect(rows.every((r) => r.as_of === "2024-10-01" && r.source_id === "epr-list")).toBe(true);
    const byCode = Object.fromEntries(rows.map((r) => [r.code, r]));
    expect(byCode.RAA).toMatchObject({ trust_type: "acute", has_epr: "yes", supplier: "Epic Systems Corporation" });
    // Trailing space in the type and a doubled space in the name are tidied.
    expect(byCode.RBB).toMatchObject({ trust_type: "mental_health", name_in_source: "BETA MENTAL HEALTH NHS TRUST" });
    expect(byCode.TZZ!.trust_type).toBe("mental_health_community");
  });

  it('treats "No EPR -  in process of getting one" (two spaces) as a trust without an EPR and no supplier', async () => {
    const rows = await parseEprSuppliers(await eprWorkbook(), FILE, EDITION);
    expect(rows.find((r) => r.code === "RDD")).toMatchObject({ has_epr: "no", supplier: "" });
  });

  it("takes the edition's date from the maintainer, not from the sheet name, and checks it", async () => {
    const rows = await parseEprSuppliers(await eprWorkbook({ sheetName: "EPR Suppliers" }), FILE, { source_id: "epr-list-2026", as_of: "2026-04-01" });
    expect(rows.every((r) => r.as_of === "2026-04-01" && r.source_id === "epr-list-2026")).toBe(true);
    await expect(parseEprSuppliers(await eprWorkbook(), FILE, { source_id: "epr-list", as_of: "2099-02-31" })).rejects.toThrow(/column "as-of date": found "2099-02-31"; expected the date the list describes/);
    await expect(parseEprSuppliers(await eprWorkbook(), FILE, { source_id: "Epr List", as_of: "2024-10-01" })).rejects.toThrow(/column "source id"/);
  });

  it("adds a second edition beside the first and never overwrites it; re-importing an edition replaces only that edition", () => {
    const row = (code: string, as_of: string, source_id: string, has_epr = "yes"): EprStatusCsvRow =>
      ({ code, as_of, source_id, name_in_source: code, trust_type: "acute", has_epr, supplier: has_epr === "yes" ? "TPP" : "" });
    const first = [row("RAA", "2024-10-01", "list-2024", "no"), row("RBB", "2024-10-01", "list-2024")];
    const both = withEdition(first, [row("RAA", "2026-04-01", "list-2026")]);
    expect(both.map((r) => `${r.code} ${r.source_id}`)).toEqual(["RAA list-2024", "RAA list-2026", "RBB list-2024"]);
    const again = withEdition(both, [row("RAA", "2026-04-01", "list-2026", "no")]);
    expect(again.filter((r) => r.source_id === "list-2026")).toEqual([row("RAA", "2026-04-01", "list-2026", "no")]);
    expect(again.filter((r) => r.source_id === "list-2024")).toEqual(first);
  });

  it("rejects an unknown trust type, naming the row and column", async () => {
    const rows = [...EPR_ROWS, ["RXX", "X NHS TRUST", "Dental", "TPP"]];
    await expect(parseEprSuppliers(await eprWorkbook({ rows }), FILE, EDITION)).rejects.toThrow(
      /upstream\/epr\.xlsx, line 6, column "Trust Type \(Primary\)": found "Dental"; expected one of Acute/,
    );
  });

  it("rejects a trust listed twice", async () => {
    const rows = [...EPR_ROWS, EPR_ROWS[0]!];
    await expect(parseEprSuppliers(await eprWorkbook({ rows }), FILE, EDITION)).rejects.toThrow(/line 6, column "Organisation Code": found "RAA"; expected each trust once \(also on row 2\)/);
  });

  it("rejects a renamed column and a workbook without a supplier sheet", async () => {
    const header = ["Organisation Code", "Organisation", "Trust Type", "Supplier (Primary EPR)"];
    await expect(parseEprSuppliers(await eprWorkbook({ header }), FILE, EDITION)).rejects.toThrow(/line 1: found .*Trust Type \|.*expected the header/);
    await expect(parseEprSuppliers(await eprWorkbook({ sheetName: "Sheet1" }), FILE, EDITION)).rejects.toThrow(/expected a visible sheet named like/);
  });

  it("rejects a file that is not a workbook", async () => {
    await expect(parseEprSuppliers(Buffer.from("code,name\n"), FILE, EDITION)).rejects.toThrow(/upstream\/epr\.xlsx: expected an \.xlsx workbook/);
  });
});
