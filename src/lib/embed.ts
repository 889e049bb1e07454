/** Embedding: the message an embed sends its host page, and the code a journalist pastes. */
import { escapeXml } from "./text.ts";

/** Version of the loader and message format; bump both together if either changes. */
export const EMBED_VERSION = "v1";
export const HEIGHT_MESSAGE = "nhs-epr-tracker:height";
/** Sent by the loader to ask embeds that loaded before it to report their height again. */
export const REPORT_REQUEST = "nhs-epr-tracker:report";

/** A fixed height that shows the whole chart in most articles when the loader script is not used. */
export function fallbackHeight(wideChartHeight: number): number {
  return Math.round(wideChartHeight + 260);
}

/** The iframe (and optional loader) a host page pastes in. `origin` is where the site is served, base path included, with no final slash. */
export function embedCode(origin: string, id: string, title: string, height: number, withLoader = true): string {
  const iframe = `<iframe src="${origin}/embed/${id}/" title="${escapeXml(title)}" height="${height}" style="border:0;width:100%" loading="lazy" data-epr-embed></iframe>`;
  return withLoader ? `${iframe}\n<script src="${origin}/embed/${EMBED_VERSION}/loader.js" async></script>` : iframe;
}

/** "Source: <sources> via NHS EPR Tracker, <date>": the line to print under an embedded chart. */
export function citationLine(publishers: string[], releaseDate: string): string {
  const names = [...new Set(publishers)];
  const list = names.length > 3 ? `${names.slice(0, 3).join(", ")} and others` : names.join(", ");
  return `Source: ${list} via NHS EPR Tracker, ${releaseDate}`;
}
