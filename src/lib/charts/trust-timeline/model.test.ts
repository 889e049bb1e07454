import { describe, expect, it } from "vitest";
import { shortTrustName, trustTimelineModel } from "./model.ts";
import type { Followup } from "../../data/followup.ts";
import type { TrustEventRow } from "../../data/tables.ts";

const ev = (id: string, event_date: string, event: TrustEventRow["event"]): TrustEventRow => ({
  id,
  ods_code: "A",
  event_date,
  event,
  supplier: null,
  summary: "Summary.",
  date_inferred: false,
  source_title: "t",
  publisher: "p",
  url: "https://example.org/",
  confidence: "M",
});
const followups: Followup[] = [
  {
    code: "A",
    name: "Alpha",
    category: "live_before_deadline",
    go_live: "2025-06",
    live_from: "2025-06-30",
    supplier: null,
    events: [ev("E1", "2024-10-01", "listed_no_epr"), ev("E2", "2025-06", "go_live")],
  },
  { code: "B", name: "Beta", category: "no_update", go_live: null, live_from: null, supplier: null, events: [] },
];
const opts = {
  start: "2021-01-01",
  end: "2026-11-25",
  deadlines: [
    { date: "2025-03-31", label: "Mar 2025" },
    { date: "2026-03-31", label: "Mar 2026" },
  ],
};

describe("trust timeline model", () => {
  it("places events in time order along each trust's track", () => {
    const m = trustTimelineModel(followups, { ...opts, width: 800 });
    const [listed, live] = m.rows[0]!.marks;
    expect(listed!.x).toBeLessThan(live!.x);
    expect(live).toMatchObject({ shape: "diamond", tip: expect.stringContaining("Alpha: Went live, June 2025") });
    expect(m.rows[0]!.marks.every((mk) => mk.x >= m.plotLeft && mk.x <= m.plotRight)).toBe(true);
  });

  it("draws the deadlines as rules between the axis ends, in order", () => {
    const m = trustTimelineModel(followups, { ...opts, width: 800 });
    expect(m.rules.map((r) => r.label)).toEqual(["Mar 2025", "Mar 2026"]);
    expect(m.rules[0]!.x).toBeLessThan(m.rules[1]!.x);
    expect(m.ticks.map((t) => t.label)).toEqual(["2021", "2022", "2023", "2024", "2025", "2026"]);
  });

  it("groups trusts by where they stand, with counts, and keeps trusts without events", () => {
    const m = trustTimelineModel(followups, { ...opts, width: 800 });
    expect(m.groups.map((g) => [g.label, g.count])).toEqual([
      ["Went live before the deadline (1)", 1],
      ["No published update found (1)", 1],
    ]);
    expect(m.rows.map((r) => r.code)).toEqual(["A", "B"]);
    expect(m.summary).toContain("1 no published update found");
  });

  it("re-lays out on a phone: names above full-width tracks, fewer ticks", () => {
    const wide = trustTimelineModel(followups, { ...opts, width: 800 });
    const narrow = trustTimelineModel(followups, { ...opts, width: 340 });
    expect(narrow.narrow).toBe(true);
    expect(narrow.plotLeft).toBeLessThan(wide.plotLeft);
    expect(narrow.rows[0]!.labelY).toBeLessThan(narrow.rows[0]!.trackY);
    expect(narrow.ticks.length).toBeLessThan(wide.ticks.length);
  });

  it("copes with no trusts", () => {
    const m = trustTimelineModel([], { ...opts, width: 800 });
    expect(m.rows).toEqual([]);
    expect(m.summary).toBe("No trusts to show.");
  });
});

describe("trust names on the timeline", () => {
  it("drop the NHS Trust suffix that every row would repeat", () => {
    expect(shortTrustName("Royal Cornwall Hospitals NHS Trust")).toBe("Royal Cornwall Hospitals");
    expect(shortTrustName("Torbay and South Devon NHS Foundation Trust")).toBe("Torbay and South Devon");
  });
});
