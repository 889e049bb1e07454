/** Trusts with an EPR by supplier: horizontal bars, largest first, optionally split by trust type. */
import { scaleLinear } from "d3-scale";
import type { SupplierCount } from "../../data/model.ts";
import { TRUST_TYPE_LABELS } from "../../words/vocabulary.ts";
import { TRUST_TYPES, type TrustType } from "../../data/tables.ts";
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
import { compareNames } from "../../order.ts";

export interface SupplierBarsOptions {
  /** Drawing width in px. */
  width: number;
  /** Split each bar by trust type; default false (one colour). */
  byType?: boolean;
  /** Show this many suppliers and fold the rest into one "Other suppliers" bar; default: show all. */
  top?: number;
}

export interface SupplierSegment {
  type: TrustType | "all";
  value: number;
  x: number;
  width: number;
  className: string;
}

export interface SupplierBar {
  supplier: string;
  /** Name as shown: company suffixes dropped ("Oracle Cerner Corporation" → "Oracle Cerner"). */
  name: string;
  trusts: number;
  labelLines: string[];
  labelX: number;
  labelY: number;
  labelAnchor: "start" | "end";
  y: number;
  height: number;
  segments: SupplierSegment[];
  valueLabel: { text: string; x: number; y: number };
  tip: string;
}

export interface SupplierBarsModel extends ChartBase {
  bars: SupplierBar[];
  xTicks: AnchoredTick[];
  axisY: number;
  legend: LegendItem[];
}

/** Drop company suffixes that repeat on every bar. */
export function shortSupplierName(s: string): string {
  return s.replace(/\s+(Group Limited|Group Ltd|UK Ltd|UK Limited|Ltd|Limited|Inc|Corporation)\.?$/i, "").trim();
}

const TYPE_CLASS: Record<TrustType, string> = {
  acute: "type-acute",
  mental_health: "type-mental-health",
  mental_health_community: "type-mental-health-community",
  community: "type-community",
  ambulance: "type-ambulance",
};

export function supplierBarsModel(suppliers: readonly SupplierCount[], opts: SupplierBarsOptions): SupplierBarsModel {
  const { width } = opts;
  const layout = layoutFor(width);
  const fs = textSize(width);
  const lineH = lineHeight(fs);
  const sorted = [...suppliers].sort((a, b) => b.trusts - a.trusts || compareNames(a.supplier, b.supplier));
  const table = {
    columns: ["Supplier", "Trusts", ...TRUST_TYPES.map((t) => TRUST_TYPE_LABELS[t])],
    rows: sorted.map((s) => [s.supplier, s.trusts, ...TRUST_TYPES.map((t) => s.by_type[t] ?? 0)]),
  };
  const label = "Trusts with an EPR by supplier";
  if (!sorted.length) {
    return {
      ...emptyChart(width, 2 * lineH, label, "No suppliers to show.", table),
      bars: [],
      xTicks: [],
      axisY: 0,
      legend: [],
    };
  }

  let shown = sorted;
  if (opts.top !== undefined && sorted.length > opts.top + 1) {
    const rest = sorted.slice(opts.top);
    const other: SupplierCount = {
      supplier: `${rest.length} other suppliers`,
      trusts: rest.reduce((s, r) => s + r.trusts, 0),
      by_type: Object.fromEntries(
        TRUST_TYPES.map((t) => [t, rest.reduce((s, r) => s + (r.by_type[t] ?? 0), 0)]),
      ) as Record<TrustType, number>,
    };
    shown = [...sorted.slice(0, opts.top), other];
  }

  let legend: LegendItem[] = [];
  let top = 0;
  if (opts.byType) {
    const used = TRUST_TYPES.filter((t) => shown.some((s) => (s.by_type[t] ?? 0) > 0));
    const flowed = flowLegend(
      used.map((t) => ({ key: t, label: TRUST_TYPE_LABELS[t], className: TYPE_CLASS[t], mark: "rect" as const })),
      { x0: 0, y0: fs, width, fontSize: fs },
    );
    legend = flowed.legend;
    top = flowed.bottom + lineH;
  }

  const names = shown.map((s) => shortSupplierName(s.supplier));
  const endW = textWidth(String(Math.max(...shown.map((s) => s.trusts))), fs) + 10;
  const rowsLayout = layoutBarRows(names, { width, fontSize: fs, top, endLabelWidth: endW, maxLabelShare: 0.35 });
  const x = scaleLinear()
    .domain([0, Math.max(1, ...shown.map((s) => s.trusts))])
    .nice(4)
    .range([rowsLayout.barX0, rowsLayout.barX1]);

  const bars: SupplierBar[] = shown.map((s, i) => {
    const r = rowsLayout.rows[i]!;
    let acc = 0;
    const parts: [TrustType | "all", number][] = opts.byType
      ? TRUST_TYPES.map((t) => [t, s.by_type[t] ?? 0])
      : [["all", s.trusts]];
    const segments = parts
      .filter(([, v]) => v > 0)
      .map(([type, v]) => {
        const sx = x(acc),
          ex = x(acc + v);
        acc += v;
        return { type, value: v, x: px(sx), width: px(ex - sx), className: type === "all" ? "epr" : TYPE_CLASS[type] };
      });
    const split = opts.byType
      ? ` (${TRUST_TYPES.filter((t) => s.by_type[t])
          .map((t) => `${TRUST_TYPE_LABELS[t].toLowerCase()} ${s.by_type[t]}`)
          .join(", ")})`
      : "";
    return {
      supplier: s.supplier,
      name: names[i]!,
      trusts: s.trusts,
      labelLines: r.labelLines,
      labelX: r.labelX,
      labelY: r.labelY,
      labelAnchor: r.labelAnchor,
      y: r.barY,
      height: r.barH,
      segments,
      valueLabel: { text: String(s.trusts), x: px(x(acc) + 6), y: px(r.barY + r.barH / 2 + fs * 0.35) },
      tip: `${s.supplier}: ${s.trusts} ${s.trusts === 1 ? "trust" : "trusts"}${split}.`,
    };
  });
  const axisY = rowsLayout.bottom;
  const xTicks = valueTicks(x, layout === "narrow" ? 3 : 5, fs);

  const total = sorted.reduce((s, r) => s + r.trusts, 0);
  const lead = sorted.slice(0, 3).map((s) => `${shortSupplierName(s.supplier)} (${s.trusts})`);
  const summary = `${total} trusts with an EPR across ${sorted.length} ${sorted.length === 1 ? "supplier" : "suppliers"}. The largest: ${lead.join(", ")}.`;
  return {
    width,
    height: Math.ceil(axisY + fs + 10),
    layout,
    fontSize: fs,
    lineHeight: lineH,
    label,
    summary,
    empty: false,
    table,
    bars,
    xTicks,
    axisY: px(axisY),
    legend,
  };
}
