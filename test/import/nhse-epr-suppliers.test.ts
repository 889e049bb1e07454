import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { parseEprSuppliers, withEdition, type EprStatusCsvRow } from "../../scripts/import/nhse-epr-suppliers.ts";
import { EPR_ROWS, eprWorkbook } from "../helpers/epr-xlsx.ts";
import { readSheets } from "../../scripts/import/workbook-worker.ts";
import { readWorkbook, type Sheet } from "../../scripts/import/workbook.ts";

const FILE = "upstream/epr.xlsx";
const EDITION = { source_id: "epr-list", as_of: "2024-10-01" };
const sheets = async (opts?: Parameters<typeof eprWorkbook>[0]) => readSheets(await eprWorkbook(opts));
const dir = mkdtempSync(join(tmpdir(), "epr-xlsx-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("NHS England EPR supplier list importer", () => {
  it("reads every trust with its type and supplier, under the source id and as-of date it is imported with", async () => {
    const rows = parseEprSuppliers(await sheets(), FILE, EDITION);
    expect(rows.map((r) => r.code)).toEqual(["RAA", "RBB", "RDD", "TZZ"]);
    expect(rows.every((r) => r.as_of === "2024-10-01" && r.source_id === "epr-list")).toBe(true);
    const byCode = Object.fromEntries(rows.map((r) => [r.code, r]));
    expect(byCode.RAA).toMatchObject({ trust_type: "acute", has_epr: "yes", supplier: "Epic Systems Corporation" });
    // Trailing space in the type and a doubled space in the name are tidied.
    expect(byCode.RBB).toMatchObject({ trust_type: "mental_health", name_in_source: "BETA MENTAL HEALTH NHS TRUST" });
    expect(byCode.TZZ!.trust_type).toBe("mental_health_community");
  });

  it('treats "No EPR -  in process of getting one" (two spaces) as a trust without an EPR and no supplier', async () => {
    const rows = parseEprSuppliers(await sheets(), FILE, EDITION);
    expect(rows.find((r) => r.code === "RDD")).toMatchObject({ has_epr: "no", supplier: "" });
  });

  it("takes the edition's date from the maintainer, not from the sheet name, and checks it", async () => {
    const rows = parseEprSuppliers(await sheets({ sheetName: "EPR Suppliers 31.02.99" }), FILE, {
      source_id: "epr-list-2026",
      as_of: "2026-04-01",
    });
    expect(rows.every((r) => r.as_of === "2026-04-01" && r.source_id === "epr-list-2026")).toBe(true);
    expect(() => parseEprSuppliers([], FILE, { source_id: "epr-list", as_of: "2099-02-31" })).toThrow(
      /column "as-of date": found "2099-02-31"; expected the date the list describes/,
    );
    expect(() => parseEprSuppliers([], FILE, { source_id: "Epr List", as_of: "2024-10-01" })).toThrow(
      /column "source id"/,
    );
  });

  it("adds a second edition beside the first and never overwrites it; re-importing an edition replaces only that edition", () => {
    const row = (code: string, as_of: string, source_id: string, has_epr = "yes"): EprStatusCsvRow => ({
      code,
      as_of,
      source_id,
      name_in_source: code,
      trust_type: "acute",
      has_epr,
      supplier: has_epr === "yes" ? "TPP" : "",
    });
    const first = [row("RAA", "2024-10-01", "list-2024", "no"), row("RBB", "2024-10-01", "list-2024")];
    const both = withEdition(first, [row("RAA", "2026-04-01", "list-2026")]);
    expect(both.map((r) => `${r.code} ${r.source_id}`)).toEqual(["RAA list-2024", "RAA list-2026", "RBB list-2024"]);
    const again = withEdition(both, [row("RAA", "2026-04-01", "list-2026", "no")]);
    expect(again.filter((r) => r.source_id === "list-2026")).toEqual([row("RAA", "2026-04-01", "list-2026", "no")]);
    expect(again.filter((r) => r.source_id === "list-2024")).toEqual(first);
  });

  it("rejects an unknown trust type, naming the row and column, and never reads Object's own properties", async () => {
    const rows = [...EPR_ROWS, ["RXX", "X NHS TRUST", "Dental", "TPP"], ["RXY", "Y NHS TRUST", "constructor", "TPP"]];
    expect(() => parseEprSuppliers(readSheetsSync(rows), FILE, EDITION)).toThrow(
      /upstream\/epr\.xlsx, line 6, column "Trust Type \(Primary\)": found "Dental"; expected one of Acute/,
    );
    expect(() => parseEprSuppliers(readSheetsSync(rows), FILE, EDITION)).toThrow(
      /line 7, column "Trust Type \(Primary\)": found "constructor"/,
    );
  });

  it("rejects a trust listed twice", async () => {
    const rows = [...EPR_ROWS, EPR_ROWS[0]!];
    expect(() => parseEprSuppliers(readSheetsSync(rows), FILE, EDITION)).toThrow(
      /line 6, column "Organisation Code": found "RAA"; expected each trust once \(also on row 2\)/,
    );
  });

  it("rejects a renamed column and a workbook without a supplier sheet", async () => {
    const header = ["Organisation Code", "Organisation", "Trust Type", "Supplier (Primary EPR)"];
    expect(() => parseEprSuppliers(readSheetsSync(EPR_ROWS, header), FILE, EDITION)).toThrow(
      /line 1: found .*Trust Type \|.*expected the header/,
    );
    expect(parseEprSuppliers.bind(null, [{ ...readSheetsSync(EPR_ROWS)[0]!, name: "Sheet1" }], FILE, EDITION)).toThrow(
      /expected a visible sheet named like/,
    );
  });

  it("refuses cells that are not text: a formula with no saved value, #N/A, a date, a number", () => {
    const header = ["Organisation Code", "Organisation", "Trust Type (Primary)", "Supplier (Primary EPR)"].map((v) => ({
      t: "text" as const,
      v,
    }));
    const text = (v: string) => ({ t: "text" as const, v });
    const sheet: Sheet = {
      name: "EPR Suppliers 01.04.26",
      visible: true,
      rows: [
        header,
        [text("RAA"), text("ALPHA"), text("Acute"), { t: "formula", formula: '"TP"&"P"', result: null }],
        [text("RBB"), text("BETA"), text("Acute"), { t: "error", v: "#N/A" }],
        [text("RCC"), text("GAMMA"), { t: "date", v: "2024-10-01T00:00:00.000Z" }, text("TPP")],
        [{ t: "number", v: 12345 }, text("DELTA"), text("Acute"), text("TPP")],
        // A formula whose saved value is text is read by that value.
        [text("REE"), text("EPSILON"), text("Acute"), { t: "formula", formula: '"TP"&"P"', result: text("TPP") }],
      ],
    };
    let message = "";
    try {
      parseEprSuppliers([sheet], FILE, EDITION);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(
      /line 2, column "Supplier \(Primary EPR\)": found "=\\"TP\\"&\\"P\\""; expected text, not a formula with no saved value/,
    );
    expect(message).toMatch(
      /line 3, column "Supplier \(Primary EPR\)": found "#N\/A"; expected text, not a spreadsheet error/,
    );
    expect(message).toMatch(
      /line 4, column "Trust Type \(Primary\)": found "2024-10-01T00:00:00.000Z"; expected text, not a date/,
    );
    expect(message).toMatch(/line 5, column "Organisation Code": found "12345"; expected text, not a number/);
    expect(message).not.toContain("object Object");
    expect(message).not.toMatch(/line 6/);
  });
});

describe("reading a workbook in a child process", () => {
  it("reads a real workbook file through the child, with formula cells and their saved values", async () => {
    const file = join(dir, "list.xlsx");
    writeFileSync(file, await eprWorkbook());
    const read = readWorkbook(file);
    expect(read.map((s) => [s.name, s.visible])).toEqual([
      ["hiddenSheet", false],
      ["EPR Suppliers 01.10.24", true],
    ]);
    expect(parseEprSuppliers(read, file, EDITION)).toHaveLength(4);
  });

  it("reads a workbook saved by openpyxl, and says why a formula it did not calculate cannot be used", () => {
    const file = fileURLToPath(new URL("../fixtures/workbooks/saved-by-openpyxl.xlsx", import.meta.url));
    const read = readWorkbook(file);
    expect(() => parseEprSuppliers(read, file, EDITION)).toThrow(
      /line 4, column "Supplier \(Primary EPR\)": found "=\\"TP\\"&\\"P\\""; expected text, not a formula with no saved value \(the program that saved the workbook did not calculate it/,
    );
    const good = { ...read[0]!, rows: read[0]!.rows.slice(0, 3) };
    expect(parseEprSuppliers([good], file, EDITION).map((r) => `${r.code} ${r.has_epr} ${r.supplier}`)).toEqual([
      "RAA yes Epic Systems Corporation",
      "RDD no ",
    ]);
  });

  it("refuses a file that is not a workbook, a folder, and one over the size limit, naming the file", () => {
    const bad = join(dir, "bad.xlsx");
    writeFileSync(bad, "code,name\n");
    expect(() => readWorkbook(bad)).toThrow(/bad\.xlsx: expected an \.xlsx workbook that can be read within 1024 MB/);
    expect(() => readWorkbook(dir)).toThrow(/expected a regular \.xlsx file/);
    expect(() => readWorkbook(bad, { maxBytes: 4, heapMb: 64, timeoutMs: 10_000 })).toThrow(
      /found "10 bytes"; expected a workbook of at most 4 bytes/,
    );
  });
});

/** The fixture rows as sheets, without a workbook: for the rules that only look at cell text. */
function readSheetsSync(
  rows: string[][],
  header = ["Organisation Code", "Organisation", "Trust Type (Primary)", "Supplier (Primary EPR)"],
): Sheet[] {
  const text = (v: string) => ({ t: "text" as const, v });
  return [{ name: "EPR Suppliers 01.10.24", visible: true, rows: [header.map(text), ...rows.map((r) => r.map(text))] }];
}
