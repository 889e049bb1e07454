/**
 * npm run rehearse [-- --keep] [-- --working-tree] [-- --rev <commit>]
 *
 * A scripted next release, end to end, on a clean copy of the repository (git HEAD or --rev, and with
 * --working-tree the tracked files' changes), against stand-ins for the publishers on 127.0.0.1:
 * ODS reports with a rename, a merger, a new trust and then an outage; Parliament's written questions
 * with a new official figure, a correction, a holding answer, another department's "EPR", short pages
 * and a 429; and an emailed edition of NHS England's list. It runs the maintainer's commands in the copy
 * as MAINTAINING.md gives them, adds the figure by hand as data/README.md says, builds, and checks what
 * the built site says. The real checkout's data/ and dist/ are never touched; the copy shares its
 * packages by symbolic links. No command may reach the network: name lookups are refused.
 *
 * Prints each step with its time, and the diff the release printed; exits 1 naming each failed step
 * and the sentence that broke the rule. --keep leaves the copy in place for a look.
 */
import { spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { dayBefore, daysBetween, formatDate } from "../src/lib/data/dates.ts";
import { tidyTrustName } from "../src/lib/data/names.ts";
import { argValue } from "./lib/io.ts";
import { CARD_CACHE } from "./og-images.ts";
import { eprWorkbook } from "../test/helpers/epr-xlsx.ts";
import type { QuestionRecord } from "../test/helpers/parliament-service.ts";
import {
  editionRows,
  etrReport,
  nextId,
  pickScenario,
  records,
  SCENARIO_WRITTEN_AFTER,
  shiftDates,
  succReport,
  withRow,
  withSource,
  type Picks,
  type Scenario,
  type TrustStatus,
} from "./rehearse/scenario.ts";
import {
  FLAGS_CONTRADICTION,
  dateWords,
  pageText,
  sentences,
  staleEditionSentences,
  staleLatestSentences,
  textOfClass,
} from "./rehearse/site.ts";
import {
  networkGuard,
  startOds,
  startParliament,
  type OdsStandIn,
  type ParliamentStandIn,
} from "./rehearse/stand-ins.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const FIXTURES = join(ROOT, "test/fixtures/rehearsal");

interface Ran {
  code: number;
  out: string;
}

interface StepResult {
  name: string;
  ms: number;
  failures: string[];
}

/** Trust fields the rehearsal reads from site-data.json; contradictions come with the status model's list of them. */
interface SiteTrust extends TrustStatus {
  close_date: string | null;
  merged_into: { code: string }[];
  status_now: TrustStatus["status_now"] & {
    contradictions?: { source_id: string; as_of: string; has_epr: boolean; supplier: string | null }[];
  };
}
interface SiteData {
  trusts: SiteTrust[];
  icbs: unknown[];
  headline: { share_with_epr: { value: number; as_of: string; source_id: string; dates_estimated: boolean } };
  sources: { id: string; url: string; title: string }[];
  changelog: { date: string; changes: string[] }[];
  release: { date: string };
  list_editions?: { source_id: string; as_of: string }[];
}

/** Runs one command in the copy; output is kept, printed only when asked. */
function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (b: Buffer) => (out += b.toString("utf8")));
    child.stderr.on("data", (b: Buffer) => (out += b.toString("utf8")));
    child.on("error", (e) => resolve({ code: 127, out: `${out}${e.message}\n` }));
    child.on("close", (code) => resolve({ code: code ?? 1, out }));
  });
}

const indent = (text: string, by = "      ") =>
  text
    .trimEnd()
    .split("\n")
    .map((l) => by + l)
    .join("\n");
/** The last lines of a command's output, each cut to a readable length. */
const tail = (text: string, lines = 25) =>
  text
    .trimEnd()
    .split("\n")
    .slice(-lines)
    .map((l) => (l.length > 400 ? `${l.slice(0, 400)}…` : l))
    .join("\n");

/**
 * The copy's node_modules: a folder of links to the checkout's packages, never installed again. Caches
 * and the build lock under it stay the copy's own, but for the social cards, which are named by their
 * content and so safe to share (drawing them all again would double the build's time).
 */
function linkModules(from: string, to: string): void {
  mkdirSync(to);
  for (const name of readdirSync(from)) if (name !== ".cache") symlinkSync(join(from, name), join(to, name));
  const cards = join(from, CARD_CACHE.replace(/^node_modules\//, ""));
  mkdirSync(cards, { recursive: true });
  mkdirSync(dirname(join(to, CARD_CACHE.replace(/^node_modules\//, ""))), { recursive: true });
  symlinkSync(cards, join(to, CARD_CACHE.replace(/^node_modules\//, "")));
}

function git(args: string[], cwd = ROOT): Promise<Ran> {
  return run("git", args, cwd, process.env);
}

async function main(): Promise<number> {
  const keep = process.argv.includes("--keep");
  let scenario = JSON.parse(readFileSync(join(FIXTURES, "scenario.json"), "utf8")) as Scenario;
  let questions = JSON.parse(readFileSync(join(FIXTURES, "questions.json"), "utf8")) as QuestionRecord[];
  const work = mkdtempSync(join(tmpdir(), "epr-rehearsal-"));
  const copy = join(work, "repo");
  const netLog = join(work, "network-refused.log");
  writeFileSync(join(work, "guard.mjs"), networkGuard(netLog));
  const results: StepResult[] = [];
  const started = Date.now();
  let ods: OdsStandIn | undefined;
  let parliament: ParliamentStandIn | undefined;

  const file = (p: string) => join(copy, p);
  const read = (p: string) => readFileSync(file(p), "utf8");
  const write = (p: string, text: string | Uint8Array) => {
    mkdirSync(dirname(file(p)), { recursive: true });
    writeFileSync(file(p), text);
  };
  const refused = () => (existsSync(netLog) ? readFileSync(netLog, "utf8").split("\n").filter(Boolean) : []);

  /** One step: its time, its failures (each a sentence), and what it printed when asked. */
  async function step(
    name: string,
    body: (fail: (why: string) => void, note: (line: string) => void) => Promise<void> | void,
  ) {
    const t0 = Date.now();
    const failures: string[] = [];
    const notes: string[] = [];
    const before = refused().length;
    try {
      await body(
        (why) => failures.push(why),
        (line) => notes.push(line),
      );
    } catch (e) {
      failures.push(`stopped: ${(e as Error).message}`);
    }
    const hosts = [...new Set(refused().slice(before))];
    if (hosts.length) notes.push(`network refused (not a stand-in): ${hosts.join(", ")}`);
    const ms = Date.now() - t0;
    results.push({ name, ms, failures });
    console.log(`${failures.length ? "✗" : "✓"} ${name} (${(ms / 1000).toFixed(1)} s)`);
    for (const n of notes) console.log(indent(n, "    "));
    for (const f of failures) console.log(indent(`✗ [${name}] ${f}`, "    "));
  }
  const failed = (name: string) => results.some((r) => r.name === name && r.failures.length > 0);

  let env: NodeJS.ProcessEnv = {};
  /** An npm script in the copy; a non-zero exit fails the step with the end of its output. */
  const npm = async (args: string[], fail: (why: string) => void): Promise<Ran> => {
    const r = await run("npm", ["run", "--silent", ...args], copy, env);
    if (r.code !== 0) fail(`\`npm run ${args.join(" ")}\` exited ${r.code}:\n${tail(r.out)}`);
    return r;
  };

  try {
    await step("copy: a clean clone of the repository, node_modules linked", async (fail, note) => {
      const rev = argValue("rev", "HEAD");
      const sha = (await git(["rev-parse", "--verify", `${rev}^{commit}`])).out.trim();
      if (!/^[0-9a-f]{40}$/.test(sha)) throw new Error(`--rev ${rev} is not a commit of this repository`);
      const clone = await git(["clone", "--quiet", "--local", "--no-checkout", ROOT, copy]);
      if (clone.code !== 0) throw new Error(`git clone failed: ${clone.out}`);
      const co = await git(["checkout", "--quiet", "--detach", sha], copy);
      if (co.code !== 0) throw new Error(`git checkout ${rev} failed: ${co.out}`);
      let dirty = "";
      if (process.argv.includes("--working-tree")) {
        // The tracked files' changes, as a patch applied to the copy; nothing in the checkout changes.
        const patch = join(work, "working-tree.patch");
        writeFileSync(patch, (await git(["diff", "--binary", "HEAD"])).out);
        const applied = await git(["apply", "--whitespace=nowarn", patch], copy);
        if (applied.code !== 0) throw new Error(`the working tree's changes do not apply: ${applied.out}`);
        dirty = " with the working tree's changes";
      }
      linkModules(join(ROOT, "node_modules"), file("node_modules"));
      note(`${copy} at ${rev} (${sha.slice(0, 7)})${dirty}`);
      if (existsSync(file("data/upstream")) || existsSync(file("dist")))
        fail("the clone already has data/upstream/ or dist/");
    });
    if (failed(results[0]!.name)) return report(results, started);
    // The fixtures were written after one release; after a later one, every date moves on with it.
    const releaseNow = (JSON.parse(read("data/release.json")) as { date: string }).date;
    const lateBy = daysBetween(SCENARIO_WRITTEN_AFTER, releaseNow);
    scenario = shiftDates(scenario, lateBy);
    questions = shiftDates(questions, lateBy);

    env = {
      ...process.env,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${join(work, "guard.mjs")}`.trim(),
      ASTRO_TELEMETRY_DISABLED: "1",
      npm_config_update_notifier: "false",
      NO_COLOR: "1",
      FORCE_COLOR: "0",
    };
    // As a maintainer's shell would have it: no site address, and none of a test runner's settings.
    for (const key of Object.keys(env))
      if (key === "SITE_URL" || key === "NODE_ENV" || key.startsWith("VITEST")) delete env[key];

    let baseline: SiteData | undefined;
    await step("baseline: npm run data on the copy as committed", async (fail) => {
      const r = await npm(["data"], fail);
      if (r.code === 0) baseline = JSON.parse(read("src/generated/site-data.json")) as SiteData;
    });
    if (!baseline) return report(results, started);

    let picks: Picks | undefined;
    let etr = "";
    let succ = "";
    await step("stand-ins: ODS, Parliament's questions and members services on 127.0.0.1", async (_fail, note) => {
      const trusts = records(read("data/trusts.csv"), "data/trusts.csv");
      const status = records(read("data/epr-status.csv"), "data/epr-status.csv");
      picks = pickScenario(trusts, status, baseline!.trusts, scenario);
      const successions = records(read("data/successions.csv"), "data/successions.csv");
      // The sites the committed data followed through older successions, where the copy has them.
      const sites = existsSync(file("data/sites.csv")) ? records(read("data/sites.csv"), "data/sites.csv") : [];
      etr = etrReport(trusts, { picks, changeDate: scenario.ods.change_date }, sites);
      succ = succReport(successions, picks, sites);
      // The pinned copies live entries fall back to: the reports as they stood before this release.
      const pinned = { etr: etrReport(trusts, undefined, sites), succ: succReport(successions, undefined, sites) };
      ods = await startOds({ etr, succ, "pinned-etr": pinned.etr, "pinned-succ": pinned.succ });
      parliament = await startParliament(questions, scenario.parliament);
      env.ODS_REPORTS_BASE = ods.url;
      env.ODS_ORD_BASE = ods.url;
      env.PARLIAMENT_API_BASE = parliament.api.url;
      env.PARLIAMENT_MEMBERS_BASE = parliament.members.url;
      const name = (code: string) => baseline!.trusts.find((t) => t.code === code)?.name ?? code;
      note(`ODS ${ods.url}; Parliament ${parliament.api.url}, members ${parliament.members.url}`);
      note(`rename: ${picks.rename.code} ${picks.rename.from} → ${picks.rename.to}`);
      note(
        `merger: ${name(picks.merger.code)} (${picks.merger.code}) into ${name(picks.merger.into)} (${picks.merger.into}) on ${picks.merger.date}`,
      );
      note(`new trust: ${picks.newTrust.code} ${picks.newTrust.ods_name}, open ${scenario.ods.change_date}`);
      note(
        `edition ${scenario.edition.as_of}: ${picks.gains.map((g) => `${name(g.code)} gains ${g.supplier}`).join("; ")}`,
      );
      note(
        `edition: supplier ${picks.supplierRename.from} → ${picks.supplierRename.to}; ${name(picks.stillNoEpr)} still "No EPR" after its go-live; ${picks.caughtUp.length} other trusts reported live listed with their supplier`,
      );
    });
    if (!picks) return report(results, started);
    const p = picks;
    const trustName = (code: string) => baseline!.trusts.find((t) => t.code === code)?.name ?? code;

    // data:fetch reads every live entry; the frozen ones are not the stand-ins' to serve.
    const manifest = JSON.parse(read("data/upstream.json")) as { path: string; kind?: string; fallback_url?: string }[];
    const live = manifest.filter((e) => e.kind === "live");
    const reportOf = (path: string) => (path.includes("succ") ? "succ" : "etr");
    const served = (path: string) => (reportOf(path) === "succ" ? succ : etr);
    const holds = (path: string) => {
      const f = `data/upstream/${path}`;
      return existsSync(file(f)) ? read(f) : null;
    };
    // A live entry's fallback is a pinned copy elsewhere; for the rehearsal it is the stand-in's older copy.
    const manifestText = read("data/upstream.json");
    write(
      "data/upstream.json",
      JSON.stringify(
        manifest.map((e) =>
          e.kind === "live" && e.fallback_url
            ? { ...e, fallback_url: `${ods!.url}/api/getReport?report=pinned-${reportOf(e.path)}` }
            : e,
        ),
        null,
        2,
      ),
    );
    await step("fetch: npm run data:fetch -- --only <path>, for each live entry", async (fail) => {
      for (const e of live) {
        await npm(["data:fetch", "--", "--only", e.path], fail);
        const got = holds(e.path);
        if (got !== served(e.path))
          fail(
            `data/upstream/${e.path} is not the report the ODS stand-in sent (${got === null ? "no file" : `${got.split("\n").length - 1} rows`})`,
          );
      }
      if (!ods!.requests.some((r) => /report=(etr|succ)$/.test(r)))
        fail("the ODS stand-in got no request: data:fetch did not read ODS_REPORTS_BASE");
    });
    await step("fetch during an ODS outage: the newer live copies are kept", async (fail, note) => {
      ods!.setOutage(true);
      let out = "";
      for (const e of live)
        out += (await run("npm", ["run", "--silent", "data:fetch", "--", "--only", e.path], copy, env)).out;
      ods!.setOutage(false);
      note(tail(out, 10));
      for (const e of live)
        if (holds(e.path) !== served(e.path))
          fail(
            `data/upstream/${e.path} no longer holds the newer live copy after the outage: an older copy was written over it`,
          );
      if (!/\bkept\b|\bkeep/i.test(out))
        fail("the fetch during the outage did not say that it kept the last good live copy");
    });
    write("data/upstream.json", manifestText);

    await step("answers: npm run data:answers -- --today <the release date>", async (fail, note) => {
      // Run on the release day, as a maintainer would: the window's end never depends on this machine's clock.
      const r = await npm(["data:answers", "--", "--today", scenario.release_date], fail);
      if (r.code === 0) note(tail(r.out, 15));
      const answers = JSON.parse(read("data/parliament/answers.json")) as {
        id: number;
        answer_text: string;
        is_holding: boolean;
        date_corrected: string | null;
        asking_member: string | null;
      }[];
      const byId = new Map(answers.map((a) => [a.id, a]));
      const list = parliament!.api.requests.filter((q) => q.startsWith("/api/writtenquestions/questions?"));
      if (r.code === 0 && !list.length)
        fail("Parliament's stand-in got no list request: data:answers did not read PARLIAMENT_API_BASE");
      for (const q of questions) {
        const dhsc = q.answeringBodyId === 17;
        const got = byId.get(q.id);
        if (!dhsc && got)
          fail(`answer ${q.id} (${q.answeringBodyName}, "${q.heading}") was kept: another department's EPR`);
        if (dhsc && !got)
          fail(
            `answer ${q.id} ("${q.heading}") is not in answers.json: every page was not read (the stand-in serves ${scenario.parliament.page_size} a page) or the run stopped`,
          );
        if (!got) continue;
        if (q.answerIsHolding && !got.is_holding) fail(`answer ${q.id} is a holding answer but is not stored as one`);
        if (q.answerIsCorrection && got.date_corrected !== String(q.dateAnswerCorrected).slice(0, 10))
          fail(`answer ${q.id}'s correction of ${String(q.dateAnswerCorrected).slice(0, 10)} is not recorded`);
      }
      const figure = byId.get(scenario.figure.answer_id);
      if (figure && !figure.answer_text.includes(scenario.figure.quote))
        fail(`answer ${scenario.figure.answer_id} was not read in full: its text lacks "${scenario.figure.quote}"`);
    });

    await step("import: npm run data:import (data/upstream/ holds only the live ODS files)", async (fail, note) => {
      const r = await npm(["data:import"], fail);
      if (r.code === 0) note(tail(r.out, 15));
      const trusts = new Map(records(read("data/trusts.csv"), "data/trusts.csv").map((t) => [t.code!, t]));
      if (!trusts.has(p.newTrust.code))
        fail(`trusts.csv lacks the new trust ${p.newTrust.code} ${p.newTrust.ods_name}`);
      if (trusts.get(p.rename.code)?.ods_name !== p.rename.to)
        fail(`trusts.csv still names ${p.rename.code} "${trusts.get(p.rename.code)?.ods_name}", not "${p.rename.to}"`);
      if (trusts.get(p.merger.code)?.close_date !== dayBefore(p.merger.date))
        fail(`trusts.csv does not close ${p.merger.code} on ${dayBefore(p.merger.date)}`);
      const succs = records(read("data/successions.csv"), "data/successions.csv");
      if (!succs.some((s) => s.predecessor_code === p.merger.code && s.successor_code === p.merger.into))
        fail(`successions.csv lacks the merger of ${p.merger.code} into ${p.merger.into}`);
    });

    // The workbook as it came by email: outside the repository, gone once imported.
    const mailed = join(work, "mail", scenario.edition.file);
    const editionArgs = [
      "--epr-list",
      mailed,
      "--source-id",
      scenario.edition.source.id,
      "--as-of",
      scenario.edition.as_of,
      "--received",
      scenario.edition.received,
    ];
    await step(
      `edition: npm run data:import -- ${editionArgs.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(" ")}`,
      async (fail) => {
        const rows = editionRows(records(read("data/epr-status.csv"), "data/epr-status.csv"), p);
        mkdirSync(dirname(mailed), { recursive: true });
        writeFileSync(
          mailed,
          await eprWorkbook({ sheetName: scenario.edition.sheet, header: rows[0], rows: rows.slice(1) }),
        );
        write("data/sources.json", withSource(read("data/sources.json"), scenario.edition.source));
        await npm(["data:import", "--", ...editionArgs], fail);
        rmSync(mailed);
        const status = records(read("data/epr-status.csv"), "data/epr-status.csv").filter(
          (r) => r.source_id === scenario.edition.source.id,
        );
        if (status.length !== rows.length - 1)
          fail(`epr-status.csv holds ${status.length} rows of the new edition, not ${rows.length - 1}`);
      },
    );

    await step("import again: npm run data:import finds the emailed edition and changes nothing", async (fail) => {
      const snapshot = () =>
        Object.fromEntries(
          readdirSync(file("data"))
            .filter((f) => statSync(file(`data/${f}`)).isFile())
            .map((f) => [f, read(`data/${f}`)]),
        );
      const before = snapshot();
      await npm(["data:import"], fail);
      const after = snapshot();
      for (const f of Object.keys({ ...before, ...after }))
        if (before[f] !== after[f])
          fail(`a second full import changed data/${f}: the emailed edition or an owned table was lost`);
    });

    await step("figure by hand: statements.csv, sources.json, answer-quotes.csv, release.json", async (_fail, note) => {
      const statements = records(read("data/statements.csv"), "data/statements.csv");
      const id = nextId(statements, "S");
      write(
        "data/statements.csv",
        withRow(read("data/statements.csv"), "data/statements.csv", {
          id,
          ...scenario.figure.statement,
          source_id: scenario.figure.source.id,
        }),
      );
      write("data/sources.json", withSource(read("data/sources.json"), scenario.figure.source));
      const answers = JSON.parse(read("data/parliament/answers.json")) as { id: number }[];
      if (answers.some((a) => a.id === scenario.figure.answer_id)) {
        const uin = String(questions.find((q) => q.id === scenario.figure.answer_id)?.uin ?? "");
        write(
          "data/answer-quotes.csv",
          withRow(read("data/answer-quotes.csv"), "data/answer-quotes.csv", {
            figure_id: id,
            answer_id: String(scenario.figure.answer_id),
            uin,
            quote: scenario.figure.quote,
          }),
        );
      } else note(`answer ${scenario.figure.answer_id} is not in answers.json, so ${id} has no quotation row`);
      write("data/release.json", `${JSON.stringify({ date: scenario.release_date })}\n`);
      note(
        `${id}: ${scenario.figure.statement.metric} ${scenario.figure.statement.value} (${scenario.figure.statement.scope}, ${scenario.figure.statement.as_of}); release ${scenario.release_date}`,
      );
    });

    let diffOut = "";
    await step("diff: npm run data:diff", async (fail) => {
      diffOut = (await npm(["data:diff"], fail)).out;
      console.log(indent(diffOut.trim() || "(nothing printed)", "    │ "));
    });
    await step("diff --write: npm run data:diff -- --write", async (fail) => {
      await npm(["data:diff", "--", "--write"], fail);
    });

    let site: SiteData | undefined;
    await step("build: npm run build", async (fail) => {
      const r = await npm(["build"], fail);
      if (r.code === 0) site = JSON.parse(read("src/generated/site-data.json")) as SiteData;
    });

    if (site) await checkSite(site, baseline, p, scenario, diffOut, copy, step, trustName);

    await step("site tests: npx vitest run test/site in the copy", async (fail) => {
      if (!site) return fail("skipped: the build failed");
      const r = await run("npx", ["vitest", "run", "test/site"], copy, env);
      const lines = r.out.split("\n").filter((l) => /×|FAIL|Error:/.test(l));
      if (r.code !== 0) fail(`test/site failed on the new release:\n${tail(lines.join("\n") || r.out, 30)}`);
    });

    await step("freeze: npm run data:freeze keeps the new release; again, it changes nothing", async (fail) => {
      if (!site) return fail("skipped: the build failed");
      await npm(["data:freeze"], fail);
      const kept = join(copy, "data", "releases", site.release.date);
      if (!existsSync(join(kept, "release.json"))) return fail(`no ${kept}/release.json after the freeze`);
      await npm(["data:freeze"], fail);
      const r = await npm(["data"], fail);
      if (!r.out.includes(site.release.date)) fail(`npm run data does not list the kept release ${site.release.date}`);
    });
  } finally {
    await ods?.close();
    await parliament?.close();
    if (keep) console.log(`The copy is kept at ${copy}`);
    else rmSync(work, { recursive: true, force: true });
  }
  return report(results, started);
}

type Step = (
  name: string,
  body: (fail: (why: string) => void, note: (line: string) => void) => Promise<void> | void,
) => Promise<void>;

/** What the built site says, checked against the release just made. */
async function checkSite(
  site: SiteData,
  baseline: SiteData,
  p: Picks,
  scenario: Scenario,
  diffOut: string,
  copy: string,
  step: Step,
  trustName: (code: string) => string,
) {
  const dist = join(copy, "dist");
  const html = (path: string) => {
    const f = join(dist, path, "index.html");
    return existsSync(f) ? readFileSync(f, "utf8") : "";
  };
  const source = site.sources.find((s) => s.id === scenario.figure.source.id);

  // Every page's text, once: the checks below read sentences anywhere on the site.
  const pages: { page: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const f of readdirSync(dir).sort()) {
      const path = join(dir, f);
      if (statSync(path).isDirectory()) walk(path);
      else if (f.endsWith(".html"))
        pages.push({
          page: `/${relative(dist, path)}`.replace(/index\.html$/, ""),
          text: pageText(readFileSync(path, "utf8")),
        });
    }
  };
  walk(dist);
  /** Each offending sentence once, with the first page it is on and how many more. */
  const failEach = (stale: { page: string; sentence: string; why: string }[], fail: (why: string) => void) => {
    for (const s of stale.filter((x, i) => stale.findIndex((y) => y.sentence === x.sentence) === i)) {
      const more = stale.filter((x) => x.sentence === s.sentence).length - 1;
      fail(`${s.page}${more ? ` and ${more} more pages` : ""}: "${s.sentence}" (${s.why})`);
    }
  };

  await step("site: the new official figure is the home page's headline, with its date and source", (fail) => {
    const home = html("");
    const lede = textOfClass(home, "p", "lede") ?? "";
    const value = `${scenario.figure.statement.value}%`;
    const when = dateWords(scenario.figure.statement.as_of!);
    const first = sentences(lede)[0] ?? "";
    if (!first.includes(value) || !first.includes(when))
      fail(`the home page's first sentence does not give ${value} as of ${when}: "${first}"`);
    const stat = textOfClass(home, "ul", "stats") ?? "";
    const firstStat = sentences(stat)[0] ?? "";
    if (!stat.includes(value)) fail(`the home page's first figure is not ${value}: "${firstStat}"`);
    if (!source || !home.includes(`href="${source.url}"`))
      fail(
        `the home page does not link the figure's source ${scenario.figure.source.id} (${scenario.figure.source.url})`,
      );
    const h = site.headline.share_with_epr;
    if (h.source_id !== scenario.figure.source.id)
      fail(`site-data.json's headline is ${h.value}% from ${h.source_id} (${h.as_of}), not the new figure`);
    failEach(staleLatestSentences(pages, value), fail);
  });

  await step("site: no sentence quotes the old edition's metadata", (fail) => {
    const old = baseline.list_editions?.at(-1) ?? { as_of: "" };
    const stale = staleEditionSentences(
      pages,
      { as_of: old.as_of, boards: baseline.icbs.length },
      { as_of: scenario.edition.as_of },
    );
    failEach(stale, fail);
  });

  await step('site: a trust still listed "No EPR" after its go-live keeps its EPR, flagged', (fail) => {
    const code = p.stillNoEpr;
    const t = site.trusts.find((x) => x.code === code);
    const name = trustName(code);
    if (!t) return fail(`${name} (${code}) is not in site-data.json`);
    if (t.status_now.status !== "epr" || t.status_now.basis !== "go_live")
      fail(
        `${name}'s status now is "${t.status_now.status}" resting on "${t.status_now.basis}": the new edition's "No EPR" reversed its reported go-live`,
      );
    if (!t.status_now.contradictions?.some((c) => c.source_id === scenario.edition.source.id && !c.has_epr))
      fail(
        `${name}'s status_now.contradictions does not record the ${formatDate(scenario.edition.as_of)} edition's "No EPR"`,
      );
    const page = sentences(pageText(html(`trusts/${code}`)));
    if (!page.some((s) => FLAGS_CONTRADICTION.test(s)))
      fail(`/trusts/${code}/ has no sentence flagging that the list contradicts the reported go-live`);
    if (!diffOut.includes(name)) fail(`the diff does not name ${name}, whose new listing contradicts its go-live`);
    const sourcesPage = pageText(html("sources"));
    if (!sourcesPage.includes(name) && !sourcesPage.includes(code))
      fail(`/sources/ does not name ${name} among the list's contradictions`);
  });

  await step("site: the diff and the changelog name every change of status now by trust name", (fail) => {
    const before = new Map(baseline.trusts.map((t) => [t.code, t]));
    const after = new Map(site.trusts.map((t) => [t.code, t]));
    const entry = site.changelog.find((e) => e.date === scenario.release_date);
    const log = entry?.changes.join("\n") ?? "";
    if (!entry) fail(`the changelog has no release of ${scenario.release_date}`);
    for (const code of new Set([...before.keys(), ...after.keys()])) {
      const [b, a] = [before.get(code), after.get(code)];
      if (b?.status_now.status === a?.status_now.status) continue;
      const name = a?.name ?? b!.name;
      const change = `${name}: ${b?.status_now.status ?? "not a trust"} → ${a?.status_now.status ?? "gone"}`;
      if (!diffOut.includes(name)) fail(`the diff printed does not name ${change}`);
      if (entry && !log.includes(name)) fail(`the changelog of ${scenario.release_date} does not name ${change}`);
    }
    const renameLines = diffOut.split("\n").filter((l) => l.includes(p.supplierRename.from));
    if (renameLines.length !== 1)
      fail(
        `the diff gives the supplier rename ${p.supplierRename.from} → ${p.supplierRename.to} in ${renameLines.length} lines, not one`,
      );
    for (const c of entry?.changes ?? [])
      if (/\.csv\b|\b[SPTE]\d{3}\b/.test(c)) fail(`the changelog speaks of files and row ids, not to readers: "${c}"`);
  });

  await step("site: the new trust, the rename and the merger appear", (fail) => {
    const by = new Map(site.trusts.map((t) => [t.code, t]));
    const fresh = tidyTrustName(p.newTrust.ods_name);
    if (!by.has(p.newTrust.code)) fail(`site-data.json has no trust ${p.newTrust.code} (${fresh})`);
    if (!pageText(html(`trusts/${p.newTrust.code}`)).includes(fresh))
      fail(`/trusts/${p.newTrust.code}/ does not exist or does not name ${fresh}`);
    if (!diffOut.includes(fresh)) fail(`the diff does not name the new trust ${fresh}`);
    const renamed = tidyTrustName(p.rename.to);
    if (by.get(p.rename.code)?.name !== renamed)
      fail(`${p.rename.code} is named "${by.get(p.rename.code)?.name}", not "${renamed}"`);
    if (
      !(textOfClass(html(`trusts/${p.rename.code}`), "h1", "") ?? pageText(html(`trusts/${p.rename.code}`))).includes(
        renamed,
      ) &&
      !pageText(html(`trusts/${p.rename.code}`)).includes(renamed)
    )
      fail(`/trusts/${p.rename.code}/ does not give the new name ${renamed}`);
    if (!diffOut.includes(renamed)) fail(`the diff does not name the renamed trust ${renamed}`);
    const merged = by.get(p.merger.code);
    const into = trustName(p.merger.into);
    if (!merged?.merged_into.some((m) => m.code === p.merger.into))
      fail(`site-data.json does not record ${trustName(p.merger.code)} merging into ${into}`);
    if (!pageText(html(`trusts/${p.merger.code}`)).includes(into))
      fail(`/trusts/${p.merger.code}/ does not name ${into}, the trust it merged into`);
    if (!diffOut.includes(trustName(p.merger.code)))
      fail(`the diff does not name the merged trust ${trustName(p.merger.code)}`);
  });

  await step("site: an embed pinned to the last release keeps its figures, and says newer ones exist", (fail) => {
    const chart = "coverage-over-time";
    const title = (page: string) => pageText(/<title>([^<]*)<\/title>/.exec(page)?.[1] ?? "");
    const pinned = html(`embed/${baseline.release.date}/${chart}`);
    const live = html(`embed/${chart}`);
    if (!pinned) return fail(`no /embed/${baseline.release.date}/${chart}/ for the release before this one`);
    if (title(pinned) === title(live))
      fail(`the pinned and live embeds have the same title after a new figure: "${title(live)}"`);
    if (!pageText(pinned).includes("Newer data exist")) fail("the pinned embed does not say newer data exist");
    if (pageText(live).includes("Newer data exist")) fail("the live embed says newer data exist");
  });
}

function report(results: StepResult[], started: number): number {
  const bad = results.filter((r) => r.failures.length);
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (!bad.length) {
    console.log(`\nRehearsal passed: ${results.length} steps in ${secs} s.`);
    return 0;
  }
  console.log(`\nRehearsal failed: ${bad.length} of ${results.length} steps in ${secs} s.`);
  for (const r of bad)
    console.log(`  ✗ ${r.name}: ${r.failures.length} ${r.failures.length === 1 ? "failure" : "failures"}`);
  return 1;
}

if (import.meta.main) process.exitCode = await main();
