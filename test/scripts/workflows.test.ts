/**
 * The GitHub workflows (issue 22, point 8): no job gets more than it asks for, none runs without a
 * time limit, and no checkout leaves its token in .git/config for install scripts and tests to read.
 * Read as text, by indentation, which is how these files are written.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const DIR = new URL("../../.github/workflows/", import.meta.url).pathname;
const workflows = readdirSync(DIR)
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => ({ name: f, lines: readFileSync(join(DIR, f), "utf8").split("\n") }));

const indent = (line: string) => line.length - line.trimStart().length;
const meaningful = (line: string) => line.trim() !== "" && !line.trim().startsWith("#");

/** The lines under the line at `at` that are indented further than it (its block). */
function block(lines: string[], at: number): string[] {
  const out: string[] = [];
  for (const line of lines.slice(at + 1)) {
    if (meaningful(line) && indent(line) <= indent(lines[at]!)) break;
    out.push(line);
  }
  return out;
}

/** Each job: its name and its block. */
function jobs(lines: string[]): { name: string; body: string[] }[] {
  const at = lines.findIndex((l) => l === "jobs:");
  return block(lines, at).flatMap((line, i, body) => {
    const m = /^ {2}([\w-]+):\s*$/.exec(line);
    return m ? [{ name: m[1]!, body: block(body, i) }] : [];
  });
}

describe("the workflows", () => {
  it("are found, so the checks below check something", () => {
    expect(workflows.map((w) => w.name)).toContain("publish.yml");
  });

  for (const { name, lines } of workflows) {
    it(`${name}: grants nothing by default, and each job its own permissions and a time limit`, () => {
      expect(lines).toContain("permissions: {}");
      const found = jobs(lines);
      expect(found.length).toBeGreaterThan(0);
      for (const job of found) {
        expect(
          job.body.some((l) => /^ {4}timeout-minutes: \d+\s*$/.test(l)),
          `${job.name}: timeout-minutes`,
        ).toBe(true);
        expect(
          job.body.some((l) => /^ {4}permissions:/.test(l)),
          `${job.name}: permissions`,
        ).toBe(true);
      }
    });

    it(`${name}: every checkout keeps no credentials`, () => {
      const checkouts = lines.flatMap((l, i) => (/^\s*- uses: actions\/checkout@/.test(l) ? [i] : []));
      for (const at of checkouts)
        expect(
          block(lines, at).map((l) => l.trim()),
          `${name} line ${at + 1}`,
        ).toContain("persist-credentials: false");
    });
  }
});
