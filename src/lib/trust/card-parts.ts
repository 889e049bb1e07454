/** A trust card's parts as the height estimate reads them (see cardHeightAt in embed.ts). */
import type { CardParts } from "../publish/embed.ts";
import { cardRoleWords, cardSourceWords, type CardSource, type TrustCard } from "./card.ts";

/** "Status and deadline: Title, publisher, date.": a source's line as the card prints it. */
const cardSourceLine = (s: CardSource): string => `${cardRoleWords(s)}: ${cardSourceWords(s)}.`;

export function cardParts(c: TrustCard): CardParts {
  return {
    kicker: c.kicker,
    name: c.name,
    paragraphs: [`${c.status} on ${c.statusDate}`, c.sentence, c.deadline],
    footer: ["Sources", ...c.sources.map(cardSourceLine), "What the status means · Full record on NHS EPR Tracker"],
  };
}
