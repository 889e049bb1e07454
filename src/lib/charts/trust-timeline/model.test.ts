import { describe, expect, it } from "vitest";
import { shortTrustName, spansAround, trustTimelineModel, type TimelineModel } from "./model.ts";
import { textWidth } from "../text.ts";
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
  {
    code: "C",
    name: "The Queen Elizabeth Hospital, King's Lynn, NHS Foundation Trust",
    category: "no_update",
    go_live: null,
    live_from: null,
    supplier: null,
    events: [],
  },
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
      ["No published update found (2)", 2],
    ]);
    expect(m.rows.map((r) => r.code)).toEqual(["A", "B", "C"]);
    expect(m.summary).toContain("2 no published update found");
  });

  it("re-lays out on a phone: names above full-width tracks", () => {
    const wide = trustTimelineModel(followups, { ...opts, width: 800 });
    const narrow = trustTimelineModel(followups, { ...opts, width: 340 });
    expect(narrow.narrow).toBe(true);
    expect(narrow.plotLeft).toBeLessThan(wide.plotLeft);
    expect(narrow.rows[0]!.labelY).toBeLessThan(narrow.rows[0]!.trackY);
  });

  it("ticks the last deadline's year at every width, with year labels that never touch", () => {
    for (const width of [240, 340, 800]) {
      const m = trustTimelineModel(followups, { ...opts, width });
      expect(m.ticks.map((t) => t.label)).toContain("2026");
      const gap = textWidth("2000", m.fontSize);
      for (let i = 1; i < m.ticks.length; i++) expect(m.ticks[i]!.x - m.ticks[i - 1]!.x).toBeGreaterThan(gap);
    }
    // An odd year too, where skipping every other year would otherwise land on the even ones.
    const odd = trustTimelineModel(followups, { ...opts, width: 240, deadlines: [opts.deadlines[0]!] });
    expect(odd.ticks.length).toBeLessThan(6);
    expect(odd.ticks.map((t) => t.label)).toContain("2025");
  });

  /** Every line of text the timeline prints, boxed from its own words (not from the model's boxes). */
  const printedText = (m: TimelineModel) =>
    [
      ...m.rows.flatMap((r) => r.labelLines.map((l, i) => ({ l, x: r.labelX, y: r.labelY + i * m.lineHeight }))),
      ...m.groups.flatMap((g) => g.lines.map((l, i) => ({ l, x: 0, y: g.y + i * m.lineHeight }))),
    ].map(({ l, x, y }) => ({
      x0: x,
      x1: x + textWidth(l, m.fontSize),
      y0: y - m.fontSize * 0.8,
      y1: y + m.fontSize * 0.25,
    }));

  it("never runs a deadline rule or grid line through a trust's name or a heading", () => {
    for (const width of [340, 800]) {
      const m = trustTimelineModel(followups, { ...opts, width });
      const lines = [
        ...m.rules.map((r) => ({ x: r.x, spans: r.spans })),
        ...m.ticks.map((t) => ({ x: t.x, spans: t.grid })),
      ];
      let crossed = 0;
      for (const b of printedText(m))
        for (const { x, spans } of lines)
          if (x >= b.x0 && x <= b.x1) crossed += spans.filter((s) => s.y0 < b.y1 && s.y1 > b.y0).length;
      expect(crossed).toBe(0);
      // The rules still run from their labels to the axis, only broken where text sits.
      for (const r of m.rules) expect([r.spans[0]!.y0, r.spans.at(-1)!.y1]).toEqual([r.top, r.bottom]);
    }
    // The phone layout's long name does sit across a deadline: the test above is not vacuous.
    const narrow = trustTimelineModel(followups, { ...opts, width: 340 });
    expect(narrow.rules.some((r) => r.spans.length > 1)).toBe(true);
  });

  it("breaks a vertical line around each box in its way, and only those", () => {
    const boxes = [
      { x0: 0, x1: 50, y0: 10, y1: 20 },
      { x0: 0, x1: 50, y0: 40, y1: 50 },
      { x0: 60, x1: 90, y0: 25, y1: 35 },
    ];
    expect(spansAround(30, 0, 60, boxes, 0)).toEqual([
      { y0: 0, y1: 10 },
      { y0: 20, y1: 40 },
      { y0: 50, y1: 60 },
    ]);
    expect(spansAround(55, 0, 60, boxes, 0)).toEqual([{ y0: 0, y1: 60 }]);
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
