/**
 * The layout of src/lib says where a new file goes: folders named for what they are for, each with a
 * README saying what belongs there, and at the root only the few modules every part uses.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const LIB = fileURLToPath(new URL("../../src/lib/", import.meta.url));

/** The modules every part uses (src/lib/README.md says why each is shared). */
const ROOT_MODULES = ["format.ts", "order.ts", "site.ts", "text.ts"];

const entries = readdirSync(LIB, { withFileTypes: true });
const folders = entries.filter((e) => e.isDirectory()).map((e) => e.name);

describe("src/lib's layout", () => {
  it("keeps at its root only the shared modules, their tests and the README", () => {
    const allowed = new Set(["README.md", ...ROOT_MODULES, ...ROOT_MODULES.map((m) => m.replace(/\.ts$/, ".test.ts"))]);
    const loose = entries.filter((e) => !e.isDirectory() && !allowed.has(e.name)).map((e) => e.name);
    expect(loose, "put these in the folder whose README describes them (src/lib/README.md)").toEqual([]);
  });

  it("has a README in every folder, and the root README names every folder and shared module", () => {
    expect(folders.length).toBeGreaterThan(3);
    const missing = folders.filter((f) => !readdirSync(`${LIB}${f}`).includes("README.md"));
    expect(missing, "each folder says in a README.md what belongs there").toEqual([]);
    const readme = readFileSync(`${LIB}README.md`, "utf8");
    for (const name of [...folders.map((f) => `\`${f}/\``), ...ROOT_MODULES.map((m) => `\`${m}\``)])
      expect(readme, `src/lib/README.md names ${name}`).toContain(name);
  });
});
