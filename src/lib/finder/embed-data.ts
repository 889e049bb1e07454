/**
 * The embedded finder's data: every trust as the finder on /trusts/ searches it, with the answer card
 * it shows, packed into one JSON text for the page and read back by the embed's script. Pure.
 */
import type { TrustCard } from "../trust/card.ts";
import { withCopyHolder } from "../words/cite.ts";
import { cardFallbackHeight } from "../publish/embed.ts";
import { keyWords, siteFromRow, siteRow, type Candidate, type SiteParts, type SiteRow } from "./search.ts";

/** The answer to "Does your hospital have an EPR?": a trust's dated status and its source, from its card. */
export interface AnswerCard {
  code: string;
  name: string;
  /** "Has an EPR" and the like. */
  status: string;
  statusClass: string;
  /** The date the status holds on, in words. */
  statusDate: string;
  /** The dated sentence of what the evidence says. */
  sentence: string;
  /** Where the status comes from, or null when the card names no source for it. */
  /** Its title (the link), then publisher, date and who holds the copy when it is not the publisher's own. */
  source: { title: string; url: string; rest: string } | null;
}

/** The answer from a trust's card: its status, date, sentence and the source of its status. */
export function answerCard(code: string, c: TrustCard): AnswerCard {
  const s = c.sources.find((x) => x.roles.includes("status")) ?? null;
  return {
    code,
    name: c.name,
    status: c.status,
    statusClass: c.statusClass,
    statusDate: c.statusDate,
    sentence: c.sentence,
    source: s && { title: s.title, url: s.url, rest: withCopyHolder(s.rest, s.copied_by) },
  };
}

/** One trust for the embed: the Candidate's text as the finder builds it, its sites as the data gives them. */
export interface FinderEntry {
  candidate: Omit<Candidate, "sites">;
  sites: readonly SiteParts[];
  card: AnswerCard;
}

type Row = [
  code: string,
  name: string,
  names: string,
  terms: string,
  postcode: string,
  acute: 0 | 1,
  sites: SiteRow[],
  card: [name: string, status: string, statusClass: string, statusDate: string, sentence: string, source: string[]],
];

/**
 * A site's address as the embed carries it: only its key words not already in its name or town. The
 * finder reads a site's words as a set, so it finds exactly what it would with the whole address,
 * in fewer bytes.
 */
function shortAddress(s: SiteParts): SiteParts {
  const have = new Set(keyWords(`${s.name} ${s.town ?? ""}`));
  return {
    ...s,
    address:
      keyWords(s.address ?? "")
        .filter((w) => !have.has(w))
        .join(" ") || null,
  };
}

export function packFinder(entries: readonly FinderEntry[]): string {
  const rows = entries.map(({ candidate: c, sites, card: a }): Row => [
    c.code,
    c.name,
    c.names,
    c.terms,
    c.postcode ?? "",
    c.acute ? 1 : 0,
    sites.map((s) => siteRow(shortAddress(s))),
    [
      a.name,
      a.status,
      a.statusClass,
      a.statusDate,
      a.sentence,
      a.source ? [a.source.title, a.source.url, a.source.rest] : [],
    ],
  ]);
  // "<" written as an escape, so no text in the data can close the script element that carries it.
  return JSON.stringify(rows).replace(/</g, "\\u003c");
}

export function unpackFinder(text: string): { candidates: Candidate[]; cards: Map<string, AnswerCard> } {
  const rows = JSON.parse(text) as Row[];
  const candidates = rows.map(([code, name, names, terms, postcode, acute, sites]) => ({
    code,
    name,
    names,
    terms,
    postcode: postcode || null,
    acute: acute === 1,
    sites: sites.map(siteFromRow),
  }));
  const cards = new Map(
    rows.map(([code, , , , , , , [name, status, statusClass, statusDate, sentence, [title, url, rest]]]) => [
      code,
      {
        code,
        name,
        status,
        statusClass,
        statusDate,
        sentence,
        source: title !== undefined ? { title, url: url!, rest: rest! } : null,
      },
    ]),
  );
  return { candidates, cards };
}

/** The search form above the answer, in px: its label, the 44px box and button, and margins. */
const FORM_BLOCK = 110;

/** What the finder embed shows around an answer, for its height. */
export interface FinderFrame {
  title: string;
  /** The longest line the finder may show above an answer: a site's note, or a partial match's words. */
  hint: (e: FinderEntry) => string;
  /** The line under the answer that points to further matches. */
  more: string;
  footer: string;
}

/**
 * A fixed height that shows the tallest answer at every common width, when the loader is not used:
 * estimated like a trust card's (generously), with the form and the hint above it.
 */
export function finderFallbackHeight(entries: readonly FinderEntry[], f: FinderFrame): number {
  const source = (a: AnswerCard) => (a.source ? `Source: ${a.source.title}, ${a.source.rest}` : "");
  return Math.max(
    ...entries.map(
      (e) =>
        FORM_BLOCK +
        cardFallbackHeight({
          kicker: f.title,
          name: e.card.name,
          paragraphs: [f.hint(e), e.card.sentence, source(e.card), f.more],
          footer: [f.footer],
        }),
    ),
  );
}
