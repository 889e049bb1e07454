/** ONS ICB names (Dec 2024) + Open Innovations ICB hexmap → data/icbs.csv and data/regions.csv. */
import { parseCsv } from "../../src/lib/data/csv.ts";
import { DataError, type Problem } from "../../src/lib/data/errors.ts";
import { tidySpaces } from "../../src/lib/data/names.ts";
import { parseJson } from "../../src/lib/data/json.ts";
import { MAX_HEX_OFFSET } from "../../src/lib/data/integrity.ts";
import { compareCodePoints } from "../../src/lib/order.ts";
import { columnsOf } from "../../src/lib/data/schema.ts";
import { icbsTable, regionsTable } from "../../src/lib/data/tables.ts";

export const ICB_COLUMNS = columnsOf(icbsTable);
export const REGION_COLUMNS = columnsOf(regionsTable);
export type IcbCsvRow = Record<(typeof ICB_COLUMNS)[number], string>;
export type RegionCsvRow = Record<(typeof REGION_COLUMNS)[number], string>;

interface Hex {
  q: number;
  r: number;
  n?: string;
  NHSER21CD?: string;
  NHSER21CDH?: string;
  NHSER21NM?: string;
}

/** "NHS Cheshire and Merseyside Integrated Care Board" → "Cheshire and Merseyside". */
export function shortIcbName(name: string): string {
  return tidySpaces(name.replace(/^NHS\s+/, "").replace(/\s+Integrated Care Board$/, ""));
}

export function buildGeography(
  icbCsv: string,
  icbFile: string,
  hexText: string,
  hexFile: string,
): { icbs: IcbCsvRow[]; regions: RegionCsvRow[] } {
  const table = parseCsv(icbCsv, icbFile);
  const need = ["ICB24CD", "ICB24CDH", "ICB24NM"];
  const missing = need.filter((n) => !table.header.includes(n));
  if (missing.length)
    throw new DataError([
      {
        file: icbFile,
        line: 1,
        value: table.header.join(","),
        expected: `columns ${need.join(", ")} (missing ${missing.join(", ")})`,
      },
    ]);
  const col = (name: string) => table.header.indexOf(name);

  const hexjson = parseJson(hexText, hexFile) as { layout?: unknown; hexes?: unknown } | null;
  const rawHexes = hexjson?.hexes;
  if (hexjson?.layout !== "odd-r" || typeof rawHexes !== "object" || rawHexes === null || Array.isArray(rawHexes)) {
    throw new DataError([
      { file: hexFile, value: String(hexjson?.layout), expected: 'a HexJSON object with layout "odd-r" and hexes' },
    ]);
  }
  // A Map, not the parsed object: a code such as "constructor" must find nothing, not Object's own properties.
  const hexes = new Map(Object.entries(rawHexes as Record<string, Hex>));

  const problems: Problem[] = [];
  const icbs: IcbCsvRow[] = [];
  const regions = new Map<string, RegionCsvRow>();
  for (const { line, cells } of table.rows) {
    const code = tidySpaces(cells[col("ICB24CDH")]!);
    if (!/^[A-Z0-9]{3,5}$/.test(code)) {
      problems.push({
        file: icbFile,
        line,
        column: "ICB24CDH",
        value: code,
        expected: "an ODS ICB code of 3 to 5 capital letters or digits",
      });
      continue;
    }
    const hex = hexes.get(code);
    if (!hex) {
      problems.push({
        file: hexFile,
        column: "hexes",
        value: code,
        expected: `a hex for ICB ${code} (listed on line ${line} of ${icbFile})`,
      });
      continue;
    }
    const onMap = (n: unknown) => Number.isInteger(n) && Math.abs(n as number) <= MAX_HEX_OFFSET;
    if (
      typeof hex !== "object" ||
      hex === null ||
      typeof hex.NHSER21CDH !== "string" ||
      typeof hex.NHSER21NM !== "string" ||
      !onMap(hex.q) ||
      !onMap(hex.r)
    ) {
      problems.push({
        file: hexFile,
        column: `hexes.${code}`,
        expected: `q and r (whole numbers from -${MAX_HEX_OFFSET} to ${MAX_HEX_OFFSET}), NHSER21CDH and NHSER21NM`,
      });
      continue;
    }
    icbs.push({
      code,
      gss_code: tidySpaces(cells[col("ICB24CD")]!),
      name: tidySpaces(cells[col("ICB24NM")]!),
      short_name: shortIcbName(cells[col("ICB24NM")]!),
      region_code: hex.NHSER21CDH,
      hex_q: String(hex.q),
      hex_r: String(hex.r),
    });
    regions.set(hex.NHSER21CDH, {
      code: hex.NHSER21CDH,
      gss_code: hex.NHSER21CD ?? "",
      name: tidySpaces(hex.NHSER21NM),
    });
  }
  const listed = new Set(icbs.map((i) => i.code));
  for (const code of hexes.keys()) {
    if (!listed.has(code) && !problems.some((p) => p.value === code))
      problems.push({
        file: icbFile,
        column: "ICB24CDH",
        value: code,
        expected: `a row for ICB ${code}, which the hexmap has`,
      });
  }
  if (problems.length) throw new DataError(problems);
  return {
    icbs: icbs.sort((a, b) => compareCodePoints(a.code, b.code)),
    regions: [...regions.values()].sort((a, b) => compareCodePoints(a.code, b.code)),
  };
}
