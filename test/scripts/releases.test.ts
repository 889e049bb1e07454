/** Releases kept for pinned embeds: each checked and built like data/, and frozen once, unchanged. */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { readFrozenReleases } from "../../scripts/build-data.ts";
import { freezeFiles } from "../../scripts/freeze-release.ts";
import { writeAllAtomically } from "../../scripts/lib/io.ts";
import { DataError } from "../../src/lib/data/errors.ts";

const FROZEN = fileURLToPath(new URL("../fixtures/frozen-2026-11-25", import.meta.url));
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A data folder whose releases/ holds the fixture release under each name given. */
function dataWith(names: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "releases-"));
  dirs.push(dir);
  for (const n of names) cpSync(FROZEN, join(dir, "releases", n), { recursive: true });
  return dir;
}
const problems = (f: () => unknown): string[] => {
  try {
    f();
  } catch (e) {
    if (e instanceof DataError) return e.problems.map((p) => `${p.file}: ${p.expected}`);
    throw e;
  }
  return [];
};

describe("readFrozenReleases", () => {
  it("builds each kept release from its own data, as of its own date", () => {
    const [r] = readFrozenReleases(dataWith(["2026-11-25"]), "2026-12-07");
    expect(r!.date).toBe("2026-11-25");
    expect(r!.site.release.date).toBe("2026-11-25");
    expect(r!.site.status_now.as_of).toBe("2026-11-25");
  });

  it("keeps none when there is no releases folder", () => {
    const dir = mkdtempSync(join(tmpdir(), "releases-"));
    dirs.push(dir);
    expect(readFrozenReleases(dir, "2026-12-07")).toEqual([]);
  });

  it("refuses a folder not named by a date, or by another date than its release.json", () => {
    const dir = dataWith(["latest", "2026-11-26"]);
    const found = problems(() => readFrozenReleases(dir, "2026-12-07"));
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/releases\/2026-11-26\/release\.json: the date its folder is named by \(2026-11-26\)/);
    expect(found[1]).toMatch(/releases\/latest: a folder named by its release date/);
  });

  it("refuses a release later than the live one", () => {
    expect(problems(() => readFrozenReleases(dataWith(["2026-11-25"]), "2026-11-01"))).toEqual([
      expect.stringMatching(/2026-11-25: a release no later than the live one \(2026-11-01\)/),
    ]);
  });

  it("checks a kept release's rows as the data step checks data/", () => {
    const dir = dataWith(["2026-11-25"]);
    appendFileSync(join(dir, "releases/2026-11-25/trusts.csv"), "not,a,trust\n");
    expect(problems(() => readFrozenReleases(dir, "2026-12-07")).join("\n")).toMatch(
      /releases\/2026-11-25\/trusts\.csv/,
    );
  });
});

describe("freezeFiles", () => {
  it("copies the release data/ holds into releases/<date>/ once, then finds nothing to do", () => {
    const dir = dataWith([]);
    cpSync(FROZEN, dir, { recursive: true });
    const first = freezeFiles(dir);
    expect(first.date).toBe("2026-11-25");
    expect(Object.keys(first.files).map((f) => f.slice(dir.length))).toContain("/releases/2026-11-25/statements.csv");
    writeAllAtomically(first.files);
    expect(readFrozenReleases(dir, "2026-11-25").map((r) => r.date)).toEqual(["2026-11-25"]);
    expect(freezeFiles(dir).files).toEqual({});
  });

  it("refuses to change a release already frozen, naming the file", () => {
    const dir = dataWith([]);
    cpSync(FROZEN, dir, { recursive: true });
    writeAllAtomically(freezeFiles(dir).files);
    const file = join(dir, "statements.csv");
    writeFileSync(file, readFileSync(file, "utf8").replace("historical baseline", "baseline"));
    expect(problems(() => freezeFiles(dir))).toEqual([
      expect.stringMatching(
        /releases\/2026-11-25\/statements\.csv: the release of 2026-11-25 as frozen: data\/ now differs/,
      ),
    ]);
  });
});
