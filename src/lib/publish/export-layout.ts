/**
 * Where everything goes in a downloaded chart image (SVG or PNG): title and subtitle wrapped to the
 * image's own width, the chart at its natural size, then the data's date, short sources, licence and
 * the site's credit. Pure: text widths come from the caller's `measure` (a canvas in the browser, an
 * estimate in tests), so nothing is placed by counting characters.
 */

/** Width of a string in px at a font size; bold text is wider. */
export type Measure = (text: string, size: number, bold: boolean) => number;

export interface ExportText {
  title: string;
  subtitle: string;
  /** "Figures as of May 2025." */
  asOf: string;
  /** "Sources: UK Parliament, NHS England and 9 more." */
  sources: string;
  /** "Licence: Open Government Licence v3.0." */
  licence: string;
  /** "NHS EPR Tracker · data release of 25 November 2026" */
  credit: string;
  /** Where the chart lives, printed last so a printed copy can be traced. */
  url: string;
}

/** The drawing's own box, in its SVG units: its viewBox grown to take in anything drawn past it. */
export interface ChartBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedLine {
  text: string;
  x: number;
  /** Baseline. */
  y: number;
  size: number;
  bold: boolean;
  muted: boolean;
}

export interface ExportLayout {
  width: number;
  height: number;
  padding: number;
  lines: PlacedLine[];
  /** Where the chart's <svg> goes, and the viewBox it shows. */
  chart: { x: number; y: number; width: number; height: number; viewBox: ChartBox };
}

/**
 * Break text into lines no wider than maxWidth. A word too long for a line (an address) is broken
 * after a "/" or "-" where it can be, else between characters, so no line ever runs past the edge.
 */
export function wrapMeasured(text: string, maxWidth: number, size: number, bold: boolean, measure: Measure): string[] {
  const fits = (s: string) => measure(s, size, bold) <= maxWidth;
  // Pieces of one long word carry `glued`, so they join again without a space when they share a line.
  const pieces: { text: string; glued: boolean }[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let rest = word;
    let glued = false;
    while (rest && !fits(rest)) {
      let cut = rest.length - 1;
      while (cut > 1 && !fits(rest.slice(0, cut))) cut--;
      const soft = Math.max(rest.lastIndexOf("/", cut - 1), rest.lastIndexOf("-", cut - 1));
      const at = soft > 0 ? soft + 1 : cut;
      pieces.push({ text: rest.slice(0, at), glued });
      rest = rest.slice(at);
      glued = true;
    }
    if (rest) pieces.push({ text: rest, glued });
  }
  const lines: string[] = [];
  let line = "";
  for (const p of pieces) {
    const next = line ? `${line}${p.glued ? "" : " "}${p.text}` : p.text;
    if (line && !fits(next)) {
      lines.push(line);
      line = p.text;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

export interface ExportOptions {
  /** The chart's base font size in SVG units (its svg font-size). */
  fontSize: number;
  measure: Measure;
}

/** Lay out the whole image around a chart drawn at its own size. */
export function exportLayout(text: ExportText, box: ChartBox, opts: ExportOptions): ExportLayout {
  const fs = opts.fontSize;
  const padding = Math.round(fs * 1.25);
  const width = Math.ceil(box.width + 2 * padding);
  const inner = width - 2 * padding;
  const lines: PlacedLine[] = [];
  let y = padding;
  const block = (s: string, size: number, bold: boolean, muted: boolean, leading = 1.3) => {
    for (const l of wrapMeasured(s, inner, size, bold, opts.measure)) {
      y += size * leading;
      lines.push({
        text: l,
        x: padding,
        y: Math.round(y - (size * (leading - 1)) / 2 - size * 0.2),
        size,
        bold,
        muted,
      });
    }
  };
  const titleSize = Math.round(fs * 1.25);
  const smallSize = Math.max(11, Math.round(fs * 0.8));
  block(text.title, titleSize, true, false, 1.25);
  if (text.subtitle) {
    y += fs * 0.3;
    block(text.subtitle, Math.round(fs * 0.9), false, true);
  }
  y += fs * 0.75;
  const chart = {
    x: padding,
    y: Math.round(y),
    width: Math.ceil(box.width),
    height: Math.ceil(box.height),
    viewBox: box,
  };
  y = chart.y + chart.height + fs * 0.75;
  for (const s of [`${text.asOf} ${text.sources}`, text.licence]) block(s, smallSize, false, true);
  y += smallSize * 0.3;
  block(text.credit, smallSize, true, false);
  block(text.url, smallSize, false, true);
  return { width, height: Math.ceil(y + padding * 0.75), padding, lines, chart };
}
