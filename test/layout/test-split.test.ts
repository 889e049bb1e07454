/**
 * `npm run test:unit` runs every test that needs no build, and only those are left out: the folders it
 * excludes hold exactly the tests that read the repository's dist/ or build a site themselves.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Reads the built site in dist/, builds one (the site's steps with options), or runs the rehearsal, which builds a copy. */
const NEEDS_A_BUILD = /join\(ROOT, "dist"|siteSteps\(\{|\["scripts\/rehearse\.ts"\]/;

function testFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return ["fixtures", "__snapshots__", "node_modules"].includes(e.name) ? [] : testFiles(path);
    return e.name.endsWith(".test.ts") ? [relative(ROOT, join(ROOT, path)).split("\\").join("/")] : [];
  });
}

const script = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> })
  .scripts["test:unit"]!;
/** The folders test:unit leaves out ("test/site/**" → "test/site/"). */
const excluded = [...script.matchAll(/--exclude '([^']+)\*\*'/g)].map((m) => m[1]!);
const browser = "test/browser/"; // run by npm run test:browser, after a build
const files = [...testFiles("src"), ...testFiles("test")].filter((f) => !f.startsWith(browser));
const needsBuild = (f: string) => NEEDS_A_BUILD.test(readFileSync(join(ROOT, f), "utf8"));

describe("the split between test:unit and the tests that need a build", () => {
  it("leaves out some folders, so the check below checks something", () => {
    expect(excluded.length).toBeGreaterThan(0);
    expect(files.filter((f) => excluded.some((d) => f.startsWith(d))).length).toBeGreaterThan(0);
  });

  it("runs every test that needs no build", () => {
    const left = files.filter((f) => excluded.some((d) => f.startsWith(d)) && !needsBuild(f));
    expect(left, "these need no build: move them out of the folders test:unit leaves out").toEqual([]);
  });

  it("leaves out every test that needs a build", () => {
    const run = files.filter((f) => !excluded.some((d) => f.startsWith(d)) && needsBuild(f));
    expect(run, "these need a build: move them to test/site/ (or test/release/)").toEqual([]);
  });
});
