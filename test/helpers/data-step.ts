/** The data step (scripts/build-data.ts) as a maintainer runs it, on a folder of our own. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Runs the data step on `<dir>/data` (or `data` when given), writing to `<dir>/gen` and `<dir>/pub`.
 * SOURCE_DATE_EPOCH is cleared so the machine's setting never reaches the outputs.
 */
export function runDataStep(dir: string, env: NodeJS.ProcessEnv = {}, data = join(dir, "data")) {
  return spawnSync(
    process.execPath,
    [
      join(ROOT, "scripts/build-data.ts"),
      "--data",
      data,
      "--generated",
      join(dir, "gen"),
      "--public",
      join(dir, "pub"),
    ],
    { encoding: "utf8", timeout: 30_000, env: { ...process.env, SOURCE_DATE_EPOCH: "", ...env } },
  );
}
