/** A trust's card from the site's data: the one place the card's context is put together for pages. */
import { eventsOf, site, source, trust as trustByCode, trustEvent } from "../site.ts";
import type { SiteData, Trust } from "../data/model.ts";
import type { Source } from "../data/sources.ts";
import { ODS_TRUSTS_SOURCE_ID } from "../data/model.ts";
import { trustCard, type TrustCard } from "./card.ts";
import { cardParts } from "./card-parts.ts";

export { cardParts };

/** A source of one release's data (the live site's lookup is site.ts's). */
function sourceIn(data: SiteData, id: string): Source {
  const s = data.sources.find((x) => x.id === id);
  if (!s) throw new Error(`Unknown source id ${id} in the release of ${data.release.date}`);
  return s;
}

/** A trust's card from the live data, or from another release's (a card pinned to it). */
export function siteTrustCard(t: Trust, data: SiteData = site): TrustCard {
  const live = data === site;
  return trustCard(t, {
    nameOf: (code) => (live ? trustByCode(code) : data.trusts.find((x) => x.code === code))?.name ?? code,
    eventOf: live ? trustEvent : (id) => data.trust_events.find((e) => e.id === id),
    release: data.release.date,
    deadline: data.headline.deadline,
    events: live ? eventsOf(t.code) : data.trust_events.filter((e) => e.ods_code === t.code),
    source: live ? source : (id) => sourceIn(data, id),
    odsSourceId: ODS_TRUSTS_SOURCE_ID,
  });
}
