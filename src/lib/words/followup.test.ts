import { describe, expect, it } from "vitest";
import { followupSentences, listedSetHeading } from "./followup.ts";

describe("headings about the trusts of one list", () => {
  it("name the list's date and speak of what it showed, never of the trusts without an EPR now", () => {
    expect(listedSetHeading("2024-10-01", 20)).toBe(
      "The 20 trusts NHS England's list of October 2024 showed without an EPR",
    );
    expect(listedSetHeading("2024-10-01")).toBe("The trusts NHS England's list of October 2024 showed without an EPR");
    expect(listedSetHeading("2024-10-01", 20)).not.toMatch(/trusts without an EPR$/);
  });
});

describe("follow-up sentences", () => {
  it("state the counts in words, and call missing news unknown", () => {
    const s = followupSentences(
      {
        live_before_deadline: 3,
        live_after_deadline: 0,
        reported_missing_deadline: 3,
        supplier_chosen_not_live: 2,
        in_progress_supplier_unknown: 2,
        no_update: 10,
      },
      "2026-03-31",
    );
    expect(s[0]).toBe("3 of the 20 went live before 31 March 2026, according to published reports.");
    expect(s).toContain("3 of the 20 had their go-live reported put back, with none reported since.");
    expect(s).toContain("4 of the 20 had work under way but no reported go-live (2 with a supplier chosen).");
    expect(s.at(-1)).toBe(
      'For 10 no published update was found after NHS England\'s list: their status is unknown, not "no EPR".',
    );
    expect(s.join(" ")).not.toContain("went live after");
  });
});
