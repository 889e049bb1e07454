/**
 * The boards that closed on 1 April 2026 and the boards that took their areas
 * (ods-2026-icbs/icb-successions-2026.csv) → data/icb-successions.csv. The trust file already gives
 * each trust its 2026 board; this table names the new boards and dates the old ones' end.
 */
import { parseCsv } from "../../src/lib/data/csv.ts";
import { DataError, type Problem } from "../../src/lib/data/errors.ts";
import { isIsoDay } from "../../src/lib/data/dates.ts";
import { tidySpaces } from "../../src/lib/data/names.ts";
import { compareCodePoints } from "../../src/lib/order.ts";
import { columnsOf } from "../../src/lib/data/schema.ts";
import { icbSuccessionsTable } from "../../src/lib/data/tables.ts";

export const ICB_SUCCESSION_COLUMNS = columnsOf(icbSuccessionsTable);
export type IcbSuccessionCsvRow = Record<(typeof ICB_SUCCESSION_COLUMNS)[number], string>;

const HEADER = ["predecessor_code", "predecessor_name", "successor_code", "successor_name", "date", "kind"];
const KINDS = new Set(["merger", "split", "acquisition"]);
const CODE = /^[A-Z0-9]{3,5}$/;

export function parseIcbSuccessions(text: string, file: string): IcbSuccessionCsvRow[] {
  const table = parseCsv(text, file);
  if (table.header.join(",") !== HEADER.join(","))
    throw new DataError([{ file, line: 1, value: table.header.join(","), expected: `the header ${HEADER.join(",")}` }]);
  const problems: Problem[] = [];
  const rows = table.rows.map(({ line, cells }) => {
    const [pred, , succ, succName, date, kind] = cells.map((c) => tidySpaces(c ?? ""));
    const where = { file, line };
    if (!CODE.test(pred!))
      problems.push({
        ...where,
        column: "predecessor_code",
        value: pred,
        expected: "an ODS code of 3 to 5 capital letters or digits",
      });
    if (!CODE.test(succ!))
      problems.push({
        ...where,
        column: "successor_code",
        value: succ,
        expected: "an ODS code of 3 to 5 capital letters or digits",
      });
    if (!succName)
      problems.push({ ...where, column: "successor_name", value: succName, expected: "the successor board's name" });
    if (!isIsoDay(date!)) problems.push({ ...where, column: "date", value: date, expected: "a date as YYYY-MM-DD" });
    if (!KINDS.has(kind!))
      problems.push({ ...where, column: "kind", value: kind, expected: "merger, split or acquisition" });
    return { predecessor_code: pred!, successor_code: succ!, successor_name: succName!, date: date!, kind: kind! };
  });
  if (problems.length) throw new DataError(problems);
  return rows.sort(
    (a, b) =>
      compareCodePoints(a.predecessor_code, b.predecessor_code) ||
      compareCodePoints(a.successor_code, b.successor_code),
  );
}
