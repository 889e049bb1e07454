/**
 * Every download and host file the build publishes, parsed as its format (npm test builds first):
 * each JSON file in dist/ and public/data as strict UTF-8 JSON whose strings pass the gate's character
 * rules, each CSV as a rectangular table with a unique header and no cell a spreadsheet would run,
 * and _headers as the host reads it. Counting lines or entries is not enough: one control character
 * or a stray quote breaks a file while its size and line count look right.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { jsonDepth, MAX_JSON_DEPTH, stringProblems } from "../../src/lib/data/gate.ts";

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
const strictText = (file: string) => new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(file));
const name = (file: string) => relative(ROOT, file);

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
      const parsed = Papa.parse<string[]>(text.replace(/\n$/, ""), { header: false });
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
