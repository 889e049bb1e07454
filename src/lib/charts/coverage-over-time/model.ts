/**
 * Coverage over time: every figure of the share of trusts with an EPR, official ones filled and
 * joined by a step line, others hollow, forecasts as hollow triangles at the date they were made for
 * (a forecast is an expectation, not a target), and the targets as diamonds at their deadlines.
 */
import { scaleLinear, scaleUtc } from "d3-scale";
import { curveStepAfter, line } from "d3-shape";
import { formatDate, formatMonthYear, formatWhen, isoAtPrecision, midPeriod } from "../../data/dates.ts";
import type { CoverageFigure } from "../../data/figures.ts";
import { EPR_TARGET_KINDS, type TargetRow } from "../../data/tables.ts";
import { capitalise, madeWhenWords, setsTarget, targetAnnouncedWords, targetDoneWords } from "../../words/modality.ts";
import {
  emptyChart,
  flowLegend,
  layoutFor,
  px,
  textSize,
  yearTicks,
  type ChartBase,
  type ChartTable,
  type LegendItem,
  type AnchoredTick,
  type YTick,
} from "../shared.ts";
import { lineHeight, textWidth, wrapText } from "../text.ts";
import { compareCodePoints } from "../../order.ts";
import { isoDateColumns, sourceIdColumn } from "../csv.ts";
import { SCOPE_WORDS, targetDateShort, targetDateWords } from "../../words/vocabulary.ts";

export interface CoverageOverTimeOptions {
  /** Drawing width in px. */
  width: number;
  /** Leave out statements and targets dated before this ISO day (e.g. "2022-01-01"); default: keep all. */
  since?: string;
  /** Target kinds drawn; default the two EPR coverage kinds (a WGLL capability goal is another measure). */
  targetKinds?: readonly TargetRow["kind"][];
  /** The release date ("today"), drawn as a labelled rule; default: none. */
  today?: string;
}

export interface CoveragePoint {
  /** Statement ids merged into this point (same date, value and officialness). */
  ids: string[];
  date: string;
  value: number;
  official: boolean;
  /** A forecast of a future share, drawn as a hollow triangle and never joined to the figures. */
  forecast: boolean;
  /** Worked out from counts the source gave, not a share it stated. */
  derived: boolean;
  x: number;
  y: number;
  r: number;
  /** "91%"; shown only when `showLabel` (labels that would overlap another are dropped, the table has all). */
  label: string;
  showLabel: boolean;
  labelX: number;
  labelY: number;
  /** Hover and keyboard text. */
  tip: string;
  source_ids: string[];
}

export interface TargetMarker {
  ids: string[];
  date: string;
  value: number;
  x: number;
  y: number;
  /** Half the diamond's diagonal, px. */
  size: number;
  /** A later target for the same share was set with a later date. */
  superseded: boolean;
  tip: string;
  source_ids: string[];
}

export interface CoverageOverTimeModel extends ChartBase {
  plot: { x0: number; x1: number; y0: number; y1: number };
  /** Lowest value on the y axis: 0, or higher when every figure is high (the axis says so). */
  yMin: number;
  /** Text under the axis title when the axis does not start at 0. */
  axisTitle: { lines: string[]; x: number; y: number };
  xTicks: AnchoredTick[];
  yTicks: YTick[];
  /** Zig-zag drawn in the baseline when the y axis does not start at 0. */
  axisBreak: string | null;
  stepPath: string | null;
  points: CoveragePoint[];
  targets: TargetMarker[];
  /** One label per deadline date, in the band above the plot, with a leader line down to its diamonds. */
  targetLabels: { text: string; x: number; y: number; leader: { x1: number; y1: number; x2: number; y2: number } }[];
  today: {
    x: number;
    y0: number;
    y1: number;
    label: string;
    labelX: number;
    labelY: number;
    anchor: "start" | "end";
  } | null;
  legend: LegendItem[];
}

const DEFAULT_KINDS: readonly TargetRow["kind"][] = EPR_TARGET_KINDS;
const toDate = (iso: string) => new Date(`${midPeriod(iso)}T00:00:00Z`);
const pct = (v: number) => `${v}%`;
const isForecast = (s: CoverageFigure) => s.metric === "forecast_share_with_epr";

/**
 * Who stands behind one target diamond, each row by what it was: only a target set with its own test is
 * "set by"; a restatement with a weaker test and a date still being prepared say so.
 */
export function targetWhoWords(g: readonly TargetRow[]): string {
  const set = g.filter(setsTarget);
  const others = g.filter((t) => !setsTarget(t));
  return [
    ...(set.length
      ? [`Set by ${set.map((t) => `${t.announced_by} (${formatDate(t.announced_on)})`).join("; ")}.`]
      : []),
    ...others.map((t) => `${capitalise(targetAnnouncedWords(t))}.`),
  ].join(" ");
}

/** What the chart shows, before any pixels: the figures and targets in its window, grouped into marks, and its table. */
export interface CoverageSelection {
  rows: CoverageFigure[];
  targetRows: TargetRow[];
  /** Figures with the same date, value and kind: one mark, every statement in its tooltip. */
  merged: CoverageFigure[][];
  /** Targets with the same date and share: one diamond. */
  targetGroups: TargetRow[][];
  table: ChartTable;
}

export function selectCoverage(
  statements: readonly CoverageFigure[],
  targets: readonly TargetRow[],
  opts: Pick<CoverageOverTimeOptions, "since" | "targetKinds">,
): CoverageSelection {
  const since = opts.since ?? "0000";
  const kinds = opts.targetKinds ?? DEFAULT_KINDS;
  const rows = statements
    .filter((s) => s.unit === "percent" && midPeriod(s.as_of) >= since)
    .sort((a, b) => compareCodePoints(midPeriod(a.as_of), midPeriod(b.as_of)) || compareCodePoints(a.id, b.id));
  const targetRows = targets
    .filter((t) => t.coverage_percent !== null && kinds.includes(t.kind) && t.target_date >= since)
    .sort(
      (a, b) =>
        compareCodePoints(a.target_date, b.target_date) || (a.coverage_percent ?? 0) - (b.coverage_percent ?? 0),
    );
  return {
    rows,
    targetRows,
    merged: [
      ...Map.groupBy(
        rows,
        (s) => `${midPeriod(s.as_of)}|${s.value}|${s.official}|${isForecast(s)}|${s.derived_from !== null}`,
      ).values(),
    ],
    targetGroups: [...Map.groupBy(targetRows, (t) => `${t.target_date}|${t.coverage_percent}`).values()],
    table: {
      columns: ["Date", "What", "Share of trusts with an EPR (%)", "Who said it", "Which trusts"],
      rows: [
        ...rows.map((s) => [
          formatWhen(s.as_of, s.dates_estimated),
          whatItIs(s),
          s.value,
          s.speaker ?? "",
          SCOPE_WORDS[s.scope],
        ]),
        ...targetRows.map((t) => [
          targetDateWords(t),
          `Target ${targetDoneWords(t)}`,
          t.coverage_percent!,
          t.announced_by,
          "",
        ]),
      ],
      csvOnly: [
        ...isoDateColumns("Date", [
          ...rows.map((s) => s.as_of),
          ...targetRows.map((t) => isoAtPrecision(t.target_date, t.target_date_precision)),
        ]),
        sourceIdColumn([...rows.map((s) => s.source_id), ...targetRows.map((t) => t.source_id)]),
      ],
    },
  };
}

/**
 * Where the y axis starts. Every EPR figure we hold is between 86% and 94%, and the finding is the gap
 * to 100%. On a 0–100 axis that gap would be a few pixels, so when every value is at least 50 the axis
 * starts at the ten below the lowest figure or target (70% for today's data). Marks are points, not
 * bars, so no length is read from the baseline; the axis title says where it starts and a zig-zag
 * marks the break. Any figure below 50 (the 2000 baseline of 5%) brings back the full 0–100 axis.
 */
export function coverageYMin(values: readonly number[]): number {
  const low = Math.min(...values);
  return low >= 50 ? Math.max(0, Math.floor((low - 10) / 10) * 10) : 0;
}

/** Legend entries for the marks actually drawn. */
function coverageLegend(
  points: readonly CoveragePoint[],
  markers: readonly TargetMarker[],
): Omit<LegendItem, "x" | "y">[] {
  return [
    { key: "official", label: "Official figure", className: "official", mark: "circle" },
    ...(points.some((p) => !p.official && !p.forecast)
      ? [{ key: "unofficial", label: "Other estimate", className: "unofficial", mark: "ring" } as const]
      : []),
    ...(points.some((p) => p.forecast)
      ? [{ key: "forecast", label: "Forecast", className: "forecast", mark: "triangle" } as const]
      : []),
    ...(markers.length ? [{ key: "target", label: "Target", className: "target", mark: "diamond" } as const] : []),
  ];
}

/** Select, then lay out: pixel positions for every mark, label and tick at one width; then describe. */
export function coverageOverTimeModel(
  statements: readonly CoverageFigure[],
  targets: readonly TargetRow[],
  opts: CoverageOverTimeOptions,
): CoverageOverTimeModel {
  const { width } = opts;
  const layout = layoutFor(width);
  const narrow = layout === "narrow";
  const fs = textSize(width);
  const lineH = lineHeight(fs);
  const { rows, targetRows, merged, targetGroups, table } = selectCoverage(statements, targets, opts);

  const label = "Share of NHS trusts with an electronic patient record, by date, with targets";
  if (!merged.length && !targetGroups.length) {
    return {
      ...emptyChart(width, 3 * lineH, label, "No figures for the share of trusts with an EPR to show.", table),
      plot: { x0: 0, x1: width, y0: 0, y1: 0 },
      yMin: 0,
      axisTitle: { lines: ["No figures to show"], x: 0, y: lineH },
      xTicks: [],
      yTicks: [],
      axisBreak: null,
      stepPath: null,
      points: [],
      targets: [],
      targetLabels: [],
      today: null,
      legend: [],
    };
  }

  const yMin = coverageYMin([...rows.map((s) => s.value), ...targetRows.map((t) => t.coverage_percent!)]);

  // Top band: axis title, then the target labels (rows worked out below, once x is known).
  const axisTitleText =
    yMin > 0 ? `Share of trusts with an EPR (axis starts at ${yMin}%)` : "Share of trusts with an EPR";
  const margin = { left: Math.ceil(textWidth("100%", fs)) + 8, right: narrow ? 12 : 24 };
  const axisLines = wrapText(axisTitleText, width - 4, fs);
  const x0 = margin.left,
    x1 = width - margin.right;

  const dates = [
    ...merged.map((g) => toDate(g[0]!.as_of)),
    ...targetGroups.map((g) => new Date(`${g[0]!.target_date}T00:00:00Z`)),
  ];
  if (opts.today) dates.push(new Date(`${opts.today}T00:00:00Z`));
  let lo = new Date(Math.min(...dates.map(Number))),
    hi = new Date(Math.max(...dates.map(Number)));
  // A single date still needs a span: a year either side.
  const padMs = Math.max((+hi - +lo) * 0.04, hi === lo || +hi - +lo < 864e5 * 60 ? 365 * 864e5 : 0);
  lo = new Date(+lo - padMs);
  hi = new Date(+hi + padMs);
  const x = scaleUtc().domain([lo, hi]).range([x0, x1]);

  // One label per deadline date ("Target 96% and 100% by Mar 2026"): labels stacked at one date
  // would need leader lines crossing each other. Short on narrow screens, where the legend says what
  // a diamond is.
  const isMoved = (g: TargetRow[]) =>
    targetRows.some(
      (o) =>
        o.modality !== "planned" &&
        o.coverage_percent === g[0]!.coverage_percent &&
        o.announced_on > g.at(-1)!.announced_on &&
        o.target_date > g[0]!.target_date,
    );
  const byDate = [...Map.groupBy(targetGroups, (g) => g[0]!.target_date).values()];
  const labelDrafts = byDate.map((gs) => {
    const t = gs[0]![0]!;
    const moved = gs.every(isMoved);
    const text = `${narrow ? "" : gs.length > 1 ? "Targets " : "Target "}${gs.map((g) => g[0]!.coverage_percent).join("% and ")}% by ${targetDateShort(t)}${moved ? (narrow ? " (moved)" : " (later moved)") : ""}`;
    const tx = x(new Date(`${t.target_date}T00:00:00Z`));
    const w = textWidth(text, fs);
    // The leader hangs from the label's right end (left end when there is no room), so labels further
    // right stack upwards in a staircase and no leader has to cross a label.
    const lx = tx + 6 - w >= 2 ? tx + 6 - w : Math.min(Math.max(tx - 6, 2), width - w - 2);
    return { text, tx, w, lx, top: Math.max(...gs.map((g) => g[0]!.coverage_percent!)) };
  });
  const labelRows = stackLabels(labelDrafts.map((d) => ({ x0: d.lx, x1: d.lx + d.w, leader: d.tx })));
  const nRows = labelDrafts.length ? Math.max(...labelRows) + 1 : 0;
  const bandTop = axisLines.length * lineH + 6;
  const y0 = bandTop + nRows * lineH + (nRows ? 10 : 4);
  const plotH = narrow ? 240 : 260;
  const y1 = y0 + plotH;
  const y = scaleLinear().domain([yMin, 100]).range([y1, y0]);

  const yStep = 100 - yMin <= 40 ? 10 : 20;
  const yTicks: YTick[] = [];
  for (let v = yMin; v <= 100; v += yStep) yTicks.push({ value: v, label: pct(v), y: px(y(v)) });

  const xTicks = yearTicks(x, fs, { drawingWidth: width });

  const r = narrow ? 5 : 5.5;
  const points: CoveragePoint[] = merged.map((g) => {
    const s = g[0]!;
    const who = [...new Set(g.map((s) => s.speaker).filter(Boolean))].join("; ");
    const when = formatWhen(s.as_of, s.dates_estimated);
    const tip = isForecast(s)
      ? `Forecast of ${pct(s.value)} of ${SCOPE_WORDS[s.scope]} by ${when}, made ${madeWhenWords(s.stated_on, s.date_basis)}${who ? ` by ${who}` : ""}. An expectation, not a target.`
      : `${pct(s.value)} of ${SCOPE_WORDS[s.scope]}, ${when}. ${s.official ? "Official figure" : "Not an official figure"}${s.derived_from ? ", worked out from the counts given" : ""}${who ? `: ${who}` : ""}.`;
    const cx = px(x(toDate(s.as_of)));
    const cy = px(y(s.value));
    return {
      ids: g.map((s) => s.id),
      date: s.as_of,
      value: s.value,
      official: s.official,
      forecast: isForecast(s),
      derived: s.derived_from !== null,
      x: cx,
      y: cy,
      r,
      label: pct(s.value),
      showLabel: false,
      labelX: cx,
      labelY: cy,
      tip,
      source_ids: [...new Set(g.map((s) => s.source_id))],
    };
  });

  const official = points.filter((p) => p.official && !p.forecast);
  const stepPath =
    official.length >= 2
      ? line<CoveragePoint>()
          .x((p) => p.x)
          .y((p) => p.y)
          .curve(curveStepAfter)(official)
      : null;

  const size = narrow ? 6 : 7;
  // Row 0 sits just above the plot; leaders run from each label down to the top diamond of its date.
  const labels = labelDrafts.map((d, i) => {
    const ly = y0 - 10 - labelRows[i]! * lineH;
    return {
      text: d.text,
      x: px(d.lx),
      y: px(ly),
      leader: { x1: px(d.tx), y1: px(ly + 3), x2: px(d.tx), y2: px(y(d.top) - size - 1) },
    };
  });
  const targetMarkers: TargetMarker[] = targetGroups.map((g) => {
    const t = g[0]!;
    const moved = isMoved(g);
    const who = targetWhoWords(g);
    return {
      ids: g.map((t) => t.id),
      date: t.target_date,
      value: t.coverage_percent!,
      x: px(x(new Date(`${t.target_date}T00:00:00Z`))),
      y: px(y(t.coverage_percent!)),
      size,
      superseded: moved,
      tip: `Target: ${pct(t.coverage_percent!)} of trusts by ${targetDateWords(t)}${moved ? ", later moved" : ""}. ${who}`,
      source_ids: [...new Set(g.map((t) => t.source_id))],
    };
  });

  let today: CoverageOverTimeModel["today"] = null;
  if (opts.today) {
    const tx = x(new Date(`${opts.today}T00:00:00Z`));
    const text = narrow ? formatMonthYear(opts.today) : `Data release, ${formatMonthYear(opts.today)}`;
    const anchor = tx + textWidth(text, fs) + 4 > x1 + margin.right ? "end" : "start";
    today = {
      x: px(tx),
      y0: px(y0),
      y1: px(y1),
      label: text,
      labelX: px(anchor === "end" ? tx - 4 : tx + 4),
      labelY: px(y1 - 6),
      anchor,
    };
  }

  placeValueLabels(
    points,
    [
      ...markBoxes(points, targetMarkers),
      ...lineBoxes(points, labels, today),
      ...labels.map((l) => textBox(l.text, l.x, l.y, fs, "start", false)),
      ...(today ? [textBox(today.label, today.labelX, today.labelY, fs, today.anchor, false)] : []),
    ],
    { x0, x1: width, y0: y0 - 2, y1, fontSize: fs },
  );

  // Legend under the x axis: one row on wide, flowing onto more rows on narrow.
  const legendDefs = coverageLegend(points, targetMarkers);
  const { legend, bottom: legendY } = flowLegend(legendDefs, {
    x0,
    y0: y1 + fs + 12 + lineH,
    width,
    fontSize: fs,
  });
  const height = Math.ceil(legendY + 8);

  return {
    width,
    height,
    layout,
    fontSize: fs,
    lineHeight: lineH,
    label,
    empty: false,
    summary: summarise(rows, targetRows, targetMarkers, yMin),
    table,
    plot: { x0, x1, y0: px(y0), y1: px(y1) },
    yMin,
    axisTitle: { lines: axisLines, x: 0, y: lineH - 4 },
    xTicks,
    yTicks,
    axisBreak: yMin > 0 ? `M${x0 + 4},${px(y1)}l4,-5l5,10l4,-5` : null,
    stepPath,
    points,
    targets: targetMarkers,
    targetLabels: labels,
    today,
    legend,
  };
}

function whatItIs(s: CoverageFigure): string {
  if (isForecast(s)) return `Forecast made ${madeWhenWords(s.stated_on, s.date_basis)}`;
  return s.official
    ? s.derived_from
      ? "Official figure, worked out from counts"
      : "Official figure"
    : "Other estimate";
}

function summarise(all: CoverageFigure[], targets: TargetRow[], markers: TargetMarker[], yMin: number): string {
  const parts: string[] = [];
  const rows = all.filter((s) => !isForecast(s));
  const official = rows.filter((s) => s.official);
  if (official.length) {
    const first = official[0]!,
      last = official.at(-1)!;
    parts.push(
      official.length === 1
        ? `One official figure: ${pct(first.value)} of trusts had an EPR in ${formatWhen(first.as_of, first.dates_estimated)}.`
        : `Official figures for the share of trusts with an EPR went from ${pct(first.value)} in ${formatWhen(first.as_of, first.dates_estimated)} to ${pct(last.value)} in ${formatWhen(last.as_of, last.dates_estimated)}, across ${official.length} statements.`,
    );
  } else parts.push("No official figures for the share of trusts with an EPR.");
  const others = rows.filter((s) => !s.official);
  if (others.length)
    parts.push(
      `${others.length === 1 ? "One other estimate" : `${others.length} other estimates`}, not official, shown as hollow circles: ${others.map((s) => `${pct(s.value)} in ${formatDate(s.as_of)} (${SCOPE_WORDS[s.scope]})`).join("; ")}.`,
    );
  const forecasts = all.filter(isForecast);
  if (forecasts.length)
    parts.push(
      `Forecasts, shown as hollow triangles at the date they were for: ${forecasts.map((s) => `${pct(s.value)} by ${formatDate(s.as_of)} (made ${madeWhenWords(s.stated_on, s.date_basis)})`).join("; ")}.`,
    );
  if (markers.length) {
    const byId = new Map(targets.map((t) => [t.id, t]));
    parts.push(
      `Targets: ${markers.map((m) => `${pct(m.value)} by ${targetDateWords(byId.get(m.ids[0]!)!)}${m.superseded ? " (later moved)" : ""}`).join("; ")}.`,
    );
  }
  if (yMin > 0) parts.push(`The vertical axis starts at ${yMin}%.`);
  return parts.join(" ");
}

/**
 * Rows for labels above a plot (row 0 nearest it), each hanging a vertical leader down to its mark:
 * no two labels in a row overlap, and no leader crosses a label in a row below its own.
 */
export function stackLabels(boxes: { x0: number; x1: number; leader: number }[], gap = 8): number[] {
  const placed: { x0: number; x1: number; leader: number; row: number }[] = [];
  return boxes.map((b) => {
    // With n labels some row ≤ n is always free of overlaps; past that, crossings are allowed.
    for (let row = 0; ; row++) {
      const strict = row <= boxes.length;
      const ok = placed.every((p) => {
        if (p.row === row && b.x0 < p.x1 + gap && b.x1 + gap > p.x0) return false;
        if (strict && p.row > row && p.leader > b.x0 - 3 && p.leader < b.x1 + 3) return false;
        if (strict && p.row < row && b.leader > p.x0 - 3 && b.leader < p.x1 + 3) return false;
        return true;
      });
      if (ok) {
        placed.push({ ...b, row });
        return row;
      }
    }
  });
}

/** A box on the drawing, in px. */
export interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

const overlap = (a: Box, b: Box) => a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 && a.y1 > b.y0;

/**
 * The box of one line of text with its baseline at y, measured as images draw it (the widest
 * case), from the top of its capitals to the foot of its descenders.
 */
export function textBox(
  text: string,
  x: number,
  y: number,
  fontSize: number,
  anchor: "start" | "middle" | "end",
  bold: boolean,
): Box {
  const w = textWidth(text, fontSize, { font: "image", bold });
  const x0 = anchor === "start" ? x : anchor === "end" ? x - w : x - w / 2;
  return { x0, x1: x0 + w, y0: y - fontSize * 0.8, y1: y + fontSize * 0.25 };
}

/** The box each point's and diamond's mark fills (a triangle reaches 1.2r above its centre). */
export function markBoxes(points: readonly CoveragePoint[], targets: readonly TargetMarker[]): Box[] {
  return [
    ...points.map((p) => ({ x0: p.x - p.r * 1.1, x1: p.x + p.r * 1.1, y0: p.y - p.r * 1.2, y1: p.y + p.r })),
    ...targets.map((t) => ({ x0: t.x - t.size, x1: t.x + t.size, y0: t.y - t.size, y1: t.y + t.size })),
  ];
}

/**
 * The lines drawn across the plot as thin boxes: the step line through the official figures (along,
 * then up or down, as curveStepAfter draws it), the target leaders and the release-date rule.
 */
export function lineBoxes(
  points: readonly CoveragePoint[],
  targetLabels: CoverageOverTimeModel["targetLabels"],
  today: CoverageOverTimeModel["today"],
): Box[] {
  const w = 1.5;
  const seg = (xa: number, ya: number, xb: number, yb: number): Box => ({
    x0: Math.min(xa, xb) - w,
    x1: Math.max(xa, xb) + w,
    y0: Math.min(ya, yb) - w,
    y1: Math.max(ya, yb) + w,
  });
  const official = points.filter((p) => p.official && !p.forecast);
  return [
    ...official.slice(1).flatMap((b, i) => {
      const a = official[i]!;
      return [seg(a.x, a.y, b.x, a.y), seg(b.x, a.y, b.x, b.y)];
    }),
    ...targetLabels.map((l) => seg(l.leader.x1, l.leader.y1, l.leader.x2, l.leader.y2)),
    ...(today ? [seg(today.x, today.y0, today.x, today.y1)] : []),
  ];
}

/**
 * Puts each point's value label where it covers no mark, line or other label: above the mark, else
 * below, beside or at a corner of it. A label with nowhere free is left off (the table has every value), as
 * is a repeat of the same value at the same height right beside one already shown. Official figures
 * are placed first, then other estimates, then forecasts.
 */
function placeValueLabels(points: CoveragePoint[], obstacles: readonly Box[], area: Box & { fontSize: number }): void {
  const fs = area.fontSize;
  const taken: Box[] = [...obstacles];
  const shown: { p: CoveragePoint; box: Box }[] = [];
  const rank = (p: CoveragePoint) => (p.forecast ? 2 : p.official ? 0 : 1);
  const order = [...points].sort((a, b) => rank(a) - rank(b));
  for (const p of order) {
    const w = textWidth(p.label, fs, { font: "image", bold: true });
    const twin = shown.some((s) => s.p.label === p.label && Math.abs(s.p.y - p.y) < 1 && Math.abs(s.p.x - p.x) < 2 * w);
    if (twin) continue;
    const gap = 3;
    // Above and below are kept inside the plot's width by sliding along; then beside, then corners.
    const slide = (lx: number) => Math.min(Math.max(lx, area.x0 + w / 2), area.x1 - w / 2);
    const above = p.y - p.r * 1.2 - gap - fs * 0.25;
    const below = p.y + p.r + gap + fs * 0.8;
    const right = p.x + p.r * 1.1 + gap + w / 2;
    const left = p.x - p.r * 1.1 - gap - w / 2;
    const candidates: [number, number][] = [
      [slide(p.x), above],
      [slide(p.x), below],
      [right, p.y + fs * 0.3],
      [left, p.y + fs * 0.3],
      [right, above],
      [left, above],
      [right, below],
      [left, below],
    ];
    for (const [lx, ly] of candidates) {
      const box = textBox(p.label, lx, ly, fs, "middle", true);
      const inside = box.x0 >= area.x0 && box.x1 <= area.x1 && box.y0 >= area.y0 && box.y1 <= area.y1;
      if (inside && !taken.some((t) => overlap(box, t))) {
        taken.push(box);
        shown.push({ p, box });
        p.showLabel = true;
        p.labelX = px(lx);
        p.labelY = px(ly);
        break;
      }
    }
  }
}
