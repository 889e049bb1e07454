/**
 * Trusts with and without an EPR, one horizontal stacked bar per category (region, trust type).
 * Bars are counts of trusts, so a big region's few gaps are not hidden by a percentage.
 */
import { scaleLinear } from "d3-scale";
import type { CoverageCount } from "../../data/model.ts";
import { STATUS_NOW_LABELS } from "../../words/vocabulary.ts";
import { layoutBarRows } from "../bar-rows.ts";
import {
  emptyChart,
  flowLegend,
  layoutFor,
  px,
  textSize,
  type ChartBase,
  type LegendItem,
  type AnchoredTick,
  valueTicks,
} from "../shared.ts";
import { lineHeight, textWidth } from "../text.ts";

export interface StackedBarsOptions {
  /** Drawing width in px. */
  width: number;
  /** What a category is, for the table and summary ("Region"); default "Category". */
  categoryName?: string;
  /** Row order: as given (default), or most trusts without an EPR first. */
  sort?: "input" | "without_epr";
}

export type SegmentKind = "epr" | "no_epr" | "unknown";

export interface BarSegment {
  kind: SegmentKind;
  value: number;
  x: number;
  width: number;
  /** CSS class: colour from charts.css; "no-epr" is also hatched. */
  className: "epr" | "no-epr" | "unknown";
  /** Count printed inside the segment, when it fits. */
  inside: { text: string; x: number; y: number } | null;
}

export interface StackedBarRow {
  key: string;
  label: string;
  labelLines: string[];
  labelX: number;
  labelY: number;
  labelAnchor: "start" | "end";
  y: number;
  height: number;
  segments: BarSegment[];
  /**
   * After the bar: the no-EPR count always in words as well as by hatch and colour ("7 without"),
   * with the with-EPR count when it did not fit inside ("12 with, 7 without") and any not known.
   */
  endLabel: { text: string; x: number; y: number };
  tip: string;
}

export interface StackedBarsModel extends ChartBase {
  rows: StackedBarRow[];
  xTicks: AnchoredTick[];
  axisY: number;
  legend: LegendItem[];
}

const SEGMENT_CLASS: Record<SegmentKind, BarSegment["className"]> = {
  epr: "epr",
  no_epr: "no-epr",
  unknown: "unknown",
};

export function stackedBarsModel(categories: readonly CoverageCount[], opts: StackedBarsOptions): StackedBarsModel {
  const { width } = opts;
  const layout = layoutFor(width);
  const fs = textSize(width);
  const lineH = lineHeight(fs);
  const name = opts.categoryName ?? "Category";
  const cats = [...categories];
  if (opts.sort === "without_epr") cats.sort((a, b) => b.without_epr - a.without_epr || b.total - a.total);

  const table = {
    columns: [name, "Trusts", "With an EPR", "Without an EPR", "Share with an EPR (%)"],
    rows: cats.map((c) => [
      c.label,
      c.total,
      c.with_epr,
      c.without_epr,
      c.total ? Math.round((1000 * c.with_epr) / c.total) / 10 : 0,
    ]),
  };
  const label = `Trusts with and without an EPR by ${name.toLowerCase()}`;
  if (!cats.length) {
    return {
      ...emptyChart(width, 2 * lineH, label, "No trusts to show.", table),
      rows: [],
      xTicks: [],
      axisY: 0,
      legend: [],
    };
  }

  // Legend first, across the top.
  const legendDefs: Omit<LegendItem, "x" | "y">[] = [
    { key: "epr", label: STATUS_NOW_LABELS.epr, className: "epr", mark: "rect" },
    { key: "no_epr", label: "No EPR", className: "no-epr", mark: "hatch" },
  ];
  if (cats.some((c) => c.total > c.with_epr + c.without_epr))
    legendDefs.push({ key: "unknown", label: STATUS_NOW_LABELS.unknown, className: "unknown", mark: "rect" });
  const { legend, bottom: ly } = flowLegend(legendDefs, { x0: 0, y0: fs, width, fontSize: fs });

  const endText = (c: CoverageCount) => `${c.without_epr} without`;
  const endW = Math.max(...cats.map((c) => textWidth(endText(c), fs))) + 8;
  const rowsLayout = layoutBarRows(
    cats.map((c) => c.label),
    { width, fontSize: fs, top: ly + lineH, endLabelWidth: endW },
  );
  // Every bar says its counts in words: those not printed inside the bar (too short) go after it, as
  // far as the drawing has room.
  const endWords = (c: CoverageCount, segments: readonly BarSegment[], at: number) => {
    const epr = segments.find((s) => s.kind === "epr");
    const unknown = segments.find((s) => s.kind === "unknown");
    const words = [
      ...(epr && !epr.inside ? [`${epr.value} with`] : []),
      endText(c),
      ...(unknown ? [`${unknown.value} not known`] : []),
    ];
    while (words.length > 1 && at + textWidth(words.join(", "), fs) > width) words.pop();
    return words.join(", ");
  };
  const max = Math.max(1, ...cats.map((c) => c.total));
  const x = scaleLinear().domain([0, max]).nice(4).range([rowsLayout.barX0, rowsLayout.barX1]);

  const rows: StackedBarRow[] = cats.map((c, i) => {
    const r = rowsLayout.rows[i]!;
    const parts: [SegmentKind, number][] = [
      ["epr", c.with_epr],
      ["no_epr", c.without_epr],
      ["unknown", Math.max(0, c.total - c.with_epr - c.without_epr)],
    ];
    let acc = 0;
    const segments: BarSegment[] = parts
      .filter(([, v]) => v > 0)
      .map(([kind, v]) => {
        const sx = x(acc),
          ex = x(acc + v);
        acc += v;
        const text = String(v);
        // Counts are printed inside the with-EPR segment only: text on the hatch would be hard to read.
        const fits = kind === "epr" && textWidth(text, fs) + 8 <= ex - sx;
        return {
          kind,
          value: v,
          x: px(sx),
          width: px(ex - sx),
          className: SEGMENT_CLASS[kind],
          inside: fits ? { text, x: px(sx + 6), y: px(r.barY + r.barH / 2 + fs * 0.35) } : null,
        };
      });
    return {
      key: c.key,
      label: c.label,
      labelLines: r.labelLines,
      labelX: r.labelX,
      labelY: r.labelY,
      labelAnchor: r.labelAnchor,
      y: r.barY,
      height: r.barH,
      segments,
      endLabel: { text: endWords(c, segments, x(acc) + 6), x: px(x(acc) + 6), y: px(r.barY + r.barH / 2 + fs * 0.35) },
      tip: `${c.label}: ${c.with_epr} of ${c.total} trusts with an EPR, ${c.without_epr} without.`,
    };
  });

  const axisY = rowsLayout.bottom;
  const xTicks = valueTicks(x, layout === "narrow" ? 3 : 5, fs);
  const height = Math.ceil(axisY + fs + 10);
  return {
    width,
    height,
    layout,
    fontSize: fs,
    lineHeight: lineH,
    label,
    summary: summarise(cats, name),
    empty: false,
    table,
    rows,
    xTicks,
    axisY: px(axisY),
    legend,
  };
}

function summarise(cats: CoverageCount[], name: string): string {
  const total = cats.reduce((s, c) => s + c.total, 0);
  const without = cats.reduce((s, c) => s + c.without_epr, 0);
  const parts = [`${without} of ${total} trusts had no EPR.`];
  const worst = [...cats].sort((a, b) => b.without_epr - a.without_epr)[0]!;
  if (worst.without_epr > 0) {
    const tied = cats.filter((c) => c.without_epr === worst.without_epr);
    parts.push(`Most were in ${tied.map((c) => `${c.label} (${c.without_epr} of ${c.total})`).join(" and ")}.`);
    const rest = cats.filter((c) => c.without_epr > 0 && c.without_epr < worst.without_epr);
    if (rest.length) parts.push(`Others: ${rest.map((c) => `${c.label} ${c.without_epr}`).join(", ")}.`);
  }
  const none = cats.filter((c) => c.without_epr === 0 && c.total > 0);
  // "Every trust had an EPR" only where every trust's status is known; a trust not known is said so.
  const all = none.filter((c) => c.with_epr === c.total);
  const partly = none.filter((c) => c.with_epr < c.total);
  if (none.length && none.length < cats.length) {
    if (all.length) parts.push(`Every trust had an EPR in: ${all.map((c) => c.label).join(", ")}.`);
    if (partly.length)
      parts.push(
        `None had no EPR, but some are not known, in: ${partly.map((c) => `${c.label} (${c.total - c.with_epr} not known)`).join(", ")}.`,
      );
  }
  return `${name}: ${parts.join(" ")}`;
}
