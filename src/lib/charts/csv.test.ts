import { fileURLToPath } from "node:url";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { readDataDir } from "../../../scripts/build-data.ts";
import { buildSiteData } from "../data/model.ts";
import { isIsoDate } from "../data/dates.ts";
import { deadlineSlippageModel } from "./deadline-slippage/model.ts";
import { buildCharts } from "./catalogue.ts";
import { chartCsv, chartCsvColumns, csvOnlyMeaning, isoDateColumns, SOURCE_ID, sourceIdColumn } from "./csv.ts";
import type { ChartTable } from "./shared.ts";

const FIXTURE = fileURLToPath(new URL("../../../test/fixtures/data", import.meta.url));
const site = buildSiteData(readDataDir(FIXTURE)).site;
const charts = buildCharts(site);

const table: ChartTable = {
  columns: ["When", "Figure"],
  rows: [
    ["about March 2025", "=1+1"],
    ["2024", 5],
  ],
  csvOnly: [...isoDateColumns("When", ["2025-03", "2024"]), sourceIdColumn(["a", ["b", "c", "b"]])],
};

describe("a chart's CSV", () => {
  it("opens with one byte order mark, puts each ISO date and its precision after its words, and the source last", () => {
    const csv = chartCsv(table);
    expect(csv.startsWith("\uFEFFWhen,When (ISO),When precision,Figure,Source id\n")).toBe(true);
    expect(csv.indexOf("\uFEFF", 1)).toBe(-1);
    // Formula-like cells keep their leading apostrophe.
    expect(csv.slice(1).split("\n").slice(1)).toEqual([
      "about March 2025,2025-03,month,'=1+1,a",
      "2024,2024,year,5,b; c",
      "",
    ]);
  });

  it("refuses a column with a value missing for a row, or placed after a column the table lacks", () => {
    expect(() => chartCsv({ ...table, csvOnly: [sourceIdColumn(["a"])] })).toThrow(/1 values for 2 rows/);
    expect(() => chartCsvColumns({ ...table, csvOnly: [{ name: "X", after: "Nope", values: [1, 2] }] })).toThrow(
      /follows "Nope", which the table lacks/,
    );
  });

  it("says what each column only the CSV carries means", () => {
    expect(csvOnlyMeaning("When (ISO)")).toMatch(/"When" column as an ISO date/);
    expect(csvOnlyMeaning("When precision")).toMatch(/day, month or year/);
    expect(csvOnlyMeaning(SOURCE_ID)).toMatch(/sources\.json/);
    expect(csvOnlyMeaning("Trusts")).toBeUndefined();
  });

  it("every chart: a source on every row from the chart's sources or events, and ISO dates in every ISO column", () => {
    const known = new Set([...site.sources.map((s) => s.id), ...site.trust_events.map((e) => e.id)]);
    for (const c of charts) {
      const t = c.models.wide.table;
      const source = t.csvOnly?.find((x) => x.name === SOURCE_ID);
      expect(source?.values.length, c.id).toBe(t.rows.length);
      for (const v of source!.values)
        for (const id of String(v).split("; ")) expect(known.has(id), `${c.id}: ${id}`).toBe(true);
      for (const col of t.csvOnly!.filter((x) => x.name.endsWith(" (ISO)")))
        for (const d of col.values) expect(d === "" || isIsoDate(String(d)), `${c.id}: ${d}`).toBe(true);
      // The narrow drawing prints the same table, so it downloads the same file.
      expect(chartCsv(c.models.narrow.table)).toBe(chartCsv(t));
    }
  });

  it("gives dated charts their dates in ISO form at the precision the source gave", () => {
    const dated = charts.filter((c) => c.models.wide.table.csvOnly?.some((x) => x.name.endsWith(" (ISO)")));
    expect(dated.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        "coverage-over-time",
        "deadline-slippage",
        "trusts-without-epr-timeline",
        "programme-ratings",
      ]),
    );
    // A deadline stated as a year is written as that year, not as the day it ends on.
    const t = site.targets[0]!;
    const slip = deadlineSlippageModel(
      [
        { ...t, target_date: "2030-12-31", target_date_precision: "year" },
        { ...t, id: `${t.id}-m`, target_date: "2031-06-30", target_date_precision: "month" },
      ],
      { width: 800, today: site.release.date },
    ).table;
    const cols = chartCsvColumns(slip);
    const rows = Papa.parse<string[]>(chartCsv(slip).slice(1).trim()).data.slice(1);
    expect(rows.map((r) => [r[cols.indexOf("Deadline (ISO)")], r[cols.indexOf("Deadline precision")]])).toEqual([
      ["2030", "year"],
      ["2031-06", "month"],
    ]);
  });
});
