/**
 * What travels with a chart wherever it goes (image downloads, embeds, the /charts/<id>.json file and
 * the "Cite as" line): its data's date, its sources in short and in full, official ones first, its
 * licences and the meaning of every column of its CSV. Pure: built from a catalogue entry.
 */
import type { ChartEntry } from "./catalogue.ts";
import { LICENCE_NAMES, type Source } from "../data/sources.ts";
import { formatDate, formatWhen } from "../data/dates.ts";
import { isOfficial, publishersInOrder, shortPublisherList } from "../words/cite.ts";
import type { EmbedParts } from "../publish/embed.ts";
import { chartCsvColumns, csvOnlyMeaning } from "./csv.ts";

/** What each column of a chart's CSV holds, by its header. Every header of every chart must be here. */
export const CSV_COLUMN_MEANINGS: Record<string, string> = {
  "": "What the figure is for: the year of the major projects report or the financial year",
  Region: "NHS England region",
  "Trust type": "The trust's main type, from NHS England's list (acute, mental health, community, ambulance)",
  ICB: "Integrated care board (the NHS body that plans care for an area), as the boards stood on NHS England's list's date",
  Supplier: "Main EPR supplier, as named in NHS England's list or in the report of a later go-live",
  Trust: "NHS trust name, from the Organisation Data Service",
  Trusts: "Number of trusts in the row",
  "Trusts in NHS England's list": "Number of the board's trusts in NHS England's list",
  "With an EPR": "Trusts with an electronic patient record on the chart's data date",
  "Without an EPR": "Trusts with no electronic patient record reported on the chart's data date",
  "Share with an EPR (%)": "With an EPR as a percentage of Trusts, to one decimal place",
  Acute: "Trusts of this type with the supplier's EPR",
  "Mental health": "Trusts of this type with the supplier's EPR",
  "Mental health and community": "Trusts of this type with the supplier's EPR",
  Community: "Trusts of this type with the supplier's EPR",
  Ambulance: "Trusts of this type with the supplier's EPR",
  Date: "The date the figure or event describes (a day, a month or a year, as the source gave it)",
  What: "Kind of figure: official, other estimate, forecast or target",
  "Share of trusts with an EPR (%)":
    "The share as stated, or worked out from the counts the source gave (see the notes)",
  "Who said it": "Minister, body or publisher that gave the figure",
  "Which trusts": "Which trusts the figure counts (all trusts, secondary care trusts or acute trusts only)",
  Announced: "When the deadline was announced",
  By: "Who announced it",
  Promise: "What was promised, in our words",
  Deadline: "The date the promise was for",
  "Share of trusts (%)": "The share of trusts the promise covered",
  "Amount (£ million)": "The amount in £ million",
  "Whole-life cost (£ million)": "The programme's whole-life cost in £ million",
  "As stated": 'The figure as the source put it, with "at least" or "about" where it gave a bound',
  "Rating as at": "The date the rating describes",
  "Delivery confidence":
    "The Infrastructure and Projects Authority's delivery confidence rating (Green to Red), or none published",
  "Where it stands":
    "Where the trust stood by the published reports: live, go-live reported put back, work under way, or no update found",
  Event: "What was reported",
  Confidence:
    "How far to trust the report: H (official notice or trust statement), M (trade or regional press), L (aggregator or reprint)",
};

export interface ChartMeta {
  id: string;
  title: string;
  subtitle: string;
  /** "Figures as of about May 2025." */
  asOfWords: string;
  /** "Sources: UK Parliament, NHS England and 9 more." */
  sourcesShort: string;
  /** Sources, official ones first. */
  sources: (Source & { official: boolean })[];
  licences: { name: string; url: string | null }[];
  /** "Licence: Open Government Licence v3.0." or "Licences: …; …." */
  licenceWords: string;
  /** The "Cite as" line: official publishers first, the data's date and the release. */
  citation: string;
  /** "NHS EPR Tracker · data release of 25 November 2026", under an exported image. */
  credit: string;
  columns: { name: string; meaning: string }[];
}

/** Sources with official ones first, keeping the catalogue's order within each group. */
export function officialFirst(sources: readonly Source[]): Source[] {
  return [...sources.filter(isOfficial), ...sources.filter((s) => !isOfficial(s))];
}

/** "Licences: Open Parliament Licence v3.0; Open Government Licence v3.0; none stated for the others." */
export function licenceWords(sources: readonly Source[]): string {
  const kinds = [...new Set(officialFirst(sources).map((s) => s.licence))];
  const named = kinds.filter((l) => l !== "not-stated").map((l) => LICENCE_NAMES[l].name);
  const unstated = kinds.includes("not-stated");
  if (named.length === 0) return "Licence: none stated by the publisher.";
  return `${named.length === 1 && !unstated ? "Licence" : "Licences"}: ${named.join("; ")}${unstated ? "; none stated for the others" : ""}.`;
}

export function chartMeta(c: ChartEntry, releaseDate: string): ChartMeta {
  const licences = [...new Set(c.sources.map((s) => s.licence))].map((l) => LICENCE_NAMES[l]);
  const publishers = publishersInOrder(c.sources);
  const named =
    publishers.length > 4 ? `${publishers.slice(0, 3).join(", ")} and others` : shortPublisherList(c.sources, 3);
  const asOf = formatWhen(c.asOf, c.asOfEstimated ?? false);
  return {
    id: c.id,
    title: c.title,
    subtitle: c.subtitle,
    asOfWords: `Figures as of ${asOf}.`,
    sourcesShort: `${c.sources.length === 1 ? "Source" : "Sources"}: ${shortPublisherList(c.sources)}.`,
    sources: officialFirst(c.sources).map((s) => ({ ...s, official: isOfficial(s) })),
    licences,
    licenceWords: licenceWords(c.sources),
    credit: `NHS EPR Tracker · data release of ${formatDate(releaseDate)}`,
    citation: `${named}, via NHS EPR Tracker: "${c.title}". Figures as of ${asOf}; data release of ${formatDate(releaseDate)}`,
    columns: chartCsvColumns(c.models.wide.table).map((name) => {
      const meaning = CSV_COLUMN_MEANINGS[name] ?? csvOnlyMeaning(name);
      if (meaning === undefined) throw new Error(`Chart ${c.id}: no meaning written for its CSV column "${name}"`);
      return { name, meaning };
    }),
  };
}

/** The parts of a chart's embed that decide its height (see embedHeightAt in embed.ts). */
export function chartEmbedParts(c: ChartEntry, meta: ChartMeta): EmbedParts {
  return {
    title: c.title,
    subtitle: c.subtitle,
    narrow: { width: c.models.narrow.width, height: c.models.narrow.height },
    wide: { width: c.models.wide.width, height: c.models.wide.height },
    footer: `${meta.sourcesShort} · Data · Licences · NHS EPR Tracker, ${meta.asOfWords}`,
  };
}

/**
 * /charts/<id>.json: everything a reuser needs beside the CSV, with addresses under `prefix`
 * (urlPrefix in paths.ts: "https://owner.github.io/repo" when SITE_URL is set, else "" or "/repo").
 */
export function chartMetadataJson(c: ChartEntry, releaseDate: string, prefix: string): string {
  const m = chartMeta(c, releaseDate);
  const doc = {
    id: c.id,
    title: c.title,
    subtitle: c.subtitle,
    data_as_of: c.asOf,
    data_as_of_estimated: c.asOfEstimated ?? false,
    release_date: releaseDate,
    notes: c.notes,
    sources: m.sources.map((s) => ({
      id: s.id,
      title: s.title,
      publisher: s.publisher,
      date: s.date,
      date_estimated: s.date_estimated,
      url: s.url,
      via: s.via,
      uin: s.uin,
      licence: LICENCE_NAMES[s.licence].name,
      official: s.official,
    })),
    licences: m.licences,
    cite_as: m.citation,
    credit: "NHS EPR Tracker",
    urls: {
      chart: `${prefix}/charts/${c.id}/`,
      in_context: `${prefix}${c.page}#${c.id}`,
      csv: `${prefix}/charts/${c.id}.csv`,
      png: `${prefix}/charts/${c.id}.png`,
      embed: `${prefix}/embed/${c.id}/`,
    },
    csv_columns: m.columns,
  };
  return JSON.stringify(doc, null, 2) + "\n";
}
