/**
 * Plain-English, dated descriptions of a trust's EPR status, shared by the table, the trust pages, the
 * social cards and the embeds. Evidence is written in the tense its date needs: a list of 2024 is past.
 */
import { whenWords } from "../words/modality.ts";
import type { Trust } from "../data/model.ts";
import { STATUS_BASIS_SHORT, STATUS_NOW_LABELS, TRUST_TYPE_LABELS } from "../words/vocabulary.ts";
import { endOfPeriod, formatDate } from "../data/dates.ts";
import type { TrustEventRow } from "../data/tables.ts";
import type { TrustStatus } from "../data/status.ts";

export interface TextContext {
  /** Name of a trust by code, for mergers and predecessors. */
  nameOf: (code: string) => string;
  /** A reported event by id. */
  eventOf: (id: string) => TrustEventRow | undefined;
}

/** "Has an EPR", "No EPR reported", "Not known", "Closed"; "(inferred)" when it rests on other trusts. */
export function statusLabel(t: Trust): string {
  return STATUS_NOW_LABELS[t.status_now.status] + (t.status_now.basis === "predecessors" ? " (inferred)" : "");
}

export function typeLabel(t: Trust): string {
  return t.trust_type ? TRUST_TYPE_LABELS[t.trust_type] : "Not known";
}

const listWords = (asOf: string) => `NHS England's list of ${formatDate(asOf)}`;

/** The date a status rests on, "about June 2025" when the report's date was inferred. */
export const sinceWords = (s: TrustStatus): string => whenWords(s.since!, s.since_basis);

/** What a status rests on, with its date: the one wording for the trust page, its card and the table. */
export function restsOnWords(s: TrustStatus): string {
  switch (s.basis) {
    case "go_live":
      return `A reported go-live, ${sinceWords(s)}`;
    case "list":
      return `${listWords(s.since!)}`;
    case "predecessors":
      return "The trusts it took over (inferred)";
    case "closed":
      return s.since_basis === "exact"
        ? `ODS: last open day ${formatDate(s.since!)}`
        : `ODS successor file: the day before its merger, ${formatDate(s.since!)} (inferred)`;
    case "none":
      return "No published status found";
  }
}

/** "1 October 2024 (NHS England list)": the date of the evidence and its kind, for the trust table. */
export function statusEvidenceWords(s: TrustStatus): string {
  return s.since ? `${sinceWords(s)} (${STATUS_BASIS_SHORT[s.basis]})` : "—";
}

/**
 * Editions of NHS England's list that still recorded something else after the go-live the status
 * rests on: said plainly, with the rule the site follows, never dropped.
 */
export function contradictionSentences(s: TrustStatus): string[] {
  return s.contradictions.map(
    (c) =>
      `${listWords(c.as_of)} still recorded ${c.has_epr ? `${c.supplier} as its EPR supplier` : "no EPR"}, after the go-live reported for ${sinceWords(s)}. This site keeps the go-live, a dated report of one event, and shows the list's entry here rather than following it.`,
  );
}

/** What the trust's row in NHS England's list said, in the past tense. */
export function listSentence(t: Trust): string | null {
  if (!t.list) return null;
  return t.list.has_epr
    ? `${listWords(t.list.as_of)} recorded an EPR from ${t.list.supplier}.`
    : `${listWords(t.list.as_of)} recorded no EPR: the trust was in the process of getting one.`;
}

/** "merged into X on 1 April 2026" (several successors joined with "and"). */
function mergedWords(t: Trust, ctx: TextContext): string {
  return t.merged_into.map((m) => `${ctx.nameOf(m.code)} on ${formatDate(m.date)}`).join(" and ");
}

/**
 * The one sentence of what the evidence says now, with its date and basis: e.g. "Has an EPR from
 * Meditech Group Limited, live since June 2025 (reported by HTN)."
 */
export function statusSentence(t: Trust, ctx: TextContext, opts: { reportsBelow?: boolean } = {}): string {
  const s = t.status_now;
  // On the trust's page the later reports follow the sentence. A card has no room for them: it says
  // nothing of them here, and cites the one its deadline line rests on.
  const later =
    !s.later_event_ids.length || opts.reportsBelow === false
      ? ""
      : s.status === "epr"
        ? " Later reports, listed below, describe plans or contracts since then; none reports a change of system yet."
        : " Later reports, listed below, describe work since then; none reports a go-live.";
  switch (s.basis) {
    case "closed": {
      const when = formatDate(s.since!);
      // A last day worked out from the merger (no close date in the trust file) says how it was found.
      if (s.since_basis !== "exact" && t.merged_into.length)
        return `Closed: it merged into ${mergedWords(t, ctx)} (see that trust for its EPR now). It is not in the ODS trust file, so its last day as a trust, ${when}, is inferred as the day before.`;
      return t.merged_into.length
        ? `Closed: its last day as a trust was ${when}. It merged into ${mergedWords(t, ctx)} (see that trust for its EPR now).`
        : `Closed: its last day as a trust was ${when}.`;
    }
    case "go_live": {
      const e = ctx.eventOf(s.event_id!);
      const by = e ? `, as reported by ${e.publisher}` : "";
      // The list entry the go-live followed, not a later edition (which may disagree: said apart).
      const before = t.lists.filter((l) => l.as_of <= endOfPeriod(s.since!)).at(-1);
      const change =
        before?.has_epr && before.supplier
          ? `, replacing the ${before.supplier} system on ${listWords(before.as_of)}`
          : before && !before.has_epr
            ? `; ${listWords(before.as_of)} had recorded none`
            : "";
      return `Has an EPR${s.supplier ? ` from ${s.supplier}` : ""}, live since ${sinceWords(s)}${by}${change}.`;
    }
    case "list":
      return (
        (s.status === "epr"
          ? `Had an EPR from ${s.supplier} on ${listWords(s.since!)}; no later report of a change was found.${later}`
          : `Had no EPR on ${listWords(s.since!)}; no go-live has been reported since.${later}`) + assumedOpenWords(t)
      );
    case "predecessors": {
      const from = s.inferred_from
        .map((p) => `${ctx.nameOf(p.code)} (${p.supplier ?? "supplier not named"})`)
        .join(" and ");
      return `No EPR status of its own has been published. It opened on ${formatDate(t.open_date ?? s.since!)}, after ${listWords(s.since!)}; every trust it took over had an EPR on that list: ${from}. "Has an EPR" is inferred from them.`;
    }
    case "none":
      return t.open_date && t.list === null && t.took_over.length === 0
        ? `No published EPR status was found: the trust is not in any edition of NHS England's list${t.open_date >= "2024-01-01" ? ` (it opened on ${formatDate(t.open_date)})` : ""}.`
        : "No published EPR status was found for this trust.";
  }
}

/** For a closed trust: what the evidence said on its last day, in the past tense. */
export function statusAtCloseSentence(t: Trust): string | null {
  const s = t.status_at_close;
  if (!s) return null;
  if (s.basis === "go_live")
    return `Before it closed it had reported an EPR${s.supplier ? ` from ${s.supplier}` : ""}, live from ${sinceWords(s)}.`;
  return listSentence(t);
}

/**
 * A board's period beside a trust: " (since 1 April 2026)", " (until 31 March 2026)". A trust that closed
 * left its board on its own last day, so the period shown ends there, not at the board's end.
 */
export function boardPeriodWords(
  b: { from: string | null; until: string | null },
  trustLastDay: string | null,
): string {
  if (trustLastDay && (b.until === null || b.until > trustLastDay)) {
    return ` (${b.from && b.from <= trustLastDay ? `from ${formatDate(b.from)} ` : ""}until ${formatDate(trustLastDay)}, the trust's last day)`;
  }
  return b.from ? ` (since ${formatDate(b.from)})` : b.until ? ` (until ${formatDate(b.until)})` : "";
}

/**
 * " It is not in the ODS trust file …": a trust counted as open only because no closure or merger is
 * recorded for it says so wherever its status is given.
 */
export function assumedOpenWords(t: Pick<Trust, "in_ods_trust_list" | "merged_into" | "status_now">): string {
  return !t.in_ods_trust_list && t.merged_into.length === 0 && t.status_now.status !== "closed"
    ? " It is not in the ODS trust file and no closure or merger is recorded for it, so it is counted as open."
    : "";
}
