/**
 * npm run data:import [-- --from <dir>] [-- --out <dir>]
 * Turns the publishers' files (laid out as in data/upstream/, see data/README.md) into the
 * normalised CSVs under data/. Review the git diff of data/ before committing.
 */
import { join } from "node:path";
import { toCsv } from "../src/lib/data/csv.ts";
import { argValue, readBytes, readText, runMain, writeAllAtomically } from "./lib/io.ts";
import { buildSuccessionRows, buildTrustRows, parseEtr, parseSucc, SUCCESSION_COLUMNS, TRUST_COLUMNS } from "./import/ods-trusts.ts";
import { EPR_STATUS_COLUMNS, parseEprSuppliers } from "./import/nhse-epr-suppliers.ts";
import { buildGeography, ICB_COLUMNS, REGION_COLUMNS } from "./import/geography.ts";
import { extractGmppRow, GMPP_COLUMNS } from "./import/gmpp.ts";
import { eprStatusTable, gmppTable, icbsTable, regionsTable, successionsTable, TRUSTS_SINCE, trustsTable } from "../src/lib/data/tables.ts";
import { parseTable, type Schema, type TableSpec } from "../src/lib/data/schema.ts";
import { checkIntegrity } from "../src/lib/data/integrity.ts";
import { DataError, type Problem } from "../src/lib/data/errors.ts";

/** Where each upstream file sits under the --from folder. */
export const UPSTREAM = {
  etrCurrent: "ods-etr/etr.csv",
  etrOlder: "ods-etr-2025/etr.csv",
  succ: "ods-succ/succ.csv",
  eprSuppliers: "nhse-epr-suppliers/secondary_trusts_primary_epr_suppliers_20240101.xlsx",
  icbNames: "ons-icb-names-2024/icb_names_codes_dec_2024.csv",
  hexmap: "odi-hexmap-icb/nhs-icb-2022.hexjson",
  gmpp2022: "gmpp-ipa-compiled-rauschgold/uk_2022.csv",
  gmpp2023: "gmpp-ipa-compiled-rauschgold/uk_2023.csv",
} as const;

export async function importAll(from: string, out: string): Promise<Record<string, string>> {
  const at = (key: keyof typeof UPSTREAM) => join(from, UPSTREAM[key]);
  const current = parseEtr(readText(at("etrCurrent")), at("etrCurrent"));
  const older = parseEtr(readText(at("etrOlder")), at("etrOlder"));
  const trusts = buildTrustRows(current, older, TRUSTS_SINCE);
  const successions = buildSuccessionRows(parseSucc(readText(at("succ")), at("succ")), new Set(trusts.map((t) => t.code)), TRUSTS_SINCE);
  const status = await parseEprSuppliers(readBytes(at("eprSuppliers")), at("eprSuppliers"), "nhse-epr-suppliers-2024");
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
    [join(out, "regions.csv")]: toCsv(REGION_COLUMNS, geo.regions),
    [join(out, "gmpp.csv")]: toCsv(GMPP_COLUMNS, gmpp),
  };
  checkOutputs(files, out);
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
  parse("regions.csv", regionsTable);
  parse("gmpp.csv", gmppTable);
  problems.push(...checkIntegrity({ trusts, successions, icbs }, { trusts: label("trusts.csv"), successions: label("successions.csv"), icbs: label("icbs.csv") }));
  if (problems.length) throw new DataError(problems);
}

if (import.meta.main) {
  await runMain(async () => {
    const from = argValue("from", "data/upstream");
    const out = argValue("out", "data");
    const files = await importAll(from, out);
    for (const [path, text] of Object.entries(files)) console.log(`${path}: ${text.split("\n").length - 2} rows`);
  });
}
