/** The Atom feed of data releases: built as a string with every piece of text escaped for XML. */
import type { ChangelogEntry } from "./data/changelog.ts";
import { escapeXml } from "./text.ts";
import type { PageAnswer } from "./parliament/page.ts";
import { answeredLine, flags, HOUSE_NAMES, memberText, title } from "./parliament/words.ts";

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

/**
 * The Atom feed of ministers' written answers (/answers.xml), newest first. Each entry quotes the answer
 * as Parliament published it and links the original; `updated` is the correction date when there is one,
 * else the answer date (or, for answers seeded without one, the end of the month tabled).
 */
export function answersFeed(answers: PageAnswer[], base: string): string {
  const updated = (a: PageAnswer) => a.date_corrected ?? a.placed_on;
  const newest = answers.map(updated).sort().at(-1) ?? "1970-01-01";
  const entry = (a: PageAnswer) => {
    const asker = memberText(a.asking_member, a.asking_member_id);
    const minister = memberText(a.answering_member, a.answering_member_id);
    const meta = [answeredLine(a), HOUSE_NAMES[a.house], asker && `asked by ${asker}`, minister && `answered by ${minister}`, ...flags(a)].filter(Boolean);
    const html = `<p>${escapeXml(meta.join("; "))}.</p><p><strong>Question:</strong> ${escapeXml(a.question_text)}</p>${a.answer_paragraphs.map((p) => `<p>${escapeXml(p)}</p>`).join("")}<p>Parliamentary information licensed under the Open Parliament Licence v3.0.</p>`;
    return [
      "  <entry>",
      `    <id>tag:nhs-epr-tracker,2026:answer-${a.id}</id>`,
      `    <title>${escapeXml(title(a))}</title>`,
      `    <updated>${updated(a)}T00:00:00Z</updated>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(a.url)}"/>`,
      `    <link rel="related" type="text/html" href="${escapeXml(`${base}/answers/#answer-${a.id}`)}"/>`,
      `    <content type="html">${escapeXml(html)}</content>`,
      "  </entry>",
    ].join("\n");
  };
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    "  <id>tag:nhs-epr-tracker,2026:answers</id>",
    "  <title>NHS EPR Tracker: ministers' written answers on electronic patient records</title>",
    `  <updated>${newest}T00:00:00Z</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(`${base}/answers.xml`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(`${base}/answers/`)}"/>`,
    "  <author><name>NHS EPR Tracker</name></author>",
    ...answers.map(entry),
    "</feed>",
    "",
  ].join("\n");
}
