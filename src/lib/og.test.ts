import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { htmlSvgToXml, ogCardSvg, ogImagePath, staticChartCss } from "./og.ts";

describe("social preview cards", () => {
  it("have one stable address per page", () => {
    expect(ogImagePath("/")).toBe("/og/index.png");
    expect(ogImagePath("/index.html")).toBe("/og/index.png");
    expect(ogImagePath("/trusts/RK9/")).toBe("/og/trusts/RK9.png");
    expect(ogImagePath("/trusts/RK9/index.html")).toBe("/og/trusts/RK9.png");
    expect(ogImagePath("/404.html")).toBe("/og/404.png");
  });

  it("turn the chart stylesheet into plain CSS with the light colours written in", () => {
    const css = `:root { --chart-epr: light-dark(#0072b2, #56b4e9); }
@media (prefers-color-scheme: dark) { :root { --chart-epr: #56b4e9; } }
.chart-wide { display: none; }
svg.chart { width: 100%; }
svg.chart .epr { fill: var(--chart-epr); }`;
    const out = staticChartCss(css);
    expect(out).toContain("svg.chart .epr { fill: #0072b2; }");
    expect(out).not.toMatch(/var\(|@media|#56b4e9|display: none|width: 100%/);
  });

  it("escape page text in the card", () => {
    const svg = ogCardSvg({ title: "<b>A & B</b>", description: "d", chartSvg: null, css: "", footer: "f" });
    expect(svg).toContain("&lt;b&gt;A &amp; B&lt;/b&gt;");
    expect(svg).not.toContain("<b>");
  });

  it("draw a chart whose attributes hold < and > as HTML allows (a supplier called Epic <UK> Ltd)", () => {
    // As Astro writes it: text escaped, attribute values with only & and " escaped.
    const chart = '<svg class="chart chart-wide chart-bars" viewBox="0 0 100 50" font-size="16"><title>Epic &lt;UK&gt; Ltd</title><g class="bar-row" data-tip="Epic <UK> Ltd: 9 trusts." aria-label=\'a > b\'><rect width="10" height="10"></rect><text x="1" y="20">Epic &lt;UK&gt; Ltd</text></g></svg>';
    expect(htmlSvgToXml(chart)).toContain('data-tip="Epic &lt;UK&gt; Ltd: 9 trusts." aria-label=\'a &gt; b\'>');
    expect(htmlSvgToXml(chart)).toContain("<text x=\"1\" y=\"20\">Epic &lt;UK&gt; Ltd</text>");
    const svg = ogCardSvg({ title: "Suppliers", description: "Epic <UK> Ltd leads", chartSvg: chart, css: "", footer: "f" });
    expect(() => new Resvg(svg)).not.toThrow();
  });
});

describe("a chart's wide drawing for its social card", () => {
  it("is found by its data-layout attribute, made standalone XML, and never silently missing", async () => {
    const { wideDrawing } = await import("./og.ts");
    const markup = '<svg class="chart chart-narrow" data-layout="narrow"><rect/></svg><svg data-layout="wide" class="x" viewBox="0 0 8 4"><g data-tip="Epic <UK>"/></svg>';
    expect(wideDrawing(markup, "c")).toBe('<svg xmlns="http://www.w3.org/2000/svg" data-layout="wide" class="x" viewBox="0 0 8 4"><g data-tip="Epic &lt;UK&gt;"/></svg>');
    expect(() => wideDrawing('<svg class="chart chart-wide"></svg>', "c")).toThrow('Chart c rendered no wide drawing (an <svg data-layout="wide">)');
  });
});
