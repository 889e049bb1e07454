import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { cardChartCss, cardPath, cardSpecs, htmlSvgToXml, ogCardSvg, pageCard } from "./og.ts";
import { PALETTE } from "../charts/palette.ts";
import { STATUS_NOW } from "../data/status.ts";

describe("social preview cards", () => {
  it("are one per chart, per status and the site's, whatever the number of pages", () => {
    expect(cardPath(pageCard("icb-map", "epr"))).toBe("/og/charts/icb-map.png");
    expect(cardPath(pageCard(undefined, "no_epr"))).toBe("/og/status/no_epr.png");
    expect(cardPath(pageCard(undefined, undefined))).toBe("/og/site.png");
    const charts = [
      { id: "a", title: "A finding", subtitle: "What a shows" },
      { id: "b", title: "B finding", subtitle: "What b shows" },
    ];
    const specs = cardSpecs({ charts, release: "2026-11-25" });
    expect(specs).toHaveLength(charts.length + STATUS_NOW.length + 1);
    // Every card a page can name is drawn, at the address the page gives.
    const paths = new Set(specs.map((s) => s.path));
    for (const c of charts) expect(paths).toContain(cardPath({ kind: "chart", id: c.id }));
    for (const status of STATUS_NOW) expect(paths).toContain(cardPath({ kind: "status", status }));
    expect(paths).toContain(cardPath({ kind: "site" }));
    expect(paths.size).toBe(specs.length);
    // A chart's card says what the catalogue says of it.
    expect(specs.find((s) => s.chart === "b")).toMatchObject({ title: "B finding", description: "What b shows" });
    expect(specs.find((s) => s.status === "closed")?.description).toContain("25 November 2026");
  });

  it("turn the chart stylesheet into plain CSS with the palette's light colours written in", () => {
    const css = `:root { --chart-epr: light-dark(#123456, #654321); }
@media (prefers-color-scheme: dark) { :root { --chart-epr: #654321; } }
.chart-wide { display: none; }
svg.chart { width: 100%; }
svg.chart .epr { fill: var(--chart-epr); }
svg.chart .x { stroke: var(--not-a-palette-colour); }`;
    const out = cardChartCss(css);
    // From the palette module, not from the stylesheet's own copy of the colours.
    expect(out).toContain(`svg.chart .epr { fill: ${PALETTE.epr.light}; }`);
    expect(out).toContain("svg.chart .x { stroke: currentColor; }");
    expect(out).not.toMatch(/var\(|@media|#123456|#654321|display: none|width: 100%/);
  });

  it("lead a status card with the status's mark in its palette colour", () => {
    const card = (status: "epr" | "no_epr") =>
      ogCardSvg({ title: "T", description: "d", chartSvg: null, status, css: "", footer: "f" });
    expect(card("epr")).toContain(`fill="${PALETTE.epr.light}"`);
    expect(card("no_epr")).toContain(`stroke="${PALETTE["no-epr"].light}"`);
    expect(() => new Resvg(card("no_epr"))).not.toThrow();
  });

  it("escape page text in the card", () => {
    const svg = ogCardSvg({ title: "<b>A & B</b>", description: "d", chartSvg: null, css: "", footer: "f" });
    expect(svg).toContain("&lt;b&gt;A &amp; B&lt;/b&gt;");
    expect(svg).not.toContain("<b>");
  });

  it("draw a chart whose attributes hold < and > as HTML allows (a supplier called Epic <UK> Ltd)", () => {
    // As Astro writes it: text escaped, attribute values with only & and " escaped.
    const chart =
      '<svg class="chart chart-wide chart-bars" viewBox="0 0 100 50" font-size="16"><title>Epic &lt;UK&gt; Ltd</title><g class="bar-row" data-tip="Epic <UK> Ltd: 9 trusts." aria-label=\'a > b\'><rect width="10" height="10"></rect><text x="1" y="20">Epic &lt;UK&gt; Ltd</text></g></svg>';
    expect(htmlSvgToXml(chart)).toContain("data-tip=\"Epic &lt;UK&gt; Ltd: 9 trusts.\" aria-label='a &gt; b'>");
    expect(htmlSvgToXml(chart)).toContain('<text x="1" y="20">Epic &lt;UK&gt; Ltd</text>');
    const svg = ogCardSvg({
      title: "Suppliers",
      description: "Epic <UK> Ltd leads",
      chartSvg: chart,
      css: "",
      footer: "f",
    });
    expect(() => new Resvg(svg)).not.toThrow();
  });
});

describe("a chart's wide drawing for its social card", () => {
  it("is found by its data-layout attribute, made standalone XML, and never silently missing", async () => {
    const { wideDrawing } = await import("./og.ts");
    const markup =
      '<svg class="chart chart-narrow" data-layout="narrow"><rect/></svg><svg data-layout="wide" class="x" viewBox="0 0 8 4"><g data-tip="Epic <UK>"/></svg>';
    expect(wideDrawing(markup, "c")).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" data-layout="wide" class="x" viewBox="0 0 8 4"><g data-tip="Epic &lt;UK&gt;"/></svg>',
    );
    expect(() => wideDrawing('<svg class="chart chart-wide"></svg>', "c")).toThrow(
      'Chart c rendered no wide drawing (an <svg data-layout="wide">)',
    );
  });
});

describe("card text", () => {
  it("fits long titles and descriptions inside the card, in the font the cards are drawn with", async () => {
    const { createRequire } = await import("node:module");
    const { dirname, join } = await import("node:path");
    const { Resvg } = await import("@resvg/resvg-js");
    const require = createRequire(import.meta.url);
    const fontDir = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
    const font = {
      fontFiles: ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((f) => join(fontDir, f)),
      loadSystemFonts: false,
      defaultFontFamily: "DejaVu Sans",
    };
    // Long names from the real list, and one longer than any, so the test does not depend on a build.
    const names = [
      "The Robert Jones and Agnes Hunt Orthopaedic Hospital NHS Foundation Trust",
      "Wrightington, Wigan and Leigh Teaching Hospitals NHS Foundation Trust",
      "Birmingham Women's and Children's NHS Foundation Trust",
      "The Queen Elizabeth Hospital, King's Lynn, NHS Foundation Trust",
      "Herefordshire and Worcestershire Health and Care NHS Trust",
      "An Imaginary Extraordinarily Long-Named Metropolitan University Teaching Hospitals and Community Services NHS Foundation Trust",
    ];
    const overflowing: string[] = [];
    for (const name of names) {
      const svg = ogCardSvg({
        title: name,
        description: `RXX: No EPR reported (as of 25 November 2026). Had no EPR on NHS England's list of 1 October 2024; no go-live has been reported since. Later reports, listed below, describe work since then.`,
        chartSvg: null,
        css: "",
        footer: "f",
      });
      for (const m of svg.matchAll(
        /<text x="(\d+)" y="[\d.]+" font-size="(\d+)"( font-weight="700")?[^>]*>([^<]*)<\/text>/g,
      )) {
        const one = `<svg xmlns="http://www.w3.org/2000/svg" width="3000" height="200"><text x="${m[1]}" y="100" font-size="${m[2]}"${m[3] ?? ""} font-family="DejaVu Sans">${m[4]}</text></svg>`;
        const box = new Resvg(one, { font }).getBBox();
        if (box && box.x + box.width > 1200 - 56 + 1) overflowing.push(`${m[4]} (${Math.round(box.x + box.width)}px)`);
      }
      expect(svg, name).toContain(`>${name.split(" ")[0]} `);
    }
    expect(overflowing).toEqual([]);
  });
});
