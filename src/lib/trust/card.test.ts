import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readDataDir } from "../../../scripts/build-data.ts";
import { buildSiteData, ODS_TRUSTS_SOURCE_ID } from "../data/model.ts";
import { trustCard, type CardContext } from "./card.ts";
import { cardFallbackHeight, cardHeightAt, COMMON_EMBED_WIDTHS } from "../publish/embed.ts";
import { cardParts } from "./card-parts.ts";

const FIXTURE = fileURLToPath(new URL("../../../test/fixtures/data", import.meta.url));
const site = buildSiteData(readDataDir(FIXTURE)).site;
const ctx = (release = site.release.date): CardContext => ({
  nameOf: (code) => site.trusts.find((t) => t.code === code)?.name ?? code,
  eventOf: (id) => site.trust_events.find((e) => e.id === id),
  event: (id) => site.trust_events.find((e) => e.id === id),
  release,
  deadline: site.headline.deadline,
  followup: null,
  listDate: site.followup.list_date,
  source: (id) => site.sources.find((s) => s.id === id)!,
  odsSourceId: ODS_TRUSTS_SOURCE_ID,
});
const card = (code: string, c = ctx()) =>
  trustCard(
    site.trusts.find((t) => t.code === code)!,
    { ...c, followup: site.followup.trusts.find((f) => f.code === code) ?? null },
  );

describe("a trust's card", () => {
  it("says the status now with its date, the go-live and its reporter, and cites the report", () => {
    // Fixture RDD: listed without an EPR, reported live on Epic in June 2025.
    const c = card("RDD");
    expect(c.status).toBe("Has an EPR");
    expect(c.statusDate).toBe("25 November 2026");
    // The go-live's year was inferred: "about", on the card as on the page.
    expect(c.sentence).toMatch(
      /^Has an EPR from Epic Systems Corporation, live since about June 2025, as reported by /,
    );
    expect(c.sinceList).toMatch(
      /^NHS England's list of 1 October 2024 recorded no EPR\. Since then, by reports published up to 25 November 2026: went live before the deadline\.$/,
    );
    expect(c.sources[0]).toMatchObject({ role: "status", date: "about June 2025" });
    expect(c.sources[1]!.role).toBe("deadline");
  });

  it("puts the deadline in the past once it has passed, and in the present before", () => {
    expect(card("RDD").deadline).toMatch(/ was 31 March 2026\.$/);
    expect(card("RDD", ctx("2026-01-01")).deadline).toMatch(/ is 31 March 2026\.$/);
    // On the deadline day itself the deadline has not yet passed.
    expect(card("RDD", ctx("2026-03-31")).deadline).toMatch(/ is 31 March 2026\.$/);
    expect(card("RDD", ctx("2026-04-01")).deadline).toMatch(/ was 31 March 2026\.$/);
  });

  it("never points at reports 'listed below', which a card does not have", () => {
    for (const t of site.trusts) expect(card(t.code).sentence).not.toContain("listed below");
  });

  it("is given a height that holds it at every common width", () => {
    const parts = cardParts(card("RDD"));
    const h = cardFallbackHeight(parts);
    for (const w of COMMON_EMBED_WIDTHS) expect(h).toBeGreaterThanOrEqual(cardHeightAt(parts, w));
  });
});
