/**
 * Figures checked against their words: a statement or programme figure taken from a written answer we
 * hold carries the answer's id and a quotation, and the data step refuses it when the quotation is not
 * in the stored answer, word for word, or the figure is not in the quotation. Pure.
 */
import type { Problem } from "./errors.ts";
import type { AnswerQuoteRow, ProgrammeRow, StatementRow } from "./tables.ts";

/** What a quotation is checked against: the stored answer's id, UIN and plain text. */
export interface QuotableAnswer {
  id: number;
  uin: string | null;
  answer_text: string;
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

const UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/**
 * Every whole number below a thousand written out in words in `text`, each phrase read whole: "one
 * hundred and twenty-one" is 121 (not 100, 20 or 1). Words are joined by spaces or hyphens; "a" counts
 * only before "hundred", "and" only after it.
 */
export function numbersInWords(text: string): number[] {
  const words = [...text.toLowerCase().matchAll(/[a-z]+/g)].map((m) => ({ word: m[0], end: m.index + m[0].length, start: m.index }));
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
  for (let i = 0; i < words.length; ) {
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
    const at = (column: string, value: string, expected: string) => problems.push({ file, line: i + 2, column, value: value.slice(0, 60), expected });
    const figure = figureById.get(q.figure_id);
    const answer = answerById.get(q.answer_id);
    if (!figure) at("figure_id", q.figure_id, "a row id in statements.csv or programme.csv");
    if (!answer) return at("answer_id", q.answer_id, "the id of an answer in data/parliament/answers.json");
    if (q.uin !== null && answer.uin !== null && q.uin !== answer.uin) at("uin", q.uin, `the answer's own UIN, ${answer.uin}`);
    if (!answer.answer_text.includes(q.quote)) {
      return at("quote", q.quote, `words that appear exactly so in answer ${q.answer_id} (check every character, including quotation marks and spaces)`);
    }
    if (figure && figure.value !== null && !figureIn(figure.value, q.quote)) at("quote", q.quote, `a quotation that states the figure ${figure.value} of row ${figure.id}`);
  });
  return problems;
}
