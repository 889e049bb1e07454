/**
 * Which of an answer's figures the site puts forward as "the last figure a minister gave": only those
 * about EPRs themselves — how many trusts have one (coverage), by when (deadlines), and the programme's
 * money. Any other number in an answer that mentions EPRs (an A&E forecasting tool used by 50
 * organisations, 2,000 NHS App ambassadors, a HIMSS level) is quoted with the answer but never
 * highlighted. Pure; the rules are deliberately narrow, since a missed figure is still quoted in full
 * below, while a wrong one would lead the page.
 */
import { hasFigure, sentences, termPattern } from "./text.ts";

export const FIGURE_KINDS = ["coverage", "deadline", "money"] as const;
export type FigureKind = (typeof FIGURE_KINDS)[number];

const MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November|December)";

/** What each kind looks like in a sentence that states it. */
const KIND_PATTERNS: Record<FigureKind, RegExp> = {
  // A share, or a count of trusts or providers.
  coverage:
    /\d\s*(?:%|per\s?cent)|\b\d[\d,]*\s+(?:(?:NHS|acute|secondary care|provider|mental health|community|ambulance)\s+)*(?:trusts|providers)\b/i,
  // "by March 2026", "by the end of this year", "deadline", "target date".
  deadline: new RegExp(
    `\\bby\\s+(?:the\\s+end\\s+of\\s+)?(?:${MONTH}\\s+\\d{4}|\\d{4}(?:/\\d{2})?|this\\s+year|next\\s+year|the\\s+year)\\b|\\bdeadline\\b|\\btarget\\s+date\\b`,
    "i",
  ),
  money: /£\s?\d|\b\d[\d,.]*\s*(?:million|billion|bn)\s+(?:pounds|of\s+funding)\b/i,
};

/** The topic words: the configured search terms plus the programme's own name. */
function mentionsEpr(text: string, terms: readonly string[]): boolean {
  return [...terms, "Frontline Digitisation"].some((t) => termPattern(t).test(text));
}

export interface EprFigure {
  sentence: string;
  kinds: FigureKind[];
}

/**
 * The sentences of an answer's plain text that state a figure about EPR coverage, deadlines or the
 * programme's money: the sentence states one of those kinds, and it, or the paragraph it stands in,
 * names EPRs or the programme. A deadline counts though it is a date (which hasFigure leaves out).
 */
export function eprFigures(answerText: string, terms: readonly string[]): EprFigure[] {
  return answerText.split("\n").flatMap((paragraph) => {
    if (!mentionsEpr(paragraph, terms)) return [];
    return sentences(paragraph).flatMap((sentence) => {
      const kinds = FIGURE_KINDS.filter((k) => KIND_PATTERNS[k].test(sentence));
      const stated = kinds.filter((k) => k === "deadline" || hasFigure(sentence));
      return stated.length ? [{ sentence, kinds: stated }] : [];
    });
  });
}
