/**
 * Input that probing found slipping through the data step (issue 15): files that are not files, text
 * that is not UTF-8, numbers and dates no double or calendar can hold, rows that contradict each
 * other, outputs that cannot be written. Each is refused with the file, line and column, a short
 * excerpt at most, a non-zero exit and every previous output left as it was.
 */
import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { readBytes, readText, writeAllAtomically } from "../../scripts/lib/io.ts";
import { decodeUtf8 } from "../../src/lib/data/encoding.ts";
import { describeProblem, EXCERPT_CHARS } from "../../src/lib/data/errors.ts";
import { parseChangelog } from "../../src/lib/data/changelog.ts";
import { parseSources } from "../../src/lib/data/sources.ts";
import { parseTable } from "../../src/lib/data/schema.ts";
import { gmppTable, statementsTable, trustsTable } from "../../src/lib/data/tables.ts";
import { checkHexes, checkSuccessions, checkTrustDates } from "../../src/lib/data/integrity.ts";
import { atomFeed } from "../../src/lib/publish/feed.ts";
import { runDataStep } from "../helpers/data-step.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const FIXTURE = join(ROOT, "test/fixtures/data");

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "epr-bad-"));
  dirs.push(d);
  return d;
}
function workspace(): string {
  const dir = tempDir();
  cpSync(FIXTURE, join(dir, "data"), { recursive: true });
  return dir;
}
const run = runDataStep;
/** Every file under the output folders, with its bytes: temp files left behind would show here too. */
function outputs(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const sub of ["gen", "pub"]) {
    if (!existsSync(join(dir, sub))) continue;
    for (const e of readdirSync(join(dir, sub), { withFileTypes: true, recursive: true })) {
      const p = join(e.parentPath, e.name);
      out[p.slice(dir.length + 1)] = e.isFile() ? readFileSync(p, "utf8") : `<${e.isDirectory() ? "dir" : "other"}>`;
    }
  }
  return out;
}
/** A workspace with a good first run, so a failing second run has outputs to leave alone. */
function built(): { dir: string; before: Record<string, string> } {
  const dir = workspace();
  expect(run(dir).status).toBe(0);
  return { dir, before: outputs(dir) };
}
/** The failing run's promise: exit 1, a message naming the place, no stack trace, outputs untouched. */
function expectRefused(
  dir: string,
  before: Record<string, string>,
  message: RegExp | string,
  env: NodeJS.ProcessEnv = {},
) {
  const result = run(dir, env);
  expect(result.status, result.stderr).toBe(1);
  if (typeof message === "string") expect(result.stderr).toContain(message);
  else expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(outputs(dir)).toEqual(before);
  return result.stderr;
}
const edit = (dir: string, name: string, f: (text: string) => string) =>
  writeFileSync(join(dir, "data", name), f(readFileSync(join(dir, "data", name), "utf8")));

describe("outputs are written all or none (point 4)", () => {
  it("refuses to run when a directory stands where an output goes, replacing nothing and leaving no temp file", () => {
    const { dir } = built();
    edit(dir, "statements.csv", (t) => t.replace("Fixture count", "Fixture count revised"));
    rmSync(join(dir, "pub/statements.csv"));
    mkdirSync(join(dir, "pub/statements.csv"));
    const before = outputs(dir);
    const stderr = expectRefused(
      dir,
      before,
      `${join(dir, "pub/statements.csv")}: expected a regular file or nothing at this output path (found a directory)`,
    );
    expect(stderr.split("\n").length).toBeLessThan(6);
  });

  it("puts every old file back when a rename fails part-way through", () => {
    const dir = tempDir();
    const paths = ["a.txt", "b.txt", "c.txt"].map((f) => join(dir, f));
    paths.forEach((p) => writeFileSync(p, `old ${p}`));
    let renames = 0;
    const ops = {
      writeFile: (p: string, c: string | Uint8Array) => writeFileSync(p, c),
      rename: (from: string, to: string) => {
        if (++renames === 3) throw Object.assign(new Error("no space left"), { code: "ENOSPC" });
        // As rename does: a new file takes the name; the old one lives on under any other link to it.
        const bytes = readFileSync(from);
        rmSync(to, { force: true });
        writeFileSync(to, bytes);
        rmSync(from);
      },
    };
    expect(() => writeAllAtomically(Object.fromEntries(paths.map((p) => [p, "new"])), ops)).toThrow(
      /c\.txt: expected a writable output path \(ENOSPC\); every output was left as it was/,
    );
    expect(readdirSync(dir).sort()).toEqual(["a.txt", "b.txt", "c.txt"]);
    for (const p of paths) expect(readFileSync(p, "utf8")).toBe(`old ${p}`);
  });
});

describe("only regular files are read, with a size limit (point 6)", () => {
  it("refuses a symbolic link, so a link to /proc/self/environ cannot print the environment", () => {
    const { dir, before } = built();
    rmSync(join(dir, "data/trusts.csv"));
    symlinkSync("/proc/self/environ", join(dir, "data/trusts.csv"));
    const stderr = expectRefused(
      dir,
      before,
      `${join(dir, "data/trusts.csv")}: expected a regular file, not a symbolic link`,
      { PROBE_MARKER: "secret-value-42" },
    );
    expect(stderr).not.toContain("secret-value-42");
  });

  it("refuses a FIFO at once instead of waiting for a writer", () => {
    const { dir, before } = built();
    rmSync(join(dir, "data/regions.csv"));
    expect(spawnSync("mkfifo", [join(dir, "data/regions.csv")]).status).toBe(0);
    const started = Date.now();
    expectRefused(
      dir,
      before,
      `${join(dir, "data/regions.csv")}: expected a regular file (this is a named pipe (FIFO))`,
    );
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it("refuses a device such as /dev/zero before reading it, and a file over the size limit", () => {
    expect(() => readBytes("/dev/zero")).toThrow("/dev/zero: expected a regular file (this is a device)");
    const file = join(tempDir(), "big.csv");
    writeFileSync(file, "x".repeat(101));
    expect(() => readBytes(file, 100)).toThrow(`${file}: expected a file of at most 100 bytes`);
    expect(readBytes(file, 101).length).toBe(101);
  });

  it("counts the size while reading, since /proc files claim to be empty, and never echoes a NUL-laden file", () => {
    expect(() => readText("/proc/self/environ", 10)).toThrow(/expected a file of at most 10 bytes/);
    let message = "";
    try {
      readText("/proc/self/environ");
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/\/proc\/self\/environ, line 1, column "character \d+": expected text without NUL bytes/);
    expect(message).not.toContain("PATH=");
  });

  it("refuses a data file over 5 MB (a 50 MB cell) without reading it all", () => {
    const { dir, before } = built();
    edit(dir, "statements.csv", (t) => t.replace("Fixture count", `"${"x".repeat(6_000_000)}"`));
    expectRefused(dir, before, `${join(dir, "data/statements.csv")}: expected a file of at most 5000000 bytes`);
  });

  it("refuses a cell longer than 1000 characters, quoting no more than a short excerpt of it", () => {
    const S = readFileSync(join(FIXTURE, "statements.csv"), "utf8").replace("Fixture count", "y".repeat(5000));
    let message = "";
    try {
      parseTable(S, "data/statements.csv", statementsTable);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('data/statements.csv, line 2, column "note": found "yyyy');
    expect(message).toContain("(5000 characters); expected text of at most 1000 characters (this cell has 5000)");
    expect(message.length).toBeLessThan(EXCERPT_CHARS + 200);
  });

  it("shows at most a short excerpt of any bad value, with control and bidirectional characters escaped", () => {
    const line = describeProblem({
      file: "f.csv",
      line: 2,
      column: "name",
      value: "\u202e".padEnd(500, "z"),
      expected: "text",
    });
    expect(line).toBe(
      `f.csv, line 2, column "name": found "\\u202e${"z".repeat(EXCERPT_CHARS - 2)}…" (500 characters); expected text`,
    );
  });
});

describe("text that is not clean UTF-8 (point 7)", () => {
  const bytes = (...parts: (string | number[])[]) =>
    Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))));

  it("refuses invalid UTF-8 and Windows-1252 text, naming the line and character, instead of turning it into U+FFFD", () => {
    expect(() => decodeUtf8(bytes("code,name\nRAA,Bart", [0x92], "s Health\n"), "data/trusts.csv")).toThrow(
      'data/trusts.csv, line 2, column "character 9": found "RAA,Bart\ufffds Health"; expected UTF-8 text (byte 0x92 is not UTF-8; the file looks like Windows-1252: save it as UTF-8)',
    );
    expect(() => decodeUtf8(bytes("a\nb\nc", [0xff]), "x.csv")).toThrow(
      /x\.csv, line 3, column "character 2".*byte 0xff is not UTF-8\)/,
    );
    // Overlong forms and surrogates are not UTF-8 either.
    expect(() => decodeUtf8(bytes([0xc0, 0xaf]), "x.csv")).toThrow(/byte 0xc0/);
    expect(() => decodeUtf8(bytes([0xed, 0xa0, 0x80]), "x.csv")).toThrow(/byte 0xed/);
    expect(decodeUtf8(bytes("\ufeffYsbyty Gwynedd ŵ £ 😀"), "x.csv")).toBe("Ysbyty Gwynedd ŵ £ 😀");
  });

  it("stops the data step on a Windows-1252 data file with outputs untouched", () => {
    const { dir, before } = built();
    const csv = readFileSync(join(dir, "data/trusts.csv"), "latin1").replace("Alpha Hospitals", "Alpha\x92s Hospitals");
    writeFileSync(join(dir, "data/trusts.csv"), Buffer.from(csv, "latin1"));
    expectRefused(dir, before, `${join(dir, "data/trusts.csv")}, line 2, column "character 10"`);
  });
});

describe("values the schemas let through before (point 7)", () => {
  const statements = readFileSync(join(FIXTURE, "statements.csv"), "utf8");
  const trusts = readFileSync(join(FIXTURE, "trusts.csv"), "utf8");

  it("refuses control characters in changelog.json, which would make the Atom feed unreadable", () => {
    const text = JSON.stringify([{ date: "2026-11-25", title: "Release", changes: ["Fine", "Bad \u0001 line"] }]);
    expect(() => parseChangelog(text, "data/changelog.json")).toThrow(
      'data/changelog.json, column "[0].changes[1]": found "Bad \\u0001 line"; expected a change in words: text without control characters (U+0001 at character 5)',
    );
    expect(() =>
      parseChangelog(JSON.stringify([{ date: "2026-11-25", title: "Re\u202elease", changes: ["x"] }]), "c.json"),
    ).toThrow(/\[0\]\.title.*bidirectional control characters/);
    // What passes is well-formed in the feed: no character XML 1.0 forbids.
    const feed = atomFeed(
      parseChangelog(JSON.stringify([{ date: "2026-11-25", title: 'A <b> & "c"', changes: ["tab\there"] }]), "c.json"),
      "",
    );
    expect(feed).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });

  it("refuses a 400-digit number, which would become Infinity and then null", () => {
    const huge = "9".repeat(400);
    expect(() =>
      parseTable(
        statements.replace("S001,trusts_with_epr,4,", `S001,trusts_with_epr,${huge},`),
        "data/statements.csv",
        statementsTable,
      ),
    ).toThrow(/statements\.csv, line 2, column "value": found "9{59}…" \(400 characters\); expected a plain number/);
    const gmpp = readFileSync(join(FIXTURE, "gmpp.csv"), "utf8").replace(",1982,", `,${"1".repeat(20)},`);
    expect(() => parseTable(gmpp, "data/gmpp.csv", gmppTable)).toThrow(
      /gmpp\.csv, line 2, column "whole_life_cost_gbp_m".*of at most 15 digits/,
    );
  });

  it("refuses a year such as 9999 anywhere a date goes", () => {
    expect(() =>
      parseTable(
        trusts.replace(
          "RAA,Alpha Hospitals NHS Trust,ALPHA HOSPITALS NHS TRUST,Y56,QAA,QAA,NW1 0PE,2000-04-01,",
          "RAA,Alpha Hospitals NHS Trust,ALPHA HOSPITALS NHS TRUST,Y56,QAA,QAA,NW1 0PE,2000-04-01,9999-12-31",
        ),
        "data/trusts.csv",
        trustsTable,
      ),
    ).toThrow(
      'data/trusts.csv, line 2, column "close_date": found "9999-12-31"; expected a date as YYYY-MM-DD in the years 1948 to 2100',
    );
    expect(() =>
      parseTable(
        statements.replace(
          "2025-05,2025-05,inferred,minister,A Minister,wq-1,F031",
          "9999,2025-05,inferred,minister,A Minister,wq-1,F031",
        ),
        "data/statements.csv",
        statementsTable,
      ),
    ).toThrow(/line 2, column "as_of": found "9999"/);
    const source = {
      id: "s",
      title: "t",
      publisher: "p",
      url: "https://x.org/",
      via: null,
      date: "0001-01-01",
      date_estimated: false,
      date_note: null,
      type: "report",
      uin: null,
      licence: "OGL-3.0",
      covers: "c",
      confidence: "H",
    };
    expect(() => parseSources(JSON.stringify([source]), "data/sources.json")).toThrow(
      /s\.date.*in the years 1948 to 2100/,
    );
  });

  it("refuses bidirectional overrides in names, which can make one trust read as another", () => {
    expect(() =>
      parseTable(trusts.replace("Alpha Hospitals NHS Trust", "Alpha \u202eTSURT SHN"), "data/trusts.csv", trustsTable),
    ).toThrow(
      /line 2, column "name": found "Alpha \\u202eTSURT SHN"; expected text without bidirectional control characters/,
    );
  });

  it("refuses merger rows that repeat, loop onto themselves or go round in a circle, naming their lines", () => {
    const rows = (csv: string) =>
      parseTable(`predecessor_code,successor_code,effective_date\n${csv}`, "data/successions.csv", {
        columns: {
          predecessor_code: trustsTable.columns.code,
          successor_code: trustsTable.columns.code,
          effective_date: trustsTable.columns.open_date,
        },
      });
    const messages = (csv: string) => checkSuccessions(rows(csv), "data/successions.csv").map(describeProblem);
    expect(messages("RAA,RBB,2024-01-01\nRAA,RBB,2024-01-01\n")).toEqual([
      'data/successions.csv, line 3, column "successor_code": found "RAA → RBB"; expected each merger once (already on line 2)',
    ]);
    expect(messages("RAA,RAA,2024-01-01\n")).toEqual([
      'data/successions.csv, line 2, column "successor_code": found "RAA"; expected a successor other than the predecessor itself',
    ]);
    expect(messages("RAA,RBB,2024-01-01\nRBB,RCC,2024-01-01\nRCC,RAA,2024-01-01\nRDD,RAA,2024-01-01\n")).toEqual([
      'data/successions.csv, line 4, column "successor_code": found "RAA → RBB → RCC → RAA"; expected mergers that never lead back to a trust that merged earlier in the chain',
    ]);
    expect(messages("RAA,RCC,2024-01-01\nRBB,RCC,2024-01-01\nRCC,RDD,2025-01-01\n")).toEqual([]);
  });

  it("refuses a trust that closes before it opens", () => {
    const rows = parseTable(
      trusts.replace("NW1 0PE,2000-04-01,2024-10-31", "NW1 0PE,2000-04-01,1999-10-31"),
      "data/trusts.csv",
      trustsTable,
    );
    expect(checkTrustDates(rows, "data/trusts.csv").map(describeProblem)).toEqual([
      'data/trusts.csv, line 3, column "close_date": found "1999-10-31"; expected a close date on or after the open date 2000-04-01 (trust RBB)',
    ]);
  });

  it("stops the data step on hexes off the map (hex_q = 1e6) or on top of each other", () => {
    const { dir, before } = built();
    edit(dir, "icbs.csv", (t) => t.replace("Y56,1,1", "Y56,1000000,1").replace("Y58,0,0", "Y58,1000000,1"));
    const stderr = expectRefused(
      dir,
      before,
      `${join(dir, "data/icbs.csv")}, line 2, column "hex_q": found "1000000"; expected a hex position from -50 to 50`,
    );
    expect(stderr).toContain(
      `${join(dir, "data/icbs.csv")}, line 3, column "hex_q": found "1000000,1"; expected a hex no other ICB has (QAA is there, line 2)`,
    );
    expect(checkHexes([], "x")).toEqual([]);
  });

  it("stops the data step on a cyclic merger and a trust type that is not in the list, with outputs untouched", () => {
    const { dir, before } = built();
    edit(dir, "successions.csv", (t) => `${t}NEW1A,RBB,2025-01-01\n`);
    edit(dir, "epr-status.csv", (t) =>
      t.replace(
        "RAA,2024-10-01,epr-list,ALPHA HOSPITALS NHS TRUST,acute",
        "RAA,2024-10-01,epr-list,ALPHA HOSPITALS NHS TRUST,constructor",
      ),
    );
    const stderr = expectRefused(
      dir,
      before,
      `${join(dir, "data/epr-status.csv")}, line 2, column "trust_type": found "constructor"`,
    );
    expect(stderr).toContain(
      `${join(dir, "data/successions.csv")}, line 2, column "successor_code": found "NEW1A → RBB → NEW1A"`,
    );
  });
});
