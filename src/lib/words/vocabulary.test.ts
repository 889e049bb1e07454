import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as vocabulary from "./vocabulary.ts";
import { atPrecision, monthWords, targetDateShort, targetDateWords } from "./vocabulary.ts";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

/** Every map of the vocabulary: a value of a closed list → its words. */
const maps = Object.entries(vocabulary).filter(
  (e): e is [string, Record<string, string>] => typeof e[1] === "object" && e[1] !== null,
);

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : sourceFiles(path);
    return /\.(ts|astro|mdx)$/.test(e.name) && !e.name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("the site's vocabulary", () => {
  it("has its maps", () => {
    expect(maps.map(([name]) => name)).toEqual(expect.arrayContaining(["STATUS_NOW_LABELS", "SCOPE_WORDS"]));
  });

  it("words only values data/README.md defines, and every one of them", () => {
    const readme = readFileSync(join(ROOT, "data/README.md"), "utf8");
    for (const [name, map] of maps)
      for (const value of Object.keys(map))
        expect(readme, `data/README.md names ${name}'s \`${value}\``).toContain(`\`${value}\``);
  });

  it("is the one place each label is written: no other module spells one out", () => {
    const files = [...sourceFiles("src"), ...sourceFiles("scripts")].filter((f) => !f.endsWith("words/vocabulary.ts"));
    const texts = files.map((f) => [relative(ROOT, join(ROOT, f)), readFileSync(join(ROOT, f), "utf8")] as const);
    // A label given again to its value ({ go_live: "Went live" }) or as a legend's label
    // ({ label: "Went live" }) is a second copy of a map; a label inside a sentence is not.
    const copies = texts.flatMap(([file, text]) =>
      maps.flatMap(([, map]) =>
        Object.entries(map)
          .filter(
            ([value, l]) =>
              text.includes(`${value}: ${JSON.stringify(l)}`) || text.includes(`label: ${JSON.stringify(l)}`),
          )
          .map(([, l]) => `${file}: "${l}"`),
      ),
    );
    expect(copies, "use the label from src/lib/words/vocabulary.ts").toEqual([]);
  });
});

describe("dates to the precision their source gave", () => {
  const target = (target_date: string, target_date_precision: "day" | "month" | "year") => ({
    target_date,
    target_date_precision,
  });

  it("cuts a date to its precision, never adding a day or month the source did not give", () => {
    expect(atPrecision("2026-03-31", "day")).toBe("2026-03-31");
    expect(atPrecision("2026-03-31", "month")).toBe("2026-03");
    expect(atPrecision("2026-12-31", "year")).toBe("2026");
  });

  it("writes a target's date in full or short, at its precision", () => {
    expect(targetDateWords(target("2026-03-31", "month"))).toBe("March 2026");
    expect(targetDateWords(target("2026-12-31", "year"))).toBe("2026");
    expect(targetDateWords(target("2026-03-31", "day"))).toBe("31 March 2026");
    expect(targetDateShort(target("2026-03-31", "month"))).toBe("Mar 2026");
    expect(targetDateShort(target("2026-12-31", "year"))).toBe("2026");
  });

  it("names an edition by the month of its day", () => {
    expect(monthWords("2024-10-31")).toBe("October 2024");
    expect(monthWords("2024-10")).toBe("October 2024");
  });
});
