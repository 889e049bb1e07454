/** The site's charts, built once from the data step's output: pages, embeds and downloads read these. */
import { site } from "../site.ts";
import { buildCharts, type ChartEntry } from "./catalogue.ts";

export type { ChartEntry } from "./catalogue.ts";

export const CHARTS: ChartEntry[] = buildCharts(site);

export function chart(id: string): ChartEntry {
  const c = CHARTS.find((x) => x.id === id);
  if (!c) throw new Error(`Unknown chart ${id}`);
  return c;
}
