import { describe, expect, it } from "vitest";
import { citationLine, embedCode } from "./embed.ts";

describe("embed code", () => {
  it("gives an iframe with a title, a fixed height that works alone, and the versioned loader", () => {
    const code = embedCode("https://example.org", "coverage-over-time", 'Coverage "now"', 640);
    expect(code).toContain('<iframe src="https://example.org/embed/coverage-over-time/" title="Coverage &quot;now&quot;" height="640"');
    expect(code).toContain('<script src="https://example.org/embed/v1/loader.js" async></script>');
    expect(embedCode("https://example.org", "x", "t", 500, false)).not.toContain("<script");
  });

  it("escapes markup in titles", () => {
    expect(embedCode("", "x", "<script>alert(1)</script>", 1)).not.toContain("<script>alert");
  });

  it("writes a citation line that names the publishers", () => {
    expect(citationLine(["UK Parliament", "NHS England", "UK Parliament"], "25 November 2026")).toBe("Source: UK Parliament, NHS England via NHS EPR Tracker, 25 November 2026");
    expect(citationLine(["A", "B", "C", "D"], "2026")).toBe("Source: A, B, C and others via NHS EPR Tracker, 2026");
  });
});
