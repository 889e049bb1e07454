/**
 * Reading the built site as a reader would: the visible text of a page, cut into sentences, and the
 * rules the rehearsal checks on those sentences. Pure.
 */
import { formatDate } from "../../src/lib/data/dates.ts";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
/** Elements that end a sentence even without a full stop: list items, cells, headings, terms. */
const BLOCK =
  /<\/?(p|li|dt|dd|h[1-6]|td|th|tr|div|section|figcaption|caption|br|ul|ol|dl|table|header|footer|nav|main|article|aside|figure|title|option|button|label|summary)\b[^>]*>/gi;

/** The text a reader sees, with a line break wherever a block ends. */
export function pageText(html: string): string {
  return html
    .replace(/<(script|style|svg|template)\b[\s\S]*?<\/\1>/gi, " ")
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(BLOCK, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
      e.startsWith("#x") || e.startsWith("#X")
        ? String.fromCodePoint(parseInt(e.slice(2), 16))
        : e.startsWith("#")
          ? String.fromCodePoint(Number(e.slice(1)))
          : (ENTITIES[e.toLowerCase()] ?? m),
    )
    .replace(/[^\S\n]+/g, " ");
}

/** Sentences: split at blocks and after . ! ? followed by a capital or an opening bracket or quote. */
export function sentences(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((block) => block.split(/(?<=[.!?])\s+(?=[A-Z"“‘(])/))
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** The text of the first element with the class, or null. */
export function textOfClass(html: string, tag: string, cls: string): string | null {
  const m = new RegExp(`<${tag}\\b[^>]*class="[^"]*\\b${cls}\\b[^"]*"[^>]*>([\\s\\S]*?)</${tag}>`, "i").exec(html);
  return m ? pageText(m[1]!).replace(/\s+/g, " ").trim() : null;
}

/** The ways the site writes a date: "30 November 2026", "November 2026", "2026". */
export function dateWords(iso: string): string {
  return formatDate(iso);
}

export interface Edition {
  as_of: string;
}

export interface StaleSentence {
  page: string;
  sentence: string;
  why: string;
}

/**
 * Sentences that describe NHS England's list with the metadata of an older edition, once a newer one is
 * the list. A sentence about the file name, an uncertain date or the boards in force at the list's date
 * stands only when it names the old edition's date and not the new one's; "N boards then in force" is
 * checked only where N is the old edition's count.
 */
export function staleEditionSentences(
  pages: { page: string; text: string }[],
  old: Edition & { boards: number },
  fresh: Edition,
): StaleSentence[] {
  const oldDate = dateWords(old.as_of);
  const newDate = dateWords(fresh.as_of);
  const aboutOld = (s: string) => s.includes(oldDate) && !s.includes(newDate);
  const rules: { test: (s: string) => boolean; why: string }[] = [
    { test: (s) => /file name says/i.test(s), why: "quotes the old edition's file name" },
    {
      test: (s) => /date is uncertain|date is not certain|uncertain date/i.test(s),
      why: "says the list's date is uncertain",
    },
    {
      test: (s) => new RegExp(`\\b${old.boards} (integrated care )?boards then in force`, "i").test(s),
      why: `counts the ${old.boards} boards in force at the old edition's date`,
    },
  ];
  const out: StaleSentence[] = [];
  for (const { page, text } of pages)
    for (const sentence of sentences(text))
      for (const rule of rules)
        if (rule.test(sentence) && !aboutOld(sentence))
          out.push({ page, sentence, why: `${rule.why}, without saying it is the ${oldDate} edition` });
  return out;
}

/** Sentences that call a percentage other than `value` the latest official figure (a title left on the old one). */
export function staleLatestSentences(pages: { page: string; text: string }[], value: string): StaleSentence[] {
  return pages.flatMap(({ page, text }) =>
    sentences(text)
      .filter((s) => /latest official/i.test(s) && /\d%/.test(s) && !s.includes(value))
      .map((sentence) => ({ page, sentence, why: `calls another figure than ${value} the latest official one` })),
  );
}

/** A sentence that flags evidence in conflict: the list says one thing, a later report another. */
export const FLAGS_CONTRADICTION = /contradict|disagree|conflict|still (lists|listed|says|said)/i;
