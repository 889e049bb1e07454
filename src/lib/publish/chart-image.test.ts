import { describe, expect, it } from "vitest";
import { chartImageSvg, dejaVuMeasure } from "./chart-image.ts";

const drawing = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 300" class="chart chart-wide" font-size="14" data-layout="wide"><title>T</title><desc>D</desc><rect class="bar" data-tip="Epic <UK> Ltd" width="10" height="10"/></svg>`;
const text = {
  title: "Official figures put coverage at 91% & rising",
  subtitle: "Share of NHS trusts in England with an electronic patient record.",
  asOf: "Figures as of about May 2025.",
  sources: "Sources: UK Parliament, NHS England and 9 more.",
  licence: "Licences: Open Parliament Licence v3.0; Open Government Licence v3.0.",
  credit: "NHS EPR Tracker · data release of 25 November 2026",
  url: "https://owner.github.io/repo/charts/coverage-over-time/",
};

describe("a chart's hosted image", () => {
  it("carries the title, subtitle, data date, sources, licence, credit and address around the chart", () => {
    const { svg, width, height } = chartImageSvg({ drawing, css: ".bar{fill:#005eb8}", text });
    const words = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(" ");
    for (const part of [
      "Official figures",
      "&amp; rising",
      "Sources: UK Parliament",
      "Open Government Licence",
      "data release of",
      "/charts/coverage-over-time/",
    ])
      expect(words).toContain(part);
    // The chart at its own size and viewBox, classes kept for the stylesheet, layout class dropped.
    expect(svg).toMatch(
      /<svg x="\d+" y="\d+" width="800" height="300" viewBox="0 0 800 300" class="chart" font-size="14">/,
    );
    expect(svg).not.toContain("<title>");
    // Well-formed XML: a raw "<" in an attribute is escaped.
    expect(svg).toContain('data-tip="Epic &lt;UK&gt; Ltd"');
    expect(width).toBeGreaterThan(800);
    expect(height).toBeGreaterThan(300);
    expect(svg.startsWith(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"`)).toBe(true);
  });

  it("wraps long text to the image's width in the fonts it is drawn with", () => {
    const long = { ...text, title: "word ".repeat(80).trim() };
    const { svg, width } = chartImageSvg({ drawing, css: "", text: long });
    const lines = [...svg.matchAll(/<text x="(\d+)"[^>]*font-weight="700"[^>]*>(word[^<]*)<\/text>/g)];
    expect(lines.length).toBeGreaterThan(2);
    for (const [, x, l] of lines) expect(Number(x) + dejaVuMeasure(l!, 18, true)).toBeLessThanOrEqual(width);
  });

  it("refuses a drawing that is not an SVG or has no viewBox", () => {
    expect(() => chartImageSvg({ drawing: "<div></div>", css: "", text })).toThrow(/not an <svg> element/);
    expect(() => chartImageSvg({ drawing: '<svg class="chart">', css: "", text })).toThrow(/no usable viewBox/);
  });
});
