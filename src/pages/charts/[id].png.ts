/**
 * /charts/<id>.png: each chart as the image a journalist downloads (title, chart, date, sources,
 * licence, credit and address), made at build time so it can be linked without JavaScript. Drawn
 * from the same wide drawing as the social cards, by the same renderer and fonts, at twice its size.
 */
import { join } from "node:path";
import type { APIRoute } from "astro";
import { experimental_AstroContainer as AstroContainer } from "astro/container";
import ChartDrawing from "../../components/charts/ChartDrawing.astro";
import { CHARTS, type ChartEntry } from "../../lib/charts/site-charts.ts";
import { chartMeta } from "../../lib/charts/meta.ts";
import { chartImageSvg } from "../../lib/publish/chart-image.ts";
import { cardChartCss, wideDrawing } from "../../lib/publish/og.ts";
import { drawPng } from "../../lib/publish/raster.ts";
import { absoluteUrl } from "../../lib/publish/paths.ts";
import { site } from "../../lib/site.ts";
import chartsCss from "../../styles/charts.css?raw";
import timelineCss from "../../styles/timeline.css?raw";

const css = cardChartCss(chartsCss + timelineCss);
const SCALE = 2;
/**
 * Drawn images kept between builds (drawing one takes a second or more), a folder per chart holding
 * its latest image alone. OG_CACHE=off, as for the social cards, draws every image afresh.
 */
const CACHE = join(process.cwd(), "node_modules/.cache/nhs-epr-tracker/chart-png");
const cacheDir = (id: string) => (process.env.OG_CACHE === "off" ? undefined : join(CACHE, id));

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
  const png = await drawPng(image.svg, { width: image.width * SCALE, cacheDir: cacheDir(c.id), alone: true });
  return new Response(new Uint8Array(png), { headers: { "content-type": "image/png" } });
};
