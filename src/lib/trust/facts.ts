/**
 * The facts list on a trust's page, worded: its supplier and what that rests on, its region and how
 * it was known, and the sources the page cites. Pure, so the page only lays them out.
 */
import { formatDate } from "../data/dates.ts";
import { ICB_SUCCESSIONS_SOURCE_ID, ODS_TRUSTS_SOURCE_ID, type Trust } from "../data/model.ts";
import type { HistoryItem } from "./history.ts";
import { sinceWords } from "./text.ts";

/** A fact's value and, in small print beside it, where it comes from. */
export interface Fact {
  value: string;
  note: string | null;
}

/** The EPR supplier now, or the one NHS England's list named, with what it rests on. */
export function supplierFact(t: Trust): Fact {
  const now = t.status_now;
  if (now.status === "epr" && now.supplier)
    return {
      value: now.supplier,
      note:
        now.basis === "go_live"
          ? `live since ${sinceWords(now)}`
          : now.basis === "predecessors"
            ? "inferred from the trusts it took over"
            : `on NHS England's list of ${formatDate(now.since!)}`,
    };
  if (t.list?.supplier) return { value: t.list.supplier, note: `on NHS England's list of ${formatDate(t.list.as_of)}` };
  return { value: "None recorded", note: null };
}

/** The NHS England region, and how it was known when the ODS trust file does not give it. */
export function regionFact(t: Trust): Fact {
  if (!t.region_name) return { value: "Not known: the trust is not in the ODS trust file", note: null };
  return {
    value: t.region_name,
    note:
      t.region_basis === "successor" ? "taken from the trust it merged into: it is not in the ODS trust file" : null,
  };
}

/** The sources a trust's page cites, each once, in the order the page first uses them. */
export function pageSourceIds(t: Trust, history: readonly HistoryItem[]): string[] {
  const ids = [
    t.status_now.source_id,
    t.list?.source_id,
    t.in_ods_trust_list ? ODS_TRUSTS_SOURCE_ID : null,
    t.icb_at_list ? ICB_SUCCESSIONS_SOURCE_ID : null,
    ...history.map((h) => h.source_id),
  ].filter((s): s is string => Boolean(s));
  return [...new Set(ids)];
}
