/** The whole import step on fixture files in the real upstream layout: all outputs or none. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { importAll, importOneEdition, UPSTREAM } from "../../scripts/import.ts";
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
const out = () => {
  const d = mkdtempSync(join(tmpdir(), "epr-out-"));
  dirs.push(d);
  return d;
};
const snapshot = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), "utf8")]),
  );

describe("npm run data:import", () => {
  it("writes every normalised CSV from the upstream files", async () => {
    const dest = out();
    await importAll(await upstreamCopy(), dest, EDITIONS);
    expect(Object.keys(snapshot(dest))).toEqual([
      "epr-status.csv",
      "gmpp.csv",
      "icb-successions.csv",
      "icbs.csv",
      "regions.csv",
      "successions.csv",
      "trusts.csv",
    ]);
    expect(snapshot(dest)["icb-successions.csv"]).toContain(
      "QAA,Z9B2Z,NHS West and North London Integrated Care Board,2026-04-01,merger",
    );
    expect(snapshot(dest)["trusts.csv"]).toContain(
      "RBB,Beta Mental Health NHS Trust,BETA MENTAL HEALTH NHS TRUST,Y56,QAA,QAA,NW1 0PE,2000-04-01,2024-10-31",
    );
  });

  it("gives the same bytes on a second run", async () => {
    const [a, b] = [out(), out()];
    const up = await upstreamCopy();
    await importAll(up, a, EDITIONS);
    await importAll(up, b, EDITIONS);
    expect(snapshot(a)).toEqual(snapshot(b));
  });

  it("on a fresh clone (no data/upstream/), says which files are missing and what to run, and writes nothing", async () => {
    const dest = out();
    const empty = out();
    await expect(importAll(empty, dest, EDITIONS)).rejects.toThrow(
      /has none of the 9 publishers' files\. Run `npm run data:fetch` first .*or pass `--from <dir>`/,
    );
    const partial = await upstreamCopy();
    rmSync(join(partial, UPSTREAM.succ));
    await expect(importAll(partial, dest, EDITIONS)).rejects.toThrow(
      /found "ods-succ\/succ\.csv"; expected every upstream file; the folder lacks 1 of the publishers' files/,
    );
    expect(readdirSync(dest)).toEqual([]);
  });

  it("leaves every previous output untouched when one upstream file is bad", async () => {
    const dest = out();
    const up = await upstreamCopy();
    await importAll(up, dest, EDITIONS);
    const before = snapshot(dest);
    writeFileSync(join(up, UPSTREAM.gmpp2023), "not;a;gmpp;file\n");
    await expect(importAll(up, dest, EDITIONS)).rejects.toThrow(/uk_2023\.csv/);
    expect(snapshot(dest)).toEqual(before);
  });

  it("adds a new edition of NHS England's list with its own source id and date, keeping the old one and recording it", async () => {
    const dest = out();
    const up = await upstreamCopy();
    await importAll(up, dest, EDITIONS);
    writeFileSync(join(dest, "epr-list-editions.json"), JSON.stringify(EDITIONS));
    const workbook = join(up, "second.xlsx");
    writeFileSync(workbook, await eprWorkbook({ sheetName: "EPR Suppliers" }));
    await importOneEdition(workbook, { source_id: "epr-list-2026", as_of: "2026-04-01" }, dest);
    const status = snapshot(dest)["epr-status.csv"]!;
    expect(status).toContain("RAA,2024-10-01,epr-list,");
    expect(status).toContain("RAA,2026-04-01,epr-list-2026,");
    expect(
      JSON.parse(snapshot(dest)["epr-list-editions.json"]!).map((e: { source_id: string }) => e.source_id),
    ).toEqual(["epr-list", "epr-list-2026"]);
    await expect(importOneEdition(workbook, { source_id: "epr-list", as_of: "2026-04-01" }, dest)).rejects.toThrow(
      /one date per source id: epr-list is already dated 2024-10-01/,
    );
  });

  it("replaces none of the six CSVs when one output path cannot be written, and leaves no temp file", async () => {
    const dest = out();
    const up = await upstreamCopy();
    await importAll(up, dest, EDITIONS);
    rmSync(join(dest, "icbs.csv"));
    mkdirSync(join(dest, "icbs.csv"));
    writeFileSync(join(dest, "trusts.csv"), "old trusts\n");
    const before = readdirSync(dest).sort();
    await expect(importAll(up, dest, EDITIONS)).rejects.toThrow(
      `${join(dest, "icbs.csv")}: expected a regular file or nothing at this output path (found a directory); nothing was written`,
    );
    expect(readdirSync(dest).sort()).toEqual(before);
    expect(readFileSync(join(dest, "trusts.csv"), "utf8")).toBe("old trusts\n");
  });

  it("runs the data step's checks on what it would write, and writes nothing when they fail", async () => {
    const dest = out();
    const up = await upstreamCopy();
    await importAll(up, dest, EDITIONS);
    const before = snapshot(dest);
    // ODS says a trust succeeded itself: a loop the data step would refuse, so the import refuses it first.
    writeFileSync(
      join(up, UPSTREAM.succ),
      `"NEW1A","NEW1A","","20250101","0"\r\n${readFileSync(join(up, UPSTREAM.succ), "utf8")}`,
    );
    await expect(importAll(up, dest, EDITIONS)).rejects.toThrow(
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
    await expect(importAll(up, dest, EDITIONS)).rejects.toThrow(
      /ods-etr\/etr\.csv, line 1, column "field 2 \(name\)": found "ALPHA \\u202eTSURT SHN"; expected a name without bidirectional control characters/,
    );
    expect(readdirSync(dest)).toEqual([]);
  });

  it("writes nothing when the workbook's trust type is a name every object has, such as constructor", async () => {
    const dest = out();
    const up = await upstreamCopy();
    const rows = EPR_ROWS.map((r) => (r[0] === "RAA" ? [r[0]!, r[1]!, "constructor", r[3]!] : r));
    writeFileSync(join(up, EDITIONS[0]!.path), await eprWorkbook({ rows }));
    await expect(importAll(up, dest, EDITIONS)).rejects.toThrow(
      /list\.xlsx, line 2, column "Trust Type \(Primary\)": found "constructor"/,
    );
    expect(readdirSync(dest)).toEqual([]);
  });
});
