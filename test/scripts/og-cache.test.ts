/** Social cards and chart images are drawn once per content: an unchanged rebuild takes them from the cache, byte for byte. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeCards } from "../../scripts/og-images.ts";
import { drawPng, pngKey, rasterStats } from "../../src/lib/publish/raster.ts";
import type { CardSpec } from "../../src/lib/publish/og.ts";

const base = mkdtempSync(join(tmpdir(), "og-cache-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const spec = (title: string, chart = "c1", path = "/og/charts/a.png"): CardSpec => ({
  path,
  title,
  description: "A card.",
  chart,
  status: null,
});
const DRAWING =
  '<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-wide" data-layout="wide" viewBox="0 0 100 50" width="100" height="50"><rect x="0" y="0" width="60" height="20"></rect></svg>';

describe("social card cache", () => {
  it("draws a card once, then reuses it for the same content, giving the same bytes", async () => {
    const dist = join(base, "dist");
    const cache = join(base, "cache");
    mkdirSync(join(dist, "a"), { recursive: true });
    mkdirSync(join(dist, "og", "charts"), { recursive: true });
    writeFileSync(join(dist, "og", "charts", "c1.svg"), DRAWING);
    const opts = { css: "", release: "2026-11-25", cacheDir: cache };
    const before = { ...rasterStats };
    await writeCards(dist, [spec("Alpha")], opts);
    const first = readFileSync(join(dist, "og", "charts", "a.png"));
    expect(rasterStats.drawn - before.drawn).toBe(1);
    await writeCards(dist, [spec("Alpha")], opts);
    expect(rasterStats.cached - before.cached).toBe(1);
    expect(readFileSync(join(dist, "og", "charts", "a.png")).equals(first)).toBe(true);
    // Changed words are a new key: drawn again, never served a stale card.
    await writeCards(dist, [spec("Beta")], opts);
    expect(rasterStats.drawn - before.drawn).toBe(2);
    expect(readFileSync(join(dist, "og", "charts", "a.png")).equals(first)).toBe(false);
    // So is a changed drawing, though the words are the same.
    writeFileSync(join(dist, "og", "charts", "c1.svg"), DRAWING.replace('width="60"', 'width="70"'));
    await writeCards(dist, [spec("Beta")], opts);
    expect(rasterStats.drawn - before.drawn).toBe(3);
  });

  it("draws the card's chart from the drawing the build rendered, and stops naming the card when it is missing", async () => {
    const dist = join(base, "dist2");
    mkdirSync(dist, { recursive: true });
    await expect(
      writeCards(dist, [spec("Gamma", "nowhere", "/og/charts/nowhere.png")], { css: "", release: "2026-11-25" }),
    ).rejects.toThrow(
      /og\/charts\/nowhere\.png: expected a social card that can be drawn \(the card shows chart nowhere, but the build wrote no/,
    );
  });

  it("keeps in the cache only the cards the last build used, and only once the build has succeeded", async () => {
    const dist = join(base, "dist3");
    const cache = join(base, "cache3");
    mkdirSync(join(dist, "a"), { recursive: true });
    mkdirSync(join(dist, "og", "charts"), { recursive: true });
    writeFileSync(join(dist, "og", "charts", "c1.svg"), DRAWING);
    mkdirSync(cache);
    const stale = ["0".repeat(64) + ".png", `${"1".repeat(64)}.png.123.tmp`];
    for (const f of stale) writeFileSync(join(cache, f), "old");
    await writeCards(dist, [spec("Alpha")], { css: "", release: "2026-11-25", cacheDir: cache });
    expect(readdirSync(cache)).toHaveLength(3);
    await writeCards(dist, [spec("Alpha")], { css: "", release: "2026-11-25", cacheDir: cache, prune: true });
    expect(readdirSync(cache)).toHaveLength(1);
    const used = readdirSync(cache)[0]!;
    expect(stale).not.toContain(used);
    // A failed build prunes nothing: its cards may be wanted by the next try.
    writeFileSync(join(cache, stale[0]!), "old");
    await expect(
      writeCards(dist, [spec("Alpha"), spec("Broken", "nowhere", "/og/charts/b.png")], {
        css: "",
        release: "2026-11-25",
        cacheDir: cache,
        prune: true,
      }),
    ).rejects.toThrow();
    expect(readdirSync(cache).sort()).toEqual([stale[0]!, used].sort());
  });

  it("keys an image by its SVG and width", () => {
    expect(pngKey("<svg/>", 1200)).toBe(pngKey("<svg/>", 1200));
    expect(pngKey("<svg/>", 1200)).not.toBe(pngKey("<svg />", 1200));
    expect(pngKey("<svg/>", 1200)).not.toBe(pngKey("<svg/>", 2400));
  });

  it("keeps an image alone in its own folder when asked: a new drawing replaces the old", async () => {
    const folder = join(base, "alone");
    await drawPng(DRAWING, { width: 100, cacheDir: folder, alone: true });
    await drawPng(DRAWING, { width: 100, cacheDir: folder, alone: true });
    expect(readdirSync(folder)).toEqual([`${pngKey(DRAWING, 100)}.png`]);
    await drawPng(DRAWING.replace('width="60"', 'width="70"'), { width: 100, cacheDir: folder, alone: true });
    expect(readdirSync(folder)).toEqual([`${pngKey(DRAWING.replace('width="60"', 'width="70"'), 100)}.png`]);
  });
});
