/** A trust's card from the site's data: the one place the card's context is put together for pages. */
import { site, source, trust as trustByCode } from "../site.ts";
import type { Trust } from "../data/model.ts";
import { ODS_TRUSTS_SOURCE_ID } from "../data/model.ts";
import { trustCard, type TrustCard } from "./card.ts";
import { cardParts } from "./card-parts.ts";

export { cardParts };

export function siteTrustCard(t: Trust): TrustCard {
  return trustCard(t, {
    nameOf: (code) => trustByCode(code)?.name ?? code,
    eventOf: (id) => site.trust_events.find((e) => e.id === id),
    event: (id) => site.trust_events.find((e) => e.id === id),
    release: site.release.date,
    deadline: site.headline.deadline,
    followup: site.followup.trusts.find((f) => f.code === t.code) ?? null,
    listDate: site.followup.list_date,
    source,
    odsSourceId: ODS_TRUSTS_SOURCE_ID,
  });
}
