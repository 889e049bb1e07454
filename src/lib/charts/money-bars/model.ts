/**
 * Programme money as horizontal bars: whole-life cost as each year's report gave it, or funding by
 * financial year. A figure given as "more than" is labelled "≥" and its bar drawn open-ended.
 */
import { scaleLinear } from "d3-scale";
import { formatMoney } from "../../format.ts";
import type { GmppRow, ProgrammeRow } from "../../data/tables.ts";
import type { DateBasis } from "../../data/modality.ts";
import { fundingWords } from "../../words/programme.ts";
import { layoutBarRows } from "../bar-rows.ts";
import {
  emptyChart,
  layoutFor,
  px,
  textSize,
  valueTicks,
  type ChartBase,
  type ChartTable,
  type AnchoredTick,
} from "../shared.ts";
import { sourceIdColumn } from "../csv.ts";
import { lineHeight, textWidth } from "../text.ts";
import { compareCodePoints, compareNames } from "../../order.ts";

export interface MoneyItem {
  key: string;
  label: string;
  /** £ million. */
  value: number;
  bound: ProgrammeRow["bound"];
  source_id: string;
  /** The date the figure describes, and whether that date was read, inferred or estimated. */
  as_of?: string;
  as_of_basis?: DateBasis;
}

export interface MoneyBarsOptions {
  /** Drawing width in px. */
  width: number;
  /** What the bars show, for the SVG title and table ("Whole-life cost"); default "Amount". */
  measure?: string;
}

export interface MoneyBar {
  key: string;
  labelLines: string[];
  labelX: number;
  labelY: number;
  labelAnchor: "start" | "end";
  x: number;
  y: number;
  width: number;
  height: number;
  /** "£2.61bn", "≥ £400m", "≈ £1.9bn". */
  valueText: string;
  valueX: number;
  valueY: number;
  /** An "at least" figure: the component adds a dashed tail past the bar's end. */
  openEnded: boolean;
  tip: string;
}

export interface MoneyBarsModel extends ChartBase {
  bars: MoneyBar[];
  xTicks: AnchoredTick[];
  axisY: number;
}

export const BOUND_PREFIX: Record<ProgrammeRow["bound"], string> = { exact: "", at_least: "≥ ", about: "≈ " };

export function moneyText(item: Pick<MoneyItem, "value" | "bound">): string {
  return `${BOUND_PREFIX[item.bound]}${formatMoney(item.value)}`;
}

/** "2022-03-31" → "2021/22": the financial year a date ends or falls in. */
export function financialYear(iso: string): string {
  const y = Number(iso.slice(0, 4)),
    m = Number(iso.slice(5, 7) || "12");
  const start = m <= 3 ? y - 1 : y;
  return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
}

/** Whole-life cost as each year's major projects data gave it: GMPP rows, then programme rows for later years. */
export function wholeLifeCostItems(gmpp: readonly GmppRow[], programme: readonly ProgrammeRow[]): MoneyItem[] {
  const items = new Map<string, MoneyItem>();
  for (const g of gmpp) {
    const fy = financialYear(g.data_as_of);
    items.set(fy, {
      key: `gmpp-${g.report_year}`,
      label: fy,
      value: g.whole_life_cost_gbp_m,
      bound: "exact",
      source_id: g.source_id,
      as_of: g.data_as_of,
      as_of_basis: "exact",
    });
  }
  for (const p of programme.filter((p) => p.measure === "whole_life_cost" && p.value !== null)) {
    const fy = p.period ?? financialYear(p.as_of);
    if (!items.has(fy))
      items.set(fy, {
        key: p.id,
        label: fy,
        value: p.value!,
        bound: p.bound,
        source_id: p.source_id,
        as_of: p.as_of,
        as_of_basis: p.date_basis,
      });
  }
  return [...items.values()].sort((a, b) => compareNames(a.label, b.label));
}

// Which measures the funding chart shows, in this order; their words come from the row's modality.
const FUNDING_WORDS: Partial<Record<ProgrammeRow["measure"], true>> = {
  fy_budget: true,
  funding_to_trusts_total: true,
  funding_to_trusts_capital: true,
  funding_to_trusts_revenue: true,
  funding_planned: true,
};
const fundingLabel = (p: ProgrammeRow) =>
  p.measure === "fy_budget"
    ? "programme budget"
    : p.measure === "funding_planned"
      ? "planned for trusts"
      : fundingWords(p);

/** Funding figures for single financial years, in year order. Totals over several years are left out. */
export function fundingItems(programme: readonly ProgrammeRow[]): MoneyItem[] {
  const order = Object.keys(FUNDING_WORDS);
  return programme
    .filter((p) => FUNDING_WORDS[p.measure] && p.value !== null && p.period && /^\d{4}\/\d{2}$/.test(p.period))
    .sort(
      (a, b) =>
        compareCodePoints(a.period!, b.period!) ||
        order.indexOf(a.measure) - order.indexOf(b.measure) ||
        compareCodePoints(a.id, b.id),
    )
    .map((p) => ({
      key: p.id,
      label: `${p.period}: ${fundingLabel(p)}`,
      value: p.value!,
      bound: p.bound,
      source_id: p.source_id,
    }));
}

export function moneyBarsModel(items: readonly MoneyItem[], opts: MoneyBarsOptions): MoneyBarsModel {
  const { width } = opts;
  const layout = layoutFor(width);
  const fs = textSize(width);
  const lineH = lineHeight(fs);
  const measure = opts.measure ?? "Amount";
  const table: ChartTable = {
    columns: ["", `${measure} (£ million)`, "As stated"],
    rows: items.map((i) => [i.label, i.value, moneyText(i)]),
    csvOnly: [sourceIdColumn(items.map((i) => i.source_id))],
  };
  const label = `${measure}, £ million`;
  if (!items.length)
    return {
      ...emptyChart(width, 2 * lineH, label, `No figures for ${measure.toLowerCase()} to show.`, table),
      bars: [],
      xTicks: [],
      axisY: 0,
    };

  const tail = 18;
  const endW = Math.max(...items.map((i) => textWidth(moneyText(i), fs))) + 10 + tail;
  const rowsLayout = layoutBarRows(
    items.map((i) => i.label),
    { width, fontSize: fs, top: 0, endLabelWidth: endW },
  );
  const x = scaleLinear()
    .domain([0, Math.max(1, ...items.map((i) => i.value))])
    .nice(4)
    .range([rowsLayout.barX0, rowsLayout.barX1]);

  const bars: MoneyBar[] = items.map((item, k) => {
    const r = rowsLayout.rows[k]!;
    const end = x(item.value);
    const openEnded = item.bound === "at_least";
    return {
      key: item.key,
      labelLines: r.labelLines,
      labelX: r.labelX,
      labelY: r.labelY,
      labelAnchor: r.labelAnchor,
      x: px(x(0)),
      y: r.barY,
      width: px(end - x(0)),
      height: r.barH,
      valueText: moneyText(item),
      valueX: px(end + (openEnded ? tail : 0) + 6),
      valueY: px(r.barY + r.barH / 2 + fs * 0.35),
      openEnded,
      tip: `${item.label}: ${item.bound === "at_least" ? "more than " : item.bound === "about" ? "about " : ""}${formatMoney(item.value)}.`,
    };
  });
  const axisY = rowsLayout.bottom;
  const xTicks = valueTicks(x, layout === "narrow" ? 3 : 5, fs, (v) => formatMoney(v).replace("£0m", "£0"));
  const summary = `${measure}: ${items.map((i) => `${i.label}, ${i.bound === "at_least" ? "at least " : i.bound === "about" ? "about " : ""}${formatMoney(i.value)}`).join("; ")}.`;
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
  };
}
