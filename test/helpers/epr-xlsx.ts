/** Builds a workbook in the layout of NHS England's primary EPR supplier list, quirks included. */
import ExcelJS from "exceljs";

export const EPR_HEADER = ["Organisation Code", "Organisation", "Trust Type (Primary)", "Supplier (Primary EPR)"];

export const EPR_ROWS: string[][] = [
  ["RAA", "ALPHA HOSPITALS NHS TRUST", "Acute", "Epic Systems Corporation "],
  ["RBB", "BETA  MENTAL HEALTH NHS TRUST", "Mental Health ", "TPP"],
  ["RDD", "DELTA HOSPITAL NHS FOUNDATION TRUST", "Acute", "No EPR -  in process of getting one"],
  ["TZZ", "Zeta Care NHS Trust", "Mental Health and Community (Combined)", "TPP"],
];

export async function eprWorkbook(
  opts: { sheetName?: string; header?: string[]; rows?: string[][] } = {},
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  // Fixed dates keep the fixture's bytes stable from run to run.
  book.created = book.modified = new Date("2024-10-01T00:00:00Z");
  book.addWorksheet("hiddenSheet", { state: "hidden" }).addRow(["cts_epr2023"]);
  const sheet = book.addWorksheet(opts.sheetName ?? "EPR Suppliers 01.10.24");
  sheet.addRow(opts.header ?? EPR_HEADER);
  for (const row of opts.rows ?? EPR_ROWS) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}
