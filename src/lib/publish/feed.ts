/**
 * The Atom feeds (/changes.xml, /answers.xml): built as strings, every piece of text made safe for XML.
 * The data step refuses the characters XML cannot carry, but the feeds do not rely on it: whatever the
 * text, the document stays well-formed, so feed readers never drop it.
 */
import type { ChangelogEntry } from "../data/changelog.ts";
import { escapeXml } from "../text.ts";
import type { PageAnswer } from "../parliament/page.ts";
import { feedDateNote, hasPublicPage, HOUSE_NAMES, memberText, title, flags, uinText } from "../parliament/words.ts";

/**
 * Characters XML 1.0 cannot hold (most C0 controls, lone surrogates, U+FFFE and U+FFFF) become U+FFFD,
 * and the five special characters are escaped.
 */
export function xmlText(s: string): string {
  return escapeXml(s.replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, "\ufffd"));
}

/** An address inside an attribute: made safe like text, and only http(s) or site-relative. */
function href(url: string): string {
  return xmlText(/^(https?:\/\/|\/)/.test(url) ? url : `./${url}`);
}

/** One Atom entry; `links` are [rel, href] pairs and `html` is the content before escaping. */
function atomEntry(e: { id: string; title: string; updated: string; links: [string, string][]; html: string }): string {
  return [
    "  <entry>",
    `    <id>${xmlText(e.id)}</id>`,
    `    <title>${xmlText(e.title)}</title>`,
    `    <updated>${xmlText(e.updated)}T00:00:00Z</updated>`,
    ...e.links.map(([rel, url]) => `    <link rel="${xmlText(rel)}" type="text/html" href="${href(url)}"/>`),
    `    <content type="html">${xmlText(e.html)}</content>`,
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
    `  <id>${xmlText(f.id)}</id>`,
    `  <title>${xmlText(f.title)}</title>`,
    `  <updated>${xmlText(f.updated)}T00:00:00Z</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${href(f.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${href(f.page)}"/>`,
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
 * The Atom feed of ministers' written answers (/answers.xml), in the page's order. Each entry is titled by
 * what was asked, quotes the answer as Parliament published it and links the page a person reads:
 * Parliament's page where we know it, else the answer on our own /answers/ page (never the service's
 * JSON). `updated` is the correction date, else the answer date; for an answer without one it is the end
 * of the month tabled, and the entry's text says that this is an estimate.
 */
export function answersFeed(answers: PageAnswer[], base: string): string {
  const updated = (a: PageAnswer) => a.date_corrected ?? a.placed_on;
  const newest = answers.map(updated).sort().at(-1) ?? "1970-01-01";
  const entry = (a: PageAnswer) => {
    const ours = `${base}/answers/#answer-${a.id}`;
    const asker = memberText(a.asking_member, a.asking_member_id);
    const minister = memberText(a.answering_member, a.answering_member_id);
    const meta = [
      HOUSE_NAMES[a.house],
      uinText(a),
      asker && `asked by ${asker}`,
      minister && `answered by ${minister}`,
      ...flags(a),
    ].filter(Boolean);
    const html = `<p>${escapeXml(feedDateNote(a))}</p><p>${escapeXml(meta.join("; "))}.</p><p><strong>Question:</strong> ${escapeXml(a.question_text)}</p>${a.answer_paragraphs.map((p) => `<p>${escapeXml(p)}</p>`).join("")}<p>Parliamentary information licensed under the Open Parliament Licence v3.0.</p>`;
    return atomEntry({
      id: `tag:nhs-epr-tracker,2026:answer-${a.id}`,
      title: title(a),
      updated: updated(a),
      links: hasPublicPage(a)
        ? [
            ["alternate", a.url],
            ["related", ours],
          ]
        : [["alternate", ours]],
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
