/**
 * npm run build [-- --dist <dir>] [-- --data <dir>]: the data step, astro build, the social cards and _headers. The
 * site is built into a staging folder beside dist/ and takes dist/'s place only when every step has
 * succeeded, so a failing step (a card that cannot be drawn, a full disk) never leaves a half-written
 * dist/: the previous build stays, whole, and the staging folder is removed.
 */
import { execFileSync } from "node:child_process";
import { existsSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { argValue } from "./lib/io.ts";

export interface BuildStep {
  name: string;
  /** Builds into `out`; throws on failure. */
  run(out: string): void | Promise<void>;
}

export class BuildError extends Error {}

/** Replace `dist` with `staging` in two renames, putting the old dist back if the second fails. */
function swapIn(staging: string, dist: string): void {
  const old = join(dirname(dist), `.${basename(dist)}.old-${process.pid}`);
  const hadDist = existsSync(dist);
  if (hadDist) renameSync(dist, old);
  try {
    renameSync(staging, dist);
  } catch (e) {
    if (hadDist) renameSync(old, dist);
    throw e;
  }
  if (hadDist) rmSync(old, { recursive: true, force: true });
}

/** Run every step into a staging folder, then swap it in for `dist`; on failure, dist is untouched. */
export async function buildInto(dist: string, steps: BuildStep[]): Promise<void> {
  const target = resolve(dist);
  // Beside dist/, so the final rename stays on one file system; hidden, so nothing serves it.
  const staging = join(dirname(target), `.${basename(target)}.staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const step of steps) {
      try {
        await step.run(staging);
      } catch (e) {
        throw new BuildError(
          `build: ${step.name} failed${e instanceof Error && e.message ? ` (${e.message.split("\n")[0]})` : ""}; ${dist} was left as it was`,
        );
      }
    }
    swapIn(staging, target);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

export interface SiteStepOptions {
  /** The data folder the data step reads (data/ unless told). */
  dataDir?: string;
  /** The environment every step runs in: the reproducibility check varies locale and time zone here. */
  env?: NodeJS.ProcessEnv;
  /** "inherit" shows each step's output; "pipe" keeps it quiet (the reproducibility check). */
  output?: "inherit" | "pipe";
}

/**
 * Names Vite and Astro fill import.meta.env with. A value inherited from whatever started the build
 * would override the build's own (vitest sets BASE_URL=/ and DEV=1, which undid SITE_URL's base
 * path), so the steps never see them; NODE_ENV likewise is the build's to set.
 */
const RESERVED_ENV = ["BASE_URL", "MODE", "DEV", "PROD", "SSR", "SITE", "ASSETS_PREFIX", "NODE_ENV"];

/** The site's build steps, each a child process of this Node, so they all see the same environment. */
export function siteSteps(opts: SiteStepOptions = {}): BuildStep[] {
  const env: NodeJS.ProcessEnv = { ...(opts.env ?? process.env), ASTRO_TELEMETRY_DISABLED: "1" };
  for (const name of RESERVED_ENV) delete env[name];
  const output = opts.output ?? "inherit";
  const node = (args: string[]) => execFileSync(process.execPath, args, { stdio: ["ignore", output, output], env });
  return [
    { name: "the data step", run: () => void node(["scripts/build-data.ts", "--data", opts.dataDir ?? "data"]) },
    { name: "astro build", run: (out) => void node(["node_modules/astro/bin/astro.mjs", "build", "--outDir", out]) },
    { name: "the social cards", run: (out) => void node(["scripts/og-images.ts", "--dist", out]) },
    { name: "the headers file", run: (out) => void node(["scripts/headers.ts", "--dist", out]) },
  ];
}

if (import.meta.main) {
  const dist = argValue("dist", "dist");
  try {
    await buildInto(dist, siteSteps({ dataDir: argValue("data", "data") }));
  } catch (e) {
    // Each step has printed its own error; this line says what it means for dist/.
    console.error(e instanceof BuildError ? e.message : e);
    process.exit(1);
  }
}
