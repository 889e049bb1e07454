/**
 * npm run data:diff [-- --base <dir>] [-- --rev <git revision>] [-- --data <dir>] [-- --write]
 * Compares data/ with the last committed snapshot (git HEAD), or with another data folder, and prints
 * what changed in words: the trust list, NHS England's list, official figures, trust events, and written
 * answers from Parliament, each new or changed answer followed by its sentences that state a figure, so
 * that a maintainer can decide what to add to statements.csv. With --write, records the changes in
 * data/changelog.json under the release date in data/release.json; it refuses when that date already has
 * an entry, so a recorded release is never overwritten.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { readDataDir, releaseDate } from "./build-data.ts";
import { diffData, isEmpty, summariseDiff } from "../src/lib/data/diff.ts";
import { addRelease, parseChangelog } from "../src/lib/data/changelog.ts";
import { DataError } from "../src/lib/data/errors.ts";
import { toJson } from "../src/lib/data/json.ts";
import { parseAnswers, type StoredAnswer } from "../src/lib/parliament/answers.ts";
import { diffAnswers, isAnswersDiffEmpty, summariseAnswersDiff } from "../src/lib/parliament/diff.ts";
import { argValue, readText, runMain, writeAllAtomically } from "./lib/io.ts";

/** The files of a data folder the diff reads: the CSVs and JSON at its top, and the written answers. */
const SNAPSHOT = /^([^/]+\.(csv|json)|parliament\/answers\.json)$/;

/** data/ as committed at a git revision, written to a temporary folder. */
function snapshotAt(rev: string, dataDir: string): string {
  const dir = mkdtempSync(join(tmpdir(), "epr-base-"));
  const files = execFileSync("git", ["ls-tree", "-r", "--name-only", `${rev}:${dataDir}`], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean);
  for (const f of files) {
    if (!SNAPSHOT.test(f)) continue;
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(join(dir, f), execFileSync("git", ["show", `${rev}:${dataDir}/${f}`]));
  }
  return dir;
}

/** A release made before answers were kept has none; a missing file in the new data is an error. */
function answersIn(dir: string, required: boolean): StoredAnswer[] {
  const file = join(dir, "parliament/answers.json");
  if (!existsSync(file) && !required) return [];
  return parseAnswers(readText(file), file);
}

await runMain(() => {
  const dataDir = argValue("data", "data");
  const baseArg = argValue("base", "");
  const base = baseArg || snapshotAt(argValue("rev", "HEAD"), dataDir);
  try {
    const diff = diffData(readDataDir(base), readDataDir(dataDir));
    const answers = diffAnswers(answersIn(base, false), answersIn(dataDir, true));
    const lines = [...summariseDiff(diff), ...summariseAnswersDiff(answers, { figures: false })];
    const shown = [...summariseDiff(diff), ...summariseAnswersDiff(answers, { figures: true })];
    const empty = isEmpty(diff) && isAnswersDiffEmpty(answers);
    console.log(
      empty
        ? "No changes in the data."
        : `${lines.length} changes:\n${shown.map((l) => (l.startsWith("    ") ? `  ${l}` : `  - ${l}`)).join("\n")}`,
    );
    if (process.argv.includes("--write") && !empty) {
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
      writeAllAtomically({
        [file]: toJson(addRelease(log, { date, title: `Data release of ${date}`, changes: lines })),
      });
      console.log(`Recorded in ${file} under ${date}.`);
    }
  } finally {
    if (!baseArg) rmSync(base, { recursive: true, force: true });
  }
});
