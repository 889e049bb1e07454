/**
 * "Does your hospital have an EPR?": the words of a trust's embeddable card for local newsrooms. Its
 * status now with the date and basis of the evidence, the supplier, the deadline in the tense the
 * release date needs, where the trust stood against it, and the sources. Pure: site data in, text out.
 */
import { eventDateBasis } from "../data/modality.ts";
import { whenWords } from "../words/modality.ts";
import type { Trust } from "../data/model.ts";
import type { Source } from "../data/sources.ts";
import type { TargetRow, TrustEventRow } from "../data/tables.ts";
import type { Followup } from "../data/followup.ts";
import { FOLLOWUP_LABELS } from "../words/vocabulary.ts";
import { formatDate } from "../data/dates.ts";
import { statusLabel, statusSentence, type TextContext } from "./text.ts";

export interface CardSource {
  /** What the source is for on the card: "status" or "deadline". */
  role: "status" | "deadline";
  title: string;
  publisher: string;
  url: string;
  /** "1 October 2024". */
  date: string;
}

export interface TrustCard {
  kicker: string;
  name: string;
  /** "Has an EPR" and the like, with the date it holds on. */
  status: string;
  statusClass: string;
  statusDate: string;
  /** The dated sentence of what the evidence says. */
  sentence: string;
  /** The deadline, in the past tense once it has passed. */
  deadline: string;
  /** For a trust NHS England listed without an EPR: where published reports put it against the deadline. */
  sinceList: string | null;
  sources: CardSource[];
}

export interface CardContext extends TextContext {
  release: string;
  deadline: TargetRow;
  followup: Followup | null;
  listDate: string;
  source: (id: string) => Source;
  event: (id: string) => TrustEventRow | undefined;
  /** The ODS trust file's source id, for a trust whose status rests on its closure or on nothing. */
  odsSourceId: string;
}

export function trustCard(t: Trust, ctx: CardContext): TrustCard {
  const now = t.status_now;
  const passed = ctx.deadline.target_date < ctx.release;
  const weaker = ctx.deadline.modality === "restated_target";
  const deadline = `The government's deadline for every trust to have an EPR${weaker ? ", or to be putting one in," : ""} ${passed ? "was" : "is"} ${formatDate(ctx.deadline.target_date)}.`;
  const f = ctx.followup;
  const sinceList = !f
    ? null
    : f.category === "no_update"
      ? `NHS England's list of ${formatDate(ctx.listDate)} recorded no EPR, and no published report of progress was found after it up to ${formatDate(ctx.release)}.`
      : `NHS England's list of ${formatDate(ctx.listDate)} recorded no EPR. Since then, by reports published up to ${formatDate(ctx.release)}: ${FOLLOWUP_LABELS[f.category].toLowerCase()}${f.supplier && now.status !== "epr" ? ` (supplier named: ${f.supplier})` : ""}.`;
  const fromSource = (role: CardSource["role"], s: Source): CardSource => ({
    role,
    title: s.title,
    publisher: s.publisher,
    url: s.url,
    date: whenWords(s.date, s.date_estimated ? "estimated" : "exact"),
  });
  const e = now.event_id ? ctx.event(now.event_id) : undefined;
  const statusSource: CardSource = e
    ? {
        role: "status",
        title: e.source_title,
        publisher: e.publisher,
        url: e.url,
        date: whenWords(e.event_date, eventDateBasis(e)),
      }
    : fromSource("status", ctx.source(now.source_id ?? ctx.odsSourceId));
  return {
    kicker: "Does this trust have an electronic patient record (EPR)?",
    name: t.name,
    status: statusLabel(t),
    statusClass: `status status-${now.status}`,
    statusDate: formatDate(ctx.release),
    sentence: statusSentence(t, ctx, { reportsBelow: false }),
    deadline,
    sinceList,
    sources: [statusSource, fromSource("deadline", ctx.source(ctx.deadline.source_id))],
  };
}
