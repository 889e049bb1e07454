/**
 * Each chart's downloads beside it: /charts/<id>.csv (exactly the table printed under the chart) and
 * /charts/<id>.json (what the CSV cannot carry: title, sources with addresses, licences, the data's
 * date, notes, and what each column means).
 */
import type { APIRoute } from "astro";
import { CHARTS, chart } from "../../lib/charts/site-charts.ts";
import { chartCsv } from "../../lib/charts/csv.ts";
import { chartMetadataJson } from "../../lib/charts/meta.ts";
import { site } from "../../lib/site.ts";
import { urlPrefix } from "../../lib/publish/paths.ts";

export function getStaticPaths() {
  return CHARTS.flatMap((c) => [{ params: { file: `${c.id}.csv` } }, { params: { file: `${c.id}.json` } }]);
}

export const GET: APIRoute = ({ params, site: siteUrl }) => {
  const file = String(params.file);
  const c = chart(file.replace(/\.(csv|json)$/, ""));
  if (file.endsWith(".json")) {
    // Addresses under SITE_URL (origin and base path) when it is set, else from the site's root.
    return new Response(chartMetadataJson(c, site.release.date, urlPrefix(siteUrl)), {
      headers: { "content-type": "application/json; charset=utf-8" },
    });
  }
  return new Response(chartCsv(c.models.wide.table), { headers: { "content-type": "text/csv; charset=utf-8" } });
};
