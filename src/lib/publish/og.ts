/**
 * Social preview cards (Open Graph / Twitter), 1200 × 630, made at build time from the page model:
 * a chart's card from the catalogue (its finding, subtitle and drawing), a trust's from its status,
 * every other page's the site's own. A card is drawn once and shared by every page that shows it, so
 * the number of cards grows with the charts, not with the pages. Colours come from the palette.
 */

import { escapeXml } from "../text.ts";
import { textWidth, wrapText } from "../charts/text.ts";
import { PALETTE } from "../charts/palette.ts";
import { STATUS_NOW, type StatusNow } from "../data/status.ts";
import { STATUS_NOW_LABELS } from "../words/vocabulary.ts";
import { formatDate } from "../data/dates.ts";

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

/** Which card a page shows: a catalogue chart's, a trust status's, or the site's. */
export type CardRef = { kind: "chart"; id: string } | { kind: "status"; status: StatusNow } | { kind: "site" };

/** Where a card lives: "/og/charts/<id>.png", "/og/status/<status>.png" or "/og/site.png". */
export function cardPath(card: CardRef): string {
  if (card.kind === "chart") return `/og/charts/${card.id}.png`;
  if (card.kind === "status") return `/og/status/${card.status}.png`;
  return "/og/site.png";
}

/** A page's card from what it shows: its chart, else its trust's status, else the site's card. */
export function pageCard(chart: string | undefined, status: StatusNow | undefined): CardRef {
  if (chart) return { kind: "chart", id: chart };
  if (status) return { kind: "status", status };
  return { kind: "site" };
}

/** What one card says and draws. */
export interface CardSpec {
  /** Where the card is written under dist/ (cardPath). */
  path: string;
  title: string;
  description: string;
  /** The catalogue chart drawn on the right; null for a text card. */
  chart: string | null;
  /** The status whose mark leads the title; null for other cards. */
  status: StatusNow | null;
}

/** What the cards are made from: the catalogue's charts and the release. */
export interface CardModel {
  charts: readonly { id: string; title: string; subtitle: string }[];
  release: string;
}

/** Every card the site's pages can show, one per chart, per status and the site's own, in a fixed order. */
export function cardSpecs(model: CardModel): CardSpec[] {
  const on = formatDate(model.release);
  return [
    ...model.charts.map((c) => ({
      path: cardPath({ kind: "chart", id: c.id }),
      title: c.title,
      description: c.subtitle,
      chart: c.id,
      status: null,
    })),
    ...STATUS_NOW.map((status) => ({
      path: cardPath({ kind: "status", status }),
      title: STATUS_NOW_LABELS[status],
      // True of every trust with this status: the page beside the card names the trust.
      description: `An NHS trust's electronic patient record status on ${on}, from the latest published evidence. The trust's page gives its date and source.`,
      chart: null,
      status,
    })),
    {
      path: cardPath({ kind: "site" }),
      title: "How far NHS trusts in England have got in moving to electronic patient records",
      description:
        "Coverage over time, slipped deadlines, the programme's money and a page for every trust, each figure with its source.",
      chart: null,
      status: null,
    },
  ];
}

/** The card's own colours, from the palette; the NHS blue of the site's name is the site's, not a data colour. */
const INK = { bg: PALETTE.bg.light, text: PALETTE.text.light, muted: PALETTE["text-muted"].light, brand: "#005eb8" };

/**
 * A status's mark, as the site draws it beside the status's words (site.css .status-*): a filled
 * circle for an EPR, an open square for none, a dashed circle for not known, a grey square for closed.
 */
function statusMark(status: StatusNow, x: number, y: number, size: number): string {
  const r = size / 2;
  const [cx, cy] = [x + r, y - r];
  if (status === "epr") return `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${PALETTE.epr.light}"/>`;
  if (status === "no_epr")
    return `<rect x="${x + 3}" y="${y - size + 3}" width="${size - 6}" height="${size - 6}" fill="none" stroke="${PALETTE["no-epr"].light}" stroke-width="6"/>`;
  if (status === "unknown")
    return `<circle cx="${cx}" cy="${cy}" r="${r - 3}" fill="none" stroke="${INK.muted}" stroke-width="5" stroke-dasharray="8 6"/>`;
  return `<rect x="${x}" y="${y - size}" width="${size}" height="${size}" fill="${INK.muted}"/>`;
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

/**
 * The chart stylesheet as a rasteriser can read it: its rules without the page-only blocks, each
 * var(--chart-…) replaced by that palette colour's light shade (the rasteriser reads neither custom
 * properties nor media queries); any other variable becomes currentColor.
 */
export function cardChartCss(css: string): string {
  const plain = stripBlocks(stripBlocks(css.replace(/\/\*[\s\S]*?\*\//g, ""), /@media[^{]*\{/), /:root[^{]*\{/)
    // Page layout rules (which drawing to show, fluid width) mean nothing inside a fixed-size card.
    .replace(/^\s*(\.chart-wide|\.chart-narrow|svg\.chart)\s*\{[^}]*\}/gm, "");
  const colours: Record<string, string> = Object.fromEntries(
    Object.entries(PALETTE).map(([role, e]) => [`--chart-${role}`, e.light]),
  );
  return plain.replace(/var\((--[\w-]+)\)/g, (_, name: string) => colours[name] ?? "currentColor");
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
  /** The card's chart, as the standalone drawing the build rendered (<svg …>…</svg>); none for a text card. */
  chartSvg: string | null;
  /** The status whose mark leads the title; none for other cards. */
  status?: StatusNow | null;
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
  // A status card's title follows the status's mark.
  const mark = card.status ? 64 : 0;
  // Text stops short of the chart, which starts at x = 560.
  const textWidthPx = (withChart ? 560 - pad - 24 : OG_WIDTH - 2 * pad) - mark;
  const { lines: title, size: titleSize } = fitLines(
    card.title,
    textWidthPx,
    withChart ? [36, 32, 28] : [52, 46, 40],
    withChart ? 6 : 4,
    true,
  );
  const desc = fitLines(card.description, textWidthPx + mark, [22], 4, false).lines;
  // The first title line's baseline; a status card's short title stands clear of the site's name.
  const top = pad + 60 + (card.status ? 40 : 0);
  const lines = [
    ...(card.status ? [statusMark(card.status, pad, top - 2, 40)] : []),
    ...title.map(
      (l, i) =>
        `<text x="${pad + mark}" y="${top + i * titleSize * 1.2}" font-size="${titleSize}" font-weight="700" fill="${INK.text}">${escapeXml(l)}</text>`,
    ),
    ...desc.map(
      (l, i) =>
        `<text x="${pad}" y="${top + title.length * titleSize * 1.2 + 24 + i * 30}" font-size="22" fill="${INK.muted}">${escapeXml(l)}</text>`,
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
    `<rect width="100%" height="100%" fill="${INK.bg}"/>`,
    `<rect width="100%" height="12" fill="${INK.brand}"/>`,
    `<text x="${pad}" y="${pad + 6}" font-size="24" font-weight="700" fill="${INK.brand}">NHS EPR Tracker</text>`,
    ...lines,
    chart,
    `<text x="${pad}" y="${OG_HEIGHT - pad + 20}" font-size="18" fill="${INK.muted}">${escapeXml(card.footer)}</text>`,
    "</svg>",
  ].join("\n");
}
