/**
 * What a downloaded upstream file turned out to be, in words a maintainer can act on. Each format named in
 * data/upstream.json (`format`) has a description, and the ones a refresh can get wrong (the ODS reports,
 * whose publisher endpoints have not yet been seen working) have a check: the check says what arrived
 * (rows, fields, the first rows) and whether it is what the importer expects. Pure.
 */
import Papa from "papaparse";
import { logSafe } from "../lib/log-text.ts";

export interface Inspection {
  ok: boolean;
  /** One or more lines: what the file is, counts, and the first rows. */
  report: string;
}

export interface Format {
  description: string;
  inspect?: (body: Uint8Array) => Inspection;
}

const FIRST_ROWS = 3;
/** ODS codes run from 3 characters (trusts) to 9 (branch surgeries in the successor file). */
const ODS_CODE = /^[A-Z0-9]{2,12}$/;

/** A short, single-line look at the start of a body, for reports. */
function start(text: string, chars = 120): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return logSafe(JSON.stringify(flat.length > chars ? `${flat.slice(0, chars)}…` : flat));
}

/** What a body that is not CSV looks like, or null when it may be CSV. */
export function notCsv(body: Uint8Array): string | null {
  if (body.length === 0) return "an empty file";
  if (body[0] === 0x50 && body[1] === 0x4b && body[2] === 0x03 && body[3] === 0x04)
    return "a ZIP archive (ODS has published its CSV files zipped: unzip it and check the CSV inside)";
  const text = new TextDecoder("utf-8")
    .decode(body.subarray(0, 2000))
    .replace(/^\uFEFF/, "")
    .trimStart();
  if (/^<(!doctype|html|\?xml|head|body)/i.test(text)) return `an HTML or XML page, starting ${start(text)}`;
  if (text.startsWith("{") || text.startsWith("[")) {
    return /"Organisations?"\s*:/.test(text)
      ? `JSON from the ODS ORD API (${start(text, 80)}), not the CSV report: use \`npm run data:ods\` for the API`
      : `JSON, starting ${start(text)}`;
  }
  return null;
}

/**
 * An ODS report: headerless CSV, `fields` fields on every row, an ODS code in field 1 and, where
 * `dateField` is given, a YYYYMMDD date there.
 */
export function inspectOdsCsv(body: Uint8Array, name: string, fields: number, dateField: number): Inspection {
  const other = notCsv(body);
  if (other)
    return {
      ok: false,
      report: `expected the ODS ${name} report (headerless CSV, ${fields} fields a row); got ${other}`,
    };
  const text = new TextDecoder("utf-8").decode(body).replace(/^\uFEFF/, "");
  const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  const widths = new Map<number, number>();
  for (const r of rows) widths.set(r.length, (widths.get(r.length) ?? 0) + 1);
  const shape = [...widths]
    .sort((a, b) => b[1] - a[1])
    .map(([w, n]) => `${n} ${n === 1 ? "row" : "rows"} of ${w} ${w === 1 ? "field" : "fields"}`)
    .join(", ");
  // The publisher's cells, shown never obeyed: a terminal escape or a line break in a name is escaped.
  const first = rows
    .slice(0, FIRST_ROWS)
    .map((r) => `    ${logSafe(r.slice(0, 4).join(" | ")).replace(/\n/g, "\\n")}${r.length > 4 ? " | …" : ""}`);
  const lines = (head: string) => [head, ...first].join("\n");
  const crlf = text.includes("\r\n") ? "CRLF" : "LF";
  const header = rows[0] && !ODS_CODE.test(rows[0][0]!.trim());
  if (rows.length === 0) return { ok: false, report: `expected the ODS ${name} report; got a file with no rows` };
  if (header)
    return {
      ok: false,
      report: lines(
        `expected the ODS ${name} report without a header row; the first row looks like a header or is not an ODS code (${shape}, ${crlf}). First rows:`,
      ),
    };
  if (widths.size !== 1 || !widths.has(fields))
    return {
      ok: false,
      report: lines(
        `expected the ODS ${name} report with ${fields} fields on every row; got ${shape} (${crlf}). First rows:`,
      ),
    };
  const badCodes = rows.filter((r) => !ODS_CODE.test(r[0]!.trim())).length;
  const badDates = rows.filter((r) => !/^\d{8}$/.test(r[dateField - 1]!.trim())).length;
  if (badCodes || badDates) {
    return {
      ok: false,
      report: lines(
        `expected the ODS ${name} report; ${badCodes} rows have no ODS code in field 1 and ${badDates} no YYYYMMDD date in field ${dateField} (${shape}). First rows:`,
      ),
    };
  }
  return {
    ok: true,
    report: lines(
      `format: ODS ${name} report as expected, headerless CSV, ${rows.length} rows of ${fields} fields, ${crlf}. First rows:`,
    ),
  };
}

export const FORMATS: Record<string, Format> = {
  "ods-etr": {
    description: "ODS etr report (NHS trusts): headerless CSV, 27 quoted fields",
    inspect: (b) => inspectOdsCsv(b, "etr", 27, 11),
  },
  "ods-ect": {
    description: "ODS ect report (care trusts): headerless CSV, 27 quoted fields like etr (layout not yet seen)",
    inspect: (b) => inspectOdsCsv(b, "ect", 27, 11),
  },
  "ods-succ": {
    description: "ODS succ report (successor organisations): headerless CSV, 5 fields",
    inspect: (b) => inspectOdsCsv(b, "succ", 5, 4),
  },
  "nhse-epr-xlsx": { description: "NHS England's workbook of trusts' primary EPR suppliers (xlsx)" },
  "ons-icb-csv": { description: "ONS ICB names and codes: CSV with a header row" },
  hexjson: { description: "HexJSON hex map (JSON)" },
  "icb-successions-csv": {
    description:
      "Board successions of 1 April 2026: CSV with a header row (predecessor and successor codes and names, date, kind), typed from a published table",
    // The URL is the page the table was typed from, so a download is that page, not this CSV: refuse it.
    inspect: (b) => {
      const first = new TextDecoder("utf-8").decode(b.subarray(0, 200)).split(/\r?\n/)[0] ?? "";
      const ok = first === "predecessor_code,predecessor_name,successor_code,successor_name,date,kind";
      return {
        ok,
        report: ok
          ? "board successions CSV, header as expected"
          : `not the board successions CSV: its first line is ${JSON.stringify(first.slice(0, 80))}; keep the committed table and check it against the page by hand`,
      };
    },
  },
  "gmpp-csv": { description: "GMPP annual data: semicolon-separated CSV in Windows-1252" },
  "nhs-hospitals-csv": {
    description:
      "NHS website hospital list (Hospital.csv): a header row, fields separated by ¬, unquoted, Windows-1252",
  },
  "ods-site-parents-json": {
    description: "JSON object of active ODS trust site codes and the code of each one's parent",
  },
};
