/**
 * npm run data:import [-- --from <dir>] [-- --out <dir>]
 *   Turns the publishers' files (laid out as in data/upstream/, see data/README.md) into the
 *   normalised CSVs under data/, with every edition of NHS England's list named in
 *   data/epr-list-editions.json. Review the git diff of data/ before committing.
 * npm run data:import -- --epr-list <workbook> --source-id <id> --as-of <YYYY-MM-DD>
 *   Adds one edition of NHS England's list beside the earlier ones, and records it in
 *   data/epr-list-editions.json so that later full imports include it.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { toCsv } from "../src/lib/data/csv.ts";
import { argValue, readBytes, readText, runMain, writeAllAtomically } from "./lib/io.ts";
import {
  buildSuccessionRows,
  buildTrustRows,
  parseEtr,
  parseSucc,
  SUCCESSION_COLUMNS,
  TRUST_COLUMNS,
} from "./import/ods-trusts.ts";
import {
  EPR_STATUS_COLUMNS,
  parseEprSuppliers,
  withEdition,
  type EprStatusCsvRow,
  type ListEditionInput,
} from "./import/nhse-epr-suppliers.ts";
import { readWorkbook } from "./import/workbook.ts";
import { ICB_SUCCESSION_COLUMNS, parseIcbSuccessions } from "./import/icb-successions.ts";
import { parseCsv } from "../src/lib/data/csv.ts";
import { parseJsonWith, toJson } from "../src/lib/data/json.ts";
import { z } from "astro/zod";
import { isIsoDay } from "../src/lib/data/dates.ts";
import { buildGeography, ICB_COLUMNS, REGION_COLUMNS } from "./import/geography.ts";
import { extractGmppRow, GMPP_COLUMNS } from "./import/gmpp.ts";
import {
  eprStatusTable,
  gmppTable,
  icbSuccessionsTable,
  icbsTable,
  regionsTable,
  successionsTable,
  TRUSTS_SINCE,
  trustsTable,
} from "../src/lib/data/tables.ts";
import { parseTable, type Schema, type TableSpec } from "../src/lib/data/schema.ts";
import { checkIntegrity } from "../src/lib/data/integrity.ts";
import { DataError, type Problem } from "../src/lib/data/errors.ts";
import { compareCodePoints } from "../src/lib/order.ts";

/** Where each upstream file sits under the --from folder. */
export const UPSTREAM = {
  etrCurrent: "ods-etr/etr.csv",
  etrOlder: "ods-etr-2025/etr.csv",
  succ: "ods-succ/succ.csv",
  icbSuccessions: "ods-2026-icbs/icb-successions-2026.csv",
  icbNames: "ons-icb-names-2024/icb_names_codes_dec_2024.csv",
  hexmap: "odi-hexmap-icb/nhs-icb-2022.hexjson",
  gmpp2022: "gmpp-ipa-compiled-rauschgold/uk_2022.csv",
  gmpp2023: "gmpp-ipa-compiled-rauschgold/uk_2023.csv",
} as const;

/** The editions of NHS England's list to import, from data/epr-list-editions.json. */
const EDITIONS = z
  .array(
    z.object(
      {
        path: z
          .string("the workbook's path under the upstream folder")
          .min(1, "the workbook's path under the upstream folder"),
        source_id: z
          .string("a source id")
          .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "a source id from sources.json (lower-case words joined by -)"),
        as_of: z
          .string("the date the edition describes")
          .refine(isIsoDay, "the date the edition describes, as YYYY-MM-DD"),
      },
      "an edition {path, source_id, as_of}",
    ),
    "a JSON array of editions, each {path, source_id, as_of}",
  )
  .min(1, "at least one edition");

export function readEditions(file: string): ListEditionInput[] {
  return parseJsonWith(EDITIONS, readText(file), file);
}

async function importEditions(from: string, editions: readonly ListEditionInput[]): Promise<EprStatusCsvRow[]> {
  let rows: EprStatusCsvRow[] = [];
  for (const edition of editions) {
    const path = join(from, edition.path);
    rows = withEdition(rows, parseEprSuppliers(readWorkbook(path), path, edition));
  }
  return rows;
}

/**
 * On a fresh clone data/upstream/ is empty (it is not committed): say which files are missing and the one
 * command that fetches them, rather than failing on the first unreadable file.
 */
export function missingUpstream(from: string, editions: readonly ListEditionInput[] = []): DataError | null {
  const missing = [...Object.values(UPSTREAM), ...editions.map((e) => e.path)].filter(
    (p) => !existsSync(join(from, p)),
  );
  if (missing.length === 0) return null;
  const what =
    missing.length === Object.keys(UPSTREAM).length + editions.length
      ? `has none of the ${missing.length} publishers' files`
      : `lacks ${missing.length} of the publishers' files`;
  return new DataError([
    {
      file: from,
      value: missing.join(", "),
      expected: `every upstream file; the folder ${what}. Run \`npm run data:fetch\` first (it downloads them into data/upstream/), or pass \`--from <dir>\` for a folder laid out the same way. Nothing was written`,
    },
  ]);
}

export async function importAll(
  from: string,
  out: string,
  editions: readonly ListEditionInput[],
): Promise<Record<string, string>> {
  const missing = missingUpstream(from, editions);
  if (missing) throw missing;
  const at = (key: keyof typeof UPSTREAM) => join(from, UPSTREAM[key]);
  const current = parseEtr(readText(at("etrCurrent")), at("etrCurrent"));
  const older = parseEtr(readText(at("etrOlder")), at("etrOlder"));
  const trusts = buildTrustRows(current, older, TRUSTS_SINCE);
  const successions = buildSuccessionRows(
    parseSucc(readText(at("succ")), at("succ")),
    new Set(trusts.map((t) => t.code)),
    TRUSTS_SINCE,
  );
  const status = await importEditions(from, editions);
  const icbSuccessions = parseIcbSuccessions(readText(at("icbSuccessions")), at("icbSuccessions"));
  const geo = buildGeography(readText(at("icbNames")), at("icbNames"), readText(at("hexmap")), at("hexmap"));
  const gmpp = [
    extractGmppRow(readBytes(at("gmpp2022")), at("gmpp2022"), "Frontline Digitisation", "gmpp-2022"),
    extractGmppRow(readBytes(at("gmpp2023")), at("gmpp2023"), "Frontline Digitisation", "gmpp-2023"),
  ];
  const files = {
    [join(out, "trusts.csv")]: toCsv(TRUST_COLUMNS, trusts),
    [join(out, "successions.csv")]: toCsv(SUCCESSION_COLUMNS, successions),
    [join(out, "epr-status.csv")]: toCsv(EPR_STATUS_COLUMNS, status),
    [join(out, "icbs.csv")]: toCsv(ICB_COLUMNS, geo.icbs),
    [join(out, "icb-successions.csv")]: toCsv(ICB_SUCCESSION_COLUMNS, icbSuccessions),
    [join(out, "regions.csv")]: toCsv(REGION_COLUMNS, geo.regions),
    [join(out, "gmpp.csv")]: toCsv(GMPP_COLUMNS, gmpp),
  };
  checkOutputs(files, out);
  writeAllAtomically(files);
  return files;
}

/**
 * One new edition of NHS England's list, added beside the editions already in out/epr-status.csv and
 * recorded in out/epr-list-editions.json. The workbook's path is kept as given.
 */
export async function importOneEdition(
  workbook: string,
  edition: Omit<ListEditionInput, "path">,
  out: string,
): Promise<Record<string, string>> {
  const statusFile = join(out, "epr-status.csv");
  const editionsFile = join(out, "epr-list-editions.json");
  const existing = parseCsv(readText(statusFile), statusFile).rows.map(
    (r) => Object.fromEntries(EPR_STATUS_COLUMNS.map((c, i) => [c, r.cells[i] ?? ""])) as EprStatusCsvRow,
  );
  const editions = readEditions(editionsFile);
  const clash = editions.find((e) => e.source_id === edition.source_id && e.as_of !== edition.as_of);
  if (clash)
    throw new DataError([
      {
        file: editionsFile,
        column: "as_of",
        value: clash.as_of,
        expected: `one date per source id: ${edition.source_id} is already dated ${clash.as_of}; give the new edition its own source id`,
      },
    ]);
  const rows = parseEprSuppliers(readWorkbook(workbook), workbook, edition);
  const files = {
    [statusFile]: toCsv(EPR_STATUS_COLUMNS, withEdition(existing, rows)),
    [editionsFile]: toJson(
      [...editions.filter((e) => e.source_id !== edition.source_id), { path: workbook, ...edition }].sort((a, b) =>
        compareCodePoints(a.as_of, b.as_of),
      ),
    ),
  };
  // The data step's schema, before anything is written.
  parseTable(files[statusFile]!, `${statusFile} (as imported; not written)`, eprStatusTable);
  writeAllAtomically(files);
  return files;
}

/**
 * The data step's own checks, run on the CSVs before any is written: an upstream oddity the
 * importers let through (a trust type that is not in the list, a merger of a trust into itself, a
 * name with a bidirectional override) stops the import with every old CSV in place.
 */
export function checkOutputs(files: Record<string, string>, out: string): void {
  const problems: Problem[] = [];
  const label = (name: string) => `${join(out, name)} (as imported; not written)`;
  const parse = <S extends Schema>(name: string, spec: TableSpec<S>) => {
    try {
      return parseTable(files[join(out, name)]!, label(name), spec);
    } catch (e) {
      if (!(e instanceof DataError)) throw e;
      problems.push(...e.problems);
      return [];
    }
  };
  const trusts = parse("trusts.csv", trustsTable);
  const successions = parse("successions.csv", successionsTable);
  const icbs = parse("icbs.csv", icbsTable);
  parse("epr-status.csv", eprStatusTable);
  parse("icb-successions.csv", icbSuccessionsTable);
  parse("regions.csv", regionsTable);
  parse("gmpp.csv", gmppTable);
  problems.push(
    ...checkIntegrity(
      { trusts, successions, icbs },
      { trusts: label("trusts.csv"), successions: label("successions.csv"), icbs: label("icbs.csv") },
    ),
  );
  if (problems.length) throw new DataError(problems);
}

if (import.meta.main) {
  await runMain(async () => {
    const from = argValue("from", "data/upstream");
    const out = argValue("out", "data");
    const workbook = argValue("epr-list", "");
    const files = workbook
      ? await importOneEdition(workbook, { source_id: argValue("source-id", ""), as_of: argValue("as-of", "") }, out)
      : await importAll(from, out, readEditions(join(out, "epr-list-editions.json")));
    for (const [path, text] of Object.entries(files)) console.log(`${path}: ${text.split("\n").length - 2} rows`);
  });
}
