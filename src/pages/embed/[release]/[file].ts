/** A pinned chart's data, /embed/<release>/<id>.csv: exactly the table the pinned embed prints. */
import type { APIRoute } from "astro";
import { chartCsv } from "../../../lib/charts/csv.ts";
import { PINNED_RELEASES } from "../../../lib/publish/releases.ts";

export function getStaticPaths() {
  return PINNED_RELEASES.flatMap((r) =>
    r.charts.map((c) => ({ params: { release: r.date, file: `${c.id}.csv` }, props: { table: c.models.wide.table } })),
  );
}

export const GET: APIRoute = ({ props }) =>
  new Response(chartCsv((props as { table: Parameters<typeof chartCsv>[0] }).table), {
    headers: { "content-type": "text/csv; charset=utf-8" },
  });
