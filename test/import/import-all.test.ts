/** The whole import step on fixture files in the real upstream layout: all outputs or none. */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import {
  EDITION_MAX_BYTES,
  importAll,
  importOneEdition,
  LIVE_UPSTREAM,
  readEditions,
  UPSTREAM,
} from "../../scripts/import.ts";
import { TRUST_COLUMNS } from "../../scripts/import/ods-trusts.ts";
import { parseManifest, sha256Hex } from "../../scripts/lib/fetch-source.ts";
import { checkAliases, ORD_RECORD } from "../../src/lib/finder/aliases.ts";
import { EPR_ROWS, eprWorkbook } from "../helpers/epr-xlsx.ts";

const EDITIONS = [{ path: "nhse-epr-suppliers/list.xlsx", source_id: "epr-list", as_of: "2024-10-01" }];

const FIXTURES = fileURLToPath(new URL("../fixtures/upstream", import.meta.url));
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function upstreamCopy(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "epr-up-"));
  dirs.push(dir);
  cpSync(FIXTURES, dir, { recursive: true });
  // The workbook is made by code (a binary fixture would hide its contents from review).
  mkdirSync(join(dir, "nhse-epr-suppliers"), { recursive: true });
  writeFileSync(join(dir, EDITIONS[0]!.path), await eprWorkbook());
  return dir;
}
/** Each import reads a workbook in a child process: slow when the whole suite runs at once. */
const SLOW = { timeout: 30_000 };
/** Keeps the import's notes out of the test output. */
const quiet = () => {};
const out = () => {
  const d = mkdtempSync(join(tmpdir(), "epr-out-"));
  dirs.push(d);
  return d;
};
/** Every file under `dir` by its path: text as it is, a workbook by its sha256. */
const snapshot = (dir: string) =>
  Object.fromEntries(
    (readdirSync(dir, { recursive: true }) as string[])
      .filter((f) => statSync(join(dir, f)).isFile())
      .sort()
      .map((f) => [
        f,
        f.endsWith(".xlsx") ? sha256Hex(readFileSync(join(dir, f))) : readFileSync(join(dir, f), "utf8"),
      ]),
  );

describe("npm run data:import", SLOW, () => {
  it("writes every normalised CSV from the upstream files", async () => {
    const dest = out();
    await importAll(await upstreamCopy(), dest, EDITIONS, quiet);
    expect(Object.keys(snapshot(dest))).toEqual([
      "epr-status.csv",
      "gmpp.csv",
      "icbs.csv",
      "regions.csv",
      "sites.csv",
      "successions.csv",
      "trusts.csv",
    ]);
    expect(snapshot(dest)["trusts.csv"]).toContain(
      "RBB,Beta Mental Health NHS Trust,BETA MENTAL HEALTH NHS TRUST,Y56,QAA,QAA,NW1 0PE,2000-04-01,2024-10-31",
    );
  });

  it("gives the same bytes on a second run", async () => {
    const [a, b] = [out(), out()];
    const up = await upstreamCopy();
    await importAll(up, a, EDITIONS, quiet);
    await importAll(up, b, EDITIONS, quiet);
    expect(snapshot(a)).toEqual(snapshot(b));
  });

  it("on a fresh clone (no data/upstream/), says which files are missing and what to run, and writes nothing", async () => {
    const dest = out();
    const empty = out();
    const error = await importAll(empty, dest, EDITIONS, quiet).catch((e: Error) => e);
    // Each missing file on a line of its own, live ones first, each with the command that fetches it.
    expect(
      String(error)
        .split("\n")
        .map((l) => l.replace(empty, "<up>").replace(dest, "<out>")),
    ).toEqual([
      expect.stringMatching(
        /^DataError: <up>\/ods-etr\/etr\.csv: expected this live upstream file \(there is none\)\. Run `npm run data:fetch` first .*or pass `--from <dir>` .*Nothing was written$/,
      ),
      expect.stringMatching(/^<up>\/ods-succ\/succ\.csv: expected this live upstream file/),
      expect.stringMatching(
        /^<up>\/ods-etr-2025\/etr\.csv: expected this frozen upstream file, or trusts\.csv committed in <out> \(there is none\)\. Run `npm run data:fetch`/,
      ),
      expect.stringMatching(
        /^<up>\/ons-icb-names-2024\/icb_names_codes_dec_2024\.csv: expected this frozen upstream file, or icbs\.csv and regions\.csv committed/,
      ),
      expect.stringMatching(/^<up>\/odi-hexmap-icb\/nhs-icb-2022\.hexjson: /),
      expect.stringMatching(
        /^<up>\/gmpp-ipa-compiled-rauschgold\/uk_2022\.csv: expected this frozen upstream file, or gmpp\.csv committed/,
      ),
      expect.stringMatching(/^<up>\/gmpp-ipa-compiled-rauschgold\/uk_2023\.csv: /),
      expect.stringMatching(
        /^<up>\/ods-sites\/Hospital\.csv: expected this frozen upstream file, or sites\.csv committed/,
      ),
      expect.stringMatching(/^<up>\/ods-sites\/ods-parents\.json: /),
      expect.stringMatching(
        /^<up>\/nhse-epr-suppliers\/list\.xlsx: expected the workbook of edition epr-list, or epr-status\.csv committed in <out>/,
      ),
    ]);
    expect(readdirSync(dest)).toEqual([]);
  });

  it("stops, naming the file and the command to fetch it, when a live file is missing", async () => {
    const dest = out();
    const up = await upstreamCopy();
    await importAll(up, dest, EDITIONS, quiet);
    const before = snapshot(dest);
    rmSync(join(up, UPSTREAM.succ));
    await expect(importAll(up, dest, EDITIONS, quiet)).rejects.toThrow(
      new RegExp(
        `^${join(up, "ods-succ/succ.csv")}: expected this live upstream file \\(there is none\\)\\. Run \`npm run data:fetch\` first`,
      ),
    );
    expect(snapshot(dest)).toEqual(before);
  });

  it("leaves every previous output untouched when one upstream file is bad", async () => {
    const dest = out();
    const up = await upstreamCopy();
    await importAll(up, dest, EDITIONS, quiet);
    const before = snapshot(dest);
    writeFileSync(join(up, UPSTREAM.gmpp2023), "not;a;gmpp;file\n");
    await expect(importAll(up, dest, EDITIONS, quiet)).rejects.toThrow(/uk_2023\.csv/);
    expect(snapshot(dest)).toEqual(before);
  });

  it("adds a new edition of NHS England's list with its own source id and date, keeping the old one and recording it", async () => {
    const dest = out();
    const up = await upstreamCopy();
    await importAll(up, dest, EDITIONS, quiet);
    writeFileSync(join(dest, "epr-list-editions.json"), JSON.stringify(EDITIONS));
    const workbook = join(up, "second.xlsx");
    writeFileSync(workbook, await eprWorkbook({ sheetName: "EPR Suppliers" }));
    await importOneEdition(workbook, { source_id: "epr-list-2026", as_of: "2026-04-01" }, dest, up);
    const status = snapshot(dest)["epr-status.csv"]!;
    expect(status).toContain("RAA,2024-10-01,epr-list,");
    expect(status).toContain("RAA,2026-04-01,epr-list-2026,");
    expect(
      JSON.parse(snapshot(dest)["epr-list-editions.json"]!).map((e: { source_id: string }) => e.source_id),
    ).toEqual(["epr-list", "epr-list-2026"]);
    // A workbook in the upstream folder is recorded by its path there, for the next full import.
    expect(readEditions(join(dest, "epr-list-editions.json"))[1]).toEqual({
      path: "second.xlsx",
      source_id: "epr-list-2026",
      as_of: "2026-04-01",
    });
    await expect(importOneEdition(workbook, { source_id: "epr-list", as_of: "2026-04-01" }, dest, up)).rejects.toThrow(
      /one date per source id: epr-list is already dated 2024-10-01/,
    );
  });

  it("replaces none of the CSVs when one output path cannot be written, and leaves no temp file", async () => {
    const dest = out();
    const up = await upstreamCopy();
    await importAll(up, dest, EDITIONS, quiet);
    rmSync(join(dest, "icbs.csv"));
    mkdirSync(join(dest, "icbs.csv"));
    const oldTrusts = `${TRUST_COLUMNS.join(",")}\n`;
    writeFileSync(join(dest, "trusts.csv"), oldTrusts);
    const before = readdirSync(dest).sort();
    await expect(importAll(up, dest, EDITIONS, quiet)).rejects.toThrow(
      `${join(dest, "icbs.csv")}: expected a regular file or nothing at this output path (found a directory); nothing was written`,
    );
    expect(readdirSync(dest).sort()).toEqual(before);
    expect(readFileSync(join(dest, "trusts.csv"), "utf8")).toBe(oldTrusts);
  });

  it("runs the data step's checks on what it would write, and writes nothing when they fail", async () => {
    const dest = out();
    const up = await upstreamCopy();
    await importAll(up, dest, EDITIONS, quiet);
    const before = snapshot(dest);
    // ODS says a trust succeeded itself: a loop the data step would refuse, so the import refuses it first.
    writeFileSync(
      join(up, UPSTREAM.succ),
      `"NEW1A","NEW1A","","20250101","0"\r\n${readFileSync(join(up, UPSTREAM.succ), "utf8")}`,
    );
    await expect(importAll(up, dest, EDITIONS, quiet)).rejects.toThrow(
      `${join(dest, "successions.csv")} (as imported; not written), line 2, column "successor_code": found "NEW1A"; expected a successor other than the predecessor itself`,
    );
    expect(snapshot(dest)).toEqual(before);
  });

  it("stops with the file and line on a name with a bidirectional override, before writing anything", async () => {
    const dest = out();
    const up = await upstreamCopy();
    writeFileSync(
      join(up, UPSTREAM.etrCurrent),
      readFileSync(join(up, UPSTREAM.etrCurrent), "utf8").replace("ALPHA HOSPITALS NHS TRUST", "ALPHA \u202eTSURT SHN"),
    );
    await expect(importAll(up, dest, EDITIONS, quiet)).rejects.toThrow(
      /ods-etr\/etr\.csv, line 1, column "field 2 \(name\)": found "ALPHA \\u202eTSURT SHN"; expected a name without bidirectional control characters/,
    );
    expect(readdirSync(dest)).toEqual([]);
  });

  it("writes nothing when the workbook's trust type is a name every object has, such as constructor", async () => {
    const dest = out();
    const up = await upstreamCopy();
    const rows = EPR_ROWS.map((r) => (r[0] === "RAA" ? [r[0]!, r[1]!, "constructor", r[3]!] : r));
    writeFileSync(join(up, EDITIONS[0]!.path), await eprWorkbook({ rows }));
    await expect(importAll(up, dest, EDITIONS, quiet)).rejects.toThrow(
      /list\.xlsx, line 2, column "Trust Type \(Primary\)": found "constructor"/,
    );
    expect(readdirSync(dest)).toEqual([]);
  });
});

/** A folder with only the live files, as on a fresh clone where only they were fetched. */
function liveOnly(up: string): string {
  const dir = out();
  for (const key of LIVE_UPSTREAM) {
    mkdirSync(join(dir, UPSTREAM[key], ".."), { recursive: true });
    cpSync(join(up, UPSTREAM[key]), join(dir, UPSTREAM[key]));
  }
  return dir;
}
const etrRow = (code: string, odsName: string, icb: string, open: string) =>
  `"${code}","${odsName}","Y56","${icb}","1 HIGH STREET","","","LONDON","","NW1 0PE","${open}","","","","","","","","","","","1","","H","","",""\r\n`;

describe("npm run data:import with only the live files", SLOW, () => {
  it("keeps every frozen part as committed, byte for byte, and says which and why", async () => {
    const dest = out();
    const up = await upstreamCopy();
    await importAll(up, dest, EDITIONS, quiet);
    const before = snapshot(dest);
    const notes: string[] = [];
    await importAll(liveOnly(up), dest, EDITIONS, (line) => notes.push(line));
    expect(snapshot(dest)).toEqual(before);
    expect(notes).toEqual([
      expect.stringMatching(
        /^kept the icb_code column of .*trusts\.csv as committed .*: its frozen file ods-etr-2025\/etr\.csv is not in /,
      ),
      expect.stringMatching(
        /^kept the 4 rows of epr-list in .*epr-status\.csv as committed: its frozen workbook nhse-epr-suppliers\/list\.xlsx is not in /,
      ),
      expect.stringMatching(
        /^kept .*icbs\.csv and .*regions\.csv as committed: their frozen files ons-icb-names-2024\/icb_names_codes_dec_2024\.csv and odi-hexmap-icb\/nhs-icb-2022\.hexjson are not in /,
      ),
      expect.stringMatching(
        /^kept the gmpp-2022 row of .*gmpp\.csv as committed: its frozen file gmpp-ipa-compiled-rauschgold\/uk_2022\.csv is not in /,
      ),
      expect.stringMatching(/^kept the gmpp-2023 row of .*gmpp\.csv as committed/),
      expect.stringMatching(
        /^kept the 5 sites of .*sites\.csv as committed, each trust followed through the successions again: the frozen files ods-sites\/Hospital\.csv and ods-sites\/ods-parents\.json are not in /,
      ),
    ]);
  });

  it("takes a known trust's board before 2026 from the committed table, and gives a new trust its 2026 board", async () => {
    const dest = out();
    const up = await upstreamCopy();
    await importAll(up, dest, EDITIONS, quiet);
    const live = liveOnly(up);
    writeFileSync(
      join(live, UPSTREAM.etrCurrent),
      readFileSync(join(live, UPSTREAM.etrCurrent), "utf8") + etrRow("RNN", "NEWER NHS TRUST", "S1Y5D", "20260601"),
    );
    await importAll(live, dest, EDITIONS, quiet);
    const trusts = snapshot(dest)["trusts.csv"]!;
    // RAA's current board is Z9B2Z; its board before 2026 (QAA) is the committed one.
    expect(trusts).toContain("RAA,Alpha Hospitals NHS Trust,ALPHA HOSPITALS NHS TRUST,Y56,QAA,Z9B2Z,");
    expect(trusts).toContain("RNN,Newer NHS Trust,NEWER NHS TRUST,Y56,S1Y5D,S1Y5D,NW1 0PE,2026-06-01,");
  });

  it("stops, naming the frozen file and the command, when neither it nor its committed table is there", async () => {
    const dest = out();
    const up = await upstreamCopy();
    await importAll(up, dest, EDITIONS, quiet);
    rmSync(join(dest, "gmpp.csv"));
    const before = snapshot(dest);
    await expect(importAll(liveOnly(up), dest, EDITIONS, quiet)).rejects.toThrow(
      /uk_2022\.csv: expected this frozen upstream file, or gmpp\.csv committed in .*Run `npm run data:fetch` first.*\n.*uk_2023\.csv: /,
    );
    expect(snapshot(dest)).toEqual(before);
  });
});

describe("a trust renamed in ODS", SLOW, () => {
  it("keeps its former name as an alias beside its curated ones, and says so once", async () => {
    const dest = out();
    const up = await upstreamCopy();
    await importAll(up, dest, EDITIONS, quiet);
    writeFileSync(
      join(dest, "trust-aliases.csv"),
      `code,alias,kind,source_url\nRAA,AHT,abbreviation,${ORD_RECORD}RAA\n`,
    );
    const etr = join(up, UPSTREAM.etrCurrent);
    writeFileSync(etr, readFileSync(etr, "utf8").replace('"ALPHA HOSPITALS NHS TRUST"', '"GAMMA HOSPITALS NHS TRUST"'));
    const notes: string[] = [];
    await importAll(up, dest, EDITIONS, (line) => notes.push(line));
    const aliases = snapshot(dest)["trust-aliases.csv"]!;
    expect(aliases).toBe(
      [
        "code,alias,kind,source_url",
        `RAA,AHT,abbreviation,${ORD_RECORD}RAA`,
        `RAA,Alpha Hospitals NHS Trust,former_name,${ORD_RECORD}RAA`,
        "",
      ].join("\n"),
    );
    expect(notes).toEqual([
      expect.stringMatching(/^RAA was renamed in ODS: its former name "Alpha Hospitals NHS Trust" is now an alias in /),
    ]);
    // The curated abbreviation of the old name still passes the data step's check under the new name.
    expect(
      checkAliases(
        [
          { code: "RAA", alias: "AHT", kind: "abbreviation", source_url: `${ORD_RECORD}RAA` },
          { code: "RAA", alias: "Alpha Hospitals NHS Trust", kind: "former_name", source_url: `${ORD_RECORD}RAA` },
        ],
        [{ code: "RAA", name: "Gamma Hospitals NHS Trust" }],
      ),
    ).toEqual([]);
    const again: string[] = [];
    await importAll(up, dest, EDITIONS, (line) => again.push(line));
    expect(snapshot(dest)["trust-aliases.csv"]).toBe(aliases);
    expect(again).toEqual([]);
  });

  it("writes no alias file where there was none and no trust was renamed", async () => {
    const dest = out();
    const up = await upstreamCopy();
    await importAll(up, dest, EDITIONS, quiet);
    await importAll(up, dest, EDITIONS, quiet);
    expect(existsSync(join(dest, "trust-aliases.csv"))).toBe(false);
  });
});

describe("an edition of NHS England's list that came by email", SLOW, () => {
  const RECEIVED = "Emailed by NHS England in reply to a request of 2026-11-02";
  async function emailed() {
    const dest = out();
    const up = await upstreamCopy();
    await importAll(up, dest, EDITIONS, quiet);
    writeFileSync(join(dest, "epr-list-editions.json"), JSON.stringify(EDITIONS));
    const inbox = out();
    const workbook = join(inbox, "Copy of EPR list (Nov 26).xlsx");
    writeFileSync(workbook, await eprWorkbook({ sheetName: "EPR Suppliers 01.11.26" }));
    return { dest, up, workbook };
  }

  it("is copied into the data folder and recorded with how it came, so the next full import finds it", async () => {
    const { dest, up, workbook } = await emailed();
    await importOneEdition(workbook, { source_id: "epr-list-2026", as_of: "2026-11-01", received: RECEIVED }, dest, up);
    const copy = readFileSync(join(dest, "editions/epr-list-2026.xlsx"));
    expect(copy.equals(readFileSync(workbook))).toBe(true);
    const editions = readEditions(join(dest, "epr-list-editions.json"));
    expect(editions[1]).toEqual({
      path: "editions/epr-list-2026.xlsx",
      source_id: "epr-list-2026",
      as_of: "2026-11-01",
      kind: "emailed",
      received: RECEIVED,
      sha256: sha256Hex(copy),
    });
    const status = snapshot(dest)["epr-status.csv"]!;
    // The next full import, with only the live files fetched and the original gone, gives the same bytes.
    rmSync(workbook);
    const files = JSON.stringify(snapshot(dest));
    await importAll(liveOnly(up), dest, editions, quiet);
    expect(JSON.stringify(snapshot(dest))).toBe(files);
    expect(status).toContain("RAA,2026-11-01,epr-list-2026,");
  });

  it("gives the same bytes when imported twice", async () => {
    const { dest, up, workbook } = await emailed();
    const edition = { source_id: "epr-list-2026", as_of: "2026-11-01", received: RECEIVED };
    await importOneEdition(workbook, edition, dest, up);
    const first = JSON.stringify(snapshot(dest));
    await importOneEdition(workbook, edition, dest, up);
    expect(JSON.stringify(snapshot(dest))).toBe(first);
  });

  it("needs --received, an .xlsx file and one of at most the list's size, and writes nothing otherwise", async () => {
    const { dest, up, workbook } = await emailed();
    const before = snapshot(dest);
    const edition = { source_id: "epr-list-2026", as_of: "2026-11-01" };
    await expect(importOneEdition(workbook, edition, dest, up)).rejects.toThrow(
      /--received: found ""; expected how the workbook came, in words .*has no URL/,
    );
    const csv = join(up, "..", "list.csv");
    writeFileSync(csv, "Organisation Code,Organisation\n");
    await expect(importOneEdition(csv, { ...edition, received: RECEIVED }, dest, up)).rejects.toThrow(
      /list\.csv: found "Organisa"; expected an \.xlsx workbook \(a zip archive, starting PK\)/,
    );
    const big = join(up, "..", "big.xlsx");
    writeFileSync(big, Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(EDITION_MAX_BYTES)]));
    await expect(importOneEdition(big, { ...edition, received: RECEIVED }, dest, up)).rejects.toThrow(
      `big.xlsx: expected a file of at most ${EDITION_MAX_BYTES} bytes`,
    );
    expect(snapshot(dest)).toEqual(before);
    expect(existsSync(join(dest, "editions"))).toBe(false);
  });

  it("stops the full import when the kept workbook is missing or is not the one recorded", async () => {
    const { dest, up, workbook } = await emailed();
    await importOneEdition(workbook, { source_id: "epr-list-2026", as_of: "2026-11-01", received: RECEIVED }, dest, up);
    const editions = readEditions(join(dest, "epr-list-editions.json"));
    const kept = join(dest, "editions/epr-list-2026.xlsx");
    writeFileSync(kept, await eprWorkbook({ rows: EPR_ROWS.slice(1) }));
    await expect(importAll(up, dest, editions, quiet)).rejects.toThrow(
      /epr-list-2026\.xlsx, column "sha256": found "[0-9a-f]+…" \(64 characters\); expected the workbook recorded in epr-list-editions\.json/,
    );
    rmSync(kept);
    await expect(importAll(up, dest, editions, quiet)).rejects.toThrow(
      /epr-list-2026\.xlsx: expected the workbook of edition epr-list-2026, kept in the repository .*git checkout/,
    );
  });

  it("is refused in the editions file without how it was received, or with a path outside data/editions/", () => {
    const file = join(out(), "epr-list-editions.json");
    const entry = { path: "editions/x.xlsx", source_id: "x", as_of: "2026-11-01", kind: "emailed" };
    writeFileSync(file, JSON.stringify([entry]));
    expect(() => readEditions(file)).toThrow(
      /column "\[0\]\.received": found "missing"; expected the received of an emailed edition/,
    );
    writeFileSync(file, JSON.stringify([{ ...entry, path: "../x.xlsx", received: "by post", sha256: "0".repeat(64) }]));
    expect(() => readEditions(file)).toThrow(/column "\[0\]\.path": found "\.\.\/x\.xlsx"; expected editions\/x\.xlsx/);
    writeFileSync(file, JSON.stringify([{ path: "a.xlsx", source_id: "x", as_of: "2026-11-01", received: "by post" }]));
    expect(() => readEditions(file)).toThrow(
      /column "\[0\]\.kind".*expected emailed, when received and sha256 are given/,
    );
    writeFileSync(file, JSON.stringify([{ path: "a.xlsx", source_id: "x", as_of: "2026-11-01", url: "https://x" }]));
    expect(() => readEditions(file)).toThrow(/no other field/);
  });
});

describe("the repository's manifests", () => {
  const REPO = fileURLToPath(new URL("../..", import.meta.url));
  const manifest = parseManifest(readFileSync(join(REPO, "data/upstream.json"), "utf8"), "data/upstream.json");

  it("reads as live exactly the files data/upstream.json calls live", () => {
    const live = manifest.filter((e) => e.kind === "live").map((e) => e.path);
    expect(LIVE_UPSTREAM.map((k) => UPSTREAM[k]).sort()).toEqual(live.sort());
  });

  it("takes in a workbook of the list of at most the size data/upstream.json allows for it", () => {
    for (const e of manifest.filter((x) => x.format === "nhse-epr-xlsx"))
      expect(e.max_bytes, e.path).toBe(EDITION_MAX_BYTES);
  });

  it("has an editions file the import reads, and every emailed workbook in it under data/", () => {
    const editions = readEditions(join(REPO, "data/epr-list-editions.json"));
    for (const e of editions.filter((x) => x.kind === "emailed"))
      expect(sha256Hex(readFileSync(join(REPO, "data", e.path))), e.path).toBe(e.sha256);
  });
});
