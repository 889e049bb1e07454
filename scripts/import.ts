/**
 * npm run data:import [-- --from <dir>] [-- --out <dir>]
 *   Turns the publishers' files (laid out as in data/upstream/, see data/README.md) into the
 *   normalised CSVs under data/, with every edition of NHS England's list named in
 *   data/epr-list-editions.json. Review the git diff of data/ before committing.
 *   The live files (the ODS reports) must be there. A frozen file that is not (a clone that fetched
 *   only the live ones) leaves its part of data/ as committed, and the import says which and why.
 *   A trust ODS has renamed keeps its former name in data/trust-aliases.csv.
 * npm run data:import -- --epr-list <workbook> --source-id <id> --as-of <YYYY-MM-DD> [--received <how>]
 *   Adds one edition of NHS England's list beside the earlier ones, and records it in
 *   data/epr-list-editions.json so that later full imports include it. A workbook from outside the
 *   upstream folder (one sent by email) is copied to data/editions/<id>.xlsx, to be committed, and
 *   --received says how it came.
 */
import { existsSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { z } from "astro/zod";
import { parseCsv, toCsv } from "../src/lib/data/csv.ts";
import { argValue, readBytes, readText, runMain, writeAllAtomically } from "./lib/io.ts";
import {
  boardsBefore2026,
  buildSuccessionRows,
  buildTrustRows,
  parseEtr,
  parseSucc,
  SUCCESSION_COLUMNS,
  TRUST_COLUMNS,
  type TrustCsvRow,
} from "./import/ods-trusts.ts";
import {
  EPR_STATUS_COLUMNS,
  parseEprSuppliers,
  withEdition,
  type EprStatusCsvRow,
  type ListEditionInput,
} from "./import/nhse-epr-suppliers.ts";
import { readWorkbook } from "./import/workbook.ts";
import { parseJsonWith, toJson } from "../src/lib/data/json.ts";
import { isIsoDay } from "../src/lib/data/dates.ts";
import { buildGeography, ICB_COLUMNS, REGION_COLUMNS } from "./import/geography.ts";
import { extractGmppRow, GMPP_COLUMNS, type GmppCsvRow } from "./import/gmpp.ts";
import {
  eprStatusTable,
  gmppTable,
  icbsTable,
  regionsTable,
  sitesTable,
  successionsTable,
  TRUSTS_SINCE,
  trustsTable,
} from "../src/lib/data/tables.ts";
import { columnsOf, parseTable, type Schema, type TableSpec } from "../src/lib/data/schema.ts";
import { checkIntegrity } from "../src/lib/data/integrity.ts";
import { DataError, type Problem } from "../src/lib/data/errors.ts";
import { problemCharacter } from "../src/lib/data/gate.ts";
import { compareCodePoints } from "../src/lib/order.ts";
import { sha256Hex } from "./lib/fetch-source.ts";
import { trustAliasesTable, withFormerNames, type TrustAliasRow } from "../src/lib/finder/aliases.ts";
import {
  buildSiteRows,
  inputsFromCommitted,
  parseHospitals,
  parseOdsParents,
  SITE_COLUMNS,
  siteInputs,
  type SiteCsvRow,
  type SiteInput,
} from "./import/sites.ts";
import { checkSites } from "../src/lib/finder/sites.ts";

/**
 * Where each upstream file sits under the --from folder. The 2026 board successions are not here: they
 * were typed from a page, so data/icb-successions.csv is an owned table, reviewed and committed.
 */
export const UPSTREAM = {
  etrCurrent: "ods-etr/etr.csv",
  etrOlder: "ods-etr-2025/etr.csv",
  succ: "ods-succ/succ.csv",
  icbNames: "ons-icb-names-2024/icb_names_codes_dec_2024.csv",
  hexmap: "odi-hexmap-icb/nhs-icb-2022.hexjson",
  gmpp2022: "gmpp-ipa-compiled-rauschgold/uk_2022.csv",
  gmpp2023: "gmpp-ipa-compiled-rauschgold/uk_2023.csv",
  hospitals: "ods-sites/Hospital.csv",
  siteParents: "ods-sites/ods-parents.json",
} as const;
export type UpstreamKey = keyof typeof UPSTREAM;

/**
 * The files read afresh at every refresh (`kind: live` in data/upstream.json, checked by a test); the
 * others are frozen, and the tables made from them are committed, so they need not be fetched again.
 */
export const LIVE_UPSTREAM: readonly UpstreamKey[] = ["etrCurrent", "succ"];

/** The GMPP years imported, each file with its source id. */
const GMPP_FILES = [
  { key: "gmpp2022", source_id: "gmpp-2022" },
  { key: "gmpp2023", source_id: "gmpp-2023" },
] as const satisfies readonly { key: UpstreamKey; source_id: string }[];

/** The source of data/sites.csv's names, towns and postcodes (data/sources.json). */
export const SITES_SOURCE_ID = "nhs-website-hospitals";

/** Where an emailed edition's workbook is kept, under the data folder. */
export const editionPath = (sourceId: string) => `editions/${sourceId}.xlsx`;

/** Largest workbook of NHS England's list taken in: the `max_bytes` of its entry in data/upstream.json. */
export const EDITION_MAX_BYTES = 5_000_000;

const SOURCE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The editions of NHS England's list to import, from data/epr-list-editions.json. */
const EDITIONS = z
  .array(
    z
      .strictObject(
        {
          path: z
            .string("the workbook's path under the upstream folder")
            .min(1, "the workbook's path under the upstream folder"),
          source_id: z
            .string("a source id")
            .regex(SOURCE_ID, "a source id from sources.json (lower-case words joined by -)"),
          as_of: z
            .string("the date the edition describes")
            .refine(isIsoDay, "the date the edition describes, as YYYY-MM-DD"),
          kind: z
            .literal("emailed", "emailed, or no kind for a workbook fetched as data/upstream.json says")
            .optional(),
          received: z
            .string("how the workbook was received, in words")
            .min(1, "how the workbook was received, in words")
            .refine((s) => problemCharacter(s) === null, "text without control or bidirectional characters")
            .optional(),
          sha256: z
            .string("the workbook's sha256")
            .regex(/^[0-9a-f]{64}$/, "64 lower-case hex digits")
            .optional(),
        },
        "an edition {path, source_id, as_of}, and for an emailed one kind, received and sha256: no other field",
      )
      .superRefine((e, ctx) => {
        if (e.kind !== "emailed") {
          if (e.received !== undefined || e.sha256 !== undefined)
            ctx.addIssue({ code: "custom", path: ["kind"], message: "emailed, when received and sha256 are given" });
          return;
        }
        if (e.path !== editionPath(e.source_id))
          ctx.addIssue({
            code: "custom",
            path: ["path"],
            message: `${editionPath(e.source_id)}, under the data folder`,
          });
        for (const field of ["received", "sha256"] as const)
          if (e[field] === undefined)
            ctx.addIssue({ code: "custom", path: [field], message: `the ${field} of an emailed edition` });
      }),
    "a JSON array of editions, each {path, source_id, as_of}",
  )
  .min(1, "at least one edition");

export function readEditions(file: string): ListEditionInput[] {
  return parseJsonWith(EDITIONS, readText(file), file);
}

/** An edition as data/epr-list-editions.json writes it: fixed field order, absent fields left out. */
function editionEntry(e: ListEditionInput): ListEditionInput {
  return e.kind === "emailed"
    ? { path: e.path, source_id: e.source_id, as_of: e.as_of, kind: e.kind, received: e.received, sha256: e.sha256 }
    : { path: e.path, source_id: e.source_id, as_of: e.as_of };
}

/**
 * A table as committed under the data folder, as rows of text keyed by column, or null if there is
 * none. Its header must be the importer's columns, in order.
 */
export function readCommitted(file: string, columns: readonly string[]): Record<string, string>[] | null {
  if (!existsSync(file)) return null;
  const table = parseCsv(readText(file), file);
  if (table.header.join(",") !== columns.join(","))
    throw new DataError([
      { file, line: 1, value: table.header.join(","), expected: `the header ${columns.join(",")}` },
    ]);
  return table.rows.map(({ cells }) => Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? ""])));
}

const ADVICE =
  "Run `npm run data:fetch` first (it downloads them into data/upstream/), or pass `--from <dir>` for a folder laid out the same way. Nothing was written";

/**
 * What the import cannot do without: every live file, and each frozen file whose table is not already
 * committed in `out`. On a fresh clone data/upstream/ is empty (it is not committed): name each missing
 * file and the one command that fetches them, rather than failing on the first unreadable file.
 */
export function missingUpstream(
  from: string,
  out: string,
  editions: readonly ListEditionInput[] = [],
): DataError | null {
  const absent = (p: string) => !existsSync(join(from, p));
  const committed = (name: string) => existsSync(join(out, name));
  const tablesOf: Record<UpstreamKey, string[]> = {
    etrCurrent: [],
    succ: [],
    etrOlder: ["trusts.csv"],
    icbNames: ["icbs.csv", "regions.csv"],
    hexmap: ["icbs.csv", "regions.csv"],
    gmpp2022: ["gmpp.csv"],
    gmpp2023: ["gmpp.csv"],
    hospitals: ["sites.csv"],
    siteParents: ["sites.csv"],
  };
  const problems: Problem[] = [];
  const missing = (path: string, what: string) =>
    problems.push({ file: join(from, path), expected: `${what} (there is none). ${ADVICE}` });
  for (const key of LIVE_UPSTREAM) if (absent(UPSTREAM[key])) missing(UPSTREAM[key], "this live upstream file");
  for (const [key, tables] of Object.entries(tablesOf) as [UpstreamKey, string[]][])
    if (!LIVE_UPSTREAM.includes(key) && absent(UPSTREAM[key]) && !tables.every(committed))
      missing(UPSTREAM[key], `this frozen upstream file, or ${tables.join(" and ")} committed in ${out}`);
  for (const e of editions)
    if (e.kind !== "emailed" && absent(e.path) && !committed("epr-status.csv"))
      missing(e.path, `the workbook of edition ${e.source_id}, or epr-status.csv committed in ${out}`);
  return problems.length ? new DataError(problems) : null;
}

/** The rows of each edition: read from its workbook, or kept as committed when a frozen one is absent. */
async function importEditions(
  from: string,
  out: string,
  editions: readonly ListEditionInput[],
  note: (line: string) => void,
): Promise<EprStatusCsvRow[]> {
  const statusFile = join(out, "epr-status.csv");
  let committed: EprStatusCsvRow[] | null = null;
  let rows: EprStatusCsvRow[] = [];
  for (const edition of editions) {
    if (edition.kind === "emailed") {
      rows = withEdition(rows, readEmailedEdition(out, edition));
      continue;
    }
    const path = join(from, edition.path);
    if (existsSync(path)) {
      rows = withEdition(rows, parseEprSuppliers(readWorkbook(path), path, edition));
      continue;
    }
    committed ??= readCommitted(statusFile, EPR_STATUS_COLUMNS) as EprStatusCsvRow[] | null;
    const kept = (committed ?? []).filter((r) => r.source_id === edition.source_id);
    if (kept.length === 0)
      throw new DataError([
        {
          file: path,
          expected: `the workbook of edition ${edition.source_id}, or its rows in ${statusFile} (there are none). ${ADVICE}`,
        },
      ]);
    note(
      `kept the ${kept.length} rows of ${edition.source_id} in ${statusFile} as committed: its frozen workbook ${edition.path} is not in ${from}`,
    );
    rows = withEdition(rows, kept);
  }
  return rows;
}

/** An emailed edition, kept in the repository: it must be there, and be the file that was recorded. */
function readEmailedEdition(out: string, edition: ListEditionInput): EprStatusCsvRow[] {
  const path = join(out, edition.path);
  if (!existsSync(path))
    throw new DataError([
      {
        file: path,
        expected: `the workbook of edition ${edition.source_id}, kept in the repository (it came by email and has no URL): restore it with \`git checkout -- ${path}\`. Nothing was written`,
      },
    ]);
  const sha256 = sha256Hex(readBytes(path, EDITION_MAX_BYTES));
  if (sha256 !== edition.sha256)
    throw new DataError([
      {
        file: path,
        column: "sha256",
        value: sha256,
        expected: `the workbook recorded in epr-list-editions.json (sha256 ${edition.sha256}); to replace it, import the new one with --epr-list`,
      },
    ]);
  return parseEprSuppliers(readWorkbook(path), path, edition);
}

/**
 * Each trust's board before April 2026: from the 2025 extract, or, when that frozen file is absent,
 * from the committed trusts.csv (a trust new since has only its 2026 board, as with the extract).
 */
function icbBefore2026(
  from: string,
  committedTrusts: readonly TrustCsvRow[] | null,
  trustsFile: string,
  note: (line: string) => void,
): Map<string, string> {
  const older = join(from, UPSTREAM.etrOlder);
  if (existsSync(older)) return boardsBefore2026(parseEtr(readText(older), older));
  note(
    `kept the icb_code column of ${trustsFile} as committed (trusts new since take their 2026 board): its frozen file ${UPSTREAM.etrOlder} is not in ${from}`,
  );
  return new Map((committedTrusts ?? []).map((t) => [t.code, t.icb_code]));
}

/**
 * Import every upstream file into `out`: all outputs or none. `note` hears what was kept as committed
 * and the trusts whose former names became aliases, once everything is written.
 */
export async function importAll(
  from: string,
  out: string,
  editions: readonly ListEditionInput[],
  note: (line: string) => void = console.log,
): Promise<Record<string, string | Uint8Array>> {
  const missing = missingUpstream(from, out, editions);
  if (missing) throw missing;
  const notes: string[] = [];
  const keep = (line: string) => notes.push(line);
  const at = (key: UpstreamKey) => join(from, UPSTREAM[key]);
  const has = (key: UpstreamKey) => existsSync(at(key));
  const outFile = (name: string) => join(out, name);

  const committedTrusts = readCommitted(outFile("trusts.csv"), TRUST_COLUMNS) as TrustCsvRow[] | null;
  const current = parseEtr(readText(at("etrCurrent")), at("etrCurrent"));
  const trusts = buildTrustRows(
    current,
    icbBefore2026(from, committedTrusts, outFile("trusts.csv"), keep),
    TRUSTS_SINCE,
  );
  const allSuccessions = parseSucc(readText(at("succ")), at("succ"));
  const successions = buildSuccessionRows(allSuccessions, new Set(trusts.map((t) => t.code)), TRUSTS_SINCE);
  const status = await importEditions(from, out, editions, keep);

  let geography: Record<string, string>;
  if (has("icbNames") && has("hexmap")) {
    const geo = buildGeography(readText(at("icbNames")), at("icbNames"), readText(at("hexmap")), at("hexmap"));
    geography = {
      [outFile("icbs.csv")]: toCsv(ICB_COLUMNS, geo.icbs),
      [outFile("regions.csv")]: toCsv(REGION_COLUMNS, geo.regions),
    };
  } else {
    const absent = (["icbNames", "hexmap"] as const).filter((k) => !has(k)).map((k) => UPSTREAM[k]);
    keep(
      `kept ${outFile("icbs.csv")} and ${outFile("regions.csv")} as committed: their frozen ${absent.length === 1 ? "file" : "files"} ${absent.join(" and ")} ${absent.length === 1 ? "is" : "are"} not in ${from}`,
    );
    geography = {
      [outFile("icbs.csv")]: toCsv(ICB_COLUMNS, readCommitted(outFile("icbs.csv"), ICB_COLUMNS)!),
      [outFile("regions.csv")]: toCsv(REGION_COLUMNS, readCommitted(outFile("regions.csv"), REGION_COLUMNS)!),
    };
  }

  let committedGmpp: GmppCsvRow[] | null = null;
  const gmpp = GMPP_FILES.map(({ key, source_id }): GmppCsvRow => {
    if (has(key)) return extractGmppRow(readBytes(at(key)), at(key), "Frontline Digitisation", source_id);
    committedGmpp ??= readCommitted(outFile("gmpp.csv"), GMPP_COLUMNS) as GmppCsvRow[];
    const row = committedGmpp.find((r) => r.source_id === source_id);
    if (!row)
      throw new DataError([
        {
          file: at(key),
          expected: `the GMPP file of ${source_id}, or its row in ${outFile("gmpp.csv")} (there is none). ${ADVICE}`,
        },
      ]);
    keep(
      `kept the ${source_id} row of ${outFile("gmpp.csv")} as committed: its frozen file ${UPSTREAM[key]} is not in ${from}`,
    );
    return row;
  });

  // Sites: from the frozen files, or as committed when they are absent, their trusts followed again.
  let siteList: SiteInput[];
  if (has("hospitals") && has("siteParents")) {
    const english = new Map(current.map((t) => [t.code, t.gor !== "W"]));
    const hospitals = parseHospitals(
      readBytes(at("hospitals")),
      at("hospitals"),
      (parent) => english.get(parent) ?? /^T[A-Z0-9]{2}$/.test(parent),
    );
    siteList = siteInputs(hospitals, parseOdsParents(readText(at("siteParents")), at("siteParents")));
  } else {
    const absent = (["hospitals", "siteParents"] as const).filter((k) => !has(k)).map((k) => UPSTREAM[k]);
    const committed = readCommitted(outFile("sites.csv"), SITE_COLUMNS) as SiteCsvRow[];
    keep(
      `kept the ${committed.length} sites of ${outFile("sites.csv")} as committed, each trust followed through the successions again: ${absent.length === 1 ? "the frozen file" : "the frozen files"} ${absent.join(" and ")} ${absent.length === 1 ? "is" : "are"} not in ${from}`,
    );
    siteList = inputsFromCommitted(committed);
  }
  const sites = buildSiteRows(siteList, current, allSuccessions, SITES_SOURCE_ID);

  const files: Record<string, string> = {
    [outFile("sites.csv")]: toCsv(SITE_COLUMNS, sites),
    [outFile("trusts.csv")]: toCsv(TRUST_COLUMNS, trusts),
    [outFile("successions.csv")]: toCsv(SUCCESSION_COLUMNS, successions),
    [outFile("epr-status.csv")]: toCsv(EPR_STATUS_COLUMNS, status),
    ...geography,
    [outFile("gmpp.csv")]: toCsv(GMPP_COLUMNS, gmpp),
  };

  // A trust ODS renamed keeps its former name as an alias; the curated file is rewritten only then.
  const aliasesFile = outFile("trust-aliases.csv");
  const aliases: TrustAliasRow[] = existsSync(aliasesFile)
    ? parseTable(readText(aliasesFile), aliasesFile, trustAliasesTable)
    : [];
  const withFormer = withFormerNames(aliases, committedTrusts ?? [], trusts);
  const added = withFormer.filter((r) => !aliases.includes(r));
  if (added.length > 0 || withFormer.length !== aliases.length) {
    files[aliasesFile] = toCsv(columnsOf(trustAliasesTable), withFormer);
    for (const r of added)
      keep(`${r.code} was renamed in ODS: its former name "${r.alias}" is now an alias in ${aliasesFile}`);
    for (const r of aliases.filter((a) => !withFormer.includes(a)))
      keep(`${r.code} has its former name "${r.alias}" again: that alias was removed from ${aliasesFile}`);
  }

  checkOutputs(files, out);
  writeAllAtomically(files);
  notes.forEach((line) => note(line));
  return files;
}

/**
 * One new edition of NHS England's list, added beside the editions already in out/epr-status.csv and
 * recorded in out/epr-list-editions.json. A workbook inside the upstream folder `from` is recorded by its
 * path there (it needs an entry in data/upstream.json); any other is copied to out/editions/<id>.xlsx,
 * to be committed, and recorded as emailed, with `received` saying how it came and its sha256.
 */
export async function importOneEdition(
  workbook: string,
  edition: Omit<ListEditionInput, "path" | "kind" | "sha256">,
  out: string,
  from = "data/upstream",
): Promise<Record<string, string | Uint8Array>> {
  const statusFile = join(out, "epr-status.csv");
  const editionsFile = join(out, "epr-list-editions.json");
  const existing = (readCommitted(statusFile, EPR_STATUS_COLUMNS) ?? []) as EprStatusCsvRow[];
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
  if (!SOURCE_ID.test(edition.source_id))
    throw new DataError([
      {
        file: "--source-id",
        value: edition.source_id,
        expected: "a source id from sources.json (lower-case words joined by -)",
      },
    ]);
  const inUpstream = relative(resolve(from), resolve(workbook));
  const fetched = inUpstream !== "" && !inUpstream.startsWith("..") && !isAbsolute(inUpstream);
  const files: Record<string, string | Uint8Array> = {};
  let entry: ListEditionInput;
  if (fetched) {
    entry = { path: inUpstream.split(sep).join("/"), source_id: edition.source_id, as_of: edition.as_of };
  } else {
    const received = edition.received ?? "";
    if (received.trim() === "" || problemCharacter(received) !== null)
      throw new DataError([
        {
          file: "--received",
          value: received,
          expected: `how the workbook came, in words (who sent it, when, in reply to what): it is kept as ${join(out, editionPath(edition.source_id))} and has no URL`,
        },
      ]);
    const bytes = readBytes(workbook, EDITION_MAX_BYTES);
    // An .xlsx file is a zip archive: anything else (an old .xls, a CSV, an HTML page) is not the list.
    if (bytes.subarray(0, 4).toString("latin1") !== "PK\x03\x04")
      throw new DataError([
        {
          file: workbook,
          value: bytes.subarray(0, 8).toString("latin1"),
          expected: "an .xlsx workbook (a zip archive, starting PK)",
        },
      ]);
    entry = {
      path: editionPath(edition.source_id),
      source_id: edition.source_id,
      as_of: edition.as_of,
      kind: "emailed",
      received: received.trim(),
      sha256: sha256Hex(bytes),
    };
    files[join(out, entry.path)] = bytes;
  }
  const rows = parseEprSuppliers(readWorkbook(workbook), workbook, edition);
  files[statusFile] = toCsv(EPR_STATUS_COLUMNS, withEdition(existing, rows));
  files[editionsFile] = toJson(
    [...editions.filter((e) => e.source_id !== edition.source_id), entry]
      .map(editionEntry)
      .sort((a, b) => compareCodePoints(a.as_of, b.as_of) || compareCodePoints(a.source_id, b.source_id)),
  );
  // The data step's schema, before anything is written.
  parseTable(files[statusFile] as string, `${statusFile} (as imported; not written)`, eprStatusTable);
  writeAllAtomically(files);
  return files;
}

/**
 * The data step's own checks, run on the CSVs before any is written: an upstream oddity the
 * importers let through (a trust type that is not in the list, a merger of a trust into itself, a
 * name with a bidirectional override) stops the import with every old CSV in place.
 */
export function checkOutputs(files: Record<string, string | Uint8Array>, out: string): void {
  const problems: Problem[] = [];
  const label = (name: string) => `${join(out, name)} (as imported; not written)`;
  const parse = <S extends Schema>(name: string, spec: TableSpec<S>) => {
    try {
      return parseTable(files[join(out, name)] as string, label(name), spec);
    } catch (e) {
      if (!(e instanceof DataError)) throw e;
      problems.push(...e.problems);
      return [];
    }
  };
  const trusts = parse("trusts.csv", trustsTable);
  const successions = parse("successions.csv", successionsTable);
  const icbs = parse("icbs.csv", icbsTable);
  const status = parse("epr-status.csv", eprStatusTable);
  parse("regions.csv", regionsTable);
  parse("gmpp.csv", gmppTable);
  if (join(out, "trust-aliases.csv") in files) parse("trust-aliases.csv", trustAliasesTable);
  if (join(out, "sites.csv") in files) {
    const codes = [...trusts.map((t) => t.code), ...status.map((s) => s.code)];
    problems.push(...checkSites(parse("sites.csv", sitesTable), trusts, codes, label("sites.csv")));
  }
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
      ? await importOneEdition(
          workbook,
          { source_id: argValue("source-id", ""), as_of: argValue("as-of", ""), received: argValue("received", "") },
          out,
          from,
        )
      : await importAll(from, out, readEditions(join(out, "epr-list-editions.json")));
    for (const [path, content] of Object.entries(files))
      console.log(
        typeof content === "string"
          ? `${path}: ${path.endsWith(".csv") ? `${content.split("\n").length - 2} rows` : "written"}`
          : `${path}: ${content.length} bytes, copied`,
      );
  });
}
