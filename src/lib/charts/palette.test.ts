import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BACKGROUND, PALETTE, contrast, paletteCss, type PaletteEntry } from "./palette.ts";

const entries = Object.entries(PALETTE) as [string, PaletteEntry][];

describe("chart palette", () => {
  for (const mode of ["light", "dark"] as const) {
    it(`gives every mark at least 3:1 contrast with the ${mode} background`, () => {
      for (const [role, e] of entries.filter(([, e]) => e.use === "mark")) {
        expect(contrast(e[mode], BACKGROUND[mode]), `${role} (${mode})`).toBeGreaterThanOrEqual(3);
      }
    });
    it(`gives every text colour at least 4.5:1 contrast with the ${mode} background`, () => {
      for (const [role, e] of entries.filter(([, e]) => e.use === "text")) {
        expect(contrast(e[mode], BACKGROUND[mode]), `${role} (${mode})`).toBeGreaterThanOrEqual(4.5);
      }
    });
    it(`keeps text printed on fills at 4.5:1 or more (${mode})`, () => {
      for (const [role, e] of entries.filter(([, e]) => e.use === "fill" || e.textOn)) {
        const text = (PALETTE as Record<string, PaletteEntry>)[e.textOn!]!;
        expect(contrast(e[mode], text[mode]), `${role} (${mode})`).toBeGreaterThanOrEqual(4.5);
      }
    });
  }

  it("gives the no-EPR colour one meaning: no other kind of mark shares it", () => {
    const noEpr = PALETTE["no-epr"];
    // The map's counts of trusts without an EPR may share it: they mean the same thing.
    const others = Object.entries(PALETTE as Record<string, PaletteEntry>).filter(
      ([role]) => role !== "no-epr" && !role.startsWith("seq-"),
    );
    for (const [role, e] of others) {
      expect(e.light, role).not.toBe(noEpr.light);
      expect(e.dark, role).not.toBe(noEpr.dark);
    }
  });

  it("prints text black on white", () => {
    expect(PALETTE.text.print).toBe("#000000");
    expect(PALETTE.bg.print).toBe("#ffffff");
  });

  it("computes WCAG contrast", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#777777", "#777777")).toBe(1);
  });

  it("matches the colour block in src/styles/charts.css", () => {
    const css = readFileSync(new URL("../../styles/charts.css", import.meta.url), "utf8");
    const block = /\/\* palette:start \*\/\n([\s\S]*?)\n\/\* palette:end \*\//.exec(css)?.[1];
    expect(block, "charts.css has a palette block; regenerate it from paletteCss()").toBe(paletteCss());
  });
});
