/**
 * The hosted image of a chart, /charts/<id>.png: the image the share panel exports (title, subtitle,
 * chart, the data's date, sources, licence, credit and address, placed by exportLayout), drawn at
 * build time from the chart's wide drawing so it exists without JavaScript. Pure: the caller renders
 * the SVG this returns with the social cards' renderer and fonts (DejaVu Sans).
 */
import { escapeXml } from "../text.ts";
import { textWidth } from "../charts/text.ts";
import { exportLayout, type ExportText, type Measure } from "./export-layout.ts";
import { htmlSvgToXml } from "./og.ts";

/** Text widths in DejaVu Sans, the image font, from the one shared estimate. */
export const dejaVuMeasure: Measure = (text, size, bold) => textWidth(text, size, { font: "image", bold });

const INK = "#1b1d21";
const MUTED = "#4f5560";

export interface ChartImageInput {
  /** The chart's wide drawing as a standalone SVG (wideDrawing in og.ts). */
  drawing: string;
  /** The chart stylesheet with its light colours written in (staticChartCss in og.ts). */
  css: string;
  text: ExportText;
}

/** The whole image as SVG, light theme, with its pixel size. */
export function chartImageSvg(input: ChartImageInput): { svg: string; width: number; height: number } {
  const open = /^<svg\b[^>]*>/.exec(input.drawing)?.[0];
  if (!open) throw new Error("chartImageSvg: the drawing is not an <svg> element");
  const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(open)?.[1];
  const [x, y, width, height] = (attr("viewBox") ?? "").split(/\s+/).map(Number) as number[];
  if (![x, y, width, height].every((n) => Number.isFinite(n)))
    throw new Error(`chartImageSvg: the drawing has no usable viewBox (${attr("viewBox")})`);
  const fontSize = Number(attr("font-size") ?? 14);
  const box = { x: x!, y: y!, width: width!, height: height! };
  const layout = exportLayout(input.text, box, { fontSize, measure: dejaVuMeasure });
  const inner = htmlSvgToXml(input.drawing)
    .replace(/^<svg\b[^>]*>/, "")
    .replace(/<\/svg>\s*$/, "")
    .replace(/<title[\s\S]*?<\/title>|<desc[\s\S]*?<\/desc>/g, "");
  // The drawing keeps its classes, so the stylesheet colours it; layout classes mean nothing here.
  const klass = (attr("class") ?? "chart").replace(/\s*chart-(wide|narrow)\b/, "");
  const c = layout.chart;
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" font-family="DejaVu Sans">`,
    `<style>${input.css}</style>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...layout.lines.map(
      (l) =>
        `<text x="${l.x}" y="${l.y}" font-size="${l.size}"${l.bold ? ' font-weight="700"' : ""} fill="${l.muted ? MUTED : INK}">${escapeXml(l.text)}</text>`,
    ),
    `<svg x="${c.x}" y="${c.y}" width="${c.width}" height="${c.height}" viewBox="${box.x} ${box.y} ${box.width} ${box.height}" class="${escapeXml(klass)}" font-size="${fontSize}">${inner}</svg>`,
    "</svg>",
  ].join("\n");
  return { svg, width: layout.width, height: layout.height };
}
