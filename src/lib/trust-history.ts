/** A trust's dated history from the data we hold: opening, the EPR list entry, mergers, closing. */
import type { Trust } from "./data/model.ts";
import { ODS_SUCCESSIONS_SOURCE_ID, ODS_TRUSTS_SOURCE_ID } from "./data/model.ts";
import { TRUSTS_SINCE } from "./data/tables.ts";

export interface HistoryItem {
  date: string;
  text: string;
  source_id: string;
}

export function trustHistory(t: Trust, all: readonly Trust[]): HistoryItem[] {
  const name = (code: string) => all.find((x) => x.code === code)?.name ?? code;
  const items: HistoryItem[] = [];
  // Only openings since 2024 are news; older ones are in the facts list above.
  if (t.open_date && t.open_date >= TRUSTS_SINCE) {
    const from = t.predecessor_codes.length ? `, taking over from ${t.predecessor_codes.map(name).join(" and ")}` : "";
    items.push({ date: t.open_date, text: `The trust opened${from}.`, source_id: ODS_TRUSTS_SOURCE_ID });
  }
  if (t.epr_status_basis === "listed" && t.status_as_of && t.status_source_id) {
    items.push({
      date: t.status_as_of,
      text: t.epr_status === "epr" ? `NHS England's list records ${t.supplier} as its main EPR supplier.` : "NHS England's list records it as having no EPR, and in the process of getting one.",
      source_id: t.status_source_id,
    });
  }
  if (t.close_date) {
    const to = t.successor_codes.length ? `; its services passed to ${t.successor_codes.map(name).join(" and ")}` : "";
    items.push({ date: t.close_date, text: `The trust closed${to}.`, source_id: ODS_TRUSTS_SOURCE_ID });
  } else if (t.succession_date) {
    // A care trust outside the ODS trust file: only the successor file dates its merger.
    items.push({ date: t.succession_date, text: `The trust became part of ${t.successor_codes.map(name).join(" and ")}.`, source_id: ODS_SUCCESSIONS_SOURCE_ID });
  }
  return items.sort((a, b) => a.date.localeCompare(b.date));
}
