import { describe, expect, it } from "vitest";
import {
  coverageOverTimeModel,
  coverageYMin,
  lineBoxes,
  markBoxes,
  selectCoverage,
  stackLabels,
  type Box,
  type CoverageOverTimeModel,
} from "./model.ts";
import { textWidth } from "../text.ts";
import { statement, target } from "../test-fixtures/rows.ts";

const statements = [
  statement({ id: "S001", value: 86, as_of: "2022-06", speaker: "A Secretary of State" }),
  statement({ id: "S002", value: 90, as_of: "2023-11" }),
  statement({ id: "S003", value: 91, as_of: "2025-05" }),
  statement({ id: "S004", value: 94, as_of: "2025-03", official: false, scope: "acute_trusts" }),
  // A count in trusts is not a share, whatever it is labelled: only percent figures are plotted.
  statement({ id: "S005", value: 19, as_of: "2025-05", unit: "trusts" }),
];
const targets = [
  target({ id: "T001", announced_on: "2022-06-29", target_date: "2025-03-31" }),
  target({ id: "T002", announced_on: "2023-11-20", target_date: "2026-03-31" }),
  target({
    id: "T003",
    announced_on: "2025-11-28",
    target_date: "2026-03-31",
    kind: "core_digitisation",
    coverage_percent: 70,
  }),
];

describe("coverage over time: who stands behind a target", () => {
  // Three rows for 100% by March 2026: a minister set it, a date had been planned before, and the
  // accounting officer later restated it with a weaker test. Only the first "set" it.
  const rows = [
    target({
      id: "T010",
      announced_on: "2023-07",
      announced_by: "DHSC (major projects data)",
      target_date: "2026-03-31",
      modality: "planned",
    }),
    target({ id: "T011", announced_on: "2023-11-20", announced_by: "Andrew Stephenson", target_date: "2026-03-31" }),
    target({
      id: "T015",
      announced_on: "2025-11-28",
      announced_by: "DHSC accounting officer",
      target_date: "2026-03-31",
      kind: "epr_or_in_progress",
      modality: "restated_target",
    }),
  ];
  const m = coverageOverTimeModel(statements, rows, { width: 800, today: "2026-11-25" });

  it("lists under 'Set by' only those who set the target", () => {
    const tip = m.targets[0]!.tip;
    expect(tip).toMatch(/Set by Andrew Stephenson \(20 November 2023\)\./);
    expect(tip).not.toMatch(/Set by[^.]*accounting officer/);
    expect(tip).not.toMatch(/Set by[^.]*major projects/);
    expect(tip).toContain(
      "Restated by DHSC accounting officer on 28 November 2025 with a weaker test (an EPR or one being put in).",
    );
    expect(tip).toContain("Planned by DHSC (major projects data) in July 2023, not yet set.");
  });

  it("says in its table what each target row was", () => {
    const whats = m.table.rows.filter((r) => String(r[1]).startsWith("Target")).map((r) => r[1]);
    expect(whats).toEqual([
      "Target planned in July 2023, not yet set",
      "Target set on 20 November 2023",
      "Target restated on 28 November 2025 with a weaker test (an EPR or one being put in)",
    ]);
  });
});

describe("coverage over time", () => {
  const wide = coverageOverTimeModel(statements, targets, { width: 800, today: "2026-11-25" });
  const narrow = coverageOverTimeModel(statements, targets, { width: 320, today: "2026-11-25" });

  it("plots only shares in percent, official ones filled and joined by a step line", () => {
    expect(wide.points.map((p) => p.ids[0])).toEqual(["S001", "S002", "S004", "S003"]);
    expect(wide.points.filter((p) => !p.official).map((p) => p.value)).toEqual([94]);
    // Three official points: a step line has a horizontal then vertical segment between each pair.
    expect(wide.stepPath).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){4}$/);
  });

  it("zooms the y axis to start at 70% when every figure is high, and says so", () => {
    expect(wide.yMin).toBe(70);
    expect(wide.yTicks.map((t) => t.label)).toEqual(["70%", "80%", "90%", "100%"]);
    expect(wide.yTicks[0]!.y).toBe(wide.plot.y1);
    expect(wide.yTicks.at(-1)!.y).toBe(wide.plot.y0);
    expect(wide.axisTitle.lines.join(" ")).toContain("axis starts at 70%");
    expect(wide.axisBreak).not.toBeNull();
    expect(wide.summary).toContain("axis starts at 70%");
  });

  it("dates a forecast known only from a news report by that report, never as the day it was made", () => {
    const reported = statement({
      id: "S026",
      value: 96,
      as_of: "2026-03-31",
      stated_on: "2025-02-11",
      date_basis: "reported",
      metric: "forecast_share_with_epr",
      speaker: "Karin Smyth",
    });
    const m = coverageOverTimeModel([...statements, reported], targets, { width: 800, today: "2026-11-25" });
    const f = m.points.find((p) => p.ids.includes("S026"))!;
    expect(f.tip).toContain("made by 11 February 2025 (the date of a report of it) by Karin Smyth");
    expect(f.tip).not.toMatch(/made (on )?11 February 2025/);
    expect(m.summary).toContain("(made by 11 February 2025 (the date of a report of it))");
  });

  it("draws a forecast as a forecast, never as a target, and keeps it off the step line", () => {
    const withForecast = [
      ...statements,
      statement({
        id: "S020",
        value: 96,
        as_of: "2026-03-31",
        stated_on: "2025-02-11",
        metric: "forecast_share_with_epr",
        speaker: "A Minister",
      }),
    ];
    const m = coverageOverTimeModel(withForecast, targets, { width: 800, today: "2026-11-25" });
    const f = m.points.find((p) => p.ids.includes("S020"))!;
    expect(f).toMatchObject({ forecast: true, value: 96 });
    expect(f.tip).toBe(
      "Forecast of 96% of secondary care trusts by 31 March 2026, made 11 February 2025 by A Minister. An expectation, not a target.",
    );
    expect(m.targets.map((t) => t.value)).toEqual([100, 100]);
    expect(m.stepPath).toBe(wide.stepPath);
    expect(m.legend.map((l) => l.label)).toEqual(["Official figure", "Other estimate", "Forecast", "Target"]);
    expect(m.table.rows.find((r) => r[1] === "Forecast made 11 February 2025")).toBeDefined();
    expect(m.summary).toContain(
      "Forecasts, shown as hollow triangles at the date they were for: 96% by 31 March 2026 (made 11 February 2025).",
    );
  });

  it("marks a share worked out from counts, and an estimated date as 'about'", () => {
    const m = coverageOverTimeModel(
      [statement({ id: "S030", value: 98, as_of: "2026-05", dates_estimated: true, derived_from: ["S031", "S032"] })],
      [],
      { width: 800 },
    );
    expect(m.points[0]!.tip).toBe(
      "98% of secondary care trusts, about May 2026. Official figure, worked out from the counts given.",
    );
    expect(m.table.rows[0]!.slice(0, 2)).toEqual(["about May 2026", "Official figure, worked out from counts"]);
  });

  it("goes back to a 0–100 axis when any figure is low", () => {
    const m = coverageOverTimeModel(
      [...statements, statement({ id: "S010", value: 5, as_of: "2000-09-30" })],
      targets,
      { width: 800 },
    );
    expect(m.yMin).toBe(0);
    expect(m.axisBreak).toBeNull();
  });

  it("places points by date, with month-only dates in the middle of the month", () => {
    const [june2022, nov2023] = wide.points;
    expect(june2022!.x).toBeLessThan(nov2023!.x);
    expect(wide.xTicks.map((t) => t.label)).toContain("2024");
    // Ticks are in order and inside the plot.
    for (const t of wide.xTicks) expect(t.x).toBeGreaterThanOrEqual(wide.plot.x0);
    expect(wide.xTicks.map((t) => t.x)).toEqual([...wide.xTicks.map((t) => t.x)].sort((a, b) => a - b));
  });

  it("draws EPR targets as diamonds labelled with share and month, leaving out other kinds", () => {
    expect(wide.targets.map((t) => t.value)).toEqual([100, 100]);
    expect(wide.targetLabels.map((l) => l.text)).toEqual([
      "Target 100% by Mar 2025 (later moved)",
      "Target 100% by Mar 2026",
    ]);
    expect(wide.targets[0]!.superseded).toBe(true);
    expect(wide.targets[1]!.superseded).toBe(false);
    // Leaders end just above their diamond.
    expect(wide.targetLabels[1]!.leader.y2).toBeLessThan(wide.targets[1]!.y);
  });

  it("gives each point a value label and a tooltip naming the source kind", () => {
    const p = wide.points[0]!;
    expect(p.label).toBe("86%");
    expect(p.showLabel).toBe(true);
    expect(p.tip).toContain("86% of secondary care trusts, June 2022");
    expect(p.tip).toContain("Official figure: A Secretary of State");
    expect(wide.points.find((p) => !p.official)!.tip).toContain("Not an official figure");
  });

  it("summarises the first and latest official figures and the targets", () => {
    expect(wide.summary).toContain("86% in June 2022 to 91% in May 2025");
    expect(wide.summary).toContain("100% by March 2026");
    expect(wide.summary).toContain("One other estimate");
  });

  it("lays out differently on a narrow screen: shorter labels, legend on more rows", () => {
    expect(narrow.layout).toBe("narrow");
    expect(narrow.targetLabels.map((l) => l.text)).toEqual(["100% by Mar 2025 (moved)", "100% by Mar 2026"]);
    expect(new Set(narrow.legend.map((l) => l.y)).size).toBeGreaterThan(new Set(wide.legend.map((l) => l.y)).size);
    expect(narrow.fontSize).toBeGreaterThanOrEqual(12);
    for (const l of narrow.targetLabels) expect(l.x).toBeGreaterThanOrEqual(0);
    expect(narrow.width).toBe(320);
  });

  it("draws a release-date rule when given today", () => {
    expect(wide.today?.label).toBe("Data release, Nov 2026");
    expect(wide.today!.x).toBeLessThanOrEqual(wide.plot.x1);
  });

  it("merges statements with the same date and value into one mark", () => {
    const m = coverageOverTimeModel(
      [statement({ id: "S1", value: 91, as_of: "2025-02" }), statement({ id: "S2", value: 91, as_of: "2025-02" })],
      [],
      { width: 800 },
    );
    expect(m.points).toHaveLength(1);
    expect(m.points[0]!.ids).toEqual(["S1", "S2"]);
    expect(m.table.rows).toHaveLength(2);
  });

  it("copes with no data: an empty state, not an error", () => {
    const m = coverageOverTimeModel([], [], { width: 320 });
    expect(m.empty).toBe(true);
    expect(m.summary).toBe("No figures for the share of trusts with an EPR to show.");
    expect(m.points).toEqual([]);
  });

  it("copes with a single point: a span around it and no step line", () => {
    const m = coverageOverTimeModel([statement({ id: "S1", value: 91, as_of: "2025-05" })], [], { width: 800 });
    expect(m.empty).toBe(false);
    expect(m.points).toHaveLength(1);
    expect(m.stepPath).toBeNull();
    expect(m.points[0]!.x).toBeGreaterThan(m.plot.x0);
    expect(m.points[0]!.x).toBeLessThan(m.plot.x1);
    expect(m.summary).toContain("One official figure: 91%");
  });

  it("leaves out statements before `since`", () => {
    const m = coverageOverTimeModel(statements, targets, { width: 800, since: "2023-01-01" });
    expect(m.points.map((p) => p.ids[0])).not.toContain("S001");
  });
});

describe("stacking target labels", () => {
  it("never lets a leader cross a label in a lower row", () => {
    // Second label covers the first one's leader, so it must go up a row.
    expect(
      stackLabels([
        { x0: 0, x1: 50, leader: 50 },
        { x0: 20, x1: 120, leader: 120 },
      ]),
    ).toEqual([0, 1]);
    expect(
      stackLabels([
        { x0: 0, x1: 50, leader: 50 },
        { x0: 80, x1: 120, leader: 120 },
      ]),
    ).toEqual([0, 0]);
  });
});

describe("coverage over time, before layout", () => {
  it("selects the figures and targets in the window, merges twins into one mark, and tables every row", () => {
    const twin = statement({ id: "S006", value: 90, as_of: "2023-11", speaker: "Another Minister" });
    const sel = selectCoverage([...statements, twin], targets, { since: "2023-01-01" });
    expect(sel.rows.map((r) => r.id)).toEqual(["S002", "S006", "S004", "S003"]);
    expect(sel.merged.map((g) => g.map((r) => r.id))).toEqual([["S002", "S006"], ["S004"], ["S003"]]);
    expect(sel.targetRows.map((t) => t.id)).toEqual(["T001", "T002"]);
    expect(sel.table.rows).toHaveLength(6);
  });

  it("starts the y axis at the ten below the lowest value when all are high, else at zero", () => {
    expect([coverageYMin([86, 91, 100]), coverageYMin([90, 96]), coverageYMin([5, 91]), coverageYMin([50])]).toEqual([
      70, 80, 0, 40,
    ]);
  });
});

describe("coverage over time: value labels", () => {
  // As crowded as the real chart: figures months apart at nearby values, forecasts and a target on
  // the same dates, an estimate between official figures, and a release-date rule.
  const crowded = [
    statement({ id: "S1", value: 86, as_of: "2022-06" }),
    statement({ id: "S2", value: 85.8, as_of: "2022-06", derived_from: ["S9"] }),
    statement({ id: "S3", value: 86, as_of: "2023-02" }),
    statement({ id: "S4", value: 90, as_of: "2023-11" }),
    statement({ id: "S5", value: 91, as_of: "2023-12", official: false }),
    statement({ id: "S6", value: 91, as_of: "2025-02" }),
    statement({ id: "S7", value: 91, as_of: "2025-04" }),
    statement({ id: "S8", value: 91, as_of: "2025-05" }),
    statement({ id: "S10", value: 94, as_of: "2025-03", official: false }),
    statement({ id: "S11", value: 93, as_of: "2025-01", metric: "forecast_share_with_epr", official: false }),
    statement({ id: "S12", value: 95, as_of: "2025-04", metric: "forecast_share_with_epr", official: false }),
    statement({ id: "S13", value: 96, as_of: "2026-03", metric: "forecast_share_with_epr", official: false }),
    statement({ id: "S14", value: 97, as_of: "2026-03", metric: "forecast_share_with_epr", official: false }),
    statement({ id: "S15", value: 91, as_of: "2023-12", metric: "forecast_share_with_epr", official: false }),
  ];
  const crowdedTargets = [
    target({ id: "T1", announced_on: "2022-02-24", target_date: "2023-12-31", coverage_percent: 90 }),
    target({ id: "T2", announced_on: "2022-06-29", target_date: "2025-03-31" }),
    target({ id: "T3", announced_on: "2023-11-20", target_date: "2026-03-31" }),
  ];
  const shownLabels = (m: CoverageOverTimeModel): Box[] =>
    m.points
      .filter((p) => p.showLabel)
      .map((p) => {
        const w = textWidth(p.label, m.fontSize, { font: "image", bold: true });
        return {
          x0: p.labelX - w / 2,
          x1: p.labelX + w / 2,
          y0: p.labelY - m.fontSize * 0.8,
          y1: p.labelY + m.fontSize * 0.25,
        };
      });
  const hits = (a: Box, b: Box) => a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 && a.y1 > b.y0;

  for (const width of [340, 800]) {
    const m = coverageOverTimeModel(crowded, crowdedTargets, { width, today: "2026-11-25" });
    const labels = shownLabels(m);

    it(`at ${width}px, no value label covers a mark, a line or another label`, () => {
      const obstacles = [...markBoxes(m.points, m.targets), ...lineBoxes(m.points, m.targetLabels, m.today)];
      for (const l of labels) expect(obstacles.filter((o) => hits(l, o))).toEqual([]);
      for (const [i, a] of labels.entries()) for (const b of labels.slice(i + 1)) expect(hits(a, b)).toBe(false);
    });

    it(`at ${width}px, labels stay inside the plot and most marks keep theirs`, () => {
      // Positions are rounded to 0.1px.
      for (const l of labels) {
        expect(l.x0).toBeGreaterThanOrEqual(m.plot.x0 - 0.1);
        expect(l.x1).toBeLessThanOrEqual(m.width + 0.1);
        expect(l.y0).toBeGreaterThanOrEqual(m.plot.y0 - 2);
        expect(l.y1).toBeLessThanOrEqual(m.plot.y1);
      }
      expect(labels.length).toBeGreaterThanOrEqual(m.points.length / 2);
    });
  }

  it("moves a label off its mark's top when another mark sits there", () => {
    // A forecast triangle just above the official figure of the same date: "90%" cannot go on top.
    const m = coverageOverTimeModel(
      [
        statement({ id: "A", value: 90, as_of: "2023-11" }),
        statement({ id: "B", value: 91, as_of: "2023-11", metric: "forecast_share_with_epr", official: false }),
      ],
      [],
      { width: 800 },
    );
    const official = m.points.find((p) => p.official)!;
    expect(official.showLabel).toBe(true);
    expect(official.labelY).toBeGreaterThan(official.y - official.r);
  });
});
