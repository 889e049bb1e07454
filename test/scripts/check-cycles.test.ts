import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { describeCycles, findCycles, importGraph, sourceFiles } from "../../scripts/check-cycles.ts";

const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

describe("the import circle check", () => {
  it("finds no circle where imports point one way", () => {
    expect(findCycles(graph({ a: ["b", "c"], b: ["c"], c: [] }))).toEqual([]);
  });

  it("finds a circle through three modules, and one module importing itself", () => {
    const cycles = findCycles(
      graph({ model: ["checks", "dates"], checks: ["model"], reconcile: ["checks"], dates: [], self: ["self"] }),
    );
    expect(cycles).toEqual([["checks", "model"], ["self"]]);
    expect(findCycles(graph({ a: ["b"], b: ["c"], c: ["a"] }))).toEqual([["a", "b", "c"]]);
  });

  const root = mkdtempSync(join(tmpdir(), "cycles-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("reads .ts specifiers, type-only imports and .astro frontmatter as the compiler resolves them", () => {
    mkdirSync(join(root, "lib"));
    writeFileSync(join(root, "lib", "model.ts"), 'import { check } from "./checks.ts";\nexport const m = check;\n');
    writeFileSync(
      join(root, "lib", "checks.ts"),
      'import type { Input } from "./model.ts";\nexport const check = 1;\n',
    );
    writeFileSync(join(root, "lib", "dates.ts"), 'import { format } from "d3";\nexport const d = format;\n');
    writeFileSync(
      join(root, "Chart.astro"),
      '---\nimport { m } from "./lib/model.ts";\nimport Self from "./Chart.astro";\n---\n<p>{m}</p>\n',
    );
    const files = sourceFiles([root]);
    expect(files.map((f) => f.slice(root.length + 1))).toEqual([
      "Chart.astro",
      "lib/checks.ts",
      "lib/dates.ts",
      "lib/model.ts",
    ]);
    const g = importGraph(files);
    expect(g.get(join(root, "lib", "dates.ts"))).toEqual([]);
    const cycles = findCycles(g);
    expect(describeCycles(cycles, root)).toBe("  Chart.astro\n  lib/checks.ts ⇄ lib/model.ts");
  });
});
