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
 * 45.29 as "45.29". Never inside a longer number ("1393" does not hold 393).
 */
export function figureIn(value: number, text: string): boolean {
  const [whole, fraction] = String(value).split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const forms = [...new Set([whole!, grouped])].map((w) => (fraction ? `${w}\\.${fraction}` : w));
  return new RegExp(`(?<![\\d.,])(${forms.join("|")})(?![\\d]|[.,]\\d)`).test(text);
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
