/** Each chart's data as CSV, at /charts/<chart-id>.csv: exactly the table printed under the chart. */
import type { APIRoute } from "astro";
import { CHARTS, chart } from "../../lib/chart-catalogue.ts";
import { chartCsv } from "../../lib/chart-csv.ts";

export function getStaticPaths() {
  return CHARTS.map((c) => ({ params: { file: `${c.id}.csv` } }));
}

export const GET: APIRoute = ({ params }) => {
  const c = chart(String(params.file).replace(/\.csv$/, ""));
  return new Response(chartCsv(c.models.wide.table), { headers: { "content-type": "text/csv; charset=utf-8" } });
};
