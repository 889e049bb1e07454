import { endOfPeriod } from "../data/dates.ts";
import { describe, expect, it } from "vitest";
import type { StatementRow } from "../data/tables.ts";
import type { Followup, FollowupCategory } from "../data/followup.ts";
import { deadlineAnswer, type DeadlineInput } from "./deadline-answer.ts";

const row = (id: string, metric: StatementRow["metric"], value: number, o: Partial<StatementRow> = {}): StatementRow =>
  ({
    id,
    metric,
    value,
    unit: "trusts",
    scope: "secondary_care_trusts",
    as_of: "2025-05",
    stated_on: "2025-05",
    dates_estimated: true,
    official: true,
    speaker: null,
    source_id: "hl7395",
    fact_ids: [],
    confidence: "H",
    note: null,
    ...o,
  }) as StatementRow;
const follow = (code: string, category: FollowupCategory, go_live: string | null = null): Followup => ({
  code,
  name: code,
  category,
  go_live,
  live_from: go_live && endOfPeriod(go_live),
  supplier: null,
  events: [],
});
const trusts = [
  follow("A", "live_before_deadline", "2025-06"),
  follow("B", "reported_missing_deadline"),
  follow("C", "no_update"),
  follow("D", "no_update"),
  follow("E", "supplier_chosen_not_live"),
];
const counts = {
  live_before_deadline: 1,
  live_after_deadline: 0,
  reported_missing_deadline: 1,
  supplier_chosen_not_live: 1,
  in_progress_supplier_unknown: 0,
  no_update: 2,
};
const input = (statements: StatementRow[], release = "2026-11-25"): DeadlineInput => ({
  release,
  deadline: { date: "2026-03-31", weaker: true, announcedOn: "2025-11-28" },
  statements,
  followup: { list_date: "2024-10-01", trusts, counts },
  listCaveat: "The file name and the sheet give different dates.",
  publisherOf: (id) => ({ hl7395: "UK Parliament", trade: "Health Business UK" })[id] ?? id,
});
const official = [row("S047", "trusts_without_epr", 19), row("S045", "trusts_in_scope", 206)];
const trade = row("S048", "trusts_not_installed_or_procuring", 2, {
  official: false,
  scope: "acute_trusts",
  as_of: "2026-03-31",
  stated_on: "2026-06-30",
  dates_estimated: false,
  source_id: "trade",
});

describe("the deadline question", () => {
  it("gives the last official count before the deadline, dated, and says none has come since", () => {
    const a = deadlineAnswer(input([...official, trade]));
    expect(a.officialAfter).toBeNull();
    expect(a.official).toBe(
      "No official count for the deadline was found in our sources up to 25 November 2026. The last, for about May 2025, put 19 of 206 secondary care trusts without an EPR.",
    );
  });

  it("counts the listed trusts with no go-live reported on the deadline day, and what is known of them", () => {
    const a = deadlineAnswer(input(official));
    expect(a.trustLevel).toMatchObject({
      listed: 5,
      liveByDeadline: 1,
      withoutOnDeadline: 4,
      missed: 1,
      underway: 1,
      noUpdate: 2,
    });
    expect(a.evidence).toMatch(
      /^Of the 5 trusts NHS England's list of 1 October 2024 named without an EPR, 1 had a go-live reported by 31 March 2026, leaving 4 with none reported on the day: 1 with their go-live reported put back, 1 with work reported but no go-live, and 2 with no published update at all\.$/,
    );
  });

  it("keeps a later trade count apart, says it is not official, and what it leaves unknown", () => {
    const a = deadlineAnswer(input([...official, trade]));
    expect(a.unofficial).toBe(
      "Research by a commercial analyst, reported by Health Business UK on 30 June 2026, counted 2 trusts, mainly acute, that had neither installed an EPR nor formally agreed to procure one by 31 March 2026. It is not an official count.",
    );
    expect(a.unknowns.join(" ")).toMatch(
      /none found in our sources up to 25 November 2026.*no report is not the same as no EPR.*only for an EPR or one being put in.*does not name them/,
    );
  });

  it("writes one sentence to quote, every figure with its date", () => {
    expect(deadlineAnswer(input([...official, trade])).quote).toBe(
      "No official count for the 31 March 2026 deadline was found in our sources up to 25 November 2026 (the last, for about May 2025, put 19 of 206 secondary care trusts without an electronic patient record); of the 5 trusts NHS England's list of October 2024 named without one, 4 had no go-live reported by the deadline; and a commercial survey reported on 30 June 2026 found 2 trusts, mainly acute, that had neither installed an EPR nor formally agreed to procure one.",
    );
    expect(deadlineAnswer(input(official)).quote).not.toContain("commercial");
    // An absence is what our sources lack, never a claim that nothing was published; the commercial test
    // is the source's ("installed", "formally agreed to procure"), not a stronger "in place" or "signed".
    const every = deadlineAnswer(input([...official, trade]));
    const words = [every.official, every.unofficial, every.quote, ...every.unknowns].join(" ");
    expect(words).not.toMatch(/had been published|in place|signed deal|neither a system/);
  });

  it("says a later official share beside the last count, as a share, and no share older than the count", () => {
    const share = (id: string, value: number, as_of: string) =>
      row(id, "share_with_epr", value, { unit: "percent", as_of, stated_on: "2026-10-01", dates_estimated: false });
    const a = deadlineAnswer(input([...official, share("S100", 97, "2026-09-30"), share("S101", 95, "2026-06-30")]));
    expect(a.official).toBe(
      "No official count for the deadline was found in our sources up to 25 November 2026. The last, for about May 2025, put 19 of 206 secondary care trusts without an EPR. A later official figure, for 30 September 2026, put 97% of secondary care trusts with an EPR: a share, not a count of those without one.",
    );
    const older = deadlineAnswer(input([...official, share("S102", 90, "2024-03-31")]));
    expect(older.official).not.toContain("later official figure");
    const acute = row("S103", "share_with_epr", 99, { unit: "percent", as_of: "2026-09-30", scope: "acute_trusts" });
    expect(deadlineAnswer(input([...official, acute])).official).not.toContain("later official figure");
  });

  it("uses an official count for the deadline once there is one", () => {
    const after = row("S099", "trusts_without_epr", 6, {
      as_of: "2026-03-31",
      stated_on: "2026-09-01",
      dates_estimated: false,
      speaker: "A minister",
    });
    const a = deadlineAnswer(input([...official, after]));
    expect(a.official).toBe(
      "The official count for the deadline, 31 March 2026, was 6 secondary care trusts without an EPR.",
    );
    expect(a.quote).toMatch(
      /^The official count for the 31 March 2026 deadline, for 31 March 2026, put 6 secondary care trusts without an electronic patient record;/,
    );
    expect(a.unknowns.join(" ")).not.toContain("by an official count");
  });

  it("counts a go-live on the deadline day itself as in time", () => {
    const onTheDay = [follow("A", "live_before_deadline", "2026-03-31"), follow("B", "no_update")];
    const a = deadlineAnswer({ ...input(official), followup: { list_date: "2024-10-01", trusts: onTheDay, counts } });
    expect(a.trustLevel).toMatchObject({ listed: 2, liveByDeadline: 1, withoutOnDeadline: 1 });
  });

  it("takes the list's date caveat from the edition, and says nothing of one when its date is plain", () => {
    expect(deadlineAnswer(input(official)).unknowns.join(" ")).toContain(
      "the date of its edition of 1 October 2024 is uncertain",
    );
    const plain = deadlineAnswer({ ...input(official), listCaveat: null }).unknowns.join(" ");
    expect(plain).not.toMatch(/uncertain|file name|January 2024/);
  });

  it("says so when the only edition of the list was made after the deadline", () => {
    const a = deadlineAnswer({ ...input(official), followup: { list_date: "2026-11-01", trusts, counts } });
    expect(a.evidence).toContain(
      "NHS England's list of 1 November 2026, made after the deadline, named without an EPR",
    );
    expect(a.quote).toContain("NHS England's list of November 2026, made after the deadline, named without one");
  });
});
