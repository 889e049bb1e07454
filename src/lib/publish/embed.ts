/** Embedding: the message an embed sends its host page, its options, and the code a journalist pastes. */
import { escapeXml } from "../text.ts";
import { wrapText } from "../charts/text.ts";
import { formatDate } from "../data/dates.ts";

/** Version of the loader and message format; bump both together if either changes. */
export const EMBED_VERSION = "v1";
export const HEIGHT_MESSAGE = "nhs-epr-tracker:height";
/** Sent by the loader to ask embeds that loaded before it to report their height again. */
export const REPORT_REQUEST = "nhs-epr-tracker:report";

/** light (the default, as most articles are), dark, or auto: follow the reader's own setting. */
export type EmbedTheme = "light" | "dark" | "auto";

export interface EmbedOptions {
  theme: EmbedTheme;
  /** Show the chart's own title (hide it when the article has its own heading). */
  title: boolean;
  /** A fixed height in px, or null for the automatic height the loader script sets. */
  height: number | null;
}

export const DEFAULT_EMBED_OPTIONS: EmbedOptions = { theme: "light", title: true, height: null };

/** The embed's address with its options; defaults are left out so the plain address stays plain. */
export function embedSrc(origin: string, path: string, opts: Pick<EmbedOptions, "theme" | "title">): string {
  const q = new URLSearchParams();
  if (opts.theme !== "light") q.set("theme", opts.theme);
  if (!opts.title) q.set("title", "0");
  const query = q.toString();
  return `${origin}${path}${query ? `?${query}` : ""}`;
}

/**
 * An embed's address pinned to one data release: "/embed/icb-map/" → "/embed/2026-11-25/icb-map/"
 * (a base path before /embed/ is kept). Static hosting cannot read a query, so the release is a path.
 */
export function pinnedEmbedPath(path: string, release: string): string {
  const at = path.indexOf("/embed/");
  if (at < 0) throw new Error(`Not an embed's path: ${path}`);
  return `${path.slice(0, at)}/embed/${release}/${path.slice(at + "/embed/".length)}`;
}

/** What a pinned embed shows: a chart, or a trust's card. */
export type PinnedKind = "chart" | "card";

/**
 * The line a pinned embed opens with: which release it shows and, once a newer release is out, a
 * link to the live figures (the chart's page, or the trust's page).
 */
export function pinNote(
  release: string,
  latest: boolean,
  kind: PinnedKind,
): { lead: string; newer: { text: string; link: string } | null } {
  return {
    lead: `Figures of the data release of ${formatDate(release)}.`,
    newer: latest
      ? null
      : { text: "Newer data exist:", link: kind === "chart" ? "see the live chart" : "see the trust's latest record" },
  };
}

/**
 * The pinned line's height in px at the narrowest column, with a newer release named (as it will be
 * one day): what a pinned embed's fixed height adds to the live one's.
 */
export function pinNoteHeight(release: string, kind: PinnedKind): number {
  const { lead, newer } = pinNote(release, false, kind);
  const col = (COMMON_EMBED_WIDTHS[0] - EMBED_BOX.sidePadding) * 0.9;
  // Its lines, then its padding, rule and margin (0.3rem, 1px, 0.5rem) and a little spare.
  return Math.ceil(wrapText(`${lead} ${newer!.text} ${newer!.link}.`, col, 13.6).length * 20.4 + 18);
}

/** The fixed heights one may choose, in px: the share panel's input offers this range, and the code never leaves it. */
export const FIXED_HEIGHT_RANGE = { min: 200, max: 4000 } as const;

/** A chosen fixed height as the code gives it: a whole number of px within FIXED_HEIGHT_RANGE; null for no number. */
export function clampFixedHeight(px: number): number | null {
  if (Number.isNaN(px)) return null;
  return Math.round(Math.min(FIXED_HEIGHT_RANGE.max, Math.max(FIXED_HEIGHT_RANGE.min, px)));
}

/**
 * The iframe a host page pastes in: at a fixed height that shows everything at common widths, plus
 * the loader script when the height is automatic. `path` is the embed's path, e.g. "/embed/icb-map/".
 */
export function embedCode(
  origin: string,
  path: string,
  title: string,
  fallbackHeight: number,
  opts: EmbedOptions = DEFAULT_EMBED_OPTIONS,
): string {
  // Whatever was typed ("1e308", "-5"), a fixed height stays in the input's range.
  const fixed = opts.height === null ? null : clampFixedHeight(opts.height);
  const height = fixed ?? fallbackHeight;
  const src = escapeXml(embedSrc(origin, path, opts));
  const iframe = `<iframe src="${src}" title="${escapeXml(title)}" height="${height}" style="border:0;width:100%" loading="lazy" data-epr-embed></iframe>`;
  // The loader sits beside the embeds, under the same base path as the embed's address.
  const base = path.slice(0, Math.max(0, path.indexOf("/embed/")));
  return fixed === null
    ? `${iframe}\n<script src="${origin}${base}/embed/${EMBED_VERSION}/loader.js" async></script>`
    : iframe;
}

/** Widths an embed is checked at: small and common phones, an article column, a wide desktop. */
export const COMMON_EMBED_WIDTHS = [320, 375, 680, 1280] as const;

/** What an embedded chart is made of, for its height. */
export interface EmbedParts {
  title: string;
  subtitle: string;
  /** Each drawing's size in SVG units. */
  narrow: { width: number; height: number };
  wide: { width: number; height: number };
  /** The footer line's text. */
  footer: string;
}

/** Measured from the embed stylesheet: paddings and margins around the parts, in px at 16px text. */
const EMBED_BOX = {
  sidePadding: 24,
  /** Top and bottom padding, gaps between title, subtitle, chart and the data toggle. */
  fixed: 8 + 4 + 12 + 16 + 16 + 12,
  /** The "Show the data" toggle and its margins. */
  dataToggle: 44 + 24,
  /** The narrowest column prose gets (70ch of 16px text). */
  measure: 600,
  /** Widest the chart figure gets (50rem). */
  maxFigure: 800,
};

/**
 * The embed's height at one width, estimated from the same text widths the charts use (which run
 * generous), so the estimate errs tall. The browser tests check it against the real page.
 */
export function embedHeightAt(p: EmbedParts, width: number): number {
  const col = Math.min(width - EMBED_BOX.sidePadding, EMBED_BOX.maxFigure);
  const prose = Math.min(col, EMBED_BOX.measure);
  const lines = (text: string, max: number, size: number) => (text ? wrapText(text, max, size).length : 0);
  const drawing = width < 600 ? p.narrow : p.wide;
  const chart = drawing.height * (col / drawing.width);
  // Bold title text runs about a tenth wider than the estimate's regular weight.
  const title = lines(p.title, col, 18.4 * 1.1) * 18.4 * 1.2;
  const subtitle = lines(p.subtitle, prose, 16) * 24;
  const footer = lines(p.footer, prose, 13.6) * 20.4;
  // A line and a half spare: fonts differ between machines, and a cut-off licence is worse than a gap.
  return Math.ceil(EMBED_BOX.fixed + title + subtitle + chart + EMBED_BOX.dataToggle + footer + 30);
}

/** A fixed height that shows the whole embed at every common width, when the loader is not used. */
export function fallbackHeight(p: EmbedParts): number {
  return Math.max(...COMMON_EMBED_WIDTHS.map((w) => embedHeightAt(p, w)));
}

/** What a trust's card is made of, for its height: the kicker, the trust's name, its paragraphs and footer. */
export interface CardParts {
  kicker: string;
  name: string;
  paragraphs: string[];
  /** The footer's lines: each source on a line of its own, then the links. */
  footer: string[];
}

/**
 * The narrowest column an article gives an embed: a 320px phone less the page's margins. A card's
 * fixed height must show all of it there.
 */
export const NARROWEST_COLUMN = 288;
/** Widths a trust card's fixed height is made for: the narrowest column, then the common widths. */
export const CARD_WIDTHS = [NARROWEST_COLUMN, ...COMMON_EMBED_WIDTHS] as const;

/** What a card's fixed height adds to its estimated height, as a share of it (see cardHeightAt). */
const CARD_MARGIN = 0.1;
/** Measured from the embed and card stylesheets, in px at 16px text. */
const CARD_BOX = {
  /** The frame's top and bottom padding, and what the browser adds below the last line. */
  fixed: 8 + 12 + 4,
  /** The card's widest (38rem). */
  maxWidth: 608,
  kicker: { size: 15.2, line: 22.8, after: 0 },
  name: { size: 22.4, line: 26.88, before: 3.2, after: 6.4 },
  status: { size: 19.2, line: 28.8, after: 6.4 },
  paragraph: { size: 16, line: 24, after: 9.6 },
  footer: { size: 13.6, line: 20.4, gap: 4 },
};

/**
 * A trust card's height at one width, estimated generously like embedHeightAt; the browser tests check
 * it at every width in CARD_WIDTHS against the real card.
 */
export function cardHeightAt(p: CardParts, width: number): number {
  const col = Math.min(width - EMBED_BOX.sidePadding, CARD_BOX.maxWidth);
  const lines = (text: string, size: number) => wrapText(text, col, size).length;
  const { kicker: k, name: n, status: st, paragraph: pa, footer: f } = CARD_BOX;
  const kicker = lines(p.kicker, k.size) * k.line;
  // The name is bold, and bold runs about a tenth wider than the estimate's regular weight.
  const name = n.before + lines(p.name, n.size * 1.1) * n.line + n.after;
  const [status = "", ...rest] = p.paragraphs;
  const statusH = lines(status, st.size * 1.1) * st.line + st.after;
  const paragraphs = rest.reduce((h, t) => h + lines(t, pa.size) * pa.line + pa.after, 0);
  const footer = p.footer.reduce((h, t) => h + lines(t, f.size) * f.line + f.gap, 0);
  // Measured in Chromium at 288px, the sum runs up to 8% short of the real card (3% on average): the
  // margin covers that and fonts that differ between machines, as a cut-off source is worse than a gap.
  return Math.ceil((CARD_BOX.fixed + kicker + name + statusH + paragraphs + footer) * (1 + CARD_MARGIN));
}

/** A fixed height that shows the whole card at every width in CARD_WIDTHS, narrowest column included. */
export function cardFallbackHeight(p: CardParts): number {
  return Math.max(...CARD_WIDTHS.map((w) => cardHeightAt(p, w)));
}
