import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compareCodePoints, compareNames } from "./order.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Sort in a child Node whose locale is `lang`: the locale is fixed when Node starts, so it cannot be changed here. */
function sortedUnder(lang: string, names: string[]): string[] {
  const code = `import { compareNames } from ${JSON.stringify(new URL("./order.ts", import.meta.url).href)}; console.log(JSON.stringify(${JSON.stringify(names)}.sort(compareNames)));`;
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", code], {
    encoding: "utf8",
    env: { ...process.env, LANG: lang, LC_ALL: lang },
  });
  expect(result.stderr).toBe("");
  return JSON.parse(result.stdout) as string[];
}

describe("ordering text", () => {
  it("sorts names in English order whatever the machine's locale (Lithuanian puts y between i and j)", () => {
    const names = [
      "Yeovil District Hospital",
      "James Paget University Hospitals",
      "Isle of Wight",
      "island trust",
      "Ćwm Taf",
    ];
    const english = [
      "Ćwm Taf",
      "island trust",
      "Isle of Wight",
      "James Paget University Hospitals",
      "Yeovil District Hospital",
    ];
    expect([...names].sort(compareNames)).toEqual(english);
    expect(sortedUnder("lt_LT.UTF-8", names)).toEqual(english);
    expect(sortedUnder("en_GB.UTF-8", names)).toEqual(english);
  });

  it("sorts codes and ISO dates by code unit, and never calls two different strings equal", () => {
    expect(["RYJ", "R0A", "RAJ", "2025-03", "2025-03-31"].sort(compareCodePoints)).toEqual([
      "2025-03",
      "2025-03-31",
      "R0A",
      "RAJ",
      "RYJ",
    ]);
    expect(compareNames("e\u0301", "\u00e9")).not.toBe(0);
  });

  it("is the only ordering used: no bare localeCompare, which follows the machine's locale", () => {
    // Files another change is rewriting; their bare localeCompare calls go with that rewrite.
    const pending = new Set<string>();
    const files = ["src", "scripts"].flatMap((d) =>
      readdirSync(join(ROOT, d), { recursive: true, encoding: "utf8" }).map((f) => join(d, f)),
    );
    const bare = files
      .filter((f) => /\.(ts|astro|mdx)$/.test(f) && !f.endsWith(".test.ts") && !pending.has(f))
      .flatMap((f) =>
        readFileSync(join(ROOT, f), "utf8")
          .split("\n")
          .map((line, i) => ({ at: `${f}:${i + 1}`, line })),
      )
      .filter(({ line }) => /\.localeCompare\((?:[^(),]|\([^()]*\))*\)/.test(line))
      .map(({ at }) => at);
    expect(bare).toEqual([]);
  });
});
