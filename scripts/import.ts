/**
 * npm run data:import [-- --from <dir>] [-- --out <dir>]
 * Turns the publishers' files (laid out as in data/upstream/, see data/README.md) into the
 * normalised CSVs under data/. Review the git diff of data/ before committing.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { DataError } from "../src/lib/data/errors.ts";
import { toCsv } from "../src/lib/data/csv.ts";
import { argValue, readBytes, readText, runMain, writeAllAtomically } from "./lib/io.ts";
import { buildSuccessionRows, buildTrustRows, parseEtr, parseSucc, SUCCESSION_COLUMNS, TRUST_COLUMNS } from "./import/ods-trusts.ts";
import { EPR_STATUS_COLUMNS, parseEprSuppliers } from "./import/nhse-epr-suppliers.ts";
import { buildGeography, ICB_COLUMNS, REGION_COLUMNS } from "./import/geography.ts";
import { extractGmppRow, GMPP_COLUMNS } from "./import/gmpp.ts";
import { TRUSTS_SINCE } from "../src/lib/data/tables.ts";


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

/**
 * On a fresh clone data/upstream/ is empty (it is not committed): say which files are missing and the one
 * command that fetches them, rather than failing on the first unreadable file.
 */
export function missingUpstream(from: string): DataError | null {
  const missing = Object.values(UPSTREAM).filter((p) => !existsSync(join(from, p)));
  if (missing.length === 0) return null;
  const what = missing.length === Object.keys(UPSTREAM).length ? `has none of the ${missing.length} publishers' files` : `lacks ${missing.length} of the publishers' files`;
  return new DataError([
    { file: from, value: missing.join(", "), expected: `every upstream file; the folder ${what}. Run \`npm run data:fetch\` first (it downloads them into data/upstream/), or pass \`--from <dir>\` for a folder laid out the same way. Nothing was written` },
  ]);
}

export async function importAll(from: string, out: string): Promise<Record<string, string>> {
  const missing = missingUpstream(from);
  if (missing) throw missing;
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
  writeAllAtomically(files);
  return files;
}

if (import.meta.main) {
  await runMain(async () => {
    const from = argValue("from", "data/upstream");
    const out = argValue("out", "data");
    const files = await importAll(from, out);
    for (const [path, text] of Object.entries(files)) console.log(`${path}: ${text.split("\n").length - 2} rows`);
  });
}
