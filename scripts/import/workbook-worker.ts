/**
 * Child process of readWorkbook(): loads one .xlsx with exceljs and prints its sheets as JSON cells.
 * Nothing else runs here, so the parser's memory and time are capped by the parent.
 */
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import type { Cell, Sheet } from "./workbook.ts";

/** exceljs's cell values as tagged cells: no prototype tricks, no locale or time zone in the output. */
export function toCell(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return { t: "empty" };
  if (typeof v === "string") return { t: "text", v };
  if (typeof v === "number") return { t: "number", v };
  if (typeof v === "boolean") return { t: "boolean", v };
  if (v instanceof Date) return { t: "date", v: Number.isNaN(v.getTime()) ? "invalid date" : v.toISOString() };
  if (typeof v === "object") {
    if ("richText" in v && Array.isArray(v.richText))
      return { t: "text", v: v.richText.map((r) => String(r.text ?? "")).join("") };
    if ("error" in v) return { t: "error", v: String(v.error) };
    if ("formula" in v || "sharedFormula" in v) {
      const f = v as ExcelJS.CellFormulaValue & { sharedFormula?: string };
      return {
        t: "formula",
        formula: String(f.formula ?? f.sharedFormula ?? ""),
        result: f.result === undefined || f.result === null ? null : toCell(f.result as ExcelJS.CellValue),
      };
    }
    if ("text" in v && typeof (v as { text: unknown }).text === "string")
      return { t: "text", v: (v as { text: string }).text };
  }
  return { t: "error", v: "a cell of a kind this importer does not read" };
}

export async function readSheets(data: Buffer): Promise<Sheet[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data as unknown as ArrayBuffer);
  return book.worksheets.map((s) => {
    const rows: Cell[][] = [];
    for (let r = 1; r <= s.rowCount; r++) {
      const row = s.getRow(r);
      rows.push(Array.from({ length: row.cellCount }, (_, c) => toCell(row.getCell(c + 1).value)));
    }
    return { name: s.name, visible: s.state === "visible", rows };
  });
}

if (import.meta.main) {
  try {
    process.stdout.write(JSON.stringify(await readSheets(readFileSync(process.argv[2]!))));
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
