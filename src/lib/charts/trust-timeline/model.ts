/**
 * Timeline of the trusts listed without an EPR: one row per trust, grouped by where each stands, events
 * as marks, deadlines as vertical rules. Wide screens put names in a column beside the tracks; narrow
 * screens put each name above a full-width track, so nothing has to shrink below legible size.
 */
import { scaleUtc } from "d3-scale";
import { utcYear } from "d3-time";
import { endOfPeriod, formatDate, midPeriod } from "../../data/dates.ts";
import { FOLLOWUP_CATEGORIES, type Followup, type FollowupCategory } from "../../data/followup.ts";
import { EVENT_LABELS, FOLLOWUP_LABELS } from "../../words/vocabulary.ts";
import type { TrustEventRow } from "../../data/tables.ts";
import { layoutFor, px, textSize, textWidth, wrapText, type ChartBase, type ChartTable } from "../shared.ts";
import { compareNames } from "../../order.ts";

/** "Royal Cornwall Hospitals NHS Trust" → "Royal Cornwall Hospitals": the suffix repeats on every row. */
export function shortTrustName(name: string): string {
  return name.replace(/,?\s+NHS( Foundation)? Trust$/, "");
}

/** Legend entries, in the order a trust's story usually runs. */
const LEGEND: { shape: MarkShape; event: TrustEventRow["event"]; label: string }[] = [
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
    labelY: number;
    anchor: "start" | "end";
  }[];
  legend: { shape: MarkShape; event: TrustEventRow["event"]; label: string; x: number; y: number }[];
  ticks: { x: number; label: string; anchor: "start" | "middle" | "end" }[];
  axisY: number;
  summary: string;
}

export function trustTimelineModel(followups: Followup[], opts: TimelineOptions): TimelineModel {
  const layout = layoutFor(opts.width);
  const narrow = layout === "narrow";
  const fontSize = textSize(opts.width);
  const line = Math.round(fontSize * 1.2);
  const labelColumn = Math.round(opts.width * 0.34);
  const plotLeft = narrow ? 8 : labelColumn + 12;
  const plotRight = opts.width - (narrow ? 10 : 20);
  // Legend first: items flow left to right and wrap, each a mark and its words.
  const legend: TimelineModel["legend"] = [];
  let lx = 0;
  let ly = fontSize;
  for (const item of LEGEND) {
    const w = fontSize * 1.6 + textWidth(item.label, fontSize);
    if (lx > 0 && lx + w > opts.width) {
      lx = 0;
      ly += line;
    }
    legend.push({ ...item, x: lx + fontSize * 0.5, y: ly });
    lx += w + fontSize;
  }
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
    // Headings are bold, so wrap them well inside the width the regular-weight estimate allows.
    const lines = wrapText(heading, opts.width * 0.85, fontSize);
    y += line * (1 + lines.length);
    groups.push({
      category,
      label: heading,
      lines,
      count: members.length,
      y: y - Math.round(line * 0.4) - (lines.length - 1) * line,
    });
    for (const f of [...members].sort((a, b) => compareNames(a.name, b.name))) {
      const labelLines = wrapText(shortTrustName(f.name), narrow ? plotRight - plotLeft : labelColumn, fontSize);
      const rowHeight = narrow
        ? labelLines.length * line + line + 4
        : Math.max(line + 10, labelLines.length * line + 8);
      const trackY = narrow ? y + labelLines.length * line + Math.round(line * 0.5) : y + Math.round(rowHeight / 2);
      rows.push({
        code: f.code,
        name: f.name,
        labelLines,
        labelX: narrow ? plotLeft : 0,
        labelY: narrow ? y + fontSize : px(trackY - ((labelLines.length - 1) * line) / 2 + fontSize * 0.35),
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
  const years = utcYear.range(new Date(opts.start), new Date(endOfPeriod(opts.end)), narrow ? 2 : 1);
  const ticks = years.map((d) => {
    const tx = Math.round(x(d)! * 10) / 10;
    const half = textWidth("2026", fontSize) / 2;
    // A year label never hangs off either edge of the drawing.
    const anchor: "start" | "middle" | "end" = tx - half < 0 ? "start" : tx + half > opts.width ? "end" : "middle";
    return { x: tx, label: String(d.getUTCFullYear()), anchor };
  });
  const rules = opts.deadlines
    .filter((d) => d.date >= opts.start && d.date <= opts.end)
    .map((d, i) => ({
      x: xOf(d.date),
      label: d.label,
      date: d.date,
      top: TOP - line * (i % 2 === 0 ? 1.6 : 0.6),
      bottom: axisY,
      labelY: TOP - line * (i % 2 === 0 ? 1.6 : 0.6) - 4,
      // Text ends at its rule, unless that would run it off the left of the plot.
      anchor: (xOf(d.date) - d.label.length * fontSize * 0.55 < 0 ? "start" : "end") as "start" | "end",
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
            e.event_date,
            `${EVENT_LABELS[e.event]}: ${e.summary}`,
            e.confidence,
          ])
        : [[f.name, FOLLOWUP_LABELS[f.category], "", "No published event found", ""]],
    ),
  };
  return {
    width: opts.width,
    height: axisY + line * 2,
    layout,
    empty: followups.length === 0,
    narrow,
    fontSize,
    label: "Trusts listed without an EPR, event by event",
    table,
    plotLeft,
    plotRight,
    groups,
    rows,
    rules,
    ticks,
    axisY,
    summary,
    legend,
  };
}
