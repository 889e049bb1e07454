/**
 * npm run check:cycles: fails when any module in src/ or scripts/ imports itself through others (an
 * import circle), naming every file of each circle. Imports are read and resolved by the TypeScript
 * compiler, so `.ts` specifiers, JSON and `.astro` frontmatter count as the build sees them; type-only
 * imports count too, since a circle of types still ties the modules together.
 */
import ts from "typescript";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/** Each module (an absolute path) and the modules of this project it imports. */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

const SOURCE = /\.(ts|mts|js|mjs|astro)$/;

/** Every source file under the given folders, skipping dependencies and generated output. */
export function sourceFiles(roots: readonly string[]): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && !entry.name.startsWith(".")) walk(path);
      } else if (SOURCE.test(entry.name) && !entry.name.endsWith(".d.ts")) files.push(resolve(path));
    }
  };
  for (const root of roots) walk(root);
  return files.sort();
}

/** The script part of a file: an .astro component's frontmatter, or the whole of any other file. */
function scriptOf(path: string, text: string): string {
  if (!path.endsWith(".astro")) return text;
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  return m ? m[1]! : "";
}

const OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  allowImportingTsExtensions: true,
  resolveJsonModule: true,
  allowJs: true,
};

/** The relative imports of each file, resolved to files; packages are outside the graph. */
export function importGraph(files: readonly string[]): ImportGraph {
  const host = ts.createCompilerHost(OPTIONS);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const info = ts.preProcessFile(scriptOf(file, readFileSync(file, "utf8")), true, true);
    const deps = new Set<string>();
    for (const { fileName } of info.importedFiles) {
      if (!fileName.startsWith(".")) continue;
      // A specifier naming an existing file (an .astro component, a JSON file) is that file.
      const direct = resolve(dirname(file), fileName);
      const target = existsSync(direct)
        ? direct
        : ts.resolveModuleName(fileName, file, OPTIONS, host).resolvedModule?.resolvedFileName;
      if (target) deps.add(resolve(target));
    }
    graph.set(file, [...deps].sort());
  }
  return graph;
}

/**
 * Every import circle: the strongly connected groups of more than one module, and any module that
 * imports itself (Tarjan's algorithm). Each circle lists its modules in sorted order; circles are
 * sorted by their first module.
 */
export function findCycles(graph: ImportGraph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      group.push(w);
    } while (w !== v);
    if (group.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(group.sort());
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return cycles.sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));
}

/** One line per circle, the files relative to `root`. */
export function describeCycles(cycles: readonly string[][], root: string): string {
  return cycles.map((c) => `  ${c.map((f) => relative(root, f)).join(" ⇄ ")}`).join("\n");
}

if (import.meta.main) {
  const roots = ["src", "scripts", "test"];
  const files = sourceFiles(roots);
  const cycles = findCycles(importGraph(files));
  if (cycles.length) {
    console.error(
      `check:cycles: ${cycles.length} import circle(s); move what both sides share to a module both import:`,
    );
    console.error(describeCycles(cycles, process.cwd()));
    process.exit(1);
  }
  console.log(`check:cycles: no import circle in ${files.length} modules under ${roots.join(", ")}.`);
}
