/**
 * England's 42 integrated care boards as equal hexes (Open Innovations' layout, MIT licence), shaded
 * by how many trusts in each have no EPR. The count is printed in every hex, so colour is never the
 * only way to read it.
 */
import type { CoverageCount } from "../../data/model.ts";
import type { IcbRow } from "../../data/tables.ts";
import { emptyChart, flowLegend, layoutFor, px, textSize, type ChartBase, type LegendItem } from "../shared.ts";
import { lineHeight, textWidth, wrapText } from "../text.ts";
import { compareNames } from "../../order.ts";

export interface IcbHexmapOptions {
  /** Drawing width in px. */
  width: number;
}

/** Shading step: trusts without an EPR, 0, 1, 2, 3 or more; "none" when the ICB has no count. */
export type HexStep = 0 | 1 | 2 | 3 | "none";

export interface Hex {
  code: string;
  name: string;
  /** Short label printed in the hex ("BSol", "NENC"). */
  abbr: string;
  /** When the label is wider than the hex, squeeze it to this length (SVG textLength), keeping its height; else null. */
  abbrFit: number | null;
  q: number;
  r: number;
  cx: number;
  cy: number;
  /** Hexagon outline. */
  d: string;
  step: HexStep;
  /** CSS class for the fill ("seq-2"), and for text on it ("seq-2-text"). */
  className: string;
  textClassName: string;
  /** Trusts without an EPR, printed in the hex ("–" when not known). */
  countLabel: string;
  abbrY: number;
  countY: number;
  tip: string;
}

/** One line of the key under the map: an abbreviation and the board it stands for, wrapped. */
export interface KeyEntry {
  abbr: string;
  /** The board's short name, wrapped to the key's column. */
  nameLines: string[];
  /** The abbreviation's x (start), and where the name starts. */
  x: number;
  nameX: number;
  /** Baseline of the first line. */
  y: number;
}

export interface IcbHexmapModel extends ChartBase {
  /** Hex radius (centre to corner), px. */
  size: number;
  hexes: Hex[];
  legendTitle: { text: string; x: number; y: number };
  legend: LegendItem[];
  /**
   * The key to the abbreviations, under the map, so that the drawing explains itself wherever it
   * goes (embeds, downloaded images, social cards), not only where a tooltip can be read.
   */
  key: { title: { text: string; x: number; y: number }; entries: KeyEntry[] };
}

/**
 * The key's entries in columns from `top`: in as many columns (up to four, each at least 14 ems
 * wide) as make it shortest, filled down then across, abbreviations in bold before each name.
 * Measured in the image font, so the key fits in downloaded images and social cards too.
 */
export function layoutKey(
  items: readonly { abbr: string; name: string }[],
  opts: { width: number; fontSize: number; top: number },
): { entries: KeyEntry[]; bottom: number } {
  const fs = opts.fontSize;
  const line = lineHeight(fs);
  const gap = 16;
  const abbrW = Math.ceil(Math.max(0, ...items.map((i) => textWidth(i.abbr, fs, { bold: true, font: "image" })))) + 8;
  let best: { entries: KeyEntry[]; bottom: number } | null = null;
  for (let n = 1; n <= 4; n++) {
    const colW = (opts.width - (n - 1) * gap) / n;
    if (n > 1 && colW < 14 * fs) break;
    const wrapped = items.map((i) => ({ ...i, lines: wrapText(i.name, colW - abbrW, fs, { font: "image" }) }));
    const total = wrapped.reduce((h, i) => h + i.lines.length, 0);
    // Fill a column until it holds its share of the lines, then start the next.
    const share = Math.ceil(total / n);
    const entries: KeyEntry[] = [];
    let col = 0,
      used = 0,
      tallest = 0;
    for (const i of wrapped) {
      if (used > 0 && used + i.lines.length > share && col < n - 1) {
        col++;
        used = 0;
      }
      const x = col * (colW + gap);
      entries.push({
        abbr: i.abbr,
        nameLines: i.lines,
        x: px(x),
        nameX: px(x + abbrW),
        y: px(opts.top + fs + used * line),
      });
      used += i.lines.length;
      tallest = Math.max(tallest, used);
    }
    const bottom = opts.top + tallest * line;
    if (!best || bottom < best.bottom) best = { entries, bottom };
  }
  return best ?? { entries: [], bottom: opts.top };
}

/**
 * Short labels for hexes: Open Innovations' own abbreviations (MIT), with BSW for Bath and North
 * East Somerset, Swindon and Wiltshire as the ICB calls itself.
 */
export const ICB_ABBREVIATIONS: Record<string, string> = {
  QT6: "COR",
  QJK: "DEV",
  QSL: "SOM",
  QVV: "DOR",
  QRL: "HIoW",
  QXU: "SUR",
  QNX: "SUS",
  QKS: "K&M",
  QUY: "BNSSG",
  QOX: "BSW",
  QNQ: "FRI",
  QWE: "SWL",
  QKK: "SEL",
  QR1: "GLO",
  QWU: "C&W",
  QU9: "BOB",
  QRV: "NWL",
  QMJ: "NCL",
  QMF: "NEL",
  QGH: "H&W",
  QUA: "BC",
  QHL: "BSol",
  QHG: "BLMK",
  QM7: "HWE",
  QUE: "C&P",
  QH8: "MSE",
  QOC: "STW",
  QNC: "SSoT",
  QPM: "NHN",
  QK1: "LLR",
  QMM: "N&W",
  QJG: "SNEE",
  QYG: "C&M",
  QJ2: "DDer",
  QT1: "NNot",
  QJM: "LIN",
  QOP: "GM",
  QWO: "WY",
  QF7: "SY",
  QE1: "L&SC",
  QOQ: "HNY",
  QHM: "NENC",
};

/** An abbreviation for an ICB without one above: initials ("South Yorkshire" → "SY"), or a one-word name's first three letters. */
export function abbreviateIcb(shortName: string): string {
  const words = shortName
    .replace(/,/g, " ")
    .split(/\s+/)
    .filter((w) => w && !/^(and|the|of|on)$/i.test(w));
  if (words.length === 1) return words[0]!.slice(0, 3).toUpperCase();
  return words
    .map((w) => w[0]!.toUpperCase())
    .join("")
    .slice(0, 5);
}

export const STEP_LABELS: Record<HexStep, string> = { 0: "None", 1: "1", 2: "2", 3: "3 or more", none: "Not known" };

const SQRT3 = Math.sqrt(3);

/** Centre of hex (q, r) in hex units for an odd-r layout counted from the bottom (HexJSON): y grows southwards. */
export function hexCentre(q: number, r: number): { x: number; y: number } {
  return { x: SQRT3 * (q + (Math.abs(r) % 2 === 1 ? 0.5 : 0)), y: -1.5 * r };
}

/** Pointy-topped hexagon path of radius `size` around (cx, cy). */
export function hexPath(cx: number, cy: number, size: number): string {
  const pts = Array.from({ length: 6 }, (_, k) => {
    const a = (Math.PI / 180) * (60 * k - 90);
    return `${px(cx + size * Math.cos(a))},${px(cy + size * Math.sin(a))}`;
  });
  return `M${pts.join("L")}Z`;
}

export function stepFor(withoutEpr: number | null): HexStep {
  if (withoutEpr === null) return "none";
  return withoutEpr >= 3 ? 3 : (withoutEpr as 0 | 1 | 2);
}

export function icbHexmapModel(
  icbs: readonly IcbRow[],
  coverage: readonly CoverageCount[],
  opts: IcbHexmapOptions,
): IcbHexmapModel {
  const { width } = opts;
  const layout = layoutFor(width);
  const narrow = layout === "narrow";
  const fs = textSize(width);
  const lineH = lineHeight(fs);
  const byCode = new Map(coverage.map((c) => [c.key, c]));
  const sorted = [...icbs].sort((a, b) => compareNames(a.short_name, b.short_name));
  const table = {
    columns: ["ICB", "Trusts in NHS England's list", "With an EPR", "Without an EPR"],
    rows: sorted.map((i) => {
      const c = byCode.get(i.code);
      return [i.short_name, c?.total ?? "", c?.with_epr ?? "", c?.without_epr ?? ""];
    }),
  };
  const label = "Map of England's integrated care boards, shaded by trusts without an EPR";
  if (!icbs.length) {
    return {
      ...emptyChart(width, 2 * lineH, label, "No ICBs to show.", table),
      size: 0,
      hexes: [],
      legendTitle: { text: "", x: 0, y: 0 },
      legend: [],
      key: { title: { text: "", x: 0, y: 0 }, entries: [] },
    };
  }

  const steps: HexStep[] = [0, 1, 2, 3];
  if (icbs.some((i) => !byCode.has(i.code))) steps.push("none");
  const legendTitleText = "Trusts without an EPR";

  // Map extent in hex units.
  const centres = icbs.map((i) => hexCentre(i.hex_q, i.hex_r));
  const minX = Math.min(...centres.map((c) => c.x)) - SQRT3 / 2,
    maxX = Math.max(...centres.map((c) => c.x)) + SQRT3 / 2;
  const minY = Math.min(...centres.map((c) => c.y)) - 1,
    maxY = Math.max(...centres.map((c) => c.y)) + 1;

  // Wide: map on the left, legend in a column on the right. Narrow: legend rows above a full-width map.
  const legendColW = narrow
    ? 0
    : Math.max(
        textWidth(legendTitleText, fs, { bold: true }),
        ...steps.map((s) => fs + 8 + textWidth(STEP_LABELS[s], fs)),
      ) + 24;
  let mapTop = 0;
  const legend: LegendItem[] = [];
  let legendTitle = { text: legendTitleText, x: 0, y: fs };
  if (narrow) {
    const flowed = flowLegend(
      steps.map((s) => ({ key: String(s), label: STEP_LABELS[s], className: stepClass(s), mark: "hex" as const })),
      { x0: 0, y0: fs + lineH, width, fontSize: fs },
    );
    legend.push(...flowed.legend);
    mapTop = flowed.bottom + lineH;
  }
  const mapW = width - legendColW;
  const maxMapH = narrow ? 520 : 560;
  const size = Math.min(mapW / (maxX - minX), maxMapH / (maxY - minY));
  const offX = (mapW - size * (maxX - minX)) / 2 - size * minX;
  const offY = mapTop - size * minY;
  const mapH = size * (maxY - minY);
  if (!narrow) {
    const lx = mapW + 16;
    legendTitle = { text: legendTitleText, x: px(lx), y: px(fs + 4) };
    const column = flowLegend(
      steps.map((s) => ({ key: String(s), label: STEP_LABELS[s], className: stepClass(s), mark: "hex" as const })),
      { x0: lx, y0: fs + 4 + lineH, width, fontSize: fs, column: true },
    );
    legend.push(...column.legend);
  }

  const inner = SQRT3 * size - 6;
  const hexes: Hex[] = icbs.map((i, k) => {
    const c = byCode.get(i.code) ?? null;
    const step = stepFor(c ? c.without_epr : null);
    const cx = offX + size * centres[k]!.x,
      cy = offY + size * centres[k]!.y;
    const abbr = ICB_ABBREVIATIONS[i.code] ?? abbreviateIcb(i.short_name);
    const w = textWidth(abbr, fs);
    return {
      code: i.code,
      name: i.short_name,
      abbr,
      abbrFit: w > inner ? px(inner) : null,
      q: i.hex_q,
      r: i.hex_r,
      cx: px(cx),
      cy: px(cy),
      d: hexPath(cx, cy, size - 1),
      step,
      className: stepClass(step),
      textClassName: `${stepClass(step)}-text`,
      countLabel: c ? String(c.without_epr) : "–",
      abbrY: px(cy - 2),
      countY: px(cy + fs * 0.95),
      tip: c
        ? `${i.short_name}: ${c.without_epr} of ${c.total} ${c.total === 1 ? "trust" : "trusts"} without an EPR.`
        : `${i.short_name}: no trusts in NHS England's list.`,
    };
  });

  const keyTitleY = Math.max(mapTop + mapH, narrow ? 0 : legend.at(-1)!.y) + lineH + fs;
  const keyItems = hexes
    .map((h) => ({ abbr: h.abbr, name: h.name }))
    .sort((a, b) => compareNames(a.abbr, b.abbr) || compareNames(a.name, b.name));
  const { entries, bottom } = layoutKey(keyItems, { width, fontSize: fs, top: keyTitleY + 4 });
  const key = { title: { text: "Key to the boards", x: 0, y: px(keyTitleY) }, entries };
  const height = Math.ceil(bottom + 8);
  return {
    width,
    height,
    layout,
    fontSize: fs,
    lineHeight: lineH,
    label,
    summary: summarise(icbs, byCode),
    empty: false,
    table,
    size: px(size),
    hexes,
    legendTitle,
    legend,
    key,
  };
}

function stepClass(s: HexStep): string {
  return s === "none" ? "seq-none" : `seq-${s}`;
}

function summarise(icbs: readonly IcbRow[], byCode: Map<string, CoverageCount>): string {
  const counted = icbs
    .map((i) => ({ i, c: byCode.get(i.code) }))
    .filter((x): x is { i: IcbRow; c: CoverageCount } => Boolean(x.c));
  const without = counted.reduce((s, x) => s + x.c.without_epr, 0);
  const withGaps = counted
    .filter((x) => x.c.without_epr > 0)
    .sort((a, b) => b.c.without_epr - a.c.without_epr || compareNames(a.i.short_name, b.i.short_name));
  const parts = [
    `${without} ${without === 1 ? "trust" : "trusts"} without an EPR, in ${withGaps.length} of ${icbs.length} integrated care boards.`,
  ];
  if (withGaps.length) {
    const top = withGaps[0]!.c.without_epr;
    const most = withGaps.filter((x) => x.c.without_epr === top);
    parts.push(`Most in ${most.map((x) => x.i.short_name).join(", ")} (${top}${most.length > 1 ? " each" : ""}).`);
  }
  const none = counted.length - withGaps.length;
  parts.push(`${none} ${none === 1 ? "board had" : "boards had"} none.`);
  const missing = icbs.length - counted.length;
  if (missing) parts.push(`${missing} ${missing === 1 ? "board has" : "boards have"} no trusts in NHS England's list.`);
  return parts.join(" ");
}
