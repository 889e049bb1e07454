/** Plain-English descriptions of a trust's EPR status, shared by the table and the trust pages. */
import type { Trust } from "./data/model.ts";
import { STATUS_LABELS, TRUST_TYPE_LABELS } from "./data/model.ts";
import { formatDate } from "./data/dates.ts";

export function statusLabel(t: Trust): string {
  return STATUS_LABELS[t.epr_status];
}

export function typeLabel(t: Trust): string {
  return t.trust_type ? TRUST_TYPE_LABELS[t.trust_type] : "Not known";
}

/** One sentence saying what NHS England's list says of this trust, and on what basis. */
export function statusSentence(t: Trust, listDate: string): string {
  const when = t.status_as_of ? formatDate(t.status_as_of) : "";
  if (t.epr_status_basis === "listed") {
    return t.epr_status === "epr"
      ? `NHS England's list of ${when} records an EPR from ${t.supplier}.`
      : `NHS England's list of ${when} records no EPR: the trust was in the process of getting one.`;
  }
  if (t.epr_status_basis === "predecessors") {
    const from = t.predecessor_codes.join(", ");
    return t.epr_status === "epr"
      ? `The trust is newer than NHS England's list of ${when}; every trust it was formed from (${from}) had an EPR then (${t.supplier ?? "supplier not stated"}).`
      : `The trust is newer than NHS England's list of ${when}; at least one trust it was formed from (${from}) had no EPR then.`;
  }
  return t.open_date && t.open_date > listDate
    ? `The trust opened on ${formatDate(t.open_date)}, after NHS England's list was made, and no published EPR status was found for it.`
    : "NHS England's list does not include this trust, and no other published EPR status was found for it.";
}
