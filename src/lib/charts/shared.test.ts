import { describe, expect, it } from "vitest";
import { scaleUtc } from "d3-scale";
import { emptyChart, layoutFor, narrowOnly, responsive, textSize, yearTicks, type AnchoredTick } from "./shared.ts";
import { lineHeight, textWidth, wrapText } from "./text.ts";
import { stackedBarsModel } from "./stacked-bars/model.ts";
import { supplierBarsModel } from "./supplier-bars/model.ts";

describe("chart layout helpers", () => {
  it("treats widths under 600px as the narrow layout", () => {
    expect(layoutFor(320)).toBe("narrow");
    expect(layoutFor(340)).toBe("narrow");
    expect(layoutFor(800)).toBe("wide");
  });

  it("sizes text so it renders at 12px or more at the smallest width each drawing is shown", () => {
    // Narrow drawing (340) is shown down to 288px; wide (800) down to 568px.
    expect((textSize(340) * 288) / 340).toBeGreaterThanOrEqual(12);
    expect((textSize(800) * 568) / 800).toBeGreaterThanOrEqual(12);
    expect(textSize(320)).toBeGreaterThanOrEqual(12);
  });

  it("wraps text into lines that fit", () => {
    const lines = wrapText("Bath and North East Somerset, Swindon and Wiltshire", 150, 15);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(textWidth(l, 15)).toBeLessThanOrEqual(150);
    expect(lines.join(" ")).toBe("Bath and North East Somerset, Swindon and Wiltshire");
  });

  it("measures bold text and text drawn into images wider, and spaces lines by one rule", () => {
    const page = textWidth("Deadline March 2026", 15);
    expect(textWidth("Deadline March 2026", 15, { bold: true })).toBeGreaterThan(page);
    expect(textWidth("Deadline March 2026", 15, { font: "image" })).toBeGreaterThan(page);
    expect(textWidth("Deadline March 2026", 15, { font: "image", bold: true })).toBeGreaterThan(
      textWidth("Deadline March 2026", 15, { font: "image" }),
    );
    expect(lineHeight(16)).toBe(20);
    expect(wrapText("Bath and North East Somerset", 150, 15, { bold: true }).length).toBeGreaterThanOrEqual(
      wrapText("Bath and North East Somerset", 150, 15).length,
    );
  });

  it("labels years so that no two touch and none leaves the drawing, keeping the year asked for", () => {
    const left = (t: AnchoredTick, w: number) =>
      t.anchor === "start" ? t.x : t.anchor === "end" ? t.x - w : t.x - w / 2;
    const cases = [
      { from: "2022-04-01", to: "2027-02-01", x0: 51, x1: 328, width: 340, keepYear: undefined },
      { from: "2021-01-01", to: "2026-11-25", x0: 8, x1: 330, width: 340, keepYear: 2026 },
      { from: "2021-01-01", to: "2026-11-25", x0: 8, x1: 230, width: 240, keepYear: 2025 },
      { from: "2021-01-01", to: "2026-11-25", x0: 284, x1: 780, width: 800, keepYear: 2026 },
    ];
    for (const c of cases) {
      const fs = textSize(c.width);
      const x = scaleUtc()
        .domain([new Date(c.from), new Date(c.to)])
        .range([c.x0, c.x1]);
      const ticks = yearTicks(x, fs, { keepYear: c.keepYear, drawingWidth: c.width });
      const w = textWidth("2000", fs);
      expect(ticks.length).toBeGreaterThan(1);
      for (const [i, t] of ticks.entries()) {
        expect(left(t, w)).toBeGreaterThanOrEqual(0);
        expect(left(t, w) + w).toBeLessThanOrEqual(c.width);
        if (i > 0) expect(left(t, w)).toBeGreaterThan(left(ticks[i - 1]!, w) + w);
      }
      if (c.keepYear) expect(ticks.map((t) => t.label)).toContain(String(c.keepYear));
    }
  });

  it("builds a narrow and a wide drawing", () => {
    expect(responsive((w) => w)).toEqual({ narrow: 340, wide: 800 });
  });

  it("marks the narrow drawing to print alone and the wide one to leave out, without changing the shared models", () => {
    const models = responsive((width) => emptyChart(width, 40, "Chart", "Nothing to draw.", { columns: [], rows: [] }));
    const one = narrowOnly(models);
    expect([one.narrow.drawn, one.wide.drawn]).toEqual(["alone", "omitted"]);
    expect({ ...one.narrow, drawn: undefined }).toEqual({ ...models.narrow, drawn: undefined });
    expect([models.narrow.drawn, models.wide.drawn]).toEqual([undefined, undefined]);
  });

  it("gives a chart with nothing to draw a short frame that says so, at the layout of its width", () => {
    const table = { columns: ["A"], rows: [] };
    expect(emptyChart(340, 40, "L", "Nothing to show.", table)).toEqual({
      width: 340,
      height: 40,
      layout: "narrow",
      fontSize: textSize(340),
      lineHeight: lineHeight(textSize(340)),
      label: "L",
      summary: "Nothing to show.",
      empty: true,
      table,
    });
    expect(stackedBarsModel([], { width: 800 })).toMatchObject({
      empty: true,
      layout: "wide",
      summary: "No trusts to show.",
      rows: [],
    });
    expect(supplierBarsModel([], { width: 340 })).toMatchObject({
      empty: true,
      layout: "narrow",
      summary: "No suppliers to show.",
    });
  });
});
