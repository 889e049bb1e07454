import { describe, expect, it } from "vitest";
import { layoutFor, responsive, textSize, textWidth, wrapText } from "./shared.ts";

describe("chart layout helpers", () => {
  it("treats widths under 600px as the narrow layout", () => {
    expect(layoutFor(320)).toBe("narrow");
    expect(layoutFor(340)).toBe("narrow");
    expect(layoutFor(800)).toBe("wide");
  });

  it("sizes text so it renders at 12px or more at the smallest width each drawing is shown", () => {
    // Narrow drawing (340) is shown down to 288px; wide (800) down to 568px.
    expect((textSize(340) * 288) / 340).toBeGreaterThanOrEqual(12);
    expect((textSize(800) * 568) / 800).toBeGreaterThanOrEqual(12);
    expect(textSize(320)).toBeGreaterThanOrEqual(12);
  });

  it("wraps text into lines that fit", () => {
    const lines = wrapText("Bath and North East Somerset, Swindon and Wiltshire", 150, 15);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(textWidth(l, 15)).toBeLessThanOrEqual(150);
    expect(lines.join(" ")).toBe("Bath and North East Somerset, Swindon and Wiltshire");
  });

  it("builds a narrow and a wide drawing", () => {
    expect(responsive((w) => w)).toEqual({ narrow: 340, wide: 800 });
  });
});
