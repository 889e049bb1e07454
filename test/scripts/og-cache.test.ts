/** Social cards are drawn once per content: an unchanged rebuild takes them from the cache, byte for byte. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cardKey, cardStats, writeCards } from "../../scripts/og-images.ts";

const base = mkdtempSync(join(tmpdir(), "og-cache-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const page = (title: string) =>
  `<!doctype html><html><head><title>${title} · NHS EPR Tracker</title><meta name="description" content="A card."></head><body><svg class="chart chart-wide" viewBox="0 0 100 50" width="100" height="50"><rect x="0" y="0" width="60" height="20"></rect></svg></body></html>`;

describe("social card cache", () => {
  it("draws a card once, then reuses it for the same content, giving the same bytes", async () => {
    const dist = join(base, "dist");
    const cache = join(base, "cache");
    mkdirSync(join(dist, "a"), { recursive: true });
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

  it("keys a card by its SVG", () => {
    expect(cardKey("<svg/>")).toBe(cardKey("<svg/>"));
    expect(cardKey("<svg/>")).not.toBe(cardKey("<svg />"));
  });
});
