/**
 * npm run data:diff [-- --base <dir>] [-- --rev <git revision>] [-- --data <dir>] [-- --write] [-- --changed-to <file>]
 * Builds the site's model (the data step's own loaders and buildSiteData) for the last committed data
 * (git HEAD's data/, or another revision, or another data folder) and for data/, and prints what the
 * site says differently: the headline figure and the counts by status now, each trust whose status
 * changed by name (losses of an EPR first), a supplier renamed across a list edition in one line,
 * trusts closed, merged, opened or renamed, list editions that contradict later evidence, new sources,
 * figures and reports, then the written answers from Parliament with their sentences that state a
 * figure, so that a maintainer can decide what to add to statements.csv. With --write, records the
 * changes, in sentences for readers, in data/changelog.json under the release date in
 * data/release.json; it refuses when that date already has an entry, so a recorded release is never
 * overwritten. With --changed-to, writes `true` or `false` (whether anything changed) to that file.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve, sep } from "node:path";
import { readDataDir, releaseDate } from "./build-data.ts";
import { buildSiteData } from "../src/lib/data/model.ts";
import { diffSite, headlineLines, isSiteDiffEmpty, releaseTitle, summariseSiteDiff } from "../src/lib/data/diff.ts";
import { addRelease, parseChangelog } from "../src/lib/data/changelog.ts";
import { DataError } from "../src/lib/data/errors.ts";
import { toJson } from "../src/lib/data/json.ts";
import { withoutProblemCharacters } from "../src/lib/data/gate.ts";
import { parseAnswers, type StoredAnswer } from "../src/lib/parliament/answers.ts";
import {
  diffAnswers,
  summariseAnswersDiff,
  type AnswerChangeKind,
  type AnswersDiff,
} from "../src/lib/parliament/diff.ts";
import { argValue, readText, runMain, writeAllAtomically } from "./lib/io.ts";

/** data/ as committed at a git revision, unpacked into a temporary folder. */
function snapshotAt(rev: string, dataDir: string): string {
  const git = (...args: string[]) =>
    execFileSync("git", args, { maxBuffer: 1 << 30, stdio: ["ignore", "pipe", "pipe"] });
  let tar: Buffer;
  try {
    const inRepo = relative(git("rev-parse", "--show-toplevel").toString().trim(), resolve(dataDir))
      .split(sep)
      .join("/");
    tar = git("archive", "--format=tar", `${rev}:${inRepo}`);
  } catch (e) {
    const why = (e as { stderr?: Buffer }).stderr?.toString().trim() || (e as Error).message;
    throw new DataError([
      {
        file: `${rev}:${dataDir}`,
        expected: `data committed at ${rev} in this git repository (git says: ${why}); or compare with a folder: --base <dir>`,
      },
    ]);
  }
  const dir = mkdtempSync(join(tmpdir(), "epr-base-"));
  execFileSync("tar", ["-x", "-C", dir], { input: tar });
  return dir;
}

/** The site's model built from a data folder; problems in the committed copy name the revision, not the temporary folder. */
function siteOf(dir: string, label: string | null) {
  try {
    return buildSiteData(readDataDir(dir)).site;
  } catch (e) {
    if (!(e instanceof DataError) || label === null) throw e;
    throw new DataError(e.problems.map((p) => ({ ...p, file: p.file.replace(dir, label) })));
  }
}

/** A release made before answers were kept has none; a missing file in the new data is an error. */
function answersIn(dir: string, required: boolean): StoredAnswer[] {
  const file = join(dir, "parliament/answers.json");
  if (!existsSync(file) && !required) return [];
  return parseAnswers(readText(file), file);
}

/** The changes to written answers a reader of the changelog needs: not refilled details or our own copy's fixes. */
const FOR_READERS: ReadonlySet<AnswerChangeKind> = new Set([
  "new",
  "corrected",
  "answered_in_full",
  "completed",
  "withdrawn",
]);
const forReaders = (d: AnswersDiff): AnswersDiff => ({
  changes: d.changes.filter((c) => FOR_READERS.has(c.kind)),
  filled_in: [],
});

/** Text from data and from Parliament, printed: never a control character or a terminal escape. */
const print = (lines: string[]) => console.log(lines.map(withoutProblemCharacters).join("\n"));

await runMain(() => {
  const dataDir = argValue("data", "data");
  const baseArg = argValue("base", "");
  const rev = argValue("rev", "HEAD");
  const base = baseArg || snapshotAt(rev, dataDir);
  try {
    const diff = diffSite(siteOf(base, baseArg ? null : `${rev}:${dataDir}`), siteOf(dataDir, null));
    const answers = diffAnswers(answersIn(base, false), answersIn(dataDir, true));
    const changes = summariseSiteDiff(diff).filter((l) => !headlineLines(diff).includes(l));
    const answerLines = summariseAnswersDiff(answers, { figures: true });
    const changed = !(isSiteDiffEmpty(diff) && answers.changes.length === 0 && answers.filled_in.length === 0);
    // The decision a workflow acts on, from the diff itself: never from the printed text, which
    // quotes answers and names that could say anything.
    const changedTo = argValue("changed-to", "");
    if (changedTo) writeAllAtomically({ [changedTo]: `${changed}\n` });
    if (!changed) {
      print(["No changes in the data."]);
      return;
    }
    const item = (l: string) => (l.startsWith("    ") ? `  ${l}` : `  - ${l}`);
    print([
      `What the site says, data release of ${diff.release.from} → ${diff.release.to}:`,
      ...headlineLines(diff).map((l) => `  ${l}`),
      ...(changes.length
        ? [`Changes (${changes.length}):`, ...changes.map(item)]
        : ["No change to trusts, sources or figures."]),
      ...(answerLines.length ? ["Written answers:", ...answerLines.map(item)] : []),
    ]);
    if (!process.argv.includes("--write")) return;
    const lines = [...summariseSiteDiff(diff), ...summariseAnswersDiff(forReaders(answers), { figures: false })];
    if (lines.length === 0) {
      print(["Nothing for readers in these changes: the changelog is left as it is."]);
      return;
    }
    const file = join(dataDir, "changelog.json");
    const date = releaseDate(dataDir);
    const log = parseChangelog(readText(file), file);
    if (log.some((e) => e.date === date)) {
      throw new DataError([
        {
          file,
          column: "date",
          value: date,
          expected: `no release recorded for ${date} yet: set a new date in ${join(dataDir, "release.json")}, or edit that entry by hand. Nothing was written`,
        },
      ]);
    }
    const next = addRelease(log, { date, title: releaseTitle(diff), changes: lines });
    // The changelog's own rules (no file names, no row ids) check the new entry before it is written.
    parseChangelog(toJson(next), file);
    writeAllAtomically({ [file]: toJson(next) });
    print([`Recorded in ${file} under ${date}.`]);
  } finally {
    if (!baseArg) rmSync(base, { recursive: true, force: true });
  }
});
