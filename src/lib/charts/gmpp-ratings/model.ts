/**
 * Delivery confidence ratings of the programme, one slot per annual report, coloured by rating with
 * the rating word always printed. Years with no rating in our data are shown as gaps, not skipped.
 */
import { endOfPeriod, formatWhen, formatMonthYear } from "../../data/dates.ts";
import { isoDateColumns, sourceIdColumn } from "../csv.ts";
import type { GmppRow, ProgrammeRow } from "../../data/tables.ts";
import { emptyChart, layoutFor, px, textSize, type ChartBase, type ChartTable } from "../shared.ts";
import { lineHeight, textWidth } from "../text.ts";
import { compareCodePoints } from "../../order.ts";

export interface GmppRatingsOptions {
  /** Drawing width in px. */
  width: number;
}

export type RatingWord = NonNullable<ProgrammeRow["rating"]>;

export interface RatingSlot {
  year: number;
  /** Date the rating describes (ISO), null for a year with no rating in our data. */
  asOf: string | null;
  /** "Mar 2023", or the year alone for a gap. */
  when: string;
  rating: RatingWord | null;
  /** The word printed: the rating, "Blank", or "No rating found". */
  text: string;
  /** rating-red, rating-amber, …, rating-none (blank in the copy), rating-missing (gap). */
  className: string;
  source_id: string | null;
  box: { x: number; y: number; width: number; height: number };
  whenLabel: { x: number; y: number; anchor: "start" | "middle" };
  textLabel: { x: number; y: number; anchor: "start" | "middle" };
  tip: string;
}

export interface GmppRatingsModel extends ChartBase {
  slots: RatingSlot[];
}

const CLASS: Record<RatingWord, string> = {
  Green: "rating-green",
  "Amber/Green": "rating-amber-green",
  Amber: "rating-amber",
  "Amber/Red": "rating-amber-red",
  Red: "rating-red",
  Blank: "rating-none",
};

/** A rating with the date it is as at; `asOfEstimated` when that date was assumed, not read. */
interface Entry {
  asOf: string;
  asOfEstimated: boolean;
  rating: RatingWord;
  source_id: string;
}

/** Ratings by date: the imported GMPP rows, then programme rows for dates GMPP does not cover. */
export function ratingEntries(gmpp: readonly GmppRow[], programme: readonly ProgrammeRow[]): Entry[] {
  const out = new Map<string, Entry>();
  for (const g of gmpp)
    out.set(g.data_as_of.slice(0, 7), {
      asOf: g.data_as_of,
      asOfEstimated: false,
      rating: g.delivery_confidence,
      source_id: g.source_id,
    });
  for (const p of programme.filter((p) => p.measure === "delivery_confidence" && p.rating)) {
    const key = endOfPeriod(p.as_of).slice(0, 7);
    if (!out.has(key))
      out.set(key, { asOf: p.as_of, asOfEstimated: p.dates_estimated, rating: p.rating!, source_id: p.source_id });
  }
  return [...out.values()].sort((a, b) => compareCodePoints(endOfPeriod(a.asOf), endOfPeriod(b.asOf)));
}

export function gmppRatingsModel(
  gmpp: readonly GmppRow[],
  programme: readonly ProgrammeRow[],
  opts: GmppRatingsOptions,
): GmppRatingsModel {
  const { width } = opts;
  const layout = layoutFor(width);
  const narrow = layout === "narrow";
  const fs = textSize(width);
  const lineH = lineHeight(fs);
  const entries = ratingEntries(gmpp, programme);
  const table: ChartTable = {
    columns: ["Rating as at", "Delivery confidence"],
    rows: entries.map((e) => [formatWhen(e.asOf, e.asOfEstimated), e.rating]),
    csvOnly: [
      ...isoDateColumns(
        "Rating as at",
        entries.map((e) => e.asOf),
      ),
      sourceIdColumn(entries.map((e) => e.source_id)),
    ],
  };
  const label = "Delivery confidence ratings of the Frontline Digitisation programme by year";
  if (!entries.length)
    return {
      ...emptyChart(width, 2 * lineH, label, "No ratings to show.", table),
      slots: [],
    };

  // One slot per year from the first rating to the last, so a missing year shows as a gap.
  const years = entries.map((e) => Number(endOfPeriod(e.asOf).slice(0, 4)));
  const first = Math.min(...years),
    last = Math.max(...years);
  const slotsData = Array.from({ length: last - first + 1 }, (_, k) => {
    const year = first + k;
    return { year, entry: entries.find((e) => Number(endOfPeriod(e.asOf).slice(0, 4)) === year) ?? null };
  });

  const n = slotsData.length;
  const slots: RatingSlot[] = slotsData.map(({ year, entry }, k) => {
    const rating = entry?.rating ?? null;
    const text = rating ?? "No rating found";
    const when = entry ? formatMonthYear(entry.asOf.slice(0, 7)) : String(year);
    let box: RatingSlot["box"], whenLabel: RatingSlot["whenLabel"], textLabel: RatingSlot["textLabel"];
    if (narrow) {
      // A list: date, swatch, word.
      const rowY = k * (lineH + 14);
      const dateW = textWidth("Mar 2026", fs) + 12;
      box = { x: px(dateW), y: px(rowY), width: 28, height: lineH + 6 };
      whenLabel = { x: 0, y: px(rowY + lineH - 2), anchor: "start" };
      textLabel = { x: px(dateW + 40), y: px(rowY + lineH - 2), anchor: "start" };
    } else {
      // A row of boxes along time: date above, word below.
      const gap = 10;
      const w = Math.min(180, (width - gap * (n - 1)) / n);
      const x = k * (w + gap);
      box = { x: px(x), y: lineH + 4, width: px(w), height: 36 };
      whenLabel = { x: px(x + w / 2), y: fs, anchor: "middle" };
      textLabel = { x: px(x + w / 2), y: px(lineH + 4 + 36 + fs + 6), anchor: "middle" };
    }
    return {
      year,
      asOf: entry?.asOf ?? null,
      when,
      rating,
      text,
      className: rating ? CLASS[rating] : "rating-missing",
      source_id: entry?.source_id ?? null,
      box,
      whenLabel,
      textLabel,
      tip: entry
        ? `${formatWhen(entry.asOf, entry.asOfEstimated)}: ${rating === "Blank" ? "rating left blank in the copy" : `rated ${rating}`}.`
        : `${year}: no rating in our data.`,
    };
  });
  const height = narrow ? Math.ceil(n * (lineH + 14)) : Math.ceil(lineH + 4 + 36 + fs + 12);

  const said = entries.map(
    (e) => `${e.rating === "Blank" ? "blank in the copy" : e.rating} (${formatWhen(e.asOf, e.asOfEstimated)})`,
  );
  const gaps = slots.filter((s) => !s.rating).map((s) => s.year);
  const summary = `Delivery confidence: ${said.join(", ")}.${gaps.length ? ` No rating found for ${gaps.join(", ")}.` : ""}`;
  return { width, height, layout, fontSize: fs, lineHeight: lineH, label, summary, empty: false, table, slots };
}
