/**
 * Rows for horizontal bar charts. Wide: labels in a right-aligned column beside the bars. Narrow:
 * each label above its full-width bar, so long names wrap instead of squeezing the bars.
 */
import { layoutFor, px } from "./shared.ts";
import { lineHeight, textWidth, wrapText } from "./text.ts";

const IMAGE = { font: "image" } as const;

export interface BarRow {
  labelLines: string[];
  labelX: number;
  /** Baseline of the first label line. */
  labelY: number;
  labelAnchor: "start" | "end";
  /** Top of the bar and its height. */
  barY: number;
  barH: number;
}

export interface BarRowsLayout {
  rows: BarRow[];
  /** Where bars start and the furthest they may reach (room is left after for an end label). */
  barX0: number;
  barX1: number;
  /** Bottom of the last row. */
  bottom: number;
  lineH: number;
}

export interface BarRowsOptions {
  width: number;
  fontSize: number;
  /** Top of the first row. */
  top: number;
  /** Room to keep right of the longest bar for its end label, px. */
  endLabelWidth: number;
  /** Widest share of the drawing the wide layout's label column may take; default 0.4. */
  maxLabelShare?: number;
}

export function layoutBarRows(labels: string[], opts: BarRowsOptions): BarRowsLayout {
  const { width, fontSize: fs, top, endLabelWidth } = opts;
  const narrow = layoutFor(width) === "narrow";
  const lineH = lineHeight(fs);
  const barH = Math.round(fs * (narrow ? 1.4 : 1.5));
  const rows: BarRow[] = [];
  let y = top;
  if (narrow) {
    for (const label of labels) {
      const lines = wrapText(label, width - 4, fs);
      rows.push({
        labelLines: lines,
        labelX: 0,
        labelY: px(y + fs),
        labelAnchor: "start",
        barY: px(y + lines.length * lineH + 4),
        barH,
      });
      y += lines.length * lineH + 4 + barH + Math.round(fs * 0.9);
    }
    return { rows, barX0: 0, barX1: width - endLabelWidth, bottom: y, lineH };
  }
  const maxCol = width * (opts.maxLabelShare ?? 0.4);
  // Measured as images draw them (DejaVu Sans), which run wider than system UI fonts.
  const col = Math.min(maxCol, Math.max(0, ...labels.map((l) => textWidth(l, fs, IMAGE))));
  const barX0 = Math.ceil(col) + 10;
  for (const label of labels) {
    const lines = wrapText(label, col, fs, IMAGE);
    const rowH = Math.max(barH, lines.length * lineH);
    const barY = y + (rowH - barH) / 2;
    // Lines centred on the bar.
    const firstBaseline = y + rowH / 2 - ((lines.length - 1) * lineH) / 2 + fs * 0.35;
    rows.push({
      labelLines: lines,
      labelX: barX0 - 10,
      labelY: px(firstBaseline),
      labelAnchor: "end",
      barY: px(barY),
      barH,
    });
    y += rowH + Math.round(fs * 0.6);
  }
  return { rows, barX0, barX1: width - endLabelWidth, bottom: y, lineH };
}
