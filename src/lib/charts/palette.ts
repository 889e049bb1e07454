/**
 * The chart palette, defined once. Hues follow Okabe and Ito's colour-blind-safe set, darkened for
 * light backgrounds and lightened for dark ones so that every mark has at least 3:1 contrast with
 * the page and every text colour 4.5:1 (checked in palette.test.ts). Print is black on white.
 *
 * Components never use these hex values: they use `var(--chart-…)` through class names, and
 * src/styles/charts.css holds the same values (palette.test.ts checks the two agree).
 */

export interface Shade {
  light: string;
  dark: string;
  print: string;
}

/** What a colour is for, which decides the contrast it needs. */
export type ColourUse =
  | "background"
  /** Text: ≥ 4.5:1 against the background. */
  | "text"
  /** A data mark: ≥ 3:1 against the background. */
  | "mark"
  /** A fill with text printed on it: the paired text colour needs ≥ 4.5:1 on it. */
  | "fill"
  /** Decoration (grid lines, hatch stripes): no contrast needed, never the only carrier of meaning. */
  | "decor";

export interface PaletteEntry extends Shade {
  use: ColourUse;
  /** For fills (and marks with counts printed inside): the role of the text printed on them. */
  textOn?: string;
}

/** The page backgrounds these colours were checked against (site.css --bg). */
export const BACKGROUND: Shade = { light: "#ffffff", dark: "#15171a", print: "#ffffff" };

export const PALETTE = {
  bg: { use: "background", ...BACKGROUND },
  text: { use: "text", light: "#1b1d21", dark: "#eceef1", print: "#000000" },
  "text-muted": { use: "text", light: "#4f5560", dark: "#b3b9c2", print: "#000000" },
  axis: { use: "mark", light: "#6e7681", dark: "#8b929c", print: "#000000" },
  grid: { use: "decor", light: "#d4d8de", dark: "#3a3f47", print: "#bbbbbb" },

  // EPR status. "No EPR" also carries a hatch pattern and words, never colour alone.
  epr: { use: "mark", textOn: "epr-text", light: "#0072b2", dark: "#56b4e9", print: "#555555" },
  "epr-text": { use: "decor", light: "#ffffff", dark: "#000000", print: "#ffffff" },
  "no-epr": { use: "mark", light: "#d55e00", dark: "#f07e3c", print: "#000000" },
  "no-epr-hatch": { use: "decor", light: "#ffffff", dark: "#15171a", print: "#ffffff" },

  // Coverage over time and deadlines.
  official: { use: "mark", light: "#0072b2", dark: "#56b4e9", print: "#000000" },
  unofficial: { use: "mark", light: "#0072b2", dark: "#56b4e9", print: "#000000" },
  target: { use: "mark", light: "#a8518a", dark: "#cc79a7", print: "#000000" },
  today: { use: "mark", light: "#4f5560", dark: "#b3b9c2", print: "#000000" },
  // The EPR-for-every-trust targets on the deadline chart: the target colour, since they are targets.
  emphasis: { use: "mark", light: "#a8518a", dark: "#cc79a7", print: "#000000" },

  // ICB hexmap: trusts without an EPR, 0, 1, 2, 3 or more. The count is printed in every hex.
  "seq-0": { use: "fill", textOn: "seq-0-text", light: "#eaf3fa", dark: "#1f3342", print: "#ffffff" },
  "seq-1": { use: "fill", textOn: "seq-1-text", light: "#f9c9a3", dark: "#5a3a22", print: "#cccccc" },
  "seq-2": { use: "fill", textOn: "seq-2-text", light: "#e07b39", dark: "#a0522d", print: "#888888" },
  "seq-3": { use: "fill", textOn: "seq-3-text", light: "#a33f00", dark: "#f07e3c", print: "#333333" },
  "seq-0-text": { use: "decor", light: "#1b1d21", dark: "#eceef1", print: "#000000" },
  "seq-1-text": { use: "decor", light: "#1b1d21", dark: "#eceef1", print: "#000000" },
  "seq-2-text": { use: "decor", light: "#000000", dark: "#ffffff", print: "#000000" },
  "seq-3-text": { use: "decor", light: "#ffffff", dark: "#000000", print: "#ffffff" },
  // Pale hexes fall below 3:1 against the page, so every hex has this outline, which does not.
  "hex-stroke": { use: "mark", light: "#6e7681", dark: "#8b929c", print: "#000000" },

  // Delivery confidence ratings; the rating word is always printed beside the colour.
  "rating-green": { use: "mark", light: "#007a5a", dark: "#3dbf94", print: "#ffffff" },
  "rating-amber-green": { use: "mark", light: "#6f8a00", dark: "#a8c256", print: "#cccccc" },
  "rating-amber": { use: "mark", light: "#9a6a00", dark: "#f5c14b", print: "#888888" },
  "rating-amber-red": { use: "mark", light: "#b35c00", dark: "#f59a45", print: "#555555" },
  "rating-red": { use: "mark", light: "#c44100", dark: "#ff6b57", print: "#000000" },
  "rating-none": { use: "mark", light: "#6e7681", dark: "#8b929c", print: "#ffffff" },

  // Trust types (supplier bars split by type).
  "type-acute": { use: "mark", light: "#0072b2", dark: "#56b4e9", print: "#000000" },
  "type-mental-health": { use: "mark", light: "#a8518a", dark: "#cc79a7", print: "#555555" },
  "type-mental-health-community": { use: "mark", light: "#007a5a", dark: "#3dbf94", print: "#888888" },
  "type-community": { use: "mark", light: "#9a6a00", dark: "#f5c14b", print: "#bbbbbb" },
  // Not orange: orange means "no EPR" everywhere on the site.
  "type-ambulance": { use: "mark", light: "#5d6670", dark: "#c0c6ce", print: "#dddddd" },

  // Money.
  money: { use: "mark", light: "#0072b2", dark: "#56b4e9", print: "#555555" },
} as const satisfies Record<string, PaletteEntry>;

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  const [r, g, b] = [16, 8, 0].map((shift) => {
    const c = ((n >> shift) & 255) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function declarations(mode: keyof Shade | "light-dark", indent: string): string {
  return Object.entries(PALETTE)
    .map(
      ([role, e]) =>
        `${indent}--chart-${role}: ${mode === "light-dark" ? `light-dark(${e.light}, ${e.dark})` : e[mode]};`,
    )
    .join("\n");
}

/**
 * The custom-property blocks of charts.css. light-dark() picks by the page's color-scheme, which
 * site.css sets from the reader's preference or the data-theme switch; print gets black on white.
 */
export function paletteCss(): string {
  return [
    `:root {\n${declarations("light-dark", "  ")}\n}`,
    `@media print {\n  :root {\n${declarations("print", "    ")}\n  }\n}`,
  ].join("\n");
}
