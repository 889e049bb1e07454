import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { jsImports, pageWeight } from "../../scripts/lib/dist.ts";

const dir = mkdtempSync(join(tmpdir(), "epr-dist-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("page weight", () => {
  it("reads the modules a minified script imports, static and dynamic", () => {
    expect(
      jsImports(
        `import"./share.A1.js";import{a as e}from"./embed.B2.js";const m=import("../x/lazy.js")`,
        "/_astro/entry.js",
      ),
    ).toEqual(["/_astro/share.A1.js", "/_astro/embed.B2.js", "/x/lazy.js"]);
  });

  it("counts the chunks a page's scripts import against its JavaScript budget", () => {
    mkdirSync(join(dir, "_astro"), { recursive: true });
    writeFileSync(join(dir, "index.html"), `<!doctype html><script type="module" src="/_astro/entry.js"></script>`);
    writeFileSync(join(dir, "_astro/entry.js"), `import"./chunk.js";`);
    writeFileSync(join(dir, "_astro/chunk.js"), "x".repeat(5000));
    expect(pageWeight(dir, join(dir, "index.html")).js).toBe(`import"./chunk.js";`.length + 5000);
  });
});
