/**
 * What every chart model shares: the two layouts, text sizing, ticks, legends and table types (text
 * widths and the line height are in text.ts). Pure: no DOM, no file I/O. Models turn data into pixel positions here; Astro components only print them.
 */
import type { ScaleLinear, ScaleTime } from "d3-scale";
import { utcYear } from "d3-time";
import { lineHeight, textWidth } from "./text.ts";

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
  /** Columns only the CSV carries, for reuse: ISO dates beside the readable ones, each row's source. */
  csvOnly?: CsvOnlyColumn[];
}

/** One column of the CSV that the printed table leaves out (see src/lib/charts/csv.ts). */
export interface CsvOnlyColumn {
  name: string;
  /** The column it follows; the end of the row when absent. */
  after?: string;
  /** One value per row of the table. */
  values: (string | number)[];
}

/** A legend entry; `mark` names the shape the component draws (each chart documents its own). */
export interface LegendItem {
  key: string;
  label: string;
  /** CSS class of the swatch: the colour comes from charts.css, never from the model. */
  className: string;
  mark: "rect" | "hatch" | "circle" | "ring" | "diamond" | "triangle" | "hex" | "square" | "cross";
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
  /** Distance between baselines of wrapped lines (lineHeight(fontSize), text.ts). */
  lineHeight: number;
  /** Short name of the chart, for the SVG's <title>. */
  label: string;
  /** The chart in words, for the SVG's <desc>: the finding and the key numbers. */
  summary: string;
  /** True when there was nothing to draw; the summary then says so. */
  empty: boolean;
  table: ChartTable;
  /**
   * Unset on the catalogue's models: the drawing is one of two, shown by viewport width. Set by
   * narrowOnly() for a page that prints one drawing: "alone" on the narrow one, "omitted" on the wide.
   */
  drawn?: "alone" | "omitted";
}

export interface Responsive<M> {
  narrow: M;
  wide: M;
}

/** Build the narrow and wide drawings of one chart. */
export function responsive<M>(build: (width: number) => M): Responsive<M> {
  return { narrow: build(NARROW_WIDTH), wide: build(WIDE_WIDTH) };
}

/**
 * The same pair for a page that prints only the narrow drawing, at every width, and leaves the wide
 * one out of its HTML: the narrow one is the one legible on a phone. The catalogue's models are
 * shared by every page, so they are copied, not changed.
 */
export function narrowOnly<M extends ChartBase>(models: Responsive<M>): Responsive<M> {
  return { narrow: { ...models.narrow, drawn: "alone" }, wide: { ...models.wide, drawn: "omitted" } };
}

/** Round to 0.1px so the SVG stays small and snapshots stay stable. */
export function px(n: number): number {
  return Math.round(n * 10) / 10;
}

/** A tick whose label hangs one way or another so it never runs off either edge of the drawing. */
export interface AnchoredTick extends XTick {
  anchor: "start" | "middle" | "end";
}

/**
 * Ticks along a value axis under horizontal bars: about `count` round values, the first label
 * starting at its tick when centring it would hang off the left edge.
 */
export function valueTicks(
  x: ScaleLinear<number, number>,
  count: number,
  fontSize: number,
  format: (v: number) => string = String,
): AnchoredTick[] {
  return x.ticks(count).map((v) => {
    const tx = px(x(v));
    return { value: v, label: format(v), x: tx, anchor: tx < fontSize * 1.5 ? "start" : "middle" };
  });
}

/**
 * Year ticks for a time axis, every year or every n years so that labels never touch, whatever the
 * width: one rule for every chart with years along the bottom. A label that would run off either
 * edge of the drawing hangs inwards instead; if it then touches its neighbour, that edge year is
 * left off, and if labels still touch, fewer years are shown. When years are skipped, `keepYear` (a
 * deadline's year, say) is always one of those shown; otherwise years divisible by n are.
 * `drawingWidth` (default: the end of the range) is where a label must stop.
 */
export function yearTicks(
  x: ScaleTime<number, number>,
  fontSize: number,
  opts: { keepYear?: number; drawingWidth?: number } = {},
): AnchoredTick[] {
  const [d0, d1] = x.domain();
  const [x0, x1] = x.range();
  const labelW = textWidth("2000", fontSize);
  const gap = 6;
  const years = Math.max((+d1! - +d0!) / (365.25 * 864e5), 0.1);
  const keep = opts.keepYear ?? 0;
  const right = opts.drawingWidth ?? x1!;
  const all = utcYear.range(utcYear.ceil(d0!), new Date(+d1! + 1)).map((d): AnchoredTick => {
    const tx = px(x(d));
    const anchor = tx - labelW / 2 < 0 ? "start" : tx + labelW / 2 > right ? "end" : "middle";
    return { value: +d, label: String(d.getUTCFullYear()), x: tx, anchor };
  });
  const left = (t: AnchoredTick) => (t.anchor === "start" ? t.x : t.anchor === "end" ? t.x - labelW : t.x - labelW / 2);
  const touch = (a: AnchoredTick, b: AnchoredTick) => left(a) + labelW + gap > left(b);
  const kept = (t: AnchoredTick) => Number(t.label) === keep;
  const first = Math.max(1, Math.ceil((labelW + 14) / ((x1! - x0!) / years)));
  for (let every = first; every < all.length; every++) {
    let ticks = all.filter((t) => (((Number(t.label) - keep) % every) + every) % every === 0);
    if (ticks.length > 1 && touch(ticks[0]!, ticks[1]!) && !kept(ticks[0]!)) ticks = ticks.slice(1);
    if (ticks.length > 1 && touch(ticks.at(-2)!, ticks.at(-1)!) && !kept(ticks.at(-1)!)) ticks = ticks.slice(0, -1);
    if (ticks.every((t, i) => i === 0 || !touch(ticks[i - 1]!, t))) return ticks;
  }
  return all.filter(kept).length ? all.filter(kept) : all.slice(-1);
}

/**
 * Legend items placed left to right from (x0, y0), wrapping onto a new row when the next would pass
 * `width`; or, with `column`, one under another (a legend beside a drawing). Each item takes its
 * swatch, a gap, its label and space before the next.
 */
export function flowLegend(
  items: readonly Omit<LegendItem, "x" | "y">[],
  opts: { x0: number; y0: number; width: number; fontSize: number; column?: boolean },
): { legend: LegendItem[]; bottom: number } {
  const legend: LegendItem[] = [];
  let x = opts.x0,
    y = opts.y0;
  for (const item of items) {
    const w = opts.fontSize + 6 + textWidth(item.label, opts.fontSize) + 18;
    if ((opts.column || x + w > opts.width) && x > opts.x0) {
      x = opts.x0;
      y += lineHeight(opts.fontSize);
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
  const fontSize = textSize(width);
  return {
    width,
    height,
    layout: layoutFor(width),
    fontSize,
    lineHeight: lineHeight(fontSize),
    label,
    summary,
    empty: true,
    table,
  };
}
