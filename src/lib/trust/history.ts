/** A trust's dated history from the data we hold: opening, takeovers, each list entry, mergers, closing. */
import type { Trust } from "../data/model.ts";
import { ICB_SUCCESSIONS_SOURCE_ID, ODS_SUCCESSIONS_SOURCE_ID, ODS_TRUSTS_SOURCE_ID } from "../data/model.ts";
import { dayAfter, dayBefore, formatDate } from "../data/dates.ts";
import { TRUSTS_SINCE } from "../data/tables.ts";
import { compareCodePoints } from "../order.ts";

export interface HistoryItem {
  date: string;
  text: string;
  source_id: string;
}

const names = (codes: string[], nameOf: (code: string) => string) => codes.map(nameOf).join(" and ");

export function trustHistory(t: Trust, nameOf: (code: string) => string): HistoryItem[] {
  const items: HistoryItem[] = [];
  const takenOnOpening = t.took_over.filter((p) => p.date === t.open_date).map((p) => p.code);
  // Only openings since 2024 are news; older ones are in the facts list above.
  if (t.open_date && t.open_date >= TRUSTS_SINCE) {
    const from = takenOnOpening.length ? `, taking over from ${names(takenOnOpening, nameOf)}` : "";
    items.push({ date: t.open_date, text: `The trust opened${from}.`, source_id: ODS_TRUSTS_SOURCE_ID });
  }
  for (const [date, group] of Map.groupBy(
    t.took_over.filter((p) => p.date !== t.open_date),
    (p) => p.date,
  )) {
    items.push({
      date,
      text: `It took over ${names(
        group.map((p) => p.code),
        nameOf,
      )}.`,
      source_id: ODS_SUCCESSIONS_SOURCE_ID,
    });
  }
  for (const row of t.lists) {
    items.push({
      date: row.as_of,
      text: row.has_epr
        ? `NHS England's list recorded ${row.supplier} as its main EPR supplier.`
        : "NHS England's list recorded it as having no EPR, and in the process of getting one.",
      source_id: row.source_id,
    });
  }
  if (t.close_date) {
    // The trust file dates the closing; only the successor file records where the trust went, so
    // each is cited to the file that says it.
    items.push({ date: t.close_date, text: "Its last day as a trust.", source_id: ODS_TRUSTS_SOURCE_ID });
    for (const [date, group] of Map.groupBy(t.merged_into, (m) => m.date)) {
      items.push({
        date,
        text: `It became part of ${names(
          group.map((m) => m.code),
          nameOf,
        )}.`,
        source_id: ODS_SUCCESSIONS_SOURCE_ID,
      });
    }
  } else if (t.merged_into.length) {
    // A care trust outside the ODS trust file: only the successor file dates its merger.
    const first = t.merged_into[0]!.date;
    items.push({
      date: dayBefore(first),
      text: `Its last day as a trust: it became part of ${names(
        t.merged_into.map((m) => m.code),
        nameOf,
      )} on ${formatDate(first)}.`,
      source_id: ODS_SUCCESSIONS_SOURCE_ID,
    });
  }
  if (t.icb_at_list?.until && t.icb) {
    items.push({
      date: dayAfter(t.icb_at_list.until),
      text: `Its integrated care board changed from ${t.icb_at_list.name ?? t.icb_at_list.code} to ${t.icb.name ?? t.icb.code}, when the boards were merged.`,
      source_id: ICB_SUCCESSIONS_SOURCE_ID,
    });
  }
  return items.sort((a, b) => compareCodePoints(a.date, b.date));
}
