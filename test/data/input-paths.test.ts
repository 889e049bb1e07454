/**
 * Every path by which data comes in, listed with the gate it passes (src/lib/data/gate.ts). The test
 * reads scripts/ and src/ for call sites that read files, the network or JSON text, and fails when a
 * file gains one that is not listed here: a new reader must go through the gate (readText, parseJson,
 * the HTTP client's getJson or request, the workbook reader) and then be added to this list, saying how.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Call sites that read outside bytes or parse outside text, and imports of Node's HTTP clients. */
const READERS =
  /\b(readFileSync|readFile|createReadStream|fetch|JSON\.parse|readText|readBytes|readWorkbook|httpsRequest|httpRequest)\s*\(|from "node:https?"/g;

/** Each file that reads, how many call sites, and the gate they pass. */
const INPUT_PATHS: Record<string, { sites: number; gate: string }> = {
  // The gate and the readers every input path goes through.
  "src/lib/data/gate.ts": { sites: 1, gate: "parseJsonText: depth checked on the text before JSON.parse" },
  "scripts/lib/io.ts": {
    sites: 3,
    gate: "readBytes (no links, pipes or devices; a size limit) then gateBytes (strict UTF-8)",
  },
  "scripts/connectors/http.ts": {
    sites: 2,
    gate: "the one HTTP client: allow-list, https, byte caps; getJson parses through the gate and checks every string",
  },
  "scripts/import/workbook.ts": {
    sites: 1,
    gate: "readWorkbook: child process with caps; its JSON through parseJsonText; cellText checks every cell",
  },
  "scripts/import/workbook-worker.ts": {
    sites: 2,
    gate: "the child readWorkbook runs (size checked before); its output is gated by the parent",
  },
  // Data files and upstream files: readText, then a parser that applies the gate's rules to each value.
  "scripts/build-data.ts": {
    sites: 7,
    gate: "readText, then parseTable (text and name columns), parseJsonWith, parseAnswers, parseMembers",
  },
  "scripts/import.ts": {
    sites: 16,
    gate: "readText/readBytes, then parseEtr and parseHospitals (names), parseCsv/parseTable, parseJsonWith, readWorkbook (cells)",
  },
  "scripts/diff.ts": { sites: 2, gate: "readText, then parseAnswers and parseChangelog" },
  "scripts/freeze-release.ts": {
    sites: 2,
    gate: "readText, after readDataDir has checked the same files as the data step does",
  },
  "scripts/seed-parliament.ts": {
    sites: 3,
    gate: "readText, then parseQuery, parseAnswers and the archive's readers, checked by parseAnswers before writing",
  },
  "scripts/fetch.ts": {
    sites: 6,
    gate: "the HTTP client's request; readText then parseManifest, parseState, parseSources, parseJsonText",
  },
  "scripts/connectors/ods.ts": { sites: 1, gate: "readText then parseEtr (the etr report compared with)" },
  "scripts/connectors/parliament-wq.ts": { sites: 2, gate: "readText then parseQuery and parseAnswers" },
  // Our own build's outputs, tools and lock files, never data from outside.
  "scripts/build.ts": { sites: 2, gate: "none needed: the build's own lock file (checked field by field)" },
  "scripts/og-images.ts": {
    sites: 3,
    gate: "none needed: the chart drawings and stylesheets this build uses",
  },
  "src/lib/publish/raster.ts": {
    sites: 4,
    gate: "none needed: the renderer's package file, the npm fonts and images this build drew and kept",
  },
  "scripts/lib/dist.ts": { sites: 3, gate: "none needed: reads dist/ this build wrote, for checks" },
  "scripts/lib/static-server.ts": { sites: 4, gate: "none needed: serves dist/ (the preview server's own rules)" },
  "scripts/lib/log-text.ts": { sites: 1, gate: "none needed: the escaper's own standard input, printed only escaped" },
  "scripts/check-cycles.ts": {
    sites: 1,
    gate: "none needed: reads this repository's own source files for their imports",
  },
  "scripts/check-reproducible.ts": { sites: 2, gate: "none needed: hashes two builds of ours" },
  "scripts/bench/synthetic.ts": { sites: 1, gate: "none needed: measures our own builds" },
  "scripts/bench/peer.ts": { sites: 5, gate: "none needed: measures our own builds" },
  "scripts/palette-css.ts": { sites: 1, gate: "none needed: our own stylesheet" },
  "scripts/screenshots.ts": { sites: 1, gate: "none needed: photographs our own pages" },
  "scripts/rehearse.ts": {
    sites: 14,
    gate: "none needed: the rehearsal reads its own fixtures and what a copy of this repository wrote",
  },
  "scripts/rehearse/scenario.ts": {
    sites: 2,
    gate: "none needed: edits the copy's own sources.json (checked by the data step it then runs), and moves the dates of its own fixtures",
  },
  "scripts/rehearse/stand-ins.ts": { sites: 2, gate: "none needed: the rehearsal's own stand-in servers on 127.0.0.1" },
  "src/lib/finder/search.ts": {
    sites: 1,
    gate: "none needed: the finder's own page data, written by packSites at build",
  },
  "src/lib/finder/embed-data.ts": {
    sites: 1,
    gate: "none needed: the finder embed's own page data, written by packFinder at build",
  },
};

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : sourceFiles(path);
    return /\.(ts|mjs|js|astro|mdx)$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [path] : [];
  });
}

describe("every input path passes the gate", () => {
  const found = Object.fromEntries(
    [...sourceFiles("scripts"), ...sourceFiles("src")]
      .map(
        (f) =>
          [
            relative(ROOT, join(ROOT, f)).split("\\").join("/"),
            (readFileSync(join(ROOT, f), "utf8").match(READERS) ?? []).length,
          ] as const,
      )
      .filter(([, n]) => n > 0),
  );

  it("finds readers, so the check below checks something", () => {
    expect(Object.keys(found).length).toBeGreaterThan(10);
  });

  it("lists every file that reads files, the network or JSON text, with as many call sites as it has", () => {
    const unlisted = Object.keys(found).filter((f) => !(f in INPUT_PATHS));
    expect(unlisted, "new readers: route them through src/lib/data/gate.ts, then list them in INPUT_PATHS").toEqual([]);
    for (const [file, { sites }] of Object.entries(INPUT_PATHS))
      expect(
        found[file] ?? 0,
        `${file}: call sites that read (a new one must pass the gate; then update INPUT_PATHS)`,
      ).toBe(sites);
  });

  it("routes the shared readers through the gate", () => {
    const text = (f: string) => readFileSync(join(ROOT, f), "utf8");
    expect(text("scripts/lib/io.ts")).toMatch(/return gateBytes\(readBytes\(path, maxBytes\), path, maxBytes\)/);
    expect(text("src/lib/data/json.ts")).toMatch(/return parseJsonText\(text, file\)/);
    expect(text("scripts/connectors/http.ts")).toMatch(
      /parseJsonText\(response\.body, url\)[\s\S]*stringProblems\(json, url\)/,
    );
    expect(text("src/lib/data/schema.ts")).toMatch(/opts\.name \? nameProblem\(raw\) : problemCharacter\(raw\)/);
    expect(text("scripts/import/workbook.ts")).toMatch(/problemCharacter\(cell\.v\)/);
    // No second HTTP client: only the gate's client imports Node's http modules or calls fetch.
    for (const [file] of Object.entries(found))
      if (/from "node:https?"|\bfetch\s*\(/.test(text(file)))
        expect(
          [
            "scripts/connectors/http.ts",
            "scripts/lib/static-server.ts",
            "scripts/bench/peer.ts",
            "scripts/screenshots.ts",
            "scripts/rehearse/stand-ins.ts",
          ],
          file,
        ).toContain(file);
  });
});
