/** The ids of every chart, read from the built embed pages, so tests cover charts added later. */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { DIST } from "./harness.ts";

export const CHART_IDS = readdirSync(join(DIST, "embed"), { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== "v1" && d.name !== "trust")
  .map((d) => d.name)
  .sort();
