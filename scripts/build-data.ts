/**
 * npm run data: validate everything under data/ and write the JSON the pages read plus the public
 * downloads. Fails with the file, line and column of every bad value; writes all outputs or none.
 */
import { existsSync, lstatSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { publishedCsv } from "../src/lib/data/csv.ts";
import { DataError, type Problem } from "../src/lib/data/errors.ts";
import { datePrecision, isIsoDay, YEAR_RANGE } from "../src/lib/data/dates.ts";
import { PARTIAL_DATE_COLUMNS, withDatePrecision } from "../src/lib/publish/downloads.ts";
import { parseTable, type Schema, type TableSpec } from "../src/lib/data/schema.ts";
import { parseSources } from "../src/lib/data/sources.ts";
import { parseChangelog } from "../src/lib/data/changelog.ts";
import { parseJsonWith, toJson } from "../src/lib/data/json.ts";
import { z } from "astro/zod";
import { buildSiteData, buildValidatedSiteData, type DataInput, type SiteData } from "../src/lib/data/model.ts";
import { checkIntegrity } from "../src/lib/data/integrity.ts";
import { filesStage, inputStages, runStages } from "../src/lib/data/validate.ts";
import { correctedAfterQuote } from "../src/lib/data/quotes.ts";
import {
  answerQuotesTable,
  eprStatusTable,
  figureQuotesTable,
  gmppTable,
  icbsTable,
  icbSuccessionsTable,
  programmeTable,
  regionsTable,
  sitesTable,
  statementsTable,
  statementRow,
  programmeRow,
  successionsTable,
  targetsTable,
  trustEventsTable,
  trustsTable,
} from "../src/lib/data/tables.ts";
import { argValue, readText, runMain, writeAllAtomically } from "./lib/io.ts";
import { parseAnswers, type StoredAnswer } from "../src/lib/parliament/answers.ts";
import { parseQuery, type AnswersQuery } from "../src/lib/parliament/query.ts";
import { answersPageModel } from "../src/lib/parliament/page.ts";
import { parseMembers } from "../src/lib/parliament/members.ts";
import { checkAliases, trustAliasesTable, trustSearchData, type TrustSearchData } from "../src/lib/finder/aliases.ts";
import { checkSites, sitesByTrust } from "../src/lib/finder/sites.ts";

/**
 * The release date, from data/release.json alone. Pages say "data release of …" and count days to the
 * deadline from it, so it must never follow the build machine: SOURCE_DATE_EPOCH, which reproducible
 * build tools set to a commit or package time, is deliberately not read.
 */
export function releaseDate(dataDir: string): string {
  const file = join(dataDir, "release.json");
  const release = z.object(
    { date: z.string().refine(isIsoDay, `a date as YYYY-MM-DD ${YEAR_RANGE}`) },
    `an object {"date": "YYYY-MM-DD"}`,
  );
  return parseJsonWith(release, readText(file, MAX_DATA_FILE_BYTES), file).date;
}

/** Largest file under data/ read, in bytes: the biggest is about 30 kB today. */
export const MAX_DATA_FILE_BYTES = 5_000_000;

export function readDataDir(dir: string): DataInput {
  const read = (name: string) => readText(join(dir, name), MAX_DATA_FILE_BYTES);
  const table = <S extends Schema>(name: string, spec: TableSpec<S>) => parseTable(read(name), join(dir, name), spec);
  // Collect problems from every file before failing, so one run shows them all.
  const problems: DataError[] = [];
  const attempt = <T>(f: () => T): T => {
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
    icbSuccessions: attempt(() => table("icb-successions.csv", icbSuccessionsTable)),
    regions: attempt(() => table("regions.csv", regionsTable)),
    gmpp: attempt(() => table("gmpp.csv", gmppTable)),
    statements: attempt(() => table("statements.csv", statementsTable).map(statementRow)),
    targets: attempt(() => table("targets.csv", targetsTable)),
    programme: attempt(() => table("programme.csv", programmeTable).map(programmeRow)),
    trustEvents: attempt(() => table("trust-events.csv", trustEventsTable)),
    answerQuotes: attempt(() => table("answer-quotes.csv", answerQuotesTable)),
    // Older releases kept no such quotations: a data folder without the file has none (data:diff reads them).
    figureQuotes: existsSync(join(dir, "figure-quotes.csv"))
      ? attempt(() => table("figure-quotes.csv", figureQuotesTable))
      : [],
    changelog: attempt(() => parseChangelog(read("changelog.json"), join(dir, "changelog.json"))),
  };
  const crossRow = checkIntegrity(input, {
    trusts: join(dir, "trusts.csv"),
    successions: join(dir, "successions.csv"),
    icbs: join(dir, "icbs.csv"),
  });
  runStages([filesStage([...problems.flatMap((e) => e.problems), ...crossRow])]);
  return input;
}

/**
 * The files of data/ the site model is built from (what readDataDir reads): a release's snapshot
 * under data/releases/<date>/ keeps these, so its charts and cards can be built again by later code.
 * figure-quotes.csv is optional, as releases before it kept none.
 */
export const SNAPSHOT_FILES = [
  "release.json",
  "sources.json",
  "trusts.csv",
  "successions.csv",
  "epr-status.csv",
  "icbs.csv",
  "icb-successions.csv",
  "regions.csv",
  "gmpp.csv",
  "statements.csv",
  "targets.csv",
  "programme.csv",
  "trust-events.csv",
  "answer-quotes.csv",
  "figure-quotes.csv",
  "changelog.json",
] as const;

/** Where published releases are kept, inside the data folder. */
export const RELEASES_DIR = "releases";

/** A published release, as its snapshot builds it today. */
export interface FrozenRelease {
  date: string;
  site: SiteData;
}

/**
 * Every release frozen under data/releases/, oldest first, each checked and built as data/ is: a
 * folder named by its release date (the date its release.json gives), none later than the live
 * release. An empty or missing folder gives none.
 */
export function readFrozenReleases(dataDir: string, liveDate: string): FrozenRelease[] {
  const dir = join(dataDir, RELEASES_DIR);
  if (!existsSync(dir)) return [];
  const problems: Problem[] = [];
  const out: FrozenRelease[] = [];
  for (const name of readdirSync(dir).sort()) {
    const folder = join(dir, name);
    if (!lstatSync(folder).isDirectory() || !isIsoDay(name)) {
      problems.push({
        file: folder,
        expected: "a folder named by its release date, YYYY-MM-DD, holding that release's data",
      });
      continue;
    }
    if (name > liveDate) {
      problems.push({ file: folder, value: name, expected: `a release no later than the live one (${liveDate})` });
      continue;
    }
    try {
      const input = readDataDir(folder);
      if (input.release.date !== name)
        problems.push({
          file: join(folder, "release.json"),
          value: input.release.date,
          expected: `the date its folder is named by (${name})`,
        });
      else out.push({ date: name, site: buildSiteData(input).site });
    } catch (e) {
      if (!(e instanceof DataError)) throw e;
      problems.push(...e.problems);
    }
  }
  if (problems.length) throw new DataError(problems);
  return out;
}

/** The public trust table: one row per trust, today's status first, then the list's own columns with their date. */
export function trustDownloadRows(site: SiteData): Record<string, string | number | boolean | null>[] {
  return site.trusts.map((t) => ({
    code: t.code,
    name: t.name,
    region_code: t.region_code,
    region_name: t.region_name,
    region_basis: t.region_basis,
    icb_code: t.icb?.code ?? null,
    icb_name: t.icb?.name ?? null,
    icb_from: t.icb?.from ?? null,
    icb_code_at_list_date: t.icb_at_list?.code ?? null,
    icb_name_at_list_date: t.icb_at_list?.name ?? null,
    trust_type: t.trust_type,
    open_date: t.open_date,
    close_date: t.close_date,
    merged_into: t.merged_into.map((m) => `${m.code}@${m.date}`).join(";"),
    took_over: t.took_over.map((m) => `${m.code}@${m.date}`).join(";"),
    status_now: t.status_now.status,
    status_now_as_of: site.release.date,
    status_now_basis: t.status_now.basis,
    status_now_since: t.status_now.since,
    status_now_since_basis: t.status_now.since_basis,
    status_now_supplier: t.status_now.supplier,
    status_now_source_id: t.status_now.source_id ?? t.status_now.event_id,
    status_now_contradicted_by: t.status_now.contradictions.map((c) => c.source_id).join(";"),
    list_date: t.list?.as_of ?? null,
    list_source_id: t.list?.source_id ?? null,
    has_epr_on_list_date: t.list ? t.list.has_epr : null,
    supplier_on_list_date: t.list?.supplier ?? null,
    in_ods_trust_list: t.in_ods_trust_list,
    name_in_epr_list: t.name_in_epr_list,
  }));
}

/** Each comparison with the official figure's own source beside its statement id, so a row can be traced. */
function reconciliationRows(site: SiteData): Record<string, unknown>[] {
  const sourceOf = new Map(site.statements.map((s) => [s.id, s.source_id]));
  return site.reconciliation.map(({ statement_id, ...rest }) => ({
    statement_id,
    source_id: sourceOf.get(statement_id) ?? null,
    ...rest,
  }));
}

/** What the data step noticed and could not settle, for the maintainer to read with each refresh. */
export function validationReport(site: SiteData): string {
  const lines = [
    `Validation report, data release ${site.release.date}`,
    `${site.trusts.length} trusts, ${site.statements.length} statements, ${site.targets.length} targets, ${site.programme.length} programme figures.`,
    "",
  ];
  for (const [kind, items] of Map.groupBy(site.warnings, (w) => w.kind))
    lines.push(`${kind} (${items.length}):`, ...items.map((w) => `  - ${w.message}`), "");
  if (site.warnings.length === 0) lines.push("No warnings.");
  return lines.join("\n").trimEnd() + "\n";
}

/** Every output file, keyed by path: the page model and the public downloads. */
export function outputs(site: SiteData, generatedDir: string, publicDir: string): Record<string, string> {
  const trustRows = trustDownloadRows(site);
  const cols = <T extends object>(rows: T[]) => (rows[0] ? Object.keys(rows[0]) : []);
  const csv = <T extends object>(rows: T[]) =>
    publishedCsv(
      cols(rows),
      rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Array.isArray(v) ? v.join(";") : v]))),
    );
  const dated = (id: string, rows: readonly object[]) =>
    withDatePrecision(rows as Record<string, unknown>[], PARTIAL_DATE_COLUMNS[id] ?? []);
  return {
    [join(generatedDir, "site-data.json")]: toJson(site),
    [join(generatedDir, "validation-report.txt")]: validationReport(site),
    [join(publicDir, "trusts.csv")]: csv(trustRows),
    [join(publicDir, "trusts.json")]: toJson(trustRows),
    [join(publicDir, "statements.csv")]: csv(dated("statements", site.statements)),
    [join(publicDir, "targets.csv")]: csv(dated("targets", site.targets)),
    [join(publicDir, "programme.csv")]: csv(dated("programme", site.programme)),
    [join(publicDir, "gmpp.csv")]: csv(site.gmpp),
    [join(publicDir, "reconciliation.csv")]: csv(dated("reconciliation", reconciliationRows(site))),
    [join(publicDir, "trust-events.csv")]: csv(dated("trust-events", site.trust_events)),
    [join(publicDir, "sources.json")]: toJson(site.sources),
  };
}

/** data/parliament/: the written answers kept from Parliament, the connector's query and the member names we hold. */
export function readAnswersDir(dir: string): {
  answers: StoredAnswer[];
  query: AnswersQuery;
  members: Map<number, string>;
} {
  const answersFile = join(dir, "parliament/answers.json");
  const queryFile = join(dir, "parliament/query.json");
  const membersFile = join(dir, "parliament/members.csv");
  return {
    answers: parseAnswers(readText(answersFile), answersFile),
    query: parseQuery(readText(queryFile), queryFile),
    members: parseMembers(readText(membersFile), membersFile),
  };
}

const ANSWER_DOWNLOAD_COLUMNS = [
  "id",
  "uin",
  "house",
  "date_tabled",
  "date_tabled_precision",
  "date_answered",
  "date_corrected",
  "asking_member",
  "answering_member",
  "answering_body",
  "heading",
  "question_text",
  "answer_text",
  "answer_truncated",
  "is_holding",
  "is_correction",
  "is_withdrawn",
  "url",
  "terms",
] as const;

/** The page model of /answers/ and the answers' public downloads. */
export function answerOutputs(
  answers: StoredAnswer[],
  query: AnswersQuery,
  generatedDir: string,
  publicDir: string,
  members: ReadonlyMap<number, string> = new Map(),
): Record<string, string> {
  const yesNo = (b: boolean) => (b ? "yes" : "no");
  const rows = answers.map((a) => ({
    ...a,
    answer_truncated: yesNo(a.answer_truncated),
    is_holding: yesNo(a.is_holding),
    is_correction: yesNo(a.is_correction),
    is_withdrawn: yesNo(a.is_withdrawn),
    date_tabled_precision: a.date_tabled ? datePrecision(a.date_tabled) : null,
    terms: a.terms.join(";"),
  }));
  return {
    [join(generatedDir, "answers.json")]: toJson(answersPageModel(answers, query, members)),
    [join(publicDir, "parliament-answers.json")]: toJson(answers),
    [join(publicDir, "parliament-answers.csv")]: publishedCsv(ANSWER_DOWNLOAD_COLUMNS, rows),
  };
}

/**
 * data/trust-aliases.csv and data/sites.csv, checked against the trusts they name, joined with each
 * trust's headquarters postcode: what the hospital finder and trust pages read besides the site's data.
 */
export function readTrustSearch(dataDir: string, input: DataInput, site: SiteData): TrustSearchData {
  const file = join(dataDir, "trust-aliases.csv");
  const sitesFile = join(dataDir, "sites.csv");
  const problems: Problem[] = [];
  const attempt = <T>(f: () => T, fallback: T): T => {
    try {
      return f();
    } catch (e) {
      if (!(e instanceof DataError)) throw e;
      problems.push(...e.problems);
      return fallback;
    }
  };
  const rows = attempt(() => parseTable(readText(file, MAX_DATA_FILE_BYTES), file, trustAliasesTable), []);
  problems.push(...checkAliases(rows, site.trusts, file));
  const sites = attempt(() => parseTable(readText(sitesFile, MAX_DATA_FILE_BYTES), sitesFile, sitesTable), []);
  problems.push(
    ...checkSites(
      sites,
      input.trusts,
      site.trusts.map((t) => t.code),
      sitesFile,
      input.sources.map((s) => s.id),
    ),
  );
  // The last stage: it needs the model, to check each alias and site against the trust it names.
  runStages([{ name: "finder", checks: "aliases and sites against the trusts they name", problems: () => problems }]);
  const names = new Map(site.trusts.map((t) => [t.code, t.name]));
  return trustSearchData(
    site.trusts.map((t) => ({ code: t.code, postcode: input.trusts.find((r) => r.code === t.code)?.postcode ?? null })),
    rows,
    sitesByTrust(sites, (code) => names.get(code) ?? null),
  );
}

if (import.meta.main) {
  await runMain(() => {
    const dataDir = argValue("data", "data");
    // Both parts are checked before either fails, so one run lists every problem.
    const problems: DataError[] = [];
    const attempt = <T>(f: () => T): T | null => {
      try {
        return f();
      } catch (e) {
        if (e instanceof DataError) return (problems.push(e), null);
        throw e;
      }
    };
    const input = attempt(() => readDataDir(dataDir));
    const parliament = attempt(() => readAnswersDir(dataDir));
    const frozen = input && attempt(() => readFrozenReleases(dataDir, input.release.date));
    if (!input || !parliament || !frozen) {
      // The data folder's files, Parliament's answers and the kept releases, reported together as one stage.
      runStages([filesStage(problems.flatMap((e) => e.problems))]);
      throw problems[0]!;
    }
    // The stages after the files, with the answers the quotations are checked against.
    runStages(
      inputStages(input, {
        answers: { records: parliament.answers, file: join(dataDir, "parliament/answers.json") },
        answerQuotesFile: join(dataDir, "answer-quotes.csv"),
      }),
    );
    const { site, warnings } = buildValidatedSiteData(input);
    // A quoted answer corrected after its figure's date: flagged here and on the sources page.
    const corrected = correctedAfterQuote(
      input.answerQuotes,
      [...input.statements, ...input.programme],
      parliament.answers,
    );
    const correctedOn = new Map(corrected.map((c) => [c.figure_id, c.corrected_on]));
    site.figure_checks.checked = site.figure_checks.checked.map((q) => ({
      ...q,
      answer_corrected_on: correctedOn.get(q.figure_id) ?? null,
    }));
    for (const c of corrected)
      warnings.push({
        kind: "quoted_answer_corrected",
        message: `Figure ${c.figure_id} quotes answer ${c.answer_id}, which was corrected on ${c.corrected_on}, after the figure's date (${c.stated_on}): check the figure against the corrected answer and date it by the correction.`,
      });
    const generated = argValue("generated", "src/generated");
    const publicDir = argValue("public", "public/data");
    const files = {
      ...outputs(site, generated, publicDir),
      ...answerOutputs(parliament.answers, parliament.query, generated, publicDir, parliament.members),
    };
    files[join(generated, "trust-search.json")] = toJson(readTrustSearch(dataDir, input, site));
    files[join(generated, "releases.json")] = toJson({ live: site.release.date, releases: frozen });
    writeAllAtomically(files);
    console.log(
      `data: ${site.trusts.length} trusts, ${site.statements.length} statements, ${site.targets.length} targets, ${site.programme.length} programme figures, ${site.sources.length} sources`,
    );
    console.log(
      `data: ${parliament.answers.length} written answers from Parliament (${parliament.answers.filter((a) => !a.date_answered).length} without an answer date)`,
    );
    console.log(
      `data: NHS England list ${site.snapshot.as_of}: ${site.snapshot.with_epr} of ${site.snapshot.total} with an EPR, ${site.snapshot.without_epr} without`,
    );
    const now = site.status_now.by_status;
    console.log(
      `data: status on ${site.status_now.as_of}: ${now.epr} with an EPR, ${now.no_epr} without, ${now.unknown} not known, ${now.closed} closed; ${site.status_changed_since_list} listed trusts changed since the list`,
    );
    console.log(
      `data: ${frozen.length} releases kept for pinned embeds (${frozen.map((r) => r.date).join(", ") || "none"})` +
        (frozen.some((r) => r.date === site.release.date)
          ? ""
          : `; this release is not frozen yet: run npm run data:freeze when it is published`),
    );
    if (warnings.length)
      console.log(
        `data: ${warnings.length} warnings (shown on /sources/; full report in ${join(argValue("generated", "src/generated"), "validation-report.txt")}):\n${warnings.map((w) => `  - ${w.message}`).join("\n")}`,
      );
  });
}
