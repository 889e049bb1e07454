import { describe, expect, it } from "vitest";
import { exportLayout, wrapMeasured, type ExportText, type Measure } from "./export-layout.ts";
import { textWidth } from "../charts/text.ts";

const measure: Measure = (s, size, bold) => textWidth(s, size) * (bold ? 1.1 : 1);
const text: ExportText = {
  title: "Official figures put coverage at 91% in about May 2025, against a promise of 100% by 31 March 2026",
  subtitle:
    "Share of NHS trusts in England with an electronic patient record. Filled dots are official figures, hollow dots other estimates.",
  asOf: "Figures as of about May 2025.",
  sources: "Sources: UK Parliament, NHS England and 9 more.",
  licence: "Licences: Open Government Licence v3.0; Open Parliament Licence v3.0.",
  credit: "NHS EPR Tracker · data release of 25 November 2026",
  url: "https://nhs-epr-tracker.example.org/charts/coverage-over-time-with-a-long-name/",
};

describe("chart image layout", () => {
  for (const box of [
    { x: 0, y: 0, width: 340, height: 520 },
    { x: -4, y: 0, width: 808, height: 487 },
  ]) {
    it(`keeps every line inside a ${box.width}px image, with padding on both sides`, () => {
      const l = exportLayout(text, box, { fontSize: 15, measure });
      expect(l.width).toBe(Math.ceil(box.width + 2 * l.padding));
      for (const line of l.lines) {
        expect(line.x).toBe(l.padding);
        expect(line.x + measure(line.text, line.size, line.bold), line.text).toBeLessThanOrEqual(l.width - l.padding);
        expect(line.y).toBeLessThan(l.height);
      }
      // Nothing is dropped: every word of the title and the whole address are printed.
      const printed = l.lines.map((x) => x.text).join(" ");
      for (const w of text.title.split(" ")) expect(printed).toContain(w);
      expect(l.lines.map((x) => x.text).join("")).toContain(text.url);
    });
  }

  it("puts the title and subtitle above the chart and the date, sources, licence and credit below it", () => {
    const l = exportLayout(text, { x: 0, y: 0, width: 340, height: 500 }, { fontSize: 15, measure });
    const above = l.lines.filter((x) => x.y < l.chart.y);
    const below = l.lines.filter((x) => x.y > l.chart.y + l.chart.height);
    expect(above.length + below.length).toBe(l.lines.length);
    expect(above[0]!.bold).toBe(true);
    expect(below.map((x) => x.text).join(" ")).toMatch(
      /^Figures as of about May 2025\. Sources: .*Licences: .*NHS EPR Tracker/,
    );
    // Baselines only go down the page.
    const ys = l.lines.map((x) => x.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
  });
});

describe("wrapping by measured width", () => {
  it("breaks an address too long for a line after a slash", () => {
    const lines = wrapMeasured("see https://example.org/charts/coverage-over-time/", 120, 12, false, measure);
    for (const l of lines) expect(measure(l, 12, false)).toBeLessThanOrEqual(120);
    expect(lines.join(" ").replace(/([/-]) /g, "$1")).toBe("see https://example.org/charts/coverage-over-time/");
    expect(lines.some((l) => l.endsWith("/"))).toBe(true);
  });
});
