/**
 * Figures checked against their words: a statement or programme figure taken from a written answer we
 * hold carries the answer's id and a quotation, and the data step refuses it when the quotation is not
 * in the stored answer word for word (starting and ending on word boundaries), when the sentence it
 * stands in denies it ("It is untrue that 93% …"), or when the figure is not in the quotation. An
 * answer corrected after the figure's date is flagged, so a figure never stays "checked" against
 * words Parliament has since corrected. Pure.
 */
import { endOfPeriod } from "./dates.ts";
import type { Problem } from "./errors.ts";
import type { AnswerQuoteRow, ProgrammeRow, StatementRow } from "./tables.ts";

/** What a quotation is checked against: the stored answer's id, UIN, plain text and correction date. */
export interface QuotableAnswer {
  id: number;
  uin: string | null;
  answer_text: string;
  date_corrected?: string | null;
}

/** The sentences of a text: split after . ! or ? followed by a space, so "45.29" and "£9.7m" stay whole. */
export function sentences(text: string): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  const push = (from: number, to: number) => {
    const piece = text.slice(from, to);
    if (piece.trim() !== "") out.push({ start: from + piece.length - piece.trimStart().length, text: piece.trim() });
  };
  let from = 0;
  for (const m of text.matchAll(/[.!?]+\s+/g)) {
    push(from, m.index + m[0].length);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return out;
}

const WORD = /[\p{L}\p{N}]/u;

/** Where the quotation stands in the text on word boundaries (never the middle of a word or a number). */
export function quoteAt(quote: string, text: string): number[] {
  const at: number[] = [];
  for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) {
    const before = text[i - 1] ?? " ";
    const after = text[i + quote.length] ?? " ";
    const startsInWord = WORD.test(quote[0]!) && WORD.test(before);
    const endsInWord = WORD.test(quote.at(-1)!) && WORD.test(after);
    if (!startsInWord && !endsInWord) at.push(i);
  }
  return at;
}

/** Words by which a sentence says that what it contains is false. */
const DENIES =
  /\b(untrue|not true|not the case|not correct|incorrect|inaccurate|false|wrong|mistaken|erroneous|misleading|should have (?:read|said|stated))\b/i;
/** A negation right before the quotation, in the same clause ("… have not 93% …"). */
const NEGATED = /\b(not|never|no longer|no|n't)\s+(?:\S+\s+){0,2}$/i;

/**
 * Why the sentence around the quotation at `index` denies it, or null: a word saying it is false,
 * anywhere in the sentence outside the quotation, or a negation just before it.
 */
export function denial(quote: string, text: string, index: number): string | null {
  const sentence = sentences(text).find((s) => s.start <= index && index < s.start + s.text.length) ?? {
    start: 0,
    text,
  };
  const from = index - sentence.start;
  const outside = `${sentence.text.slice(0, from)} … ${sentence.text.slice(from + quote.length)}`;
  const word = DENIES.exec(outside)?.[1] ?? NEGATED.exec(sentence.text.slice(0, from).replace(/.*[,;:(]/, ""))?.[1];
  return word ? `the sentence it stands in says "${word}": ${JSON.stringify(sentence.text.slice(0, 200))}` : null;
}

/**
 * The ways a figure may be written in words an answer uses: 393 as "393", 2000 as "2,000" or "2000",
 * 45.29 as "45.29", and a whole number below a thousand in words ("six", "twenty-one", "a hundred").
 * Never inside a longer number ("1393" does not hold 393, nor "twenty-one" 20).
 */
export function figureIn(value: number, text: string): boolean {
  const [whole, fraction] = String(value).split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const forms = [...new Set([whole!, grouped])].map((w) => (fraction ? `${w}\\.${fraction}` : w));
  if (new RegExp(`(?<![\\d.,])(${forms.join("|")})(?![\\d]|[.,]\\d)`).test(text)) return true;
  return Number.isInteger(value) && numbersInWords(text).includes(value);
}

const UNITS = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/**
 * Every whole number below a thousand written out in words in `text`, each phrase read whole: "one
 * hundred and twenty-one" is 121 (not 100, 20 or 1). Words are joined by spaces or hyphens; "a" counts
 * only before "hundred", "and" only after it.
 */
export function numbersInWords(text: string): number[] {
  const words = [...text.toLowerCase().matchAll(/[a-z]+/g)].map((m) => ({
    word: m[0],
    end: m.index + m[0].length,
    start: m.index,
  }));
  // Whether only spaces or hyphens separate word i from the next: "six, hundred" is two numbers.
  const joined = (i: number) => i + 1 < words.length && /^[ -]+$/.test(text.slice(words[i]!.end, words[i + 1]!.start));
  const unit = (w: string | undefined) => (w === undefined ? -1 : UNITS.indexOf(w));
  const tens = (w: string | undefined) => (w === undefined ? -1 : TENS.indexOf(w));
  /** A number below a hundred starting at word i: its value and how many words it took. */
  const belowHundred = (i: number): [number, number] | null => {
    const t = tens(words[i]?.word);
    if (t >= 2) {
      const u = joined(i) ? unit(words[i + 1]?.word) : -1;
      return u >= 1 && u <= 9 ? [t * 10 + u, 2] : [t * 10, 1];
    }
    const u = unit(words[i]?.word);
    return u >= 0 ? [u, 1] : null;
  };
  const found: number[] = [];
  for (let i = 0; i < words.length;) {
    const head: [number, number] | null = words[i]!.word === "a" ? [1, 1] : belowHundred(i);
    if (head && head[0] >= 1 && head[0] <= 9 && head[1] === 1 && joined(i) && words[i + 1]!.word === "hundred") {
      let n = head[0] * 100;
      let j = i + 2;
      const and = joined(j - 1) && words[j]?.word === "and" && joined(j) ? 1 : 0;
      const rest = joined(j - 1) ? belowHundred(j + and) : null;
      if (rest && rest[0] > 0) {
        n += rest[0];
        j += and + rest[1];
      }
      found.push(n);
      i = j;
    } else if (head && words[i]!.word !== "a") {
      found.push(head[0]);
      i += head[1];
    } else i++;
  }
  return found;
}

export function checkQuotes(
  quotes: readonly AnswerQuoteRow[],
  figures: readonly (StatementRow | ProgrammeRow)[],
  answers: readonly QuotableAnswer[],
  file: string,
): Problem[] {
  const problems: Problem[] = [];
  const figureById = new Map(figures.map((f) => [f.id, f]));
  const answerById = new Map(answers.map((a) => [String(a.id), a]));
  quotes.forEach((q, i) => {
    // One row a line: the schema refuses line breaks inside a quotation, so the line is the row's.
    const at = (column: string, value: string, expected: string) =>
      problems.push({ file, line: i + 2, column, value: value.slice(0, 60), expected });
    const figure = figureById.get(q.figure_id);
    const answer = answerById.get(q.answer_id);
    if (!figure) at("figure_id", q.figure_id, "a row id in statements.csv or programme.csv");
    if (!answer) return at("answer_id", q.answer_id, "the id of an answer in data/parliament/answers.json");
    if (q.uin !== null && answer.uin !== null && q.uin !== answer.uin)
      at("uin", q.uin, `the answer's own UIN, ${answer.uin}`);
    if (!answer.answer_text.includes(q.quote)) {
      return at(
        "quote",
        q.quote,
        `words that appear exactly so in answer ${q.answer_id} (check every character, including quotation marks and spaces)`,
      );
    }
    const places = quoteAt(q.quote, answer.answer_text);
    if (places.length === 0)
      return at("quote", q.quote, `whole words of answer ${q.answer_id}, not a part of a word or number at either end`);
    const denials = places.map((i) => denial(q.quote, answer.answer_text, i));
    if (denials.every(Boolean))
      return at("quote", q.quote, `words answer ${q.answer_id} states, not denies (${denials[0]})`);
    if (figure && figure.value !== null && !figureIn(figure.value, q.quote))
      at("quote", q.quote, `a quotation that states the figure ${figure.value} of row ${figure.id}`);
  });
  return problems;
}

/** A quotation whose answer was corrected after the figure's date: the figure rests on words since corrected. */
export interface CorrectedQuote {
  figure_id: string;
  answer_id: string;
  /** The figure's stated_on. */
  stated_on: string;
  corrected_on: string;
}

/**
 * Quotations whose answer was corrected after the day the figure was stated (a month or year counting
 * as its last day): the quotation was recorded against the words before the correction.
 */
export function correctedAfterQuote(
  quotes: readonly AnswerQuoteRow[],
  figures: readonly (StatementRow | ProgrammeRow)[],
  answers: readonly QuotableAnswer[],
): CorrectedQuote[] {
  const figureById = new Map(figures.map((f) => [f.id, f]));
  const answerById = new Map(answers.map((a) => [String(a.id), a]));
  return quotes.flatMap((q) => {
    const figure = figureById.get(q.figure_id);
    const corrected = answerById.get(q.answer_id)?.date_corrected;
    if (!figure || !corrected || corrected <= endOfPeriod(figure.stated_on)) return [];
    return [{ figure_id: q.figure_id, answer_id: q.answer_id, stated_on: figure.stated_on, corrected_on: corrected }];
  });
}
