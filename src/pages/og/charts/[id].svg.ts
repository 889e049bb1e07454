/**
 * The wide drawing of every chart as a standalone SVG, rendered from the catalogue's model at build
 * time: the social cards draw these (scripts/og-images.ts), never a copy cut out of a built page.
 */
import type { APIRoute } from "astro";
import { experimental_AstroContainer as AstroContainer } from "astro/container";
import ChartDrawing from "../../../components/charts/ChartDrawing.astro";
import { CHARTS, type ChartEntry } from "../../../lib/charts/site-charts.ts";
import { wideDrawing } from "../../../lib/publish/og.ts";

export function getStaticPaths() {
  return CHARTS.map((c) => ({ params: { id: c.id }, props: { chart: c } }));
}

export const GET: APIRoute<{ chart: ChartEntry }> = async ({ props }) => {
  const container = await AstroContainer.create();
  const html = await container.renderToString(ChartDrawing, { props: { chart: props.chart } });
  return new Response(wideDrawing(html, props.chart.id), {
    headers: { "content-type": "image/svg+xml; charset=utf-8" },
  });
};
