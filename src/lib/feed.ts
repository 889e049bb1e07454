/** The Atom feed of data releases: built as a string with every piece of text escaped for XML. */
import type { ChangelogEntry } from "./data/changelog.ts";
import { escapeXml } from "./text.ts";
import type { PageAnswer } from "./parliament/page.ts";
import { answeredLine, flags, HOUSE_NAMES, memberText, title } from "./parliament/words.ts";

/** One Atom entry; `links` are [rel, href] pairs and `html` is the content before escaping. */
function atomEntry(e: { id: string; title: string; updated: string; links: [string, string][]; html: string }): string {
  return [
    "  <entry>",
    `    <id>${e.id}</id>`,
    `    <title>${escapeXml(e.title)}</title>`,
    `    <updated>${e.updated}T00:00:00Z</updated>`,
    ...e.links.map(([rel, href]) => `    <link rel="${rel}" type="text/html" href="${escapeXml(href)}"/>`),
    `    <content type="html">${escapeXml(e.html)}</content>`,
    "  </entry>",
  ].join("\n");
}

/** A whole Atom document: the feed's own id, title, date and addresses, then its entries. */
function atomDocument(f: {
  id: string;
  title: string;
  updated: string;
  self: string;
  page: string;
  entries: string[];
}): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${f.id}</id>`,
    `  <title>${escapeXml(f.title)}</title>`,
    `  <updated>${f.updated}T00:00:00Z</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(f.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(f.page)}"/>`,
    "  <author><name>NHS EPR Tracker</name></author>",
    ...f.entries,
    "</feed>",
    "",
  ].join("\n");
}

/** `base` goes before every site path: the origin and base path when known (absolute links), else the base path alone. */
export function atomFeed(entries: ChangelogEntry[], base: string): string {
  return atomDocument({
    id: "tag:nhs-epr-tracker,2026:changes",
    title: "NHS EPR Tracker: data releases",
    updated: entries[0]?.date ?? "1970-01-01",
    self: `${base}/changes.xml`,
    page: `${base}/changes/`,
    entries: entries.map((e) =>
      atomEntry({
        id: `tag:nhs-epr-tracker,${e.date}:release`,
        title: e.title,
        updated: e.date,
        links: [["alternate", `${base}/changes/#release-${e.date}`]],
        html: `<ul>${e.changes.map((c) => `<li>${escapeXml(c)}</li>`).join("")}</ul>`,
      }),
    ),
  });
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
    const meta = [
      answeredLine(a),
      HOUSE_NAMES[a.house],
      asker && `asked by ${asker}`,
      minister && `answered by ${minister}`,
      ...flags(a),
    ].filter(Boolean);
    const html = `<p>${escapeXml(meta.join("; "))}.</p><p><strong>Question:</strong> ${escapeXml(a.question_text)}</p>${a.answer_paragraphs.map((p) => `<p>${escapeXml(p)}</p>`).join("")}<p>Parliamentary information licensed under the Open Parliament Licence v3.0.</p>`;
    return atomEntry({
      id: `tag:nhs-epr-tracker,2026:answer-${a.id}`,
      title: title(a),
      updated: updated(a),
      links: [
        ["alternate", a.url],
        ["related", `${base}/answers/#answer-${a.id}`],
      ],
      html,
    });
  };
  return atomDocument({
    id: "tag:nhs-epr-tracker,2026:answers",
    title: "NHS EPR Tracker: ministers' written answers on electronic patient records",
    updated: newest,
    self: `${base}/answers.xml`,
    page: `${base}/answers/`,
    entries: answers.map(entry),
  });
}
