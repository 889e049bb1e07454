/** A trust's card from the site's data: the one place the card's context is put together for pages. */
import { followupOf, site, source, trust as trustByCode, trustEvent } from "../site.ts";
import type { Trust } from "../data/model.ts";
import { ODS_TRUSTS_SOURCE_ID } from "../data/model.ts";
import { trustCard, type TrustCard } from "./card.ts";
import { cardFallbackHeight } from "../publish/embed.ts";
import { cardParts } from "./card-parts.ts";

export { cardParts };

export function siteTrustCard(t: Trust): TrustCard {
  return trustCard(t, {
    nameOf: (code) => trustByCode(code)?.name ?? code,
    eventOf: trustEvent,
    event: trustEvent,
    release: site.release.date,
    deadline: site.headline.deadline,
    followup: followupOf(t.code),
    listDate: site.followup.list_date,
    source,
    odsSourceId: ODS_TRUSTS_SOURCE_ID,
  });
}

export const trustCardHeight = (t: Trust): number => cardFallbackHeight(cardParts(siteTrustCard(t)));
