/**
 * npm run data: validate everything under data/ and write the JSON the pages read plus the public
 * downloads. Fails with the file, line and column of every bad value; writes all outputs or none.
 */
import { join } from "node:path";
import { toCsv } from "../src/lib/data/csv.ts";
import { DataError } from "../src/lib/data/errors.ts";
import { isIsoDay, YEAR_RANGE } from "../src/lib/data/dates.ts";
import { parseTable, type Schema, type TableSpec } from "../src/lib/data/schema.ts";
import { parseSources } from "../src/lib/data/sources.ts";
import { parseChangelog } from "../src/lib/data/changelog.ts";
import { parseJson, toJson } from "../src/lib/data/json.ts";
import { checkIntegrity } from "../src/lib/data/integrity.ts";
import { buildSiteData, type DataInput, type SiteData } from "../src/lib/data/model.ts";
import {
  eprStatusTable, gmppTable, icbsTable, programmeTable, regionsTable, statementsTable, successionsTable, targetsTable, trustEventsTable, trustsTable,
} from "../src/lib/data/tables.ts";
import { argValue, readText, runMain, writeAllAtomically } from "./lib/io.ts";

/**
 * The release date, from data/release.json alone. Pages say "data release of …" and count days to the
 * deadline from it, so it must never follow the build machine: SOURCE_DATE_EPOCH, which reproducible
 * build tools set to a commit or package time, is deliberately not read.
 */
export function releaseDate(dataDir: string): string {
  const file = join(dataDir, "release.json");
  const data = parseJson(readText(file, MAX_DATA_FILE_BYTES), file);
  const date = typeof data === "object" && data !== null && Object.hasOwn(data, "date") ? (data as { date: unknown }).date : undefined;
  if (typeof date !== "string" || !isIsoDay(date)) throw new DataError([{ file, column: "date", value: String(date), expected: `a date as YYYY-MM-DD ${YEAR_RANGE}` }]);
  return date;
}

/** Largest file under data/ read, in bytes: the biggest is about 30 kB today. */
export const MAX_DATA_FILE_BYTES = 5_000_000;

export function readDataDir(dir: string): DataInput {
  const read = (name: string) => readText(join(dir, name), MAX_DATA_FILE_BYTES);
  const table = <S extends Schema>(name: string, spec: TableSpec<S>) => parseTable(read(name), join(dir, name), spec);
  // Collect problems from every file before failing, so one run shows them all.
  const problems: DataError[] = [];
  const attempt = <T,>(f: () => T): T => {
    try {
      return f();
    } catch (e) {
      if (e instanceof DataError) {
        problems.push(e);
        return [] as unknown as T;
      }
      throw e;
    }
  };
  const input: DataInput = {
    release: { date: attempt(() => releaseDate(dir)) },
    sources: attempt(() => parseSources(read("sources.json"), join(dir, "sources.json"))),
    trusts: attempt(() => table("trusts.csv", trustsTable)),
    successions: attempt(() => table("successions.csv", successionsTable)),
    eprStatus: attempt(() => table("epr-status.csv", eprStatusTable)),
    icbs: attempt(() => table("icbs.csv", icbsTable)),
    regions: attempt(() => table("regions.csv", regionsTable)),
    gmpp: attempt(() => table("gmpp.csv", gmppTable)),
    statements: attempt(() => table("statements.csv", statementsTable)),
    targets: attempt(() => table("targets.csv", targetsTable)),
    programme: attempt(() => table("programme.csv", programmeTable)),
    trustEvents: attempt(() => table("trust-events.csv", trustEventsTable)),
    changelog: attempt(() => parseChangelog(read("changelog.json"), join(dir, "changelog.json"))),
  };
  const crossRow = checkIntegrity(input, { trusts: join(dir, "trusts.csv"), successions: join(dir, "successions.csv"), icbs: join(dir, "icbs.csv") });
  if (problems.length || crossRow.length) throw new DataError([...problems.flatMap((e) => e.problems), ...crossRow]);
  return input;
}

const TRUST_DOWNLOAD_COLUMNS = [
  "code", "name", "region_code", "region_name", "icb_code", "icb_name", "trust_type", "open_date", "close_date",
  "successor_codes", "succession_date", "predecessor_codes", "epr_status", "supplier", "status_as_of", "status_source_id",
  "epr_status_basis", "in_ods_trust_list", "name_in_epr_list",
] as const;

/** What the data step noticed and could not settle, for the maintainer to read with each refresh. */
export function validationReport(site: SiteData): string {
  const lines = [`Validation report, data release ${site.release.date}`, `${site.trusts.length} trusts, ${site.statements.length} statements, ${site.targets.length} targets, ${site.programme.length} programme figures.`, ""];
  for (const [kind, items] of Map.groupBy(site.warnings, (w) => w.kind)) lines.push(`${kind} (${items.length}):`, ...items.map((w) => `  - ${w.message}`), "");
  if (site.warnings.length === 0) lines.push("No warnings.");
  return lines.join("\n").trimEnd() + "\n";
}

/** Every output file, keyed by path: the page model and the public downloads. */
export function outputs(site: SiteData, generatedDir: string, publicDir: string): Record<string, string> {
  const flatTrusts = site.trusts.map((t) => ({ ...t, successor_codes: t.successor_codes.join(";"), predecessor_codes: t.predecessor_codes.join(";") }));
  const cols = <T extends object>(rows: T[]) => (rows[0] ? Object.keys(rows[0]) : []);
  const csv = <T extends object>(rows: T[]) =>
    toCsv(cols(rows), rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Array.isArray(v) ? v.join(";") : v]))), { safeForSpreadsheets: true });
  return {
    [join(generatedDir, "site-data.json")]: toJson(site),
    [join(generatedDir, "validation-report.txt")]: validationReport(site),
    [join(publicDir, "trusts.csv")]: toCsv(TRUST_DOWNLOAD_COLUMNS, flatTrusts, { safeForSpreadsheets: true }),
    [join(publicDir, "trusts.json")]: toJson(site.trusts),
    [join(publicDir, "statements.csv")]: csv(site.statements),
    [join(publicDir, "targets.csv")]: csv(site.targets),
    [join(publicDir, "programme.csv")]: csv(site.programme),
    [join(publicDir, "gmpp.csv")]: csv(site.gmpp),
    [join(publicDir, "reconciliation.csv")]: csv(site.reconciliation),
    [join(publicDir, "trust-events.csv")]: csv(site.trust_events),
    [join(publicDir, "sources.json")]: toJson(site.sources),
  };
}

if (import.meta.main) {
  await runMain(() => {
    const dataDir = argValue("data", "data");
    const { site, warnings } = buildSiteData(readDataDir(dataDir));
    const files = outputs(site, argValue("generated", "src/generated"), argValue("public", "public/data"));
    writeAllAtomically(files);
    console.log(`data: ${site.trusts.length} trusts, ${site.statements.length} statements, ${site.targets.length} targets, ${site.programme.length} programme figures, ${site.sources.length} sources`);
    console.log(`data: NHS England list ${site.snapshot.as_of}: ${site.snapshot.with_epr} of ${site.snapshot.total} with an EPR, ${site.snapshot.without_epr} without`);
    if (warnings.length) console.log(`data: ${warnings.length} warnings (shown on /sources/; full report in ${join(argValue("generated", "src/generated"), "validation-report.txt")}):\n${warnings.map((w) => `  - ${w.message}`).join("\n")}`);
  });
}
