/**
 * Every download and host file the build publishes, parsed as its format (npm test builds first):
 * each JSON file in dist/ and public/data as strict UTF-8 JSON whose strings pass the gate's character
 * rules, each CSV as a rectangular table with a unique header and no cell a spreadsheet would run,
 * opening with one byte order mark so spreadsheets read it as UTF-8 (and none anywhere else), with
 * ISO dates, their precision and a source on every row, and _headers as the host reads it. Counting lines or entries is not enough: one control character
 * or a stray quote breaks a file while its size and line count look right.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { jsonDepth, MAX_JSON_DEPTH, stringProblems } from "../../src/lib/data/gate.ts";
import { datePrecision, endOfPeriod, isIsoDate, isoAtPrecision, type DatePrecision } from "../../src/lib/data/dates.ts";
import { parseSiteUrl } from "../../src/lib/publish/site-url.ts";
import type { SiteData } from "../../src/lib/data/model.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DIST = join(ROOT, "dist");

function filesIn(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(
      (d) => d.isFile() && d.name.endsWith(ext) && !join(d.parentPath, d.name).includes(`${join(DIST, "_astro")}`),
    )
    .map((d) => join(d.parentPath, d.name))
    .sort();
}
// ignoreBOM keeps a byte order mark in the text, so the checks below see it rather than the decoder dropping it.
const strictText = (file: string) =>
  new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(readFileSync(file));
const name = (file: string) => relative(ROOT, file);
const BOM = "\uFEFF";
const endsPeriod = (day: string, p: DatePrecision) =>
  datePrecision(day) === "day" && endOfPeriod(isoAtPrecision(day, p)) === day;

/** A published CSV's header and rows, after its one leading byte order mark. */
function readCsv(file: string): { header: string[]; rows: string[][] } {
  const [header, ...rows] = Papa.parse<string[]>(strictText(file).slice(BOM.length).replace(/\n$/, ""), {
    header: false,
  }).data;
  return { header: header!, rows };
}
const column = (t: { header: string[]; rows: string[][] }, name: string) => {
  const i = t.header.indexOf(name);
  return t.rows.map((r) => r[i]!);
};

describe("published downloads parse as their format", () => {
  if (!existsSync(DIST)) throw new Error("dist/ is missing: run `npm run build` first (npm test does)");
  const jsons = [...filesIn(DIST, ".json"), ...filesIn(join(ROOT, "public/data"), ".json")];
  const csvs = [...filesIn(DIST, ".csv"), ...filesIn(join(ROOT, "public/data"), ".csv")];

  it("finds the downloads: the data files and every chart's CSV and metadata", () => {
    expect(jsons.map(name)).toContain("dist/data/trusts.json");
    expect(csvs.map(name)).toContain("dist/data/trusts.csv");
    expect(csvs.filter((f) => f.includes("/charts/")).length).toBeGreaterThan(3);
  });

  it("every JSON file: strict UTF-8, JSON, nested within the gate's limit, every string within its character rules", () => {
    for (const file of jsons) {
      const text = strictText(file);
      expect(jsonDepth(text), name(file)).toBeLessThanOrEqual(MAX_JSON_DEPTH);
      const value: unknown = JSON.parse(text);
      expect(stringProblems(value, name(file)), name(file)).toEqual([]);
    }
  });

  it("every CSV file: strict UTF-8, a unique header, every row as wide as it, no formula a spreadsheet would run", () => {
    for (const file of csvs) {
      const text = strictText(file);
      expect(text.endsWith("\n"), `${name(file)} ends with a line break`).toBe(true);
      // Exactly one byte order mark, first; the character rules below refuse one anywhere else.
      expect(text.startsWith(BOM), `${name(file)} starts with a byte order mark`).toBe(true);
      expect(text.indexOf(BOM, 1), `${name(file)} has no second byte order mark`).toBe(-1);
      const parsed = Papa.parse<string[]>(text.slice(BOM.length).replace(/\n$/, ""), { header: false });
      expect(parsed.errors, name(file)).toEqual([]);
      const [header, ...rows] = parsed.data;
      expect(
        header!.every((h, i) => (h !== "" || i === 0) && h === h.trim()),
        `${name(file)} header ${header} (only the first, a row label column, may be blank)`,
      ).toBe(true);
      expect(new Set(header).size, `${name(file)} header names unique`).toBe(header!.length);
      rows.forEach((r, i) => {
        expect(r.length, `${name(file)} row ${i + 2}`).toBe(header!.length);
        for (const cell of r) {
          expect(/^[=+@\t\r]|^-(?![\d.])/.test(cell), `${name(file)} row ${i + 2}: ${JSON.stringify(cell)}`).toBe(
            false,
          );
          expect(stringProblems(cell, name(file)), `${name(file)} row ${i + 2}`).toEqual([]);
        }
      });
    }
  });

  it("every date column in ISO form: a precision column after each partial date, and chart dates beside their words", () => {
    let checked = 0;
    for (const file of csvs) {
      const t = readCsv(file);
      t.header.forEach((h, i) => {
        const iso = /^(.+) \(ISO\)$/.exec(h)?.[1];
        const partial = /^(.+)_precision$/.exec(h)?.[1];
        if (!iso && !partial) return;
        // The readable column (chart CSVs) or the date itself (data CSVs) comes just before.
        expect(t.header[i - 1], `${name(file)}: ${h}`).toBe(iso ?? partial);
        const dates = column(t, h === `${partial}_precision` ? partial! : h);
        const precision = iso ? column(t, `${iso} precision`) : column(t, h);
        if (iso) expect(t.header[i + 1], name(file)).toBe(`${iso} precision`);
        dates.forEach((d, r) => {
          expect(d === "" || isIsoDate(d), `${name(file)} row ${r + 2}, ${h}: ${d}`).toBe(true);
          // A data file may give a period by its last day (targets.csv's target_date), never a day by a month.
          const p = precision[r]!;
          const asStated =
            d === "" ? p === "" : p === datePrecision(d) || (iso === undefined && endsPeriod(d, p as DatePrecision));
          expect(asStated, `${name(file)} row ${r + 2}, ${h}: ${d} given as ${p}`).toBe(true);
          // Words beside ISO: no readable column holds ISO dates, so no column mixes the two.
          if (iso) expect(column(t, iso)[r], `${name(file)} row ${r + 2}, ${iso}`).not.toMatch(/^\d{4}-\d{2}/);
          checked++;
        });
      });
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("every row of every chart's CSV names a source the sources list or the events file holds", () => {
    const site = JSON.parse(readFileSync(join(ROOT, "src/generated/site-data.json"), "utf8")) as SiteData;
    const known = new Set([...site.sources.map((s) => s.id), ...site.trust_events.map((e) => e.id)]);
    const charts = csvs.filter((f) => f.startsWith(join(DIST, "charts")));
    expect(charts.length).toBeGreaterThan(3);
    for (const file of charts) {
      const t = readCsv(file);
      expect(t.header, name(file)).toContain("Source id");
      column(t, "Source id").forEach((ids, r) => {
        expect(ids, `${name(file)} row ${r + 2}`).not.toBe("");
        for (const id of ids.split("; ")) expect(known.has(id), `${name(file)} row ${r + 2}: ${id}`).toBe(true);
      });
    }
  });

  it("chart metadata gives its addresses under SITE_URL when the build had one, else from the site's root", () => {
    const { site, base } = parseSiteUrl(process.env.SITE_URL);
    const prefix = `${site ?? ""}${base}`;
    const metas = jsons.filter((f) => f.startsWith(join(DIST, "charts")));
    expect(metas.length).toBeGreaterThan(3);
    for (const file of metas) {
      const urls = Object.values((JSON.parse(strictText(file)) as { urls: Record<string, string> }).urls);
      expect(urls.length, name(file)).toBeGreaterThan(3);
      for (const u of urls)
        expect(u.startsWith(prefix) && !u.startsWith(`${prefix}/`), `${name(file)}: ${u}`).toBe(true);
    }
  });

  it("every chart's share panel links its PNG in plain HTML, and the file is a PNG laid out for export", () => {
    const { base } = parseSiteUrl(process.env.SITE_URL);
    const ids = readdirSync(join(DIST, "charts"))
      .filter((f) => f.endsWith(".csv"))
      .map((f) => f.replace(/\.csv$/, ""));
    expect(ids.length).toBeGreaterThan(3);
    for (const id of ids) {
      const page = readFileSync(join(DIST, "charts", id, "index.html"), "utf8");
      // A link, not a button script fills in: there with JavaScript off.
      expect(page, id).toMatch(new RegExp(`<a href="${base}charts/${id}\\.png"[^>]*>Image \\(PNG`));
      const png = readFileSync(join(DIST, "charts", `${id}.png`));
      expect([...png.subarray(0, 8)], id).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      // Drawn at twice the export's size: at least the wide drawing's 800px, doubled.
      expect(png.readUInt32BE(16), `${id} width`).toBeGreaterThanOrEqual(1600);
      expect(png.readUInt32BE(20), `${id} height`).toBeGreaterThan(400);
    }
  });

  it("_headers: blocks of a path and indented Name: value lines a host reads, each path once, the site-wide block first", () => {
    const text = strictText(join(DIST, "_headers"));
    const blocks = text.trimEnd().split(/\n\n/);
    expect(blocks[0]!.split("\n")[0]).toMatch(/^\/\*?$|^\/[^\s]*\/\*$/);
    const paths: string[] = [];
    for (const block of blocks) {
      const [path, ...lines] = block.split("\n");
      expect(path, block).toMatch(/^\/[!-~]*$/);
      paths.push(path!);
      expect(lines.length, path).toBeGreaterThan(0);
      for (const line of lines) expect(line, path).toMatch(/^ {2}[A-Za-z0-9-]+: [ -~]+$/);
    }
    expect(new Set(paths).size).toBe(paths.length);
  });
});
