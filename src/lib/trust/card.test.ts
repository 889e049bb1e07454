import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readDataDir } from "../../../scripts/build-data.ts";
import { buildSiteData, ODS_TRUSTS_SOURCE_ID } from "../data/model.ts";
import { cardSourceWords, trustCard, type CardContext } from "./card.ts";
import { cardFallbackHeight, cardHeightAt, CARD_WIDTHS, NARROWEST_COLUMN } from "../publish/embed.ts";
import { cardParts } from "./card-parts.ts";
import { trustDeadlineCheck } from "./deadline.ts";

const FIXTURE = fileURLToPath(new URL("../../../test/fixtures/data", import.meta.url));
const site = buildSiteData(readDataDir(FIXTURE)).site;
const source = (id: string) => site.sources.find((s) => s.id === id)!;
const ctx = (release = site.release.date): Omit<CardContext, "events"> => ({
  nameOf: (code) => site.trusts.find((t) => t.code === code)?.name ?? code,
  eventOf: (id) => site.trust_events.find((e) => e.id === id),
  release,
  deadline: site.headline.deadline,
  source,
  odsSourceId: ODS_TRUSTS_SOURCE_ID,
});
const events = (code: string) => site.trust_events.filter((e) => e.ods_code === code);
const trust = (code: string) => site.trusts.find((t) => t.code === code)!;
const card = (code: string, c = ctx()) => trustCard(trust(code), { ...c, events: events(code) });

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
    // The go-live backs both the status and the verdict: cited once, for both.
    expect(c.sources[0]).toMatchObject({ roles: ["status", "verdict"], rest: "Trade News, about June 2025" });
    expect(c.sources[1]!.roles).toEqual(["deadline"]);
  });

  it("cites a parliamentary answer with its UIN, and a third party's copy as a copy, in words", () => {
    const deadlineSource = source(site.headline.deadline.source_id);
    const c = card("RAA", {
      ...ctx(),
      source: (id) =>
        id === site.headline.deadline.source_id
          ? { ...deadlineSource, uin: "HL1234" }
          : { ...source(id), via: "someone/copies, data/list.csv at commit 0123456789abcdef (a copy)" },
    });
    const words = c.sources.map(cardSourceWords);
    expect(words.find((w) => w.includes("HL1234"))).toMatch(/, UIN HL1234$/);
    expect(words[0]).toMatch(/, as copied by someone\/copies$/);
    // No commit or file path on the card: only who holds the copy.
    expect(words.join(" ")).not.toMatch(/commit|\.csv/);
  });

  it("gives every claim its source: the status's, the deadline's, and each report the verdict rests on", () => {
    for (const t of site.trusts) {
      const c = card(t.code);
      const urls = c.sources.map((s) => s.url);
      expect(c.sources.flatMap((s) => s.roles)).toEqual(expect.arrayContaining(["status", "deadline"]));
      const check = trustDeadlineCheck(t, site.headline.deadline, site.release.date, events(t.code));
      for (const e of check.events) expect(urls, t.code).toContain(e.url);
      if (check.source_id) expect(urls, t.code).toContain(source(check.source_id).url);
      // The card states the same test it judges by: one function gives both.
      expect(c.deadline.startsWith(check.definition), t.code).toBe(true);
      for (const s of c.sources) expect(s.rest, t.code).toMatch(/\d{4}/);
    }
  });

  it("puts the deadline in the past once it has passed, and in the present before", () => {
    expect(card("RDD").deadline).toMatch(/^The government's deadline .* was 31 March 2026\. /);
    expect(card("RDD", ctx("2026-01-01")).deadline).toMatch(/ is 31 March 2026\.$/);
    // On the deadline day itself the deadline has not yet passed.
    expect(card("RDD", ctx("2026-03-31")).deadline).toMatch(/ is 31 March 2026\.$/);
    expect(card("RDD", ctx("2026-04-01")).deadline).toMatch(/ was 31 March 2026\. /);
  });

  it("never points at reports 'listed below', which a card does not have", () => {
    for (const t of site.trusts) expect(card(t.code).sentence).not.toContain("listed below");
  });

  it("is given a height that holds it in the narrowest article column and at every common width", () => {
    expect(CARD_WIDTHS[0]).toBe(NARROWEST_COLUMN);
    for (const t of site.trusts) {
      const parts = cardParts(card(t.code));
      const h = cardFallbackHeight(parts);
      for (const w of CARD_WIDTHS) expect(h).toBeGreaterThanOrEqual(cardHeightAt(parts, w));
      // Narrower columns wrap more: the narrowest decides.
      expect(cardHeightAt(parts, NARROWEST_COLUMN)).toBe(h);
    }
  });
});
