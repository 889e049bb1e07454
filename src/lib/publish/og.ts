/**
 * Social preview cards (Open Graph / Twitter), 1200 × 630, made at build time from the page's own
 * chart SVG: the same drawing, with the chart stylesheet's light colours written in, because the
 * rasteriser reads plain CSS but not custom properties or media queries.
 */

import { escapeXml } from "../text.ts";
import { textWidth, wrapText } from "../charts/text.ts";

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

/** Where a page's card lives: "/" → "/og/index.png", "/trusts/RK9/" → "/og/trusts/RK9.png". */
export function ogImagePath(pathname: string): string {
  const trimmed = pathname
    .replace(/index\.html$/, "")
    .replace(/\.html$/, "")
    .replace(/^\/|\/$/g, "");
  return `/og/${trimmed || "index"}.png`;
}

/** Removes every @media block (dark and print colours) and the :root custom-property blocks. */
function stripBlocks(css: string, startsWith: RegExp): string {
  let out = "";
  let i = 0;
  while (i < css.length) {
    const rest = css.slice(i);
    const m = startsWith.exec(rest);
    if (!m || m.index === undefined) return out + rest;
    out += rest.slice(0, m.index);
    let j = i + m.index + rest.slice(m.index).indexOf("{") + 1;
    for (let depth = 1; depth > 0 && j < css.length; j++) depth += css[j] === "{" ? 1 : css[j] === "}" ? -1 : 0;
    i = j;
  }
  return out;
}

/** The chart stylesheet as a rasteriser can read it: light colours in place of var(--…). */
export function staticChartCss(css: string): string {
  const lightRoot = /:root\s*\{([^}]*)\}/.exec(css)?.[1] ?? "";
  const lightOf = (v: string) => /^light-dark\(\s*([^,]+),/.exec(v)?.[1]!.trim() ?? v;
  const vars = new Map(
    [...lightRoot.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1]!, lightOf(m[2]!.trim())]),
  );
  const plain = stripBlocks(stripBlocks(css.replace(/\/\*[\s\S]*?\*\//g, ""), /@media[^{]*\{/), /:root[^{]*\{/)
    // Page layout rules (which drawing to show, fluid width) mean nothing inside a fixed-size card.
    .replace(/^\s*(\.chart-wide|\.chart-narrow|svg\.chart)\s*\{[^}]*\}/gm, "");
  return plain.replace(/var\((--[\w-]+)\)/g, (_, name: string) => vars.get(name) ?? "currentColor");
}

/**
 * A chart's SVG as the built HTML holds it, made well-formed XML for the rasteriser. HTML lets an
 * attribute value hold a raw "<" or ">", and Astro writes them so (a supplier called "Epic <UK> Ltd"
 * lands in a data-tip attribute as it is); XML does not. Text between tags is already escaped, so
 * only quoted values inside tags need it.
 */
export function htmlSvgToXml(svg: string): string {
  let out = "";
  let state: "text" | "tag" | '"' | "'" = "text";
  for (const c of svg) {
    if (state === "text") {
      if (c === "<") state = "tag";
    } else if (state === "tag") {
      if (c === '"' || c === "'") state = c;
      else if (c === ">") state = "text";
    } else if (c === state) state = "tag";
    else if (c === "<") {
      out += "&lt;";
      continue;
    } else if (c === ">") {
      out += "&gt;";
      continue;
    }
    out += c;
  }
  return out;
}

/**
 * The wide drawing out of a chart's rendered markup (both layouts), as standalone XML: found by its
 * data-layout attribute, which ChartSvg.astro writes for this, and never silently missing.
 */
export function wideDrawing(markup: string, chartId: string): string {
  const svg = /<svg\b[^>]*\bdata-layout="wide"[\s\S]*?<\/svg>/.exec(markup)?.[0];
  if (!svg) throw new Error(`Chart ${chartId} rendered no wide drawing (an <svg data-layout="wide">)`);
  return htmlSvgToXml(svg.replace(/^<svg\b/, '<svg xmlns="http://www.w3.org/2000/svg"'));
}

export interface CardInput {
  title: string;
  description: string;
  /** The page's chart, as the <svg …>…</svg> markup in the built HTML; none for text-only pages. */
  chartSvg: string | null;
  css: string;
  footer: string;
}

/**
 * Lines of at most `width` px, at the largest of `sizes` that needs no more than `maxLines`; at the
 * smallest, words that still do not fit are cut with an ellipsis rather than run off the card.
 */
export function fitLines(
  text: string,
  width: number,
  sizes: readonly number[],
  maxLines: number,
  bold: boolean,
): { lines: string[]; size: number } {
  // Cards are drawn in DejaVu Sans, the "image" font (og.test.ts checks every trust's card).
  const style = { font: "image", bold } as const;
  for (const size of sizes) {
    const lines = wrapText(text, width, size, style);
    if (lines.length <= maxLines) return { lines, size };
  }
  const size = sizes.at(-1)!;
  const lines = wrapText(text, width, size, style).slice(0, maxLines);
  let last = lines[maxLines - 1]!;
  while (last.includes(" ") && textWidth(`${last}…`, size, style) > width) last = last.slice(0, last.lastIndexOf(" "));
  lines[maxLines - 1] = `${last}…`;
  return { lines, size };
}

/** The card as SVG: title and description on the left, the chart on the right (or below a wide title). */
export function ogCardSvg(card: CardInput): string {
  const pad = 56;
  const withChart = card.chartSvg !== null;
  // Text stops short of the chart, which starts at x = 560.
  const textWidthPx = withChart ? 560 - pad - 24 : OG_WIDTH - 2 * pad;
  const { lines: title, size: titleSize } = fitLines(
    card.title,
    textWidthPx,
    withChart ? [36, 32, 28] : [52, 46, 40],
    withChart ? 6 : 4,
    true,
  );
  const desc = fitLines(card.description, textWidthPx, [22], 4, false).lines;
  const lines = [
    ...title.map(
      (l, i) =>
        `<text x="${pad}" y="${pad + 60 + i * titleSize * 1.2}" font-size="${titleSize}" font-weight="700" fill="#1b1d21">${escapeXml(l)}</text>`,
    ),
    ...desc.map(
      (l, i) =>
        `<text x="${pad}" y="${pad + 60 + title.length * titleSize * 1.2 + 24 + i * 30}" font-size="22" fill="#4f5560">${escapeXml(l)}</text>`,
    ),
  ];
  let chart = "";
  if (card.chartSvg) {
    const viewBox = /viewBox="([^"]+)"/.exec(card.chartSvg)?.[1] ?? "0 0 800 400";
    const inner = htmlSvgToXml(card.chartSvg)
      .replace(/^<svg[^>]*>/, "")
      .replace(/<\/svg>\s*$/, "")
      .replace(/<title[\s\S]*?<\/title>|<desc[\s\S]*?<\/desc>/g, "");
    const klass = (/class="([^"]+)"/.exec(card.chartSvg)?.[1] ?? "chart").replace(/\s*chart-(wide|narrow)\b/, "");
    chart = `<svg x="560" y="${pad}" width="${OG_WIDTH - 560 - pad}" height="${OG_HEIGHT - 2 * pad - 40}" viewBox="${viewBox}" preserveAspectRatio="xMidYMin meet" class="${klass}" font-size="${/font-size="([\d.]+)"/.exec(card.chartSvg)?.[1] ?? 16}">${inner}</svg>`;
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}" viewBox="0 0 ${OG_WIDTH} ${OG_HEIGHT}" font-family="DejaVu Sans">`,
    `<style>${card.css}</style>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<rect width="100%" height="12" fill="#005eb8"/>`,
    `<text x="${pad}" y="${pad + 6}" font-size="24" font-weight="700" fill="#005eb8">NHS EPR Tracker</text>`,
    ...lines,
    chart,
    `<text x="${pad}" y="${OG_HEIGHT - pad + 20}" font-size="18" fill="#4f5560">${escapeXml(card.footer)}</text>`,
    "</svg>",
  ].join("\n");
}
