/** Social cards are drawn once per content: an unchanged rebuild takes them from the cache, byte for byte. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cardKey, cardStats, writeCards } from "../../scripts/og-images.ts";

const base = mkdtempSync(join(tmpdir(), "og-cache-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const page = (title: string, chart = "c1") =>
  `<!doctype html><html><head><title>${title} · NHS EPR Tracker</title><meta name="description" content="A card."><meta name="card-chart" content="${chart}"></head><body></body></html>`;
const DRAWING =
  '<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-wide" data-layout="wide" viewBox="0 0 100 50" width="100" height="50"><rect x="0" y="0" width="60" height="20"></rect></svg>';

describe("social card cache", () => {
  it("draws a card once, then reuses it for the same content, giving the same bytes", async () => {
    const dist = join(base, "dist");
    const cache = join(base, "cache");
    mkdirSync(join(dist, "a"), { recursive: true });
    mkdirSync(join(dist, "og", "charts"), { recursive: true });
    writeFileSync(join(dist, "og", "charts", "c1.svg"), DRAWING);
    writeFileSync(join(dist, "a", "index.html"), page("Alpha"));
    const opts = { css: "", release: "2026-11-25", cacheDir: cache };
    const before = { ...cardStats };
    await writeCards(dist, opts);
    const first = readFileSync(join(dist, "og", "a.png"));
    expect(cardStats.drawn - before.drawn).toBe(1);
    await writeCards(dist, opts);
    expect(cardStats.cached - before.cached).toBe(1);
    expect(readFileSync(join(dist, "og", "a.png")).equals(first)).toBe(true);
    // A changed page is a new key: drawn again, never served a stale card.
    writeFileSync(join(dist, "a", "index.html"), page("Beta"));
    await writeCards(dist, opts);
    expect(cardStats.drawn - before.drawn).toBe(2);
    expect(readFileSync(join(dist, "og", "a.png")).equals(first)).toBe(false);
  });

  it("draws the chart the page names, from the drawing the build rendered, and stops naming the page when it is missing", async () => {
    const dist = join(base, "dist2");
    mkdirSync(join(dist, "b"), { recursive: true });
    writeFileSync(join(dist, "b", "index.html"), page("Gamma", "nowhere"));
    await expect(writeCards(dist, { css: "", release: "2026-11-25" })).rejects.toThrow(
      /b\/index\.html: expected a page whose social card can be drawn \(the page's card names chart nowhere, but the build wrote no/,
    );
  });

  it("keeps in the cache only the cards the last build used, and only once the build has succeeded", async () => {
    const dist = join(base, "dist3");
    const cache = join(base, "cache3");
    mkdirSync(join(dist, "a"), { recursive: true });
    mkdirSync(join(dist, "og", "charts"), { recursive: true });
    writeFileSync(join(dist, "og", "charts", "c1.svg"), DRAWING);
    writeFileSync(join(dist, "a", "index.html"), page("Alpha"));
    mkdirSync(cache);
    const stale = ["0".repeat(64) + ".png", `${"1".repeat(64)}.png.123.tmp`];
    for (const f of stale) writeFileSync(join(cache, f), "old");
    await writeCards(dist, { css: "", release: "2026-11-25", cacheDir: cache });
    expect(readdirSync(cache)).toHaveLength(3);
    await writeCards(dist, { css: "", release: "2026-11-25", cacheDir: cache, prune: true });
    expect(readdirSync(cache)).toHaveLength(1);
    const used = readdirSync(cache)[0]!;
    expect(stale).not.toContain(used);
    // A failed build prunes nothing: its cards may be wanted by the next try.
    writeFileSync(join(cache, stale[0]!), "old");
    writeFileSync(join(dist, "b.html"), page("Broken", "nowhere"));
    await expect(writeCards(dist, { css: "", release: "2026-11-25", cacheDir: cache, prune: true })).rejects.toThrow();
    expect(readdirSync(cache).sort()).toEqual([stale[0]!, used].sort());
  });

  it("keys a card by its SVG", () => {
    expect(cardKey("<svg/>")).toBe(cardKey("<svg/>"));
    expect(cardKey("<svg/>")).not.toBe(cardKey("<svg />"));
  });
});
