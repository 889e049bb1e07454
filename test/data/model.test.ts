import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readDataDir } from "../../scripts/build-data.ts";
import { dayBefore } from "../../src/lib/data/dates.ts";
import { buildSiteData, openNotListedMessage, trustsOpenOn, type DataInput } from "../../src/lib/data/model.ts";
import { checkStatementTotals } from "../../src/lib/data/checks.ts";
import { coverageFigures, latestFigure, latestOfficialShare } from "../../src/lib/data/figures.ts";

const FIXTURE = fileURLToPath(new URL("../fixtures/data", import.meta.url));
const input = (): DataInput => readDataDir(FIXTURE);
const site = (data: DataInput = input()) => buildSiteData(data).site;
const trust = (code: string) => site().trusts.find((t) => t.code === code)!;

describe("trust-level model", () => {
  it("has one row per trust: every ODS trust since 2024 and every listed care trust", () => {
    expect(site().trusts.map((t) => t.code)).toEqual(["NEW1A", "RAA", "RBB", "RCC", "RDD", "TZZ"]);
  });

  it("keeps each trust's row in NHS England's list, with the list's date and source", () => {
    expect(trust("RAA").list).toEqual({
      source_id: "epr-list",
      as_of: "2024-10-01",
      has_epr: true,
      supplier: "Epic Systems Corporation",
    });
    expect(trust("RDD").list).toMatchObject({ has_epr: false, supplier: null });
    expect(trust("NEW1A").list).toBeNull();
  });

  it("gives each trust its status now from the latest evidence: a go-live after the list wins", () => {
    expect(trust("RAA").status_now).toMatchObject({
      status: "epr",
      basis: "list",
      since: "2024-10-01",
      source_id: "epr-list",
    });
    expect(trust("RDD").status_now).toMatchObject({
      status: "epr",
      basis: "go_live",
      since: "2025-06",
      supplier: "Epic Systems Corporation",
      event_id: "E003",
    });
  });

  it("infers a merged trust's status from its predecessors only when all had an EPR, and says from whom", () => {
    expect(trust("NEW1A").status_now).toMatchObject({ status: "epr", basis: "predecessors", supplier: "TPP" });
    expect(trust("NEW1A").status_now.inferred_from.map((p) => p.code)).toEqual(["RBB", "TZZ"]);
    expect(trust("NEW1A").took_over).toEqual([
      { code: "RBB", date: "2024-11-01" },
      { code: "TZZ", date: "2024-11-01" },
    ]);
    expect(trust("NEW1A").trust_type).toBe("mental_health");
  });

  it("shows closed trusts as closed, keeping what they had before", () => {
    expect(trust("RBB").status_now).toMatchObject({ status: "closed", since: "2024-10-31" });
    expect(trust("RBB").status_at_close).toMatchObject({ status: "epr", supplier: "TPP" });
    expect(trust("TZZ").status_now).toMatchObject({ status: "closed", since: "2024-10-31" });
  });

  it("places a care trust missing from the ODS file in its successor's region, and says where the region came from", () => {
    expect(trust("TZZ")).toMatchObject({
      in_ods_trust_list: false,
      region_code: "Y56",
      region_basis: "successor",
      merged_into: [{ code: "NEW1A", date: "2024-11-01" }],
      name: "Zeta Care NHS Trust",
    });
  });

  it("gives the board now with its start date, and the board of the list's date only where it differs", () => {
    expect(trust("NEW1A").icb).toEqual({
      code: "Z9B2Z",
      name: "West and North London",
      from: "2026-04-01",
      until: null,
    });
    expect(trust("NEW1A").icb_at_list).toBeNull();
    expect(trust("RAA").icb_at_list).toBeNull();
  });

  it("keeps the list's own counts, and counts trusts open on the release date by their status now", () => {
    const s = site();
    expect(s.snapshot).toMatchObject({
      source_id: "epr-list",
      as_of: "2024-10-01",
      total: 5,
      with_epr: 4,
      without_epr: 1,
      share_with_epr: 80,
    });
    expect(s.status_now).toEqual({
      as_of: "2026-11-25",
      total: 4,
      by_status: { epr: 4, no_epr: 0, unknown: 0, closed: 2 },
    });
    expect(s.status_changed_since_list).toBe(1);
    expect(s.coverage_by_region.map((r) => [r.label, r.total, r.with_epr, r.without_epr])).toEqual([
      ["London", 2, 2, 0],
      ["South West", 2, 2, 0],
    ]);
    expect(s.coverage_by_type.map((r) => [r.key, r.total])).toEqual([
      ["acute", 2],
      ["mental_health", 1],
      ["community", 1],
    ]);
  });

  it("counts the map by the boards in force on the list's date, from the list", () => {
    expect(site().coverage_by_icb.map((c) => [c.key, c.with_epr, c.without_epr])).toEqual([
      ["QAA", 2, 0],
      ["QBB", 1, 1],
    ]);
  });

  it("counts suppliers among open trusts with an EPR now, largest first, leaving out inferred ones", () => {
    expect(site().suppliers).toEqual([
      {
        supplier: "Epic Systems Corporation",
        trusts: 2,
        by_type: { acute: 2, mental_health: 0, mental_health_community: 0, community: 0, ambulance: 0 },
      },
      {
        supplier: "TPP",
        trusts: 1,
        by_type: { acute: 0, mental_health: 0, mental_health_community: 0, community: 1, ambulance: 0 },
      },
    ]);
  });

  it("lists every estimate and fill-in it makes", () => {
    const kinds = site().estimates.map((e) => `${e.kind} ${e.subject}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        "estimated_date wq-1",
        "inferred_event_date E003",
        "region_from_successor TZZ",
        "status_from_predecessors NEW1A",
      ]),
    );
  });

  it("counts trusts open on a day, treating the close date as the last open day", () => {
    const trusts = site().trusts;
    expect(trustsOpenOn(trusts, "2024-10-31").map((t) => t.code)).toEqual(["RAA", "RBB", "RCC", "RDD"]);
    expect(trustsOpenOn(trusts, "2024-11-01").map((t) => t.code)).toEqual(["NEW1A", "RAA", "RCC", "RDD"]);
  });
});

describe("reconciliation of official figures with trust-level data", () => {
  it("compares each official count with the list and with ODS, giving the difference", () => {
    const rec = site().reconciliation;
    expect(rec.find((r) => r.metric === "trusts_without_epr")).toMatchObject({
      official_value: 1,
      comparison_value: 1,
      difference: 0,
    });
    const ods = rec.find((r) => r.metric === "trusts_in_scope" && r.comparison_source_id === "ods-etr-2026")!;
    // 5 stated; the ODS file has 4 English trusts open on 31 May 2025 (the care trust is not in it).
    expect(ods).toMatchObject({
      official_value: 5,
      comparison_value: 4,
      difference: 1,
      comparison_as_of: "2025-05-31",
    });
  });

  it("turns each disagreement into a warning for the maintainer", () => {
    expect(
      buildSiteData(input())
        .warnings.map((w) => w.kind)
        .sort(),
    ).toEqual(["listed_not_in_ods", "official_differs"]);
  });

  it("sets official counts of trusts without an EPR beside the list less go-lives reported by then", () => {
    const rec = site().reconciliation.find((r) => r.kind === "list_less_go_lives")!;
    // Fixture: RDD, the one trust listed without an EPR, went live in June 2025; the May 2025 answer says 1.
    expect(rec).toMatchObject({ statement_id: "S002", official_value: 1, comparison_value: 1, difference: 0 });
  });

  it("rejects counts from one source that do not add up to the total it gives", () => {
    const statements = input().statements.map((s) => (s.metric === "trusts_without_epr" ? { ...s, value: 3 } : s));
    expect(checkStatementTotals(statements)[0]).toMatchObject({
      file: "data/statements.csv",
      value: "4 + 3",
      expected: expect.stringContaining("add up to its total of 5"),
    });
  });

  it("rejects a percentage above 100 and a reference to an unknown source", () => {
    const bad = input();
    bad.statements[3] = { ...bad.statements[3]!, value: 120 };
    bad.targets[0] = { ...bad.targets[0]!, source_id: "nowhere" };
    expect(() => buildSiteData(bad)).toThrow(
      /data\/statements\.csv, column "value": found "120"; expected a percentage from 0 to 100 \(row S004\)/,
    );
    expect(() => buildSiteData(bad)).toThrow(/data\/targets\.csv, column "source_id": found "nowhere"/);
  });
});

describe("headline", () => {
  it("uses the latest official share, with counts from the same statement", () => {
    const h = site().headline;
    expect(h.share_with_epr).toMatchObject({ id: "S004", value: 80 });
    expect(h.trusts_without_epr?.id).toBe("S002");
  });

  it("takes the latest-announced deadline and counts days to it from the release date", () => {
    const h = site().headline;
    expect(h.deadline.id).toBe("T002");
    // 31 March 2026 is 239 days before 25 November 2026.
    expect(h.days_to_deadline).toBe(-239);
  });

  it("ignores unofficial figures and forecasts for the headline", () => {
    const rows = input().statements;
    const unofficial = { ...rows[3]!, id: "S099", as_of: "2026-06", official: false, value: 99 };
    const forecast = {
      ...rows[3]!,
      id: "S098",
      metric: "forecast_share_with_epr" as const,
      as_of: "2026-03-31",
      value: 96,
    };
    expect(latestOfficialShare(coverageFigures([...rows, unofficial, forecast]))!.id).toBe("S004");
  });

  it("takes a count-only answer to the headline, its share worked out and marked as derived", () => {
    const rows = input().statements.filter((s) => s.id !== "S004");
    const later = [
      { ...rows[0]!, id: "S010", as_of: "2026-05", stated_on: "2026-05", value: 201, source_id: "wq-2" },
      { ...rows[2]!, id: "S011", as_of: "2026-05", stated_on: "2026-05", value: 205, source_id: "wq-2" },
    ];
    const share = latestOfficialShare(coverageFigures([...rows, ...later]))!;
    expect(share).toMatchObject({ value: 98, as_of: "2026-05", derived_from: ["S010", "S011"], official: true });
    expect(coverageFigures(rows).find((f) => f.as_of === "2025-05")).toMatchObject({
      value: 80,
      derived_from: ["S001", "S003"],
    });
  });
});

describe("the headline follows the newest official share", () => {
  it("takes a minister's share of 'NHS trusts' (no scope stated) as it takes one of secondary-care trusts", () => {
    const rows = input().statements;
    const ministers = {
      ...rows[3]!,
      id: "S090",
      scope: "all_trusts" as const,
      as_of: "2026-10",
      stated_on: "2026-11-02",
      value: 97,
    };
    const data = site({ ...input(), statements: [...rows, ministers] });
    expect(data.headline.share_with_epr).toMatchObject({ id: "S090", value: 97 });
    expect(data.warnings.filter((w) => w.kind === "newer_share_passed_over")).toEqual([]);
  });

  it("passes over a newer acute-only share, and warns that it did", () => {
    const rows = input().statements;
    const acute = {
      ...rows[3]!,
      id: "S091",
      scope: "acute_trusts" as const,
      as_of: "2026-10",
      stated_on: "2026-11-02",
      value: 97,
    };
    const data = site({ ...input(), statements: [...rows, acute] });
    expect(data.headline.share_with_epr.id).toBe("S004");
    expect(
      data.warnings
        .filter((w) => w.kind === "newer_share_passed_over")
        .map((w) => w.message)
        .join(),
    ).toContain("S091");
  });

  it("compares a year-only date by its last day, so '2025' is later than '2025-05'", () => {
    const a = { id: "A", as_of: "2025-05", stated_on: "2025-06" };
    const b = { id: "B", as_of: "2025", stated_on: "2025-06" };
    expect(latestFigure([b, a])!.id).toBe("B");
    expect(latestFigure([a, b])!.id).toBe("B");
  });
});

describe("evidence dated after the release", () => {
  it("is refused by file, row and column", () => {
    const base = input();
    const late = { ...base.trustEvents[0]!, id: "E999", event_date: "2026-12" };
    expect(() => site({ ...base, trustEvents: [...base.trustEvents, late] })).toThrow(
      /data\/trust-events\.csv, column "event_date": found "2026-12"; expected a date on or before the release date, 25 November 2026 \(row E999\)/,
    );
    const sameMonth = { ...late, event_date: "2026-11" };
    expect(() => site({ ...base, trustEvents: [...base.trustEvents, sameMonth] })).not.toThrow();
    const statement = { ...base.statements[0]!, id: "S999", stated_on: "2026-11-26" };
    expect(() => site({ ...base, statements: [...base.statements, statement] })).toThrow(
      /statements\.csv, column "stated_on".*row S999/,
    );
  });
});

describe("dates", () => {
  it("steps back a day across month and year ends", () => {
    expect([dayBefore("2024-10-01"), dayBefore("2024-03-01"), dayBefore("2025-01-01")]).toEqual([
      "2024-09-30",
      "2024-02-29",
      "2024-12-31",
    ]);
  });
});

describe("a trust open the day before NHS England's list but not in it", () => {
  it("never says it was open when the list was made, and says when a trust's last day was the day before", () => {
    const closed = openNotListedMessage(
      { code: "RYK", name: "Dudley Integrated Health and Care NHS Trust", close_date: "2024-09-30" },
      "2024-10-01",
    );
    expect(closed).toBe(
      "RYK (Dudley Integrated Health and Care NHS Trust) is not in NHS England's list of 1 October 2024: its last day as a trust was 30 September 2024, the day before the list's date.",
    );
    const open = openNotListedMessage({ code: "RAA", name: "Alpha NHS Trust", close_date: null }, "2024-10-01");
    expect(open).toBe(
      "RAA (Alpha NHS Trust) was open on 30 September 2024, the day before the date of NHS England's list of 1 October 2024, but is not in it.",
    );
    for (const m of [closed, open]) expect(m).not.toContain("when NHS England's list was made");
  });
});
