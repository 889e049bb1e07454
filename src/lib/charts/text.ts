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

/** Each character's width in ems, looked up once: measuring is the hot loop of a 20,000-page build. */
const emOf = new Map<string, number>();
function charEm(ch: string): number {
  let em = emOf.get(ch);
  if (em === undefined) {
    em = /[ il.,:;'|!()[\]]/.test(ch) ? 0.3 : /[mwMW@%£]/.test(ch) ? 0.85 : /[A-Z0-9&≥≈]/.test(ch) ? 0.66 : 0.54;
    emOf.set(ch, em);
  }
  return em;
}

const factor = (style: TextStyle) => WIDTH_FACTOR[style.font ?? "page"][style.bold ? "bold" : "regular"];

/**
 * Width of a string at `size`, for layout decisions (wrapping, whether a label fits inside a bar,
 * how wide a label column must be). Deliberately generous.
 */
export function textWidth(s: string, size: number, style: TextStyle = {}): number {
  let em = 0;
  for (const ch of s) em += charEm(ch);
  return em * size * factor(style);
}

/** Break text into lines no wider than maxWidth (a single over-long word gets a line of its own). */
export function wrapText(s: string, maxWidth: number, size: number, style: TextStyle = {}): string[] {
  const words = s.split(/\s+/).filter(Boolean);
  const scale = size * factor(style);
  const lines: string[] = [];
  let line = "";
  // The line's width in ems, added up character by character as textWidth does, so each decision is
  // the same as measuring the whole line again, without doing so for every word.
  let lineEm = 0;
  for (const w of words) {
    let nextEm = line ? lineEm + charEm(" ") : 0;
    for (const ch of w) nextEm += charEm(ch);
    if (line && nextEm * scale > maxWidth) {
      lines.push(line);
      line = w;
      lineEm = 0;
      for (const ch of w) lineEm += charEm(ch);
    } else {
      line = line ? `${line} ${w}` : w;
      lineEm = nextEm;
    }
  }
  if (line) lines.push(line);
  return lines;
}
