/**
 * The one text measure and the one line height every chart, social card and embed estimate uses.
 * Pure: no canvas, no fonts read. Layout is decided at build time, before any browser has chosen a
 * font, so widths are estimates that err wide; overestimating only costs space.
 */

/** Line height as a multiple of the font size, for every multi-line text a model lays out. */
const LINE_HEIGHT = 1.25;

/** Distance between baselines of wrapped lines at this font size, in the same units. */
export function lineHeight(size: number): number {
  return Math.round(size * LINE_HEIGHT);
}

/** Where the text will be drawn: a page (system sans-serif) or a rasterised image (DejaVu Sans). */
interface TextStyle {
  /** Bold text runs wider; default false. */
  bold?: boolean;
  /**
   * "page" (default): the reader's system sans-serif. "image": DejaVu Sans, the font resvg draws
   * social cards and chart images with, and the fallback where no system UI font is installed; it
   * runs wider than the page estimate (measured with resvg: an eighth regular, a quarter bold).
   */
  font?: "page" | "image";
}

const WIDTH_FACTOR = {
  page: { regular: 1, bold: 1.1 },
  image: { regular: 1.12, bold: 1.25 },
} as const;

/**
 * Width of a string at `size`, for layout decisions (wrapping, whether a label fits inside a bar,
 * how wide a label column must be). Deliberately generous.
 */
export function textWidth(s: string, size: number, style: TextStyle = {}): number {
  let em = 0;
  for (const ch of s) {
    if (/[ il.,:;'|!()[\]]/.test(ch)) em += 0.3;
    else if (/[mwMW@%£]/.test(ch)) em += 0.85;
    else if (/[A-Z0-9&≥≈]/.test(ch)) em += 0.66;
    else em += 0.54;
  }
  return em * size * WIDTH_FACTOR[style.font ?? "page"][style.bold ? "bold" : "regular"];
}

/** Break text into lines no wider than maxWidth (a single over-long word gets a line of its own). */
export function wrapText(s: string, maxWidth: number, size: number, style: TextStyle = {}): string[] {
  const words = s.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  for (const w of words) {
    const next = line ? `${line} ${w}` : w;
    if (line && textWidth(next, size, style) > maxWidth) {
      lines.push(line);
      line = w;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}
