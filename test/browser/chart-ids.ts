/** The ids of every chart, read from the built embed pages, so tests cover charts added later. */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { DIST } from "./harness.ts";

export const CHART_IDS = readdirSync(join(DIST, "embed"), { withFileTypes: true })
  // Not charts: the loader's folder, the trust cards, the hospital finder, nor a release's pinned
  // embeds (named by its date).
  .filter((d) => d.isDirectory() && !["v1", "trust", "finder"].includes(d.name) && !/^\d{4}-\d{2}-\d{2}$/.test(d.name))
  .map((d) => d.name)
  .sort();
