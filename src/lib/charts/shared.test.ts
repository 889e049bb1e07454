import { describe, expect, it } from "vitest";
import { emptyChart, layoutFor, narrowOnly, responsive, textSize, textWidth, wrapText } from "./shared.ts";
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
