/**
 * Reading an .xlsx workbook from outside, kept apart from everything else: the parser (exceljs and
 * its zip and stream dependencies) runs in a child process with a memory cap, a time limit and no
 * output but JSON on stdout, so a hostile or broken file can at worst fail that process. Cells come
 * back as plain tagged values; what each column accepts is decided by the importer, not the parser.
 */
import { spawnSync } from "node:child_process";
import { lstatSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DataError } from "../../src/lib/data/errors.ts";
import { parseJsonText, problemCharacter } from "../../src/lib/data/gate.ts";

/** One cell as the workbook stored it. A formula keeps the value the saving program calculated, if any. */
export type Cell =
  | { t: "empty" }
  | { t: "text"; v: string }
  | { t: "number"; v: number }
  | { t: "boolean"; v: boolean }
  | { t: "date"; v: string }
  | { t: "error"; v: string }
  | { t: "formula"; formula: string; result: Cell | null };

export interface Sheet {
  name: string;
  visible: boolean;
  /** Rows from the first, each a list of cells from column A; trailing empty rows dropped. */
  rows: Cell[][];
}

/** Largest workbook read, and the child's memory and time: the 2024 list (30 KB) needs about 400 MB in exceljs. */
export const WORKBOOK_LIMITS = { maxBytes: 20_000_000, heapMb: 1024, timeoutMs: 60_000 };

const WORKER = fileURLToPath(new URL("./workbook-worker.ts", import.meta.url));

/** Reads a workbook file in a child process. Fails with the file named when it is not a readable .xlsx. */
export function readWorkbook(path: string, limits = WORKBOOK_LIMITS): Sheet[] {
  let size: number;
  try {
    const st = lstatSync(path);
    if (!st.isFile())
      throw new DataError([{ file: path, expected: "a regular .xlsx file (not a folder, link or device)" }]);
    size = st.size;
  } catch (e) {
    if (e instanceof DataError) throw e;
    throw new DataError([
      { file: path, expected: `a readable file (${(e as NodeJS.ErrnoException).code ?? "unreadable"})` },
    ]);
  }
  if (size > limits.maxBytes)
    throw new DataError([
      { file: path, value: `${size} bytes`, expected: `a workbook of at most ${limits.maxBytes} bytes` },
    ]);
  const run = spawnSync(process.execPath, [`--max-old-space-size=${limits.heapMb}`, WORKER, path], {
    encoding: "utf8",
    timeout: limits.timeoutMs,
    maxBuffer: 8 * limits.maxBytes,
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (run.error || run.status !== 0) {
    const why = run.error
      ? run.error.message
      : run.signal
        ? `stopped by ${run.signal}`
        : (run.stderr.trim().split("\n").at(-1) ?? "").slice(0, 200);
    throw new DataError([
      {
        file: path,
        expected: `an .xlsx workbook that can be read within ${limits.heapMb} MB and ${limits.timeoutMs / 1000} s (${why})`,
      },
    ]);
  }
  return parseJsonText(run.stdout, path) as Sheet[];
}

/**
 * A cell as text, or a reason it is not text. A formula counts by its saved result; a workbook saved
 * by a program that does not calculate formulas (openpyxl, for one) has none, and says so.
 */
export function cellText(cell: Cell | undefined): { text: string } | { problem: string; value: string } {
  if (!cell || cell.t === "empty") return { text: "" };
  switch (cell.t) {
    case "text": {
      // Cells pass the gate every text input passes: the importer copies them into our CSVs.
      const bad = problemCharacter(cell.v);
      return bad ? { problem: `text without ${bad}`, value: cell.v.slice(0, 60) } : { text: cell.v };
    }
    case "formula":
      if (cell.result === null)
        return {
          problem:
            "text, not a formula with no saved value (the program that saved the workbook did not calculate it: open and save it in a spreadsheet program, or type the value)",
          value: `=${cell.formula}`.slice(0, 60),
        };
      return cellText(cell.result);
    case "error":
      return { problem: "text, not a spreadsheet error", value: cell.v };
    case "date":
      return { problem: "text, not a date", value: cell.v };
    case "number":
      return { problem: "text, not a number", value: String(cell.v) };
    case "boolean":
      return { problem: "text, not TRUE or FALSE", value: String(cell.v) };
  }
}
