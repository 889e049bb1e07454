/**
 * What every chart model shares: the two layouts, text sizing, ticks, legends and table types. Pure:
 * no DOM, no file I/O. Models turn data into pixel positions here; Astro components only print them.
 */
import type { ScaleTime } from "d3-scale";
import { utcYear } from "d3-time";

/** The two drawings every chart makes; CSS shows one per viewport (see src/styles/charts.css). */
export const NARROW_WIDTH = 340;
export const WIDE_WIDTH = 800;
/** Below this chart width a model lays itself out for a phone: labels above bars, stacked legends. */
export const NARROW_BREAK = 600;

export type Layout = "narrow" | "wide";

export function layoutFor(width: number): Layout {
  return width < NARROW_BREAK ? "narrow" : "wide";
}

/**
 * The smallest width each drawing is shown at, in CSS px. The narrow SVG is shown from a 320px
 * viewport (288px after the page's 1rem margins); the wide one from 600px (568px). SVG text scales
 * with the drawing, so text is sized to stay at least 12px at the smallest of these.
 */
const MIN_SHOWN_WIDTH: Record<Layout, number> = { narrow: 288, wide: 568 };
export const MIN_RENDERED_TEXT_PX = 12;

/** Font size in SVG units that renders at ≥ 12px wherever this drawing is shown. */
export function textSize(width: number): number {
  const shown = Math.min(width, MIN_SHOWN_WIDTH[layoutFor(width)]);
  return Math.ceil((MIN_RENDERED_TEXT_PX * width) / shown);
}

/**
 * Rough width of a string in a system sans-serif, for layout decisions (wrapping, whether a label
 * fits inside a bar). Deliberately generous: overestimating only costs space.
 */
export function textWidth(s: string, size: number): number {
  let em = 0;
  for (const ch of s) em += charEm(ch);
  return em * size;
}

/** Each character's width in ems, looked up once: measuring is the hot loop of a 20,000-page build. */
const emOf = new Map<string, number>();
function charEm(ch: string): number {
  let em = emOf.get(ch);
  if (em === undefined) {
    em = /[ il.,:;'|!()[\]]/.test(ch) ? 0.3 : /[mwMW@%£]/.test(ch) ? 0.85 : /[A-Z0-9&≥≈]/.test(ch) ? 0.66 : 0.54;
    emOf.set(ch, em);
  }
  return em;
}

/** Break text into lines no wider than maxWidth (a single over-long word gets a line of its own). */
export function wrapText(s: string, maxWidth: number, size: number): string[] {
  const words = s.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  // The line's width in ems, added up character by character as textWidth does, so each decision is
  // the same as measuring the whole line again, without doing so for every word.
  let lineEm = 0;
  for (const w of words) {
    let nextEm = line ? lineEm + charEm(" ") : 0;
    for (const ch of w) nextEm += charEm(ch);
    if (line && nextEm * size > maxWidth) {
      lines.push(line);
      line = w;
      lineEm = 0;
      for (const ch of w) lineEm += charEm(ch);
    } else {
      line = line ? `${line} ${w}` : w;
      lineEm = nextEm;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export interface XTick {
  value: number;
  label: string;
  /** Pixel position along the x axis. */
  x: number;
}

export interface YTick {
  value: number;
  label: string;
  /** Pixel position along the y axis. */
  y: number;
}

/** The data table printed under every chart (in `<details>`), and its download. */
export interface ChartTable {
  columns: string[];
  rows: (string | number)[][];
}

/** A legend entry; `mark` names the shape the component draws (each chart documents its own). */
export interface LegendItem {
  key: string;
  label: string;
  /** CSS class of the swatch: the colour comes from charts.css, never from the model. */
  className: string;
  mark: "rect" | "hatch" | "circle" | "ring" | "diamond" | "triangle" | "hex";
  x: number;
  y: number;
}

/** Fields every chart model has. */
export interface ChartBase {
  /** Drawing width and height in SVG units (px at full size). */
  width: number;
  height: number;
  layout: Layout;
  /** Base font size in SVG units (see textSize). */
  fontSize: number;
  /** Short name of the chart, for the SVG's <title>. */
  label: string;
  /** The chart in words, for the SVG's <desc>: the finding and the key numbers. */
  summary: string;
  /** True when there was nothing to draw; the summary then says so. */
  empty: boolean;
  table: ChartTable;
}

export interface Responsive<M> {
  narrow: M;
  wide: M;
}

/** Build the narrow and wide drawings of one chart. */
export function responsive<M>(build: (width: number) => M): Responsive<M> {
  return { narrow: build(NARROW_WIDTH), wide: build(WIDE_WIDTH) };
}

/** Round to 0.1px so the SVG stays small and snapshots stay stable. */
export function px(n: number): number {
  return Math.round(n * 10) / 10;
}

/**
 * Year ticks for a time axis, every year or every n years so that labels never touch, whatever the
 * width: one rule for every chart with years along the bottom.
 */
export function yearTicks(x: ScaleTime<number, number>, fontSize: number): XTick[] {
  const [d0, d1] = x.domain();
  const [x0, x1] = x.range();
  const years = Math.max((+d1! - +d0!) / (365.25 * 864e5), 0.1);
  const every = Math.max(1, Math.ceil((textWidth("2000", fontSize) + 14) / ((x1! - x0!) / years)));
  return x.ticks(utcYear.every(every)!).map((d) => ({ value: +d, label: String(d.getUTCFullYear()), x: px(x(d)) }));
}

/**
 * Legend items placed left to right from (x0, y0), wrapping onto a new row when the next would pass
 * `width`. Each item takes its swatch, a gap, its label and space before the next.
 */
export function flowLegend(
  items: readonly Omit<LegendItem, "x" | "y">[],
  opts: { x0: number; y0: number; width: number; fontSize: number; lineHeight: number },
): { legend: LegendItem[]; bottom: number } {
  const legend: LegendItem[] = [];
  let x = opts.x0,
    y = opts.y0;
  for (const item of items) {
    const w = opts.fontSize + 6 + textWidth(item.label, opts.fontSize) + 18;
    if (x + w > opts.width && x > opts.x0) {
      x = opts.x0;
      y += opts.lineHeight;
    }
    legend.push({ ...item, x: px(x), y: px(y) });
    x += w;
  }
  return { legend, bottom: y };
}

/** The frame of a chart with nothing to draw: a short drawing that says so, and the (empty) table. */
export function emptyChart(
  width: number,
  height: number,
  label: string,
  summary: string,
  table: ChartTable,
): ChartBase {
  return { width, height, layout: layoutFor(width), fontSize: textSize(width), label, summary, empty: true, table };
}
