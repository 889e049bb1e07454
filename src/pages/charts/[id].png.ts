/**
 * /charts/<id>.png: each chart as the image a journalist downloads (title, chart, date, sources,
 * licence, credit and address), made at build time so it can be linked without JavaScript. Drawn
 * from the same wide drawing as the social cards, by the same renderer and fonts, at twice its size.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { APIRoute } from "astro";
import { experimental_AstroContainer as AstroContainer } from "astro/container";
import { renderAsync } from "@resvg/resvg-js";
import ChartDrawing from "../../components/charts/ChartDrawing.astro";
import { CHARTS, type ChartEntry } from "../../lib/charts/site-charts.ts";
import { chartMeta } from "../../lib/charts/meta.ts";
import { chartImageSvg } from "../../lib/publish/chart-image.ts";
import { cardChartCss, wideDrawing } from "../../lib/publish/og.ts";
import { absoluteUrl } from "../../lib/publish/paths.ts";
import { site } from "../../lib/site.ts";
import chartsCss from "../../styles/charts.css?raw";
import timelineCss from "../../styles/timeline.css?raw";

// The fonts from npm, as the social cards use, never the machine's: every build draws the same bytes.
// Resolved from the project, since this module runs from the build's own bundle.
const fontDir = join(
  dirname(createRequire(join(process.cwd(), "package.json")).resolve("dejavu-fonts-ttf/package.json")),
  "ttf",
);
const fontFiles = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((f) => join(fontDir, f));
const css = cardChartCss(chartsCss + timelineCss);
const SCALE = 2;

/**
 * Drawn images kept between builds (drawing one takes a second or more), by chart and content hash:
 * same SVG, renderer and fonts, same bytes, so a kept image is identical to a fresh one. One file per
 * chart: drawing a new one removes the chart's old ones.
 */
const CACHE = join(process.cwd(), "node_modules/.cache/nhs-epr-tracker/chart-png");
const renderer = (() => {
  const req = createRequire(join(process.cwd(), "package.json"));
  const hash = createHash("sha256").update(readFileSync(req.resolve("@resvg/resvg-js/package.json")));
  for (const f of fontFiles) hash.update(readFileSync(f));
  return hash.digest("hex");
})();

async function drawPng(id: string, svg: string, width: number): Promise<Uint8Array> {
  const key = createHash("sha256").update(renderer).update(`${SCALE}\n${svg}`).digest("hex").slice(0, 32);
  const kept = join(CACHE, `${id}.${key}.png`);
  // OG_CACHE=off, as for the social cards, draws every image afresh (a cold build in the benchmark).
  const useCache = process.env.OG_CACHE !== "off";
  if (useCache && existsSync(kept)) return readFileSync(kept);
  const png = (
    await renderAsync(svg, {
      fitTo: { mode: "width", value: width * SCALE },
      font: { fontFiles, loadSystemFonts: false, defaultFontFamily: "DejaVu Sans" },
    })
  ).asPng();
  if (!useCache) return png;
  mkdirSync(CACHE, { recursive: true });
  for (const f of readdirSync(CACHE)) if (f.startsWith(`${id}.`)) rmSync(join(CACHE, f), { force: true });
  // Written whole, then renamed: a build stopped halfway never leaves a broken image kept.
  writeFileSync(`${kept}.${process.pid}.tmp`, png);
  renameSync(`${kept}.${process.pid}.tmp`, kept);
  return png;
}

export function getStaticPaths() {
  return CHARTS.map((c) => ({ params: { id: c.id }, props: { chart: c } }));
}

export const GET: APIRoute<{ chart: ChartEntry }> = async ({ props, site: siteUrl }) => {
  const c = props.chart;
  const container = await AstroContainer.create();
  const drawing = wideDrawing(await container.renderToString(ChartDrawing, { props: { chart: c } }), c.id);
  const meta = chartMeta(c, site.release.date);
  const image = chartImageSvg({
    drawing,
    css,
    text: {
      title: c.title,
      subtitle: c.subtitle,
      asOf: meta.asOfWords,
      sources: meta.sourcesShort,
      licence: meta.licenceWords,
      credit: meta.credit,
      url: absoluteUrl(`/charts/${c.id}/`, siteUrl),
    },
  });
  const png = await drawPng(c.id, image.svg, image.width);
  return new Response(new Uint8Array(png), { headers: { "content-type": "image/png" } });
};
