/**
 * "Does your hospital have an EPR?": the words of a trust's embeddable card for local newsrooms. Its
 * status now with the date and basis of the evidence, the supplier, the deadline and where the trust
 * stood against it by the deadline's own test, and beside them every source the card's claims rest on.
 * Pure: site data in, text out.
 */
import { eventDateBasis } from "../data/modality.ts";
import { whenWords } from "../words/modality.ts";
import { citationParts, copyHolder, withCopyHolder } from "../words/cite.ts";
import type { Trust } from "../data/model.ts";
import type { Source } from "../data/sources.ts";
import type { TargetRow, TrustEventRow } from "../data/tables.ts";
import { formatDate } from "../data/dates.ts";
import { statusLabel, statusSentence, type TextContext } from "./text.ts";
import { trustDeadlineCheck } from "./deadline.ts";

/** What a source backs on the card: its status, the deadline, or the trust against the deadline. */
export type CardRole = "status" | "deadline" | "verdict";
const CARD_ROLE_WORDS: Record<CardRole, string> = {
  status: "Status",
  deadline: "Deadline",
  verdict: "Against the deadline",
};

export interface CardSource {
  /** What it backs on the card, in the card's order. */
  roles: CardRole[];
  title: string;
  /** "NHS England, 1 October 2024", with the UIN of a parliamentary answer. */
  rest: string;
  url: string;
  /** Who holds the copy the link leads to or was read from, when it is not the publisher's own. */
  copied_by: string | null;
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
  /** The deadline and its test, in the past tense once it has passed, then the trust against that test. */
  deadline: string;
  sources: CardSource[];
}

export interface CardContext extends TextContext {
  release: string;
  deadline: TargetRow;
  source: (id: string) => Source;
  /** The trust's own reported events. */
  events: readonly TrustEventRow[];
  /** The ODS trust file's source id, for a trust whose status rests on its closure or on nothing. */
  odsSourceId: string;
}

const fromSource = (role: CardRole, s: Source): CardSource => {
  const { title, rest } = citationParts(s);
  return { roles: [role], title, rest, url: s.url, copied_by: copyHolder(s) };
};
const fromEvent = (role: CardRole, e: TrustEventRow): CardSource => ({
  roles: [role],
  title: e.source_title,
  rest: `${e.publisher}, ${whenWords(e.event_date, eventDateBasis(e))}`,
  url: e.url,
  copied_by: null,
});

/** One entry per source, in the order first cited: a source that backs two claims is listed once, with both. */
function merged(sources: CardSource[]): CardSource[] {
  const byUrl = new Map<string, CardSource>();
  for (const s of sources) {
    const seen = byUrl.get(s.url);
    if (!seen) byUrl.set(s.url, { ...s, roles: [...s.roles] });
    else for (const r of s.roles) if (!seen.roles.includes(r)) seen.roles.push(r);
  }
  return [...byUrl.values()];
}

/** "Status and against the deadline": what a source backs, as its line on the card begins. */
export const cardRoleWords = (s: CardSource): string =>
  s.roles.map((r, i) => (i === 0 ? CARD_ROLE_WORDS[r] : CARD_ROLE_WORDS[r].toLowerCase())).join(" and ");

/** "Title, NHS England, 1 October 2024, as copied by regulate-tech/nhstech": a card source in words. */
export const cardSourceWords = (s: CardSource): string => `${s.title}, ${withCopyHolder(s.rest, s.copied_by)}`;

export function trustCard(t: Trust, ctx: CardContext): TrustCard {
  const now = t.status_now;
  const check = trustDeadlineCheck(t, ctx.deadline, ctx.release, ctx.events);
  const e = now.event_id ? ctx.eventOf(now.event_id) : undefined;
  const statusSources = e
    ? [fromEvent("status", e)]
    : now.basis === "predecessors"
      ? [...new Set(now.inferred_from.map((p) => p.source_id))].map((id) => fromSource("status", ctx.source(id)))
      : [fromSource("status", ctx.source(now.source_id ?? ctx.odsSourceId))];
  const verdictSources = [
    ...check.events.map((v) => fromEvent("verdict", v)),
    ...(check.source_id ? [fromSource("verdict", ctx.source(check.source_id))] : []),
  ];
  return {
    kicker: "Does this trust have an electronic patient record (EPR)?",
    name: t.name,
    status: statusLabel(t),
    statusClass: `status status-${now.status}`,
    statusDate: formatDate(ctx.release),
    sentence: statusSentence(t, ctx, { reportsBelow: false }),
    deadline: check.sentence ? `${check.definition} ${check.sentence}` : check.definition,
    sources: merged([...statusSources, fromSource("deadline", ctx.source(ctx.deadline.source_id)), ...verdictSources]),
  };
}
