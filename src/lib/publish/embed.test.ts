import { describe, expect, it } from "vitest";
import {
  COMMON_EMBED_WIDTHS,
  embedCode,
  embedHeightAt,
  embedSrc,
  fallbackHeight,
  pinNote,
  pinNoteHeight,
  pinnedEmbedPath,
  FIXED_HEIGHT_RANGE,
  type EmbedParts,
} from "./embed.ts";

describe("embed code", () => {
  it("gives an iframe with a title, a fixed height that works alone, and the versioned loader", () => {
    const code = embedCode("https://example.org", "/embed/coverage-over-time/", 'Coverage "now"', 640);
    expect(code).toContain(
      '<iframe src="https://example.org/embed/coverage-over-time/" title="Coverage &quot;now&quot;" height="640"',
    );
    expect(code).toContain('<script src="https://example.org/embed/v1/loader.js" async></script>');
  });

  it("drops the loader for a fixed height, and carries the theme and title options in the address", () => {
    const code = embedCode("https://example.org", "/embed/x/", "t", 500, { theme: "dark", title: false, height: 420 });
    expect(code).not.toContain("<script");
    expect(code).toContain('src="https://example.org/embed/x/?theme=dark&amp;title=0" title="t" height="420"');
  });

  it("keeps a fixed height a whole number within the range the share panel offers, whatever was typed", () => {
    const heightOf = (px: number) =>
      /height="([^"]*)"/.exec(embedCode("https://example.org", "/embed/x/", "t", 640, { ...options, height: px }))![1];
    const options = { theme: "light", title: true } as const;
    expect(heightOf(1e308)).toBe(String(FIXED_HEIGHT_RANGE.max));
    expect(heightOf(Infinity)).toBe(String(FIXED_HEIGHT_RANGE.max));
    expect(heightOf(-5)).toBe(String(FIXED_HEIGHT_RANGE.min));
    expect(heightOf(0.5)).toBe(String(FIXED_HEIGHT_RANGE.min));
    expect(heightOf(420.6)).toBe("421");
    // Not a number: the automatic height, with its loader.
    expect(heightOf(NaN)).toBe("640");
    expect(embedCode("", "/embed/x/", "t", 640, { ...options, height: NaN })).toContain("loader.js");
  });

  it("leaves the defaults out of the address", () => {
    expect(embedSrc("", "/embed/x/", { theme: "light", title: true })).toBe("/embed/x/");
    expect(embedSrc("", "/embed/x/", { theme: "auto", title: true })).toBe("/embed/x/?theme=auto");
  });

  it("escapes markup in titles", () => {
    expect(embedCode("", "/embed/x/", "<script>alert(1)</script>", 1)).not.toContain("<script>alert");
  });
});

describe("fixed embed height", () => {
  const parts: EmbedParts = {
    title: "A short title",
    subtitle: "What is drawn.",
    narrow: { width: 340, height: 600 },
    wide: { width: 800, height: 400 },
    footer: "Sources: A and B · Data · Licence",
  };

  it("takes the tallest of the common widths, so nothing is cut off at any of them", () => {
    const h = fallbackHeight(parts);
    for (const w of COMMON_EMBED_WIDTHS) expect(h).toBeGreaterThanOrEqual(embedHeightAt(parts, w));
    expect(COMMON_EMBED_WIDTHS.some((w) => embedHeightAt(parts, w) === h)).toBe(true);
  });

  it("grows with a longer title and a taller drawing", () => {
    const base = embedHeightAt(parts, 375);
    expect(embedHeightAt({ ...parts, title: parts.title.repeat(8) }, 375)).toBeGreaterThan(base);
    expect(embedHeightAt({ ...parts, narrow: { width: 340, height: 900 } }, 375)).toBeGreaterThan(base);
    // The phone drawing is shown below 600px, the wide one above.
    expect(embedHeightAt({ ...parts, narrow: { width: 340, height: 900 } }, 680)).toBe(embedHeightAt(parts, 680));
  });

  it("points the loader at the embeds' own base path on a project site", () => {
    expect(embedCode("https://owner.github.io", "/nhs-epr-tracker/embed/x/", "t", 500)).toContain(
      '<script src="https://owner.github.io/nhs-epr-tracker/embed/v1/loader.js" async></script>',
    );
    expect(embedCode("https://example.org", "/embed/x/", "t", 500)).toContain(
      '<script src="https://example.org/embed/v1/loader.js" async></script>',
    );
  });
});

describe("embeds pinned to a release", () => {
  it("puts the release after /embed/, keeping a base path before it", () => {
    expect(pinnedEmbedPath("/embed/icb-map/", "2026-11-25")).toBe("/embed/2026-11-25/icb-map/");
    expect(pinnedEmbedPath("/repo/embed/trust/RM1/", "2026-11-25")).toBe("/repo/embed/2026-11-25/trust/RM1/");
    expect(() => pinnedEmbedPath("/charts/icb-map/", "2026-11-25")).toThrow(/Not an embed's path/);
  });

  it("names the release, and says newer data exist only when it is not the latest", () => {
    expect(pinNote("2026-11-25", true, "chart")).toEqual({
      lead: "Figures of the data release of 25 November 2026.",
      newer: null,
    });
    expect(pinNote("2026-11-25", false, "chart").newer).toEqual({
      text: "Newer data exist:",
      link: "see the live chart",
    });
    expect(pinNote("2026-11-25", false, "card").newer?.link).toBe("see the trust's latest record");
  });

  it("adds room for the line at the narrowest column: more than one line, less than four", () => {
    const h = pinNoteHeight("2026-11-25", "card");
    expect(h).toBeGreaterThan(20.4);
    expect(h).toBeLessThan(4 * 20.4 + 18);
  });
});
