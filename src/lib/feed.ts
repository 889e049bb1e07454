/** The Atom feed of data releases: built as a string with every piece of text escaped for XML. */
import type { ChangelogEntry } from "./data/changelog.ts";
import { escapeXml } from "./text.ts";

/** `base` goes before every site path: the origin and base path when known (absolute links), else the base path alone. */
export function atomFeed(entries: ChangelogEntry[], base: string): string {
  const updated = entries[0]?.date ?? "1970-01-01";
  const item = (e: ChangelogEntry) => [
    "  <entry>",
    `    <id>tag:nhs-epr-tracker,${e.date}:release</id>`,
    `    <title>${escapeXml(e.title)}</title>`,
    `    <updated>${e.date}T00:00:00Z</updated>`,
    `    <link rel="alternate" type="text/html" href="${escapeXml(`${base}/changes/#release-${e.date}`)}"/>`,
    `    <content type="html">${escapeXml(`<ul>${e.changes.map((c) => `<li>${escapeXml(c)}</li>`).join("")}</ul>`)}</content>`,
    "  </entry>",
  ].join("\n");
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    "  <id>tag:nhs-epr-tracker,2026:changes</id>",
    "  <title>NHS EPR Tracker: data releases</title>",
    `  <updated>${updated}T00:00:00Z</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(`${base}/changes.xml`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(`${base}/changes/`)}"/>`,
    "  <author><name>NHS EPR Tracker</name></author>",
    ...entries.map(item),
    "</feed>",
    "",
  ].join("\n");
}
