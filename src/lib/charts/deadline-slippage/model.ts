/**
 * Deadline slippage: one row per target as announced, a line from the day it was set to the day it
 * was due, and a rule at the release date. The move of the every-trust EPR deadline from March 2025
 * to March 2026 is drawn as an arrow between the two deadlines.
 */
import { scaleUtc } from "d3-scale";
import { formatDate, formatMonthYear, isoAtPrecision, midPeriod } from "../../data/dates.ts";
import { isoDateColumns, sourceIdColumn } from "../csv.ts";
import type { TargetRow } from "../../data/tables.ts";
import { capitalise, setsTarget, targetAnnouncedWords } from "../../words/modality.ts";
import {
  emptyChart,
  layoutFor,
  px,
  textSize,
  yearTicks,
  type ChartBase,
  type ChartTable,
  type AnchoredTick,
} from "../shared.ts";
import { lineHeight, textWidth, wrapText } from "../text.ts";
import { compareCodePoints } from "../../order.ts";
import { targetDateShort, targetDateWords } from "../../words/vocabulary.ts";

export interface DeadlineSlippageOptions {
  /** Drawing width in px. */
  width: number;
  /** The release date ("today"), drawn as a rule. */
  today: string;
}

export interface SlippageRow {
  id: string;
  labelLines: string[];
  labelX: number;
  labelY: number;
  labelAnchor: "start" | "end";
  y: number;
  /** Announced (start) and due (end), px. */
  x1: number;
  x2: number;
  /** The deadline is before the release date. */
  passed: boolean;
  /** An every-trust EPR deadline: the promise the chart is about. */
  emphasis: boolean;
  tip: string;
}

export interface SlippageMove {
  /** Arrow from one deadline to the later one that replaced it. */
  d: string;
  /** "Moved from Mar 2025 to Mar 2026"; the later row's label also ends "(moved from Mar 2025)". */
  label: string;
  fromId: string;
  toId: string;
}

export interface DeadlineSlippageModel extends ChartBase {
  rows: SlippageRow[];
  moves: SlippageMove[];
  xTicks: AnchoredTick[];
  plot: { x0: number; x1: number; y0: number; y1: number };
  today: { x: number; label: string; labelX: number; labelY: number; anchor: "start" | "end" };
}

const when = targetDateShort;
const whenLong = targetDateWords;

/** "Jeremy Hunt (Secretary of State for Health)" → "Jeremy Hunt". */
export function shortWho(announcedBy: string): string {
  return announcedBy.split(/ \(|, /)[0]!.trim();
}

/** What was promised, in a few words: "EPR in every trust by Mar 2026". */
export function promiseWords(t: TargetRow): string {
  const pct = t.coverage_percent;
  const by = `by ${when(t)}`;
  switch (t.kind) {
    case "paperless":
      return `Paperless ${by}`;
    case "digital_records":
      return `All records digital ${by}`;
    case "core_digitisation":
      return pct === null || pct === 100
        ? `Core digital systems everywhere ${by}`
        : `${pct}% at a core digital level ${by}`;
    case "epr_coverage":
      return pct === null || pct === 100 ? `EPR in every trust ${by}` : `EPR in ${pct}% of trusts ${by}`;
    case "epr_or_in_progress":
      return `Every trust with an EPR or installing one ${by}`;
  }
}

/** The promise with what kind of statement it was, when it was not a target set with its own test. */
export function promiseWithModality(t: TargetRow): string {
  if (t.modality === "planned") return `Planned, not set: ${promiseWords(t)}`;
  if (t.modality === "restated_target") return `Restated with a weaker test: ${promiseWords(t)}`;
  return promiseWords(t);
}

// A date being prepared (planned) has moved nothing: arrows join only deadlines someone set.
const isEveryTrustEpr = (t: TargetRow) => t.kind === "epr_coverage" && t.coverage_percent === 100 && setsTarget(t);
const at = (iso: string) => new Date(`${midPeriod(iso)}T00:00:00Z`);

export function deadlineSlippageModel(
  targets: readonly TargetRow[],
  opts: DeadlineSlippageOptions,
): DeadlineSlippageModel {
  const { width, today } = opts;
  const layout = layoutFor(width);
  const narrow = layout === "narrow";
  const fs = textSize(width);
  const lineH = lineHeight(fs);
  const rowsIn = [...targets].sort(
    (a, b) => compareCodePoints(midPeriod(a.announced_on), midPeriod(b.announced_on)) || compareCodePoints(a.id, b.id),
  );
  const table: ChartTable = {
    columns: ["Announced", "By", "Promise", "Deadline", "Share of trusts (%)"],
    rows: rowsIn.map((t) => [
      formatDate(t.announced_on),
      t.announced_by,
      t.modality === "target" ? t.promise : `${promiseWithModality(t).split(":")[0]}. ${t.promise}`,
      whenLong(t),
      t.coverage_percent ?? "",
    ]),
    csvOnly: [
      ...isoDateColumns(
        "Announced",
        rowsIn.map((t) => t.announced_on),
      ),
      ...isoDateColumns(
        "Deadline",
        rowsIn.map((t) => isoAtPrecision(t.target_date, t.target_date_precision)),
      ),
      sourceIdColumn(rowsIn.map((t) => t.source_id)),
    ],
  };
  const label = "Digital records targets: when each was set and when it was due";
  const todayLabel = narrow ? formatMonthYear(today) : `Data release, ${formatMonthYear(today)}`;
  if (!rowsIn.length) {
    return {
      ...emptyChart(width, 2 * lineH, label, "No targets to show.", table),
      rows: [],
      moves: [],
      xTicks: [],
      plot: { x0: 0, x1: width, y0: 0, y1: 0 },
      today: { x: 0, label: todayLabel, labelX: 0, labelY: 0, anchor: "start" },
    };
  }

  // Each time the every-trust deadline was set later than any before it: an arrow between the two
  // deadlines, and the later row says where it moved from (a label beside the arrow would sit on the
  // rows in between).
  const every = rowsIn.filter(isEveryTrustEpr);
  const movedFrom = new Map<string, TargetRow>();
  for (let i = 1; i < every.length; i++) {
    const prev = every[i - 1]!,
      next = every[i]!;
    if (next.target_date > prev.target_date && !every.slice(0, i - 1).some((t) => t.target_date >= next.target_date))
      movedFrom.set(next.id, prev);
  }
  const labelText = (t: TargetRow) =>
    `${shortWho(t.announced_by)}: ${promiseWithModality(t)}${movedFrom.has(t.id) ? ` (moved from ${when(movedFrom.get(t.id)!)})` : ""}`;
  // Narrow labels keep a margin: glyph widths are estimated, and the drawing may be shown a little narrower.
  const colW = narrow
    ? width * 0.94
    : Math.min(width * 0.42, Math.max(...rowsIn.map((t) => textWidth(labelText(t), fs, { font: "image" }))));
  const x0 = narrow ? 8 : Math.ceil(colW) + 18;
  const x1 = width - (narrow ? 10 : 16);
  const y0 = lineH + 8; // room for the release-date label
  const dates = [...rowsIn.flatMap((t) => [at(t.announced_on), at(t.target_date)]), at(today)];
  const lo = new Date(Math.min(...dates.map(Number)) - 120 * 864e5),
    hi = new Date(Math.max(...dates.map(Number)) + 120 * 864e5);
  const x = scaleUtc().domain([lo, hi]).range([x0, x1]);

  let y = y0;
  const rows: SlippageRow[] = rowsIn.map((t) => {
    const lines = wrapText(labelText(t), colW, fs, narrow ? {} : { font: "image" });
    let lineY: number, labelY: number;
    if (narrow) {
      labelY = y + fs;
      lineY = y + lines.length * lineH + 8;
      y = lineY + 8 + Math.round(fs * 0.6);
    } else {
      const rowH = Math.max(lines.length * lineH, fs + 8);
      lineY = y + rowH / 2;
      labelY = lineY - ((lines.length - 1) * lineH) / 2 + fs * 0.35;
      y += rowH + Math.round(fs * 0.5);
    }
    const passed = t.target_date < today;
    return {
      id: t.id,
      labelLines: lines,
      labelX: narrow ? 0 : x0 - 18,
      labelY: px(labelY),
      labelAnchor: narrow ? "start" : "end",
      y: px(lineY),
      x1: px(x(at(t.announced_on))),
      x2: px(x(at(t.target_date))),
      passed,
      emphasis: isEveryTrustEpr(t),
      tip: `${capitalise(targetAnnouncedWords(t))}: ${t.promise} Due ${whenLong(t)}${passed ? ", a date now passed" : ""}.`,
    };
  });
  const y1 = y;
  const moves: SlippageMove[] = [...movedFrom.entries()].map(([toId, prev]) => {
    const a = rows[rowsIn.indexOf(prev)]!,
      b = rows.find((r) => r.id === toId)!;
    const midY = (a.y + b.y) / 2;
    return {
      d: `M${a.x2},${px(a.y + 6)}C${a.x2},${px(midY)} ${b.x2},${px(midY)} ${b.x2},${px(b.y - 8)}`,
      label: `Moved from ${when(prev)} to ${when(rowsIn.find((t) => t.id === toId)!)}`,
      fromId: prev.id,
      toId,
    };
  });

  const xTicks = yearTicks(x, fs, { drawingWidth: width });
  const tx = x(at(today));
  const anchor = tx + textWidth(todayLabel, fs) + 4 > width ? "end" : "start";
  return {
    width,
    height: Math.ceil(y1 + fs + 14),
    layout,
    fontSize: fs,
    lineHeight: lineH,
    label,
    summary: summarise(rowsIn, today),
    empty: false,
    table,
    rows,
    moves,
    xTicks,
    plot: { x0, x1, y0, y1: px(y1) },
    today: { x: px(tx), label: todayLabel, labelX: px(anchor === "end" ? tx - 4 : tx + 4), labelY: px(fs), anchor },
  };
}

function summarise(targets: TargetRow[], today: string): string {
  const first = targets[0]!,
    last = targets.at(-1)!;
  const parts = [
    `${targets.length} ${targets.length === 1 ? "target" : "targets"} for digital records, announced between ${formatDate(first.announced_on)} and ${formatDate(last.announced_on)}.`,
  ];
  const every = targets.filter(isEveryTrustEpr);
  const dates = [...new Set(every.map((t) => t.target_date))];
  if (dates.length > 1) {
    const firstDue = every[0]!;
    const moved = every.find((t) => t.target_date > firstDue.target_date)!;
    parts.push(
      `The deadline for every trust to have an EPR was first ${whenLong(firstDue)} (set ${formatDate(firstDue.announced_on)}), then moved to ${whenLong(moved)} (${formatDate(moved.announced_on)}).`,
    );
  } else if (every.length) parts.push(`The deadline for every trust to have an EPR is ${whenLong(every[0]!)}.`);
  const passed = targets.filter((t) => t.target_date < today).length;
  parts.push(`By ${formatDate(today)}, ${passed} of the ${targets.length} deadlines had passed.`);
  return parts.join(" ");
}
