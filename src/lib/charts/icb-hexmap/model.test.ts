import { describe, expect, it } from "vitest";
import type { CoverageCount } from "../../data/model.ts";
import type { IcbRow } from "../../data/tables.ts";
import { abbreviateIcb, hexCentre, hexPath, icbHexmapModel, layoutKey, stepFor } from "./model.ts";
import { lineHeight as lineH, textWidth } from "../text.ts";

const icb = (code: string, short_name: string, hex_q: number, hex_r: number): IcbRow =>
  ({
    code,
    gss_code: "E54000000",
    name: `NHS ${short_name} Integrated Care Board`,
    short_name,
    region_code: "Y60",
    hex_q,
    hex_r,
  }) as IcbRow;
const count = (key: string, total: number, without_epr: number): CoverageCount => ({
  key,
  label: key,
  total,
  with_epr: total - without_epr,
  without_epr,
});

const icbs = [
  icb("QT6", "Cornwall and the Isles of Scilly", 1, 1),
  icb("QJK", "Devon", 2, 2),
  icb("QUY", "Bristol, North Somerset and South Gloucestershire", 3, 3),
  icb("QHM", "North East and North Cumbria", 5, 10),
];
const coverage = [count("QT6", 1, 1), count("QJK", 3, 0), count("QUY", 4, 3)];

describe("ICB hexmap", () => {
  const wide = icbHexmapModel(icbs, coverage, { width: 800 });
  const narrow = icbHexmapModel(icbs, coverage, { width: 320 });

  it("lays hexes out odd-r from the bottom: odd rows shifted right, higher r further north", () => {
    expect(hexCentre(1, 1).x - hexCentre(1, 2).x).toBeCloseTo(Math.sqrt(3) / 2);
    expect(hexCentre(1, 2).y).toBeLessThan(hexCentre(1, 1).y);
    const [cornwall, devon, , northEast] = wide.hexes;
    expect(northEast!.cy).toBeLessThan(cornwall!.cy);
    expect(devon!.cx).toBeGreaterThan(cornwall!.cx);
    // Neighbours in a row are √3·size apart; rows are 1.5·size apart.
    expect(devon!.cy - cornwall!.cy).toBeCloseTo(-1.5 * wide.size, 0);
  });

  it("draws closed six-cornered hexes", () => {
    expect(hexPath(0, 0, 10)).toMatch(/^M(-?[\d.]+,-?[\d.]+L){5}-?[\d.]+,-?[\d.]+Z$/);
    expect(hexPath(0, 0, 10).startsWith("M0,-10")).toBe(true);
  });

  it("shades by trusts without an EPR in steps 0, 1, 2, 3+ and prints the count in every hex", () => {
    expect(stepFor(0)).toBe(0);
    expect(stepFor(5)).toBe(3);
    expect(wide.hexes.map((h) => [h.code, h.className, h.countLabel])).toEqual([
      ["QT6", "seq-1", "1"],
      ["QJK", "seq-0", "0"],
      ["QUY", "seq-3", "3"],
      ["QHM", "seq-none", "–"],
    ]);
    expect(wide.hexes[2]!.textClassName).toBe("seq-3-text");
    expect(wide.legend.map((l) => l.label)).toEqual(["None", "1", "2", "3 or more", "Not known"]);
  });

  it("labels hexes with short names, squeezing only those too wide", () => {
    expect(wide.hexes.map((h) => h.abbr)).toEqual(["COR", "DEV", "BNSSG", "NENC"]);
    expect(abbreviateIcb("South Yorkshire")).toBe("SY");
    expect(abbreviateIcb("Frimley")).toBe("FRI");
    // England is eight hexes wide: on a phone the five-letter label has to be squeezed.
    const england = icbHexmapModel([...icbs, icb("QKS", "Kent and Medway", 8, 2)], coverage, { width: 320 });
    expect(england.hexes.find((h) => h.abbr === "BNSSG")!.abbrFit).not.toBeNull();
    expect(england.hexes.find((h) => h.abbr === "K&M")!.abbrFit).toBeNull();
    expect(wide.hexes.find((h) => h.abbr === "DEV")!.abbrFit).toBeNull();
  });

  it("fits the map to the width: legend beside it when wide, above it when narrow", () => {
    for (const m of [wide, narrow]) {
      for (const h of m.hexes) {
        expect(h.cx - m.size).toBeGreaterThanOrEqual(-0.5);
        expect(h.cx + m.size).toBeLessThanOrEqual(m.width + 0.5);
      }
    }
    expect(wide.legend[0]!.x).toBeGreaterThan(Math.max(...wide.hexes.map((h) => h.cx)));
    expect(narrow.legend.at(-1)!.y).toBeLessThan(Math.min(...narrow.hexes.map((h) => h.cy)));
  });

  it("keys every abbreviation to its board's name, under the map, in order of abbreviation", () => {
    for (const m of [wide, narrow]) {
      expect(m.key.entries.map((e) => [e.abbr, e.nameLines.join(" ")])).toEqual([
        ["BNSSG", "Bristol, North Somerset and South Gloucestershire"],
        ["COR", "Cornwall and the Isles of Scilly"],
        ["DEV", "Devon"],
        ["NENC", "North East and North Cumbria"],
      ]);
      const mapBottom = Math.max(...m.hexes.map((h) => h.cy + m.size));
      expect(m.key.title.y).toBeGreaterThan(mapBottom);
      const last = m.key.entries.at(-1)!;
      expect(m.height).toBeGreaterThanOrEqual(last.y + (last.nameLines.length - 1) * m.lineHeight);
    }
  });

  it("lays the key in columns whose names never run into the next column or off the drawing", () => {
    const items = Array.from({ length: 42 }, (_, i) => ({
      abbr: `A${String(i).padStart(2, "0")}`,
      name: i % 3 ? "Bath and North East Somerset, Swindon and Wiltshire" : "Devon",
    }));
    for (const width of [340, 800]) {
      const fs = width < 600 ? 15 : 17;
      const { entries, bottom } = layoutKey(items, { width, fontSize: fs, top: 0 });
      expect(entries).toHaveLength(42);
      const starts = [...new Set(entries.map((e) => e.x))].sort((a, b) => a - b);
      for (const e of entries) {
        const next = starts.find((x) => x > e.x) ?? width;
        for (const l of e.nameLines) expect(e.nameX + textWidth(l, fs, { font: "image" })).toBeLessThanOrEqual(next);
        expect(e.nameX).toBeGreaterThanOrEqual(e.x + textWidth(e.abbr, fs, { font: "image", bold: true }));
      }
      // Columns do not overlap down the page either: each entry starts below the one before it.
      for (const [i, e] of entries.entries()) {
        const prev = entries[i - 1];
        if (prev && prev.x === e.x) expect(e.y).toBeGreaterThan(prev.y + (prev.nameLines.length - 1) * lineH(fs));
      }
      expect(bottom).toBeGreaterThan(0);
    }
    expect(
      new Set(layoutKey(items, { width: 800, fontSize: 17, top: 0 }).entries.map((e) => e.x)).size,
    ).toBeGreaterThan(1);
  });

  it("summarises the count, where the most are and how many boards have none", () => {
    expect(wide.summary).toContain("4 trusts without an EPR, in 2 of 4 integrated care boards");
    expect(wide.summary).toContain("Most in Bristol, North Somerset and South Gloucestershire (3)");
    expect(wide.summary).toContain("1 board had none");
    expect(wide.summary).toContain("1 board has no trusts");
    expect(wide.hexes[0]!.tip).toBe("Cornwall and the Isles of Scilly: 1 of 1 trust without an EPR.");
  });

  it("copes with no ICBs and with one", () => {
    expect(icbHexmapModel([], [], { width: 320 })).toMatchObject({ empty: true, summary: "No ICBs to show." });
    const one = icbHexmapModel([icbs[1]!], [coverage[1]!], { width: 320 });
    expect(one.hexes).toHaveLength(1);
    expect(Number.isFinite(one.size)).toBe(true);
    expect(one.summary).toContain("0 trusts without an EPR");
  });
});
