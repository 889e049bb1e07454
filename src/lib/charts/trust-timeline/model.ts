/**
 * Timeline of the trusts listed without an EPR: one row per trust, grouped by where each stands, events
 * as marks, deadlines as vertical rules. Wide screens put names in a column beside the tracks; narrow
 * screens put each name above a full-width track, so nothing has to shrink below legible size.
 */
import { scaleUtc } from "d3-scale";
import { endOfPeriod, formatDate, midPeriod } from "../../data/dates.ts";
import { isoDateColumns, sourceIdColumn } from "../csv.ts";
import { FOLLOWUP_CATEGORIES, type Followup, type FollowupCategory } from "../../data/followup.ts";
import { EVENT_LABELS, FOLLOWUP_LABELS } from "../../words/vocabulary.ts";
import type { TrustEventRow } from "../../data/tables.ts";
import {
  flowLegend,
  layoutFor,
  px,
  textSize,
  yearTicks,
  type ChartBase,
  type ChartTable,
  type LegendItem,
  type AnchoredTick,
} from "../shared.ts";
import { lineHeight, textWidth, wrapText } from "../text.ts";
import { compareNames } from "../../order.ts";

/** "Royal Cornwall Hospitals NHS Trust" → "Royal Cornwall Hospitals": the suffix repeats on every row. */
export function shortTrustName(name: string): string {
  return name.replace(/,?\s+NHS( Foundation)? Trust$/, "");
}

/** Legend entries, in the order a trust's story usually runs. */
const LEGEND: { shape: MarkShape & LegendItem["mark"]; event: TrustEventRow["event"]; label: string }[] = [
  { shape: "square", event: "listed_no_epr", label: "On NHS England's no-EPR list" },
  { shape: "circle", event: "contract_signed", label: "Business case, supplier or contract" },
  { shape: "ring", event: "go_live_planned", label: "Plan or other report" },
  { shape: "diamond", event: "go_live", label: EVENT_LABELS.go_live },
  { shape: "cross", event: "go_live_delayed", label: EVENT_LABELS.go_live_delayed },
];

/** Mark shapes, so the event type is told by shape as well as colour. */
export type MarkShape = "circle" | "square" | "diamond" | "cross" | "ring";
export const EVENT_SHAPES: Record<TrustEventRow["event"], MarkShape> = {
  listed_no_epr: "square",
  business_case_approved: "circle",
  procurement_started: "circle",
  supplier_selected: "circle",
  contract_signed: "circle",
  go_live_planned: "ring",
  go_live: "diamond",
  go_live_delayed: "cross",
  other: "ring",
};

export interface TimelineOptions {
  /** Total width in px. Below `narrowBelow` the narrow layout is used. */
  width: number;
  /** First and last day of the time axis. */
  start: string;
  end: string;
  /** Deadline dates (YYYY-MM-DD) drawn as vertical rules. */
  deadlines: { date: string; label: string }[];
  /** The edition of NHS England's list the trusts come from: the source of a trust with no event. */
  listSourceId?: string;
}

export interface TimelineMark {
  x: number;
  y: number;
  shape: MarkShape;
  event: TrustEventRow["event"];
  id: string;
  /** Text for tooltips and screen readers. */
  tip: string;
}

export interface TimelineRow {
  code: string;
  name: string;
  /** The short name, wrapped to fit the label column (wide) or the full width (narrow). */
  labelLines: string[];
  labelX: number;
  /** Baseline of the first label line. */
  labelY: number;
  trackY: number;
  marks: TimelineMark[];
}

/** A stretch of a vertical line, from y0 down to y1. */
export interface Span {
  y0: number;
  y1: number;
}

/** Where text sits, so that vertical lines can stop short of it. */
export interface TextBox {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/**
 * A vertical line at x from top to bottom, broken wherever it would cross one of `boxes` (with
 * `pad` px to spare), so deadline rules and grid lines never run through a trust's name.
 */
export function spansAround(x: number, top: number, bottom: number, boxes: readonly TextBox[], pad = 3): Span[] {
  const cuts = boxes
    .filter((b) => x > b.x0 - pad && x < b.x1 + pad && b.y1 > top && b.y0 < bottom)
    .map((b) => ({ y0: b.y0 - pad, y1: b.y1 + pad }))
    .sort((a, b) => a.y0 - b.y0);
  const spans: Span[] = [];
  let y = top;
  for (const c of cuts) {
    if (c.y0 > y) spans.push({ y0: px(y), y1: px(c.y0) });
    y = Math.max(y, c.y1);
  }
  if (y < bottom) spans.push({ y0: px(y), y1: px(bottom) });
  return spans;
}

export interface TimelineModel extends ChartBase {
  narrow: boolean;
  plotLeft: number;
  plotRight: number;
  /** Group headings; `lines` wraps the heading on a phone. */
  groups: { category: FollowupCategory; label: string; lines: string[]; count: number; y: number }[];
  rows: TimelineRow[];
  rules: {
    x: number;
    label: string;
    date: string;
    top: number;
    bottom: number;
    /** The rule as drawn: top to bottom, broken around names and headings. */
    spans: Span[];
    /** Where the rule's label starts or ends (by anchor), and its baseline. */
    labelX: number;
    labelY: number;
    anchor: "start" | "end";
  }[];
  /** Every name, heading and rule label, as laid out (what the rules and grid lines avoid). */
  textBoxes: TextBox[];
  legend: LegendItem[];
  /** Year ticks with their grid lines, broken around names like the rules. */
  ticks: (AnchoredTick & { grid: Span[] })[];
  axisY: number;
  summary: string;
}

export function trustTimelineModel(followups: Followup[], opts: TimelineOptions): TimelineModel {
  const layout = layoutFor(opts.width);
  const narrow = layout === "narrow";
  const fontSize = textSize(opts.width);
  const line = lineHeight(fontSize);
  const labelColumn = Math.round(opts.width * 0.34);
  const plotLeft = narrow ? 8 : labelColumn + 12;
  const plotRight = opts.width - (narrow ? 10 : 20);
  const { legend, bottom: ly } = flowLegend(
    LEGEND.map((l) => ({ key: l.event, label: l.label, className: `tl-${l.shape}`, mark: l.shape })),
    { x0: 0, y0: fontSize, width: opts.width, fontSize },
  );
  /** The box of one line of text whose baseline is y. */
  const box = (text: string, x: number, y: number, bold = false, anchor: "start" | "end" = "start"): TextBox => {
    const w = textWidth(text, fontSize, { bold, font: "image" });
    const x0 = anchor === "start" ? x : x - w;
    return { x0: px(x0), x1: px(x0 + w), y0: px(y - fontSize * 0.8), y1: px(y + fontSize * 0.25) };
  };
  const textBoxes: TextBox[] = [];
  // Deadline labels sit above the plot on two staggered rows, so neighbouring deadlines never collide.
  const TOP = ly + line * 3;
  const x = scaleUtc()
    .domain([new Date(opts.start), new Date(opts.end)])
    .range([plotLeft, plotRight]);
  const xOf = (date: string) => Math.round(x(new Date(midPeriod(date)))! * 10) / 10;

  const groups: TimelineModel["groups"] = [];
  const rows: TimelineRow[] = [];
  let y = TOP;
  for (const category of FOLLOWUP_CATEGORIES) {
    const members = followups.filter((f) => f.category === category);
    if (members.length === 0) continue;
    const heading = `${FOLLOWUP_LABELS[category]} (${members.length})`;
    // Headings are bold, and measured as images draw them, the widest case.
    const lines = wrapText(heading, opts.width - 4, fontSize, { bold: true, font: "image" });
    y += line * (1 + lines.length);
    const headingY = y - Math.round(line * 0.4) - (lines.length - 1) * line;
    groups.push({ category, label: heading, lines, count: members.length, y: headingY });
    lines.forEach((l, i) => textBoxes.push(box(l, 0, headingY + i * line, true)));
    for (const f of [...members].sort((a, b) => compareNames(a.name, b.name))) {
      const labelLines = wrapText(shortTrustName(f.name), narrow ? plotRight - plotLeft : labelColumn, fontSize);
      const rowHeight = narrow
        ? labelLines.length * line + line + 4
        : Math.max(line + 10, labelLines.length * line + 8);
      const trackY = narrow ? y + labelLines.length * line + Math.round(line * 0.5) : y + Math.round(rowHeight / 2);
      const labelX = narrow ? plotLeft : 0;
      const labelY = narrow ? y + fontSize : px(trackY - ((labelLines.length - 1) * line) / 2 + fontSize * 0.35);
      labelLines.forEach((l, i) => textBoxes.push(box(l, labelX, labelY + i * line)));
      rows.push({
        code: f.code,
        name: f.name,
        labelLines,
        labelX,
        labelY,
        trackY,
        marks: f.events
          .filter((e) => endOfPeriod(e.event_date) >= opts.start && e.event_date <= opts.end)
          .map((e) => ({
            x: xOf(e.event_date),
            y: trackY,
            shape: EVENT_SHAPES[e.event],
            event: e.event,
            id: e.id,
            tip: `${f.name}: ${EVENT_LABELS[e.event]}, ${formatDate(e.event_date)}${e.date_inferred ? " (date inferred)" : ""}. ${e.summary}`,
          })),
      });
      y += rowHeight;
    }
  }
  const axisY = y + 12;
  const gridTop = groups[0]?.y ?? TOP;
  const inRange = opts.deadlines.filter((d) => d.date >= opts.start && d.date <= opts.end);
  const rules = inRange.map((d, i) => {
    const rx = xOf(d.date);
    const top = TOP - line * (i % 2 === 0 ? 1.6 : 0.6);
    const labelY = px(top - 4 + line * 0.8);
    // Text ends at its rule, unless that would run it off the left of the drawing.
    const anchor: "start" | "end" = rx - textWidth(d.label, fontSize, { bold: true }) - 4 < 0 ? "start" : "end";
    const labelX = anchor === "end" ? rx - 4 : rx + 4;
    textBoxes.push(box(d.label, labelX, labelY, true, anchor));
    return {
      x: rx,
      label: d.label,
      date: d.date,
      top: px(top),
      bottom: axisY,
      labelX,
      labelY,
      anchor,
      spans: [] as Span[],
    };
  });
  for (const r of rules) r.spans = spansAround(r.x, r.top, r.bottom, textBoxes);
  // The last deadline's year is always ticked, however many years a narrow axis has to skip.
  const keepYear = inRange.length ? Number(inRange.at(-1)!.date.slice(0, 4)) : undefined;
  const ticks = yearTicks(x, fontSize, { keepYear, drawingWidth: opts.width }).map((t) => ({
    ...t,
    grid: spansAround(t.x, gridTop, axisY, textBoxes),
  }));
  const counts = FOLLOWUP_CATEGORIES.map((c) => [c, followups.filter((f) => f.category === c).length] as const).filter(
    ([, n]) => n > 0,
  );
  const summary = followups.length
    ? `Timeline of the ${followups.length} trusts NHS England listed without an EPR: ${counts.map(([c, n]) => `${n} ${FOLLOWUP_LABELS[c].toLowerCase()}`).join("; ")}.`
    : "No trusts to show.";
  const table: ChartTable = {
    columns: ["Trust", "Where it stands", "Date", "Event", "Confidence"],
    rows: followups.flatMap((f) =>
      f.events.length
        ? f.events.map((e) => [
            f.name,
            FOLLOWUP_LABELS[f.category],
            formatDate(e.event_date),
            `${EVENT_LABELS[e.event]}: ${e.summary}`,
            e.confidence,
          ])
        : [[f.name, FOLLOWUP_LABELS[f.category], "", "No published event found", ""]],
    ),
    csvOnly: [
      ...isoDateColumns(
        "Date",
        followups.flatMap((f) => (f.events.length ? f.events.map((e) => e.event_date) : [null])),
      ),
      // An event traces to its row in trust-events.csv; a trust with none, to the list that named it.
      sourceIdColumn(
        followups.flatMap((f) => (f.events.length ? f.events.map((e) => e.id) : [opts.listSourceId ?? ""])),
      ),
    ],
  };
  return {
    width: opts.width,
    height: axisY + line * 2,
    layout,
    empty: followups.length === 0,
    narrow,
    fontSize,
    lineHeight: line,
    label: "Trusts listed without an EPR, event by event",
    table,
    plotLeft,
    plotRight,
    groups,
    rows,
    rules,
    textBoxes,
    ticks,
    axisY,
    summary,
    legend,
  };
}
