/**
 * The one rasteriser of the build: an SVG to a PNG with resvg and the DejaVu fonts from npm, never the
 * machine's, so every machine draws the same bytes. Social cards (scripts/og-images.ts) and the hosted
 * chart images (/charts/<id>.png) both come through here. Node only; modules are resolved from the
 * project, since this also runs from inside Astro's build bundle.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { renderAsync } from "@resvg/resvg-js";

const require = createRequire(join(process.cwd(), "package.json"));
const fontDir = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
const fontFiles = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((f) => join(fontDir, f));

/**
 * What a PNG's bytes depend on besides its SVG and width: the renderer's version and the fonts. Same
 * key, same PNG, so a kept image is byte-identical to a fresh one and the build stays reproducible.
 */
const renderer = (() => {
  const { version } = JSON.parse(readFileSync(require.resolve("@resvg/resvg-js/package.json"), "utf8")) as {
    version: string;
  };
  const hash = createHash("sha256").update(`resvg ${version}\n`);
  for (const f of fontFiles) hash.update(readFileSync(f));
  return hash.digest("hex");
})();

export function pngKey(svg: string, width: number): string {
  return createHash("sha256").update(renderer).update(`${width}\n`).update(svg).digest("hex");
}

/** Counts of images drawn and taken from a cache, for the build's log and the benchmark. */
export const rasterStats = { drawn: 0, cached: 0 };

export interface DrawOptions {
  /** The image's width in px; its height follows the SVG's proportions. */
  width: number;
  /** Folder of images already drawn, by key; none to draw afresh. */
  cacheDir?: string | undefined;
  /** Collects the key of every image asked for, so a caller can prune the rest of its cache. */
  used?: Set<string>;
  /** Keep this image alone in cacheDir (a folder per image): drawing a new one removes the old. */
  alone?: boolean;
}

/** A PNG of an SVG: from the cache when the same inputs were drawn before, else drawn and kept there. */
export async function drawPng(svg: string, opts: DrawOptions): Promise<Buffer> {
  const key = pngKey(svg, opts.width);
  opts.used?.add(key);
  const kept = opts.cacheDir ? join(opts.cacheDir, `${key}.png`) : null;
  if (kept && existsSync(kept)) {
    rasterStats.cached++;
    return readFileSync(kept);
  }
  const bytes = (
    await renderAsync(svg, {
      fitTo: { mode: "width", value: opts.width },
      font: { fontFiles, loadSystemFonts: false, defaultFontFamily: "DejaVu Sans" },
    })
  ).asPng();
  rasterStats.drawn++;
  if (kept) {
    mkdirSync(dirname(kept), { recursive: true });
    if (opts.alone) for (const f of readdirSync(dirname(kept))) rmSync(join(dirname(kept), f), { force: true });
    // Written whole, then renamed: a build stopped halfway never leaves a broken image kept.
    writeFileSync(`${kept}.${process.pid}.tmp`, bytes);
    renameSync(`${kept}.${process.pid}.tmp`, kept);
  }
  return bytes;
}
