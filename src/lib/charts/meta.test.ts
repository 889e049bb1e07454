import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readDataDir } from "../../../scripts/build-data.ts";
import { buildSiteData } from "../data/model.ts";
import { buildCharts } from "./catalogue.ts";
import { urlPrefix } from "../publish/paths.ts";
import { chartCsvColumns } from "./csv.ts";
import { chartMeta, chartMetadataJson, CSV_COLUMN_MEANINGS, licenceWords } from "./meta.ts";

const FIXTURE = fileURLToPath(new URL("../../../test/fixtures/data", import.meta.url));
const site = buildSiteData(readDataDir(FIXTURE)).site;
const charts = buildCharts(site);

describe("what travels with every chart", () => {
  it("says what every column of every chart's CSV means", () => {
    for (const c of charts) {
      const m = chartMeta(c, site.release.date);
      expect(
        m.columns.map((x) => x.name),
        c.id,
      ).toEqual(chartCsvColumns(c.models.wide.table));
      for (const col of m.columns) expect(col.meaning.length, `${c.id}: ${col.name}`).toBeGreaterThan(10);
    }
  });

  it("refuses a chart whose CSV has a column nobody has described", () => {
    const c = charts[0]!;
    const odd = {
      ...c,
      models: { ...c.models, wide: { ...c.models.wide, table: { columns: ["Mystery"], rows: [] } } },
    } as typeof c;
    expect(() => chartMeta(odd, site.release.date)).toThrow(/no meaning written for its CSV column "Mystery"/);
    expect(CSV_COLUMN_MEANINGS.Mystery).toBeUndefined();
  });

  it("dates the figures, cites official sources first and names the licences", () => {
    const c = charts.find((x) => x.id === "coverage-over-time")!;
    const m = chartMeta(c, site.release.date);
    expect(m.asOfWords).toBe("Figures as of about May 2025.");
    const firstUnofficial = m.sources.findIndex((s) => !s.official);
    if (firstUnofficial >= 0) expect(m.sources.slice(firstUnofficial).every((s) => !s.official)).toBe(true);
    expect(m.citation).toMatch(
      /via NHS EPR Tracker: ".*"\. Figures as of about May 2025; data release of 25 November 2026$/,
    );
    expect(m.licenceWords).toMatch(/^Licences?: /);
  });

  it("writes a metadata file with the sources' addresses and the CSV's columns", () => {
    const c = charts[0]!;
    const doc = JSON.parse(chartMetadataJson(c, site.release.date, "https://example.org"));
    expect(doc.urls.csv).toBe(`https://example.org/charts/${c.id}.csv`);
    expect(doc.data_as_of).toBe(c.asOf);
    expect(doc.sources.length).toBe(c.sources.length);
    for (const s of doc.sources) expect(s.url).toMatch(/^https:\/\//);
    expect(doc.csv_columns.map((x: { name: string }) => x.name)).toEqual(chartCsvColumns(c.models.wide.table));
  });

  it("gives the metadata file's addresses under SITE_URL when it is set, and from the site's root when not", () => {
    const urlsOf = (prefix: string) =>
      Object.values(
        (JSON.parse(chartMetadataJson(charts[0]!, site.release.date, prefix)) as { urls: Record<string, string> }).urls,
      );
    // urlPrefix(SITE_URL): "https://owner.github.io/repo" for a project site, "" or "/repo" without an origin.
    const absolute = urlsOf(urlPrefix(new URL("https://owner.github.io"), "/repo/"));
    expect(absolute.length).toBeGreaterThan(3);
    for (const u of absolute) expect(u).toMatch(/^https:\/\/owner\.github\.io\/repo\/[^/]/);
    for (const u of urlsOf(urlPrefix(undefined, "/"))) expect(u).toMatch(/^\/[^/]/);
    for (const u of urlsOf(urlPrefix(undefined, "/repo/"))) expect(u).toMatch(/^\/repo\/[^/]/);
  });
});

describe("licences in words", () => {
  it("names the licences, official ones first, and says when some sources state none", () => {
    const stated = site.sources.filter((s) => s.licence === "OGL-3.0").slice(0, 1);
    const unstated = site.sources.filter((s) => s.licence === "not-stated").slice(0, 1);
    expect(stated.length && unstated.length).toBeTruthy();
    expect(licenceWords(stated)).toBe("Licence: Open Government Licence v3.0.");
    expect(licenceWords([...unstated, ...stated])).toBe(
      "Licences: Open Government Licence v3.0; none stated for the others.",
    );
    expect(licenceWords(unstated)).toBe("Licence: none stated by the publisher.");
  });
});
