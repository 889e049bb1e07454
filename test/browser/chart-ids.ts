/** The ids of every chart, read from the built embed pages, so tests cover charts added later. */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { DIST } from "./harness.ts";

export const CHART_IDS = readdirSync(join(DIST, "embed"), { withFileTypes: true })
  // Not charts: the loader's folder, the trust cards and the hospital finder.
  .filter((d) => d.isDirectory() && !["v1", "trust", "finder"].includes(d.name))
  .map((d) => d.name)
  .sort();
