/**
 * npm run data:freeze: keep the data of the release in data/release.json under
 * data/releases/<date>/, so embeds pinned to it show its figures after later releases. Run once the
 * release is published. The data is checked as the data step checks it before anything is written;
 * a release already frozen with other contents is refused (a published release does not change).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { DataError } from "../src/lib/data/errors.ts";
import { MAX_DATA_FILE_BYTES, RELEASES_DIR, SNAPSHOT_FILES, readDataDir } from "./build-data.ts";
import { argValue, readText, runMain, writeAllAtomically } from "./lib/io.ts";

/** The files to write for the release data/ holds now, keyed by path; none when it is frozen as it is. */
export function freezeFiles(dataDir: string): { date: string; files: Record<string, string> } {
  const date = readDataDir(dataDir).release.date;
  const target = join(dataDir, RELEASES_DIR, date);
  const files: Record<string, string> = {};
  const changed: string[] = [];
  for (const name of SNAPSHOT_FILES) {
    const from = join(dataDir, name);
    if (!existsSync(from)) continue;
    const to = join(target, name);
    const text = readText(from, MAX_DATA_FILE_BYTES);
    if (!existsSync(to)) files[to] = text;
    else if (readText(to, MAX_DATA_FILE_BYTES) !== text) changed.push(to);
  }
  if (changed.length)
    throw new DataError(
      changed.map((file) => ({
        file,
        expected: `the release of ${date} as frozen: data/ now differs from it. A published release does not change; set a new release date in data/release.json instead`,
      })),
    );
  return { date, files };
}

if (import.meta.main) {
  await runMain(() => {
    const dataDir = argValue("data", "data");
    const { date, files } = freezeFiles(dataDir);
    writeAllAtomically(files);
    const n = Object.keys(files).length;
    console.log(
      n
        ? `freeze: the release of ${date} kept in ${join(dataDir, RELEASES_DIR, date)} (${n} files); commit it`
        : `freeze: the release of ${date} is already kept, unchanged`,
    );
  });
}
