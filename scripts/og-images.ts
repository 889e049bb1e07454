/**
 * Writes a social preview card (PNG, 1200 × 630) for every built page into <dist>/og/, after astro build.
 * Fonts are the DejaVu files from npm, never the machine's, so every machine renders the same bytes.
 * A page whose card cannot be drawn stops the step with that page's file named; `npm run build` then
 * leaves dist/ as it was (scripts/build.ts).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { renderAsync, type ResvgRenderOptions } from "@resvg/resvg-js";
import { OG_WIDTH, ogCardSvg, ogImagePath, staticChartCss } from "../src/lib/publish/og.ts";
import { DataError } from "../src/lib/data/errors.ts";
import { listFiles } from "./lib/dist.ts";
import { argValue, runMain } from "./lib/io.ts";

const require = createRequire(import.meta.url);
const fontDir = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
const fonts = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((f) => join(fontDir, f));
const options: ResvgRenderOptions = {
  fitTo: { mode: "width", value: OG_WIDTH },
  font: { fontFiles: fonts, loadSystemFonts: false, defaultFontFamily: "DejaVu Sans" },
};

const decode = (s: string) =>
  s
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

export interface CardOptions {
  /** The chart stylesheet, as staticChartCss made it. */
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

/**
 * What a card's bytes depend on: its SVG, the renderer's version and the fonts. Same key, same PNG,
 * so a cached card is byte-identical to a fresh one and the build stays reproducible.
 */
const renderer = (() => {
  const version = (
    JSON.parse(readFileSync(require.resolve("@resvg/resvg-js/package.json"), "utf8")) as { version: string }
  ).version;
  const hash = createHash("sha256").update(`resvg ${version}\n`);
  for (const f of fonts) hash.update(readFileSync(f));
  return hash.digest("hex");
})();
export function cardKey(svg: string): string {
  return createHash("sha256").update(renderer).update(svg).digest("hex");
}

/** Counts of cards drawn, taken from the cache and pruned from it, for the build's log and the benchmark. */
export const cardStats = { drawn: 0, cached: 0, pruned: 0 };

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

async function png(svg: string, cacheDir: string | undefined, used: Set<string>): Promise<Buffer> {
  const key = cardKey(svg);
  used.add(key);
  const cached = cacheDir ? join(cacheDir, `${key}.png`) : null;
  if (cached && existsSync(cached)) {
    cardStats.cached++;
    return readFileSync(cached);
  }
  const bytes = (await renderAsync(svg, options)).asPng();
  cardStats.drawn++;
  if (cached) {
    mkdirSync(dirname(cached), { recursive: true });
    // Written whole, then renamed: a build stopped halfway never leaves a broken card in the cache.
    writeFileSync(`${cached}.${process.pid}.tmp`, bytes);
    renameSync(`${cached}.${process.pid}.tmp`, cached);
  }
  return bytes;
}

/** The standalone drawing the build wrote for a chart (src/pages/og/charts/[id].svg.ts). */
function readChartDrawing(dist: string, chartId: string): string {
  const file = join(dist, "og", "charts", `${chartId}.svg`);
  if (!existsSync(file)) throw new Error(`the page's card names chart ${chartId}, but the build wrote no ${file}`);
  return readFileSync(file, "utf8");
}

/** One page's card: read its title, description and the chart it names, draw, write. */
async function card(dist: string, file: string, opts: CardOptions, used: Set<string>): Promise<boolean> {
  const html = readFileSync(file, "utf8");
  const pathname = "/" + relative(dist, file).replace(/\\/g, "/");
  // A page that names another page's card (an embed pinned to a release names its live embed's) gets none of its own.
  const image = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
  if (image && !new URL(image, "http://x").pathname.endsWith(ogImagePath(pathname))) return false;
  // The card carries the site's name already; the title need not repeat it.
  const title = decode(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? "")
    .replace(/ · NHS EPR Tracker$/, "")
    .replace(/^NHS EPR Tracker: (.)/, (_, c: string) => c.toUpperCase());
  const description = decode(/<meta name="description" content="([^"]*)"/.exec(html)?.[1] ?? "");
  // The page names the chart its card shows; the drawing is the one the build rendered from the catalogue.
  const chartId = /<meta name="card-chart" content="([^"]+)"/.exec(html)?.[1] ?? null;
  const chartSvg = chartId ? readChartDrawing(dist, chartId) : null;
  const svg = ogCardSvg({
    title,
    description,
    chartSvg,
    css: opts.css,
    footer: `Figures with their sources · data release ${opts.release}`,
  });
  const out = join(dist, ogImagePath(pathname));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, await png(svg, opts.cacheDir, used));
  return true;
}

/** Cards for every page under `dist`; the first failure names its page and stops the rest. */
export async function writeCards(dist: string, opts: CardOptions): Promise<number> {
  const files = listFiles(dist, ".html");
  const queue = [...files];
  const used = new Set<string>();
  let written = 0;
  // Drawn on the thread pool, a few at a time; each file's bytes do not depend on the order. After a
  // failure the queue is emptied and the cards already being drawn are waited for, so nothing is
  // still writing when the error is reported.
  const workers = await Promise.allSettled(
    Array.from({ length: 4 }, async () => {
      for (let f = queue.shift(); f; f = queue.shift()) {
        try {
          if (await card(dist, f, opts, used)) written++;
        } catch (e) {
          queue.length = 0;
          throw new DataError([
            { file: f, expected: `a page whose social card can be drawn (${(e as Error).message.slice(0, 300)})` },
          ]);
        }
      }
    }),
  );
  const failed = workers.find((w) => w.status === "rejected");
  if (failed) throw failed.reason;
  // Only after a whole build: a failed one keeps the cache for the next try.
  if (opts.prune && opts.cacheDir) cardStats.pruned += pruneCardCache(opts.cacheDir, used);
  return written;
}

if (import.meta.main) {
  await runMain(async () => {
    const dist = argValue("dist", "dist");
    const css = staticChartCss(
      readFileSync("src/styles/charts.css", "utf8") + readFileSync("src/styles/timeline.css", "utf8"),
    );
    const release = (JSON.parse(readFileSync("src/generated/site-data.json", "utf8")) as { release: { date: string } })
      .release.date;
    const count = await writeCards(dist, {
      css,
      release,
      cacheDir: process.env.OG_CACHE === "off" ? undefined : CARD_CACHE,
      prune: true,
    });
    console.log(
      `og: ${count} social preview cards written to ${join(dist, "og")} (${cardStats.drawn} drawn, ${cardStats.cached} from the cache, ${cardStats.pruned} unused removed from it)`,
    );
  });
}
