/**
 * Writes the social preview cards (PNG, 1200 × 630) into <dist>/og/, after astro build: one per
 * catalogue chart, per trust status and the site's own (src/lib/publish/og.ts), made from the page
 * model (the catalogue built from src/generated) and the chart drawings the build rendered from it,
 * never read back out of the pages. Fonts are the DejaVu files from npm, never the machine's, so every
 * machine renders the same bytes. A card that cannot be drawn stops the step with its file named;
 * `npm run build` then leaves dist/ as it was (scripts/build.ts).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { cardChartCss, cardSpecs, OG_WIDTH, ogCardSvg, type CardSpec } from "../src/lib/publish/og.ts";
import { drawPng, rasterStats } from "../src/lib/publish/raster.ts";
import { DataError } from "../src/lib/data/errors.ts";
import { argValue, runMain } from "./lib/io.ts";

export interface CardOptions {
  /** The chart stylesheet, as cardChartCss made it. */
  css: string;
  /** The data release date, for the card's footer. */
  release: string;
  /** Folder of cards already drawn, by content hash; none to draw every card afresh. */
  cacheDir?: string;
  /** After every card is written, remove the cached cards this build did not use (the build's own run). */
  prune?: boolean;
}

/** Where cards are kept between builds: outside dist/ and git, so a clean clone draws them all once. */
export const CARD_CACHE = "node_modules/.cache/nhs-epr-tracker/og";

/** Cached cards pruned, for the build's log (rasterStats counts those drawn and taken from the cache). */
export const cardStats = { pruned: 0 };

/**
 * Remove every file in the cache but the cards named in `keep` (left-over temporary files included),
 * so the cache holds what the last build used, not every card ever drawn (a 100× benchmark leaves a
 * gigabyte). Returns how many files went.
 */
export function pruneCardCache(cacheDir: string, keep: Set<string>): number {
  if (!existsSync(cacheDir)) return 0;
  let removed = 0;
  for (const f of readdirSync(cacheDir)) {
    if (keep.has(f.replace(/\.png$/, "")) && f.endsWith(".png")) continue;
    rmSync(join(cacheDir, f), { recursive: true, force: true });
    removed++;
  }
  return removed;
}

/** The standalone drawing the build wrote for a chart (src/pages/og/charts/[id].svg.ts). */
function readChartDrawing(dist: string, chartId: string): string {
  const file = join(dist, "og", "charts", `${chartId}.svg`);
  if (!existsSync(file)) throw new Error(`the card shows chart ${chartId}, but the build wrote no ${file}`);
  return readFileSync(file, "utf8");
}

/** One card: its words from the spec, its chart from the build's drawing; drawn (or cached) and written. */
async function card(dist: string, spec: CardSpec, opts: CardOptions, used: Set<string>): Promise<void> {
  const svg = ogCardSvg({
    title: spec.title,
    description: spec.description,
    chartSvg: spec.chart ? readChartDrawing(dist, spec.chart) : null,
    status: spec.status,
    css: opts.css,
    footer: `Figures with their sources · data release ${opts.release}`,
  });
  const out = join(dist, spec.path);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, await drawPng(svg, { width: OG_WIDTH, cacheDir: opts.cacheDir, used }));
}

/** Every card in `specs` under `dist`; the first failure names its card and stops the rest. */
export async function writeCards(dist: string, specs: readonly CardSpec[], opts: CardOptions): Promise<number> {
  const queue = [...specs];
  const used = new Set<string>();
  // Drawn on the thread pool, a few at a time; each file's bytes do not depend on the order. After a
  // failure the queue is emptied and the cards already being drawn are waited for, so nothing is
  // still writing when the error is reported.
  const workers = await Promise.allSettled(
    Array.from({ length: 4 }, async () => {
      for (let s = queue.shift(); s; s = queue.shift()) {
        try {
          await card(dist, s, opts, used);
        } catch (e) {
          queue.length = 0;
          throw new DataError([
            {
              file: join(dist, s.path),
              expected: `a social card that can be drawn (${(e as Error).message.slice(0, 300)})`,
            },
          ]);
        }
      }
    }),
  );
  const failed = workers.find((w) => w.status === "rejected");
  if (failed) throw failed.reason;
  // Only after a whole build: a failed one keeps the cache for the next try.
  if (opts.prune && opts.cacheDir) cardStats.pruned += pruneCardCache(opts.cacheDir, used);
  return specs.length;
}

if (import.meta.main) {
  await runMain(async () => {
    const dist = argValue("dist", "dist");
    const css = cardChartCss(
      readFileSync("src/styles/charts.css", "utf8") + readFileSync("src/styles/timeline.css", "utf8"),
    );
    // The page model: the catalogue as the pages built it, from the data step's output.
    const { CHARTS } = await import("../src/lib/charts/site-charts.ts");
    const { site } = await import("../src/lib/site.ts");
    const count = await writeCards(dist, cardSpecs({ charts: CHARTS, release: site.release.date }), {
      css,
      release: site.release.date,
      // OG_CACHE=off draws every card; OG_CACHE=<folder> keeps them there (the benchmark's own runs).
      cacheDir: process.env.OG_CACHE === "off" ? undefined : process.env.OG_CACHE || CARD_CACHE,
      prune: true,
    });
    console.log(
      `og: ${count} social preview cards written to ${join(dist, "og")} (${rasterStats.drawn} drawn, ${rasterStats.cached} from the cache, ${cardStats.pruned} unused removed from it)`,
    );
  });
}
