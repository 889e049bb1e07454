/** A trust card's parts as the height estimate reads them (see cardHeightAt in embed.ts). */
import type { CardParts } from "../publish/embed.ts";
import type { TrustCard } from "./card.ts";

export function cardParts(c: TrustCard): CardParts {
  return {
    kicker: c.kicker,
    name: c.name,
    paragraphs: [`${c.status} on ${c.statusDate}`, c.sentence, c.deadline, ...(c.sinceList ? [c.sinceList] : [])],
    footer: `Sources: ${c.sources.map((s) => `${s.publisher} (${s.role}, ${s.date})`).join("; ")} · What the status means · Full record on NHS EPR Tracker`,
  };
}
