import { describe, expect, it } from "vitest";
import { classifyTrust, countByCategory, followTrusts, stillWithoutOn } from "../../src/lib/data/followup.ts";
import type { TrustEventRow } from "../../src/lib/data/tables.ts";

const LIST = "2024-10-01";
const DEADLINE = "2026-03-31";
const RELEASE = "2026-11-25";
let n = 0;
function event(
  ods_code: string,
  event_date: string,
  event: TrustEventRow["event"],
  extra: Partial<TrustEventRow> = {},
): TrustEventRow {
  n++;
  return {
    id: `E${String(n).padStart(3, "0")}`,
    ods_code,
    event_date,
    event,
    supplier: null,
    summary: "s",
    date_inferred: false,
    source_title: "t",
    publisher: "p",
    url: "https://example.org/",
    confidence: "M",
    ...extra,
  };
}
const listed = (code: string) => event(code, LIST, "listed_no_epr");

describe("following the trusts listed without an EPR", () => {
  it("counts a go-live before the deadline, even one known only to the month", () => {
    expect(
      classifyTrust([listed("A"), event("A", "2026-03", "go_live", { date_inferred: true })], LIST, DEADLINE, RELEASE),
    ).toMatchObject({ category: "live_before_deadline", go_live: "2026-03" });
  });

  it("counts a go-live after the deadline as late", () => {
    expect(classifyTrust([listed("A"), event("A", "2026-04-02", "go_live")], LIST, DEADLINE, RELEASE).category).toBe(
      "live_after_deadline",
    );
  });

  it("records a reported delay as a missed deadline", () => {
    expect(
      classifyTrust([listed("A"), event("A", "2026-03", "go_live_delayed")], LIST, DEADLINE, RELEASE).category,
    ).toBe("reported_missing_deadline");
  });

  it("says 'no published update' when nothing was reported after the list, even if older news exists", () => {
    const result = classifyTrust(
      [event("A", "2023-12", "supplier_selected", { supplier: "Epic Systems Corporation" }), listed("A")],
      LIST,
      DEADLINE,
      RELEASE,
    );
    expect(result).toEqual({
      category: "no_update",
      go_live: null,
      live_from: null,
      supplier: "Epic Systems Corporation",
    });
    expect(classifyTrust([], LIST, DEADLINE, RELEASE).category).toBe("no_update");
  });

  it("separates a chosen supplier from work with no supplier named", () => {
    expect(
      classifyTrust(
        [listed("A"), event("A", "2025-01-22", "contract_signed", { supplier: "Epic Systems Corporation" })],
        LIST,
        DEADLINE,
        RELEASE,
      ).category,
    ).toBe("supplier_chosen_not_live");
    expect(classifyTrust([listed("A"), event("A", "2025-05-28", "other")], LIST, DEADLINE, RELEASE).category).toBe(
      "in_progress_supplier_unknown",
    );
  });

  it("follows every listed trust, with or without events, and counts them by where they stand", () => {
    const events = [
      listed("A"),
      event("A", "2025-06", "go_live"),
      listed("B"),
      event("B", "2026-03", "go_live_delayed"),
    ];
    const followups = followTrusts(
      [
        { code: "A", name: "Alpha" },
        { code: "B", name: "Beta" },
        { code: "C", name: "Gamma" },
      ],
      events,
      LIST,
      DEADLINE,
      RELEASE,
    );
    expect(followups.map((f) => [f.code, f.category, f.events.length])).toEqual([
      ["A", "live_before_deadline", 2],
      ["B", "reported_missing_deadline", 2],
      ["C", "no_update", 0],
    ]);
    expect(countByCategory(followups)).toMatchObject({
      live_before_deadline: 1,
      reported_missing_deadline: 1,
      no_update: 1,
      live_after_deadline: 0,
    });
    // Three listed, one live by June 2025: two left then, three left in May.
    expect(stillWithoutOn(followups, "2025-06-30")).toBe(2);
    expect(stillWithoutOn(followups, "2025-05-31")).toBe(3);
  });
});

describe("went live by a day: one rule at each boundary", () => {
  it("a go-live on the deadline day itself was in time, the day after was late", () => {
    expect(classifyTrust([listed("A"), event("A", DEADLINE, "go_live")], LIST, DEADLINE, RELEASE).category).toBe(
      "live_before_deadline",
    );
    expect(classifyTrust([listed("A"), event("A", "2026-04-01", "go_live")], LIST, DEADLINE, RELEASE).category).toBe(
      "live_after_deadline",
    );
  });

  it("a go-live known only to the release month counts by the release, as the trust's status does", () => {
    const f = followTrusts(
      [{ code: "A", name: "Alpha" }],
      [event("A", "2026-11", "go_live")],
      LIST,
      DEADLINE,
      RELEASE,
    )[0]!;
    expect(f).toMatchObject({ category: "live_after_deadline", live_from: RELEASE });
    expect(stillWithoutOn([f], RELEASE)).toBe(0);
    expect(stillWithoutOn([f], "2026-11-24")).toBe(1);
  });

  it("a go-live known only to the year is not counted by a deadline inside that year", () => {
    const f = followTrusts(
      [{ code: "A", name: "Alpha" }],
      [event("A", "2026", "go_live")],
      LIST,
      DEADLINE,
      RELEASE,
    )[0]!;
    expect(f.category).toBe("live_after_deadline");
    expect(stillWithoutOn([f], DEADLINE)).toBe(1);
  });
});
