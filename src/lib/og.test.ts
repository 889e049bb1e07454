import { describe, expect, it } from "vitest";
import { ogCardSvg, ogImagePath, staticChartCss } from "./og.ts";

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
});
