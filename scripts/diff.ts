/**
 * npm run data:diff [-- --base <dir>] [-- --write]
 * Compares data/ with the last committed snapshot (git HEAD), or with another data folder, and prints
 * what changed in words. With --write, records the changes in data/changelog.json under the release
 * date in data/release.json.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readDataDir, releaseDate } from "./build-data.ts";
import { diffData, isEmpty, summariseDiff } from "../src/lib/data/diff.ts";
import { addRelease, parseChangelog } from "../src/lib/data/changelog.ts";
import { toJson } from "../src/lib/data/json.ts";
import { argValue, readText, runMain, writeAllAtomically } from "./lib/io.ts";

/** data/ as committed at a git revision, written to a temporary folder. */
function snapshotAt(rev: string, dataDir: string): string {
  const dir = mkdtempSync(join(tmpdir(), "epr-base-"));
  const files = execFileSync("git", ["ls-tree", "--name-only", `${rev}:${dataDir}`], { encoding: "utf8" }).split("\n").filter(Boolean);
  for (const f of files) {
    if (!/\.(csv|json)$/.test(f)) continue;
    writeFileSync(join(dir, f), execFileSync("git", ["show", `${rev}:${dataDir}/${f}`]));
  }
  return dir;
}

await runMain(() => {
  const dataDir = argValue("data", "data");
  const baseArg = argValue("base", "");
  const base = baseArg || snapshotAt(argValue("rev", "HEAD"), dataDir);
  try {
    const diff = diffData(readDataDir(base), readDataDir(dataDir));
    const lines = summariseDiff(diff);
    console.log(isEmpty(diff) ? "No changes in the data." : `${lines.length} changes:\n${lines.map((l) => `  - ${l}`).join("\n")}`);
    if (process.argv.includes("--write") && !isEmpty(diff)) {
      const file = join(dataDir, "changelog.json");
      const date = releaseDate(dataDir);
      const entries = addRelease(parseChangelog(readText(file), file), { date, title: `Data release of ${date}`, changes: lines });
      writeAllAtomically({ [file]: toJson(entries) });
      console.log(`Recorded in ${file} under ${date}.`);
    }
  } finally {
    if (!baseArg) rmSync(base, { recursive: true, force: true });
  }
});
