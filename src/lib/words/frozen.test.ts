/**
 * The exact words the site says about one release, frozen: the data of 25 November 2026
 * (test/fixtures/frozen-2026-11-25/) through the functions the pages call. The tests on the built site
 * check rules on whatever data the build used; this file keeps the wording itself under review.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readDataDir } from "../../../scripts/build-data.ts";
import { buildSiteData, type SiteData, type Trust } from "../data/model.ts";
import { formatDate } from "../data/dates.ts";
import { siteDeadlineAnswer } from "../../../test/helpers/site-deadline-answer.ts";
import { statusAtCloseSentence, statusLabel, statusSentence, type TextContext } from "../trust/text.ts";
import { trustHistory } from "../trust/history.ts";
import { trustCard } from "../trust/card.ts";
import { ODS_TRUSTS_SOURCE_ID } from "../data/model.ts";

const FROZEN = fileURLToPath(new URL("../../../test/fixtures/frozen-2026-11-25", import.meta.url));
const site: SiteData = buildSiteData(readDataDir(FROZEN)).site;

const trust = (code: string): Trust => {
  const t = site.trusts.find((x) => x.code === code);
  if (!t) throw new Error(`${code} is not in the frozen release`);
  return t;
};
const nameOf = (code: string) => site.trusts.find((t) => t.code === code)?.name ?? code;
const ctx: TextContext = { nameOf, eventOf: (id) => site.trust_events.find((e) => e.id === id) };
const source = (id: string) => site.sources.find((s) => s.id === id)!;
/** The first line of a trust's page: "Status on 25 November 2026: Has an EPR". */
const lede = (t: Trust) => `Status on ${formatDate(site.release.date)}: ${statusLabel(t)}`;

describe("the frozen release of 25 November 2026, in the site's words", () => {
  it("leads the home page with the official figure of about May 2025", () => {
    const share = site.headline.share_with_epr;
    expect([share.value, share.as_of, share.dates_estimated, share.source_id]).toEqual([91, "2025-05", true, "hl7395"]);
    expect(site.headline.trusts_without_epr?.value).toBe(19);
    expect([site.snapshot.without_epr, site.snapshot.total]).toEqual([20, 209]);
  });

  it("answers the deadline question with the official, trust-level and unofficial counts", () => {
    const answer = siteDeadlineAnswer(site);
    expect(answer.deadlineWords).toBe("31 March 2026");
    expect(answer.official).toBe(
      "No official count for the deadline was found in our sources up to 25 November 2026. The last, for about May 2025, put 19 of 206 secondary care trusts without an EPR.",
    );
    expect(answer.officialBefore?.statement.source_id).toBe("hl7395");
    expect(answer.unofficialAfter?.statement.source_id).toBe("healthbusiness-2026-06-30-epr-rollout");
    expect(answer.unofficial).toContain(
      "reported by Health Business UK on 30 June 2026, counted 2 trusts, mainly acute, that had neither installed an EPR nor formally agreed to procure one",
    );
    expect(answer.unofficial).toMatch(/It is not an official count\.$/);
    expect(answer.quote).toBe(
      "No official count for the 31 March 2026 deadline was found in our sources up to 25 November 2026 (the last, for about May 2025, put 19 of 206 secondary care trusts without an electronic patient record); of the 20 trusts NHS England's list of October 2024 named without one, 17 had no go-live reported by the deadline; and a commercial survey reported on 30 June 2026 found 2 trusts, mainly acute, that had neither installed an EPR nor formally agreed to procure one.",
    );
  });

  it("says a trust listed without an EPR and reported live since has one, citing the report", () => {
    for (const [code, month] of [
      // East and Mid Cheshire's year is inferred from the trust board's papers: "about".
      ["RJN", "about June 2025"],
      ["RBT", "about June 2025"],
      ["RPC", "November 2025"],
    ] as const) {
      const t = trust(code);
      expect(lede(t), code).toBe("Status on 25 November 2026: Has an EPR");
      expect(statusSentence(t, ctx), code).toMatch(
        new RegExp(
          `^Has an EPR from [^,]+, live since ${month}, as reported by [^;]+; NHS England's list of 1 October 2024 had recorded none\\.$`,
        ),
      );
    }
  });

  it("names the system a go-live replaced", () => {
    expect(statusSentence(trust("RF4"), ctx)).toBe(
      "Has an EPR from Oracle Cerner Corporation, live since November 2025, as reported by HTN (Health Tech Newspaper), replacing the System C Healthcare Ltd system on NHS England's list of 1 October 2024.",
    );
  });

  it("speaks of a closed trust in the past tense, with its date and where it went", () => {
    const t = trust("RNK");
    expect(lede(t)).toBe("Status on 25 November 2026: Closed");
    expect(statusSentence(t, ctx)).toBe(
      "Closed: its last day as a trust was 31 March 2026. It merged into North London NHS Foundation Trust on 1 April 2026 (see that trust for its EPR now).",
    );
    expect(statusAtCloseSentence(t)).toBe(
      "NHS England's list of 1 October 2024 recorded an EPR from Advanced Health and Care Limited.",
    );
  });

  it("says when a status is inferred from the trusts taken over, with their names and dates", () => {
    const t = trust("G6V2S");
    expect(lede(t)).toBe("Status on 25 November 2026: Has an EPR (inferred)");
    expect(statusSentence(t, ctx)).toMatch(
      /^No EPR status of its own has been published\. It opened on 1 November 2024, after NHS England's list of 1 October 2024; every trust it took over had an EPR on that list: /,
    );
    expect(t.took_over.map((m) => `${nameOf(m.code)} on ${formatDate(m.date)}`).join(", ")).toBe(
      "Barnet, Enfield and Haringey Mental Health NHS Trust on 1 November 2024, Camden and Islington NHS Foundation Trust on 1 November 2024, Tavistock and Portman NHS Foundation Trust on 1 April 2026",
    );
  });

  it("dates a takeover rather than calling the trust formed from it", () => {
    const t = trust("RW1");
    expect(t.took_over.map((m) => `${nameOf(m.code)} on ${formatDate(m.date)}`)).toEqual([
      "Solent NHS Trust on 1 October 2024",
    ]);
    expect(trustHistory(t, nameOf).map((h) => h.text)).toContain("It took over Solent NHS Trust.");
    expect(trustHistory(t, nameOf).some((h) => /formed from/i.test(h.text))).toBe(false);
    expect(statusSentence(t, ctx)).toMatch(
      /^Had an EPR from The Access Group on NHS England's list of 1 October 2024;/,
    );
  });

  it("gives the board a trust is in now, and the one on the list's date", () => {
    const t = trust("RPC");
    expect([t.icb?.name, t.icb?.from, t.icb_at_list?.name, t.icb_at_list?.until]).toEqual([
      "Surrey and Sussex",
      "2026-04-01",
      "Sussex",
      "2026-03-31",
    ]);
  });

  it("puts 'No EPR reported' on the card of a trust listed without one and no go-live since", () => {
    const t = trust("RM1");
    const card = trustCard(t, {
      ...ctx,
      release: site.release.date,
      deadline: site.headline.deadline,
      events: site.trust_events.filter((e) => e.ods_code === t.code),
      source,
      odsSourceId: ODS_TRUSTS_SOURCE_ID,
    });
    expect(`${card.status} on ${card.statusDate}`).toBe("No EPR reported on 25 November 2026");
    // The deadline's own test decides the verdict, and the report it rests on (the BBC's) is cited.
    expect(card.deadline).toBe(
      "The government's deadline for every trust to have an EPR, or to be putting one in, was 31 March 2026. By that test it did not miss it: reports up to then show one being put in (its go-live had been put back, about March 2026).",
    );
    expect(
      card.sources.map((s) => `${s.roles.join("+")}: ${s.rest}${s.copied_by ? ` via ${s.copied_by}` : ""}`),
    ).toEqual([
      "status: NHS England, 1 October 2024 via regulate-tech/nhstech",
      "deadline: Department of Health and Social Care, 28 November 2025",
      "verdict: BBC News (available copy via mirror), about March 2026",
    ]);
  });
});
