import { describe, expect, it } from "vitest";
import { checkQuotes, correctedAfterQuote, figureIn, numbersInWords, sentences } from "./quotes.ts";
import { describeProblem } from "./errors.ts";
import { programme, statement } from "../charts/test-fixtures/rows.ts";

const ANSWER = {
  id: 1686389,
  uin: "12330",
  answer_text:
    "In 2022/23, the programme provided £393 million of capital funding and £45.29 million of revenue funding directly to 159 trusts. It spent £2,000 million in all.",
};
const figures = [
  programme({ id: "P014", measure: "funding_to_trusts_capital", value: 393 }),
  programme({ id: "P015", measure: "funding_to_trusts_revenue", value: 45.29 }),
  statement({ id: "S050", value: 93, as_of: "2024-12-31" }),
];
const quote = (figure_id: string, text: string, uin: string | null = "12330", answer_id = "1686389") => ({
  figure_id,
  answer_id,
  uin,
  quote: text,
});
const check = (rows: ReturnType<typeof quote>[]) =>
  checkQuotes(rows, figures, [ANSWER], "data/answer-quotes.csv").map(describeProblem);

describe("figures checked against the answer's words", () => {
  it("accepts a quotation found word for word that states the figure", () => {
    expect(
      check([
        quote("P014", "provided £393 million of capital funding"),
        quote("P015", "£45.29 million of revenue funding"),
      ]),
    ).toEqual([]);
  });

  it("refuses a quotation changed by one character, naming file, row and column", () => {
    expect(
      check([
        quote("P014", "provided £393 million of capital funding"),
        quote("P015", "£45.29 million of revenue fundinq"),
      ]),
    ).toEqual([
      'data/answer-quotes.csv, line 3, column "quote": found "£45.29 million of revenue fundinq"; expected words that appear exactly so in answer 1686389 (check every character, including quotation marks and spaces)',
    ]);
  });

  it("refuses a quotation that does not state the figure, an unknown answer and a UIN that is not the answer's", () => {
    expect(check([quote("P015", "provided £393 million of capital funding")])).toEqual([
      'data/answer-quotes.csv, line 2, column "quote": found "provided £393 million of capital funding"; expected a quotation that states the figure 45.29 of row P015',
    ]);
    expect(check([quote("P014", "provided £393 million", "12330", "999")])[0]).toMatch(
      /column "answer_id": found "999"; expected the id of an answer in data\/parliament\/answers.json/,
    );
    expect(check([quote("P014", "provided £393 million", "2075")])[0]).toMatch(
      /column "uin": found "2075"; expected the answer's own UIN, 12330/,
    );
  });

  it("finds a figure however the answer groups its digits, never inside a longer number", () => {
    expect(figureIn(2000, "£2,000 million")).toBe(true);
    expect(figureIn(2000, "£2000 million")).toBe(true);
    expect(figureIn(393, "£1393 million")).toBe(false);
    expect(figureIn(45.29, "£45.29 million")).toBe(true);
    expect(figureIn(45.2, "£45.29 million")).toBe(false);
    expect(figureIn(93, "93% of trusts")).toBe(true);
    expect(figureIn(9, "£9.7 million")).toBe(false);
  });

  it("finds a whole figure written in words, read as the whole phrase", () => {
    expect(figureIn(6, "the remaining six trusts")).toBe(true);
    expect(figureIn(21, "Twenty-one trusts")).toBe(true);
    expect(figureIn(21, "twenty one trusts")).toBe(true);
    expect(figureIn(99, "ninety-nine")).toBe(true);
    expect(figureIn(100, "a hundred trusts")).toBe(true);
    expect(figureIn(100, "one hundred trusts")).toBe(true);
    expect(figureIn(121, "one hundred and twenty-one trusts")).toBe(true);
    expect(figureIn(17, "seventeen")).toBe(true);
    // Never a part of a longer number, or a word that only contains one.
    expect(figureIn(20, "twenty-one trusts")).toBe(false);
    expect(figureIn(1, "twenty-one trusts")).toBe(false);
    expect(figureIn(100, "one hundred and six trusts")).toBe(false);
    expect(figureIn(6, "sixteen trusts")).toBe(false);
    expect(figureIn(6, "the sixth trust")).toBe(false);
    expect(figureIn(7, "the remaining six trusts")).toBe(false);
    expect(figureIn(6.5, "six trusts")).toBe(false);
    expect(numbersInWords("Of the forty-two boards, nine, and a hundred and one; a few")).toEqual([42, 9, 101]);
    expect(numbersInWords("one, hundred")).toEqual([1]);
  });

  it("checks a quotation that writes its figure in words like one in digits", () => {
    const answer = { id: 2, uin: null, answer_text: "All but the remaining six trusts have an EPR." };
    const six = statement({ id: "S051", value: 6, as_of: "2025-03-31" });
    const rows = [{ figure_id: "S051", answer_id: "2", uin: null, quote: "the remaining six trusts" }];
    expect(checkQuotes(rows, [six], [answer], "q.csv")).toEqual([]);
    expect(checkQuotes(rows, [{ ...six, value: 7 }], [answer], "q.csv").map(describeProblem)).toEqual([
      'q.csv, line 2, column "quote": found "the remaining six trusts"; expected a quotation that states the figure 7 of row S051',
    ]);
  });
});

describe("quotations that follow the sentence and the corrections", () => {
  const answer = (answer_text: string, date_corrected: string | null = null) => ({
    id: 7,
    uin: "77",
    answer_text,
    date_corrected,
  });
  const s93 = statement({ id: "S060", value: 93, as_of: "2025-03", stated_on: "2025-04-01" });
  const row = (text: string) => ({ figure_id: "S060", answer_id: "7", uin: "77", quote: text });
  const run = (text: string, quote: string) =>
    checkQuotes([row(quote)], [s93], [answer(text)], "q.csv").map(describeProblem);

  it("refuses a quotation the sentence denies: untrue, not the case, a negation just before it", () => {
    expect(run("It is untrue that 93% of trusts have an EPR.", "93% of trusts have an EPR")[0]).toMatch(
      /expected words answer 7 states, not denies \(the sentence it stands in says "untrue": "It is untrue that 93% of trusts have an EPR\."\)/,
    );
    expect(run("That 93% of trusts have an EPR is not the case.", "93% of trusts have an EPR")[0]).toMatch(
      /says "not the case"/,
    );
    expect(run("Trusts do not have 93% coverage.", "93% coverage")[0]).toMatch(/says "not"/);
  });

  it("accepts the same words where the sentence states them, even beside a denial in another sentence or clause", () => {
    expect(run("The earlier figure was wrong. Now 93% of trusts have an EPR.", "93% of trusts have an EPR")).toEqual(
      [],
    );
    expect(run("Of 206 trusts, 93% of trusts have an EPR and 14 do not.", "93% of trusts have an EPR")).toEqual([]);
    expect(
      run(
        "It is untrue that 93% of trusts have an EPR. In fact 93% of trusts have an EPR.",
        "93% of trusts have an EPR",
      ),
    ).toEqual([]);
  });

  it("refuses a quotation that starts or ends inside a word or a number", () => {
    expect(run("Some 193% of trusts have an EPR.", "93% of trusts have an EPR")[0]).toMatch(
      /whole words of answer 7, not a part of a word or number/,
    );
    expect(run("93% of trusts have an EPRs.", "93% of trusts have an EPR")[0]).toMatch(/whole words/);
  });

  it("splits sentences at . ! ? and a space, keeping decimals whole", () => {
    expect(sentences("It cost £45.29m. Is that so?  Yes!").map((x) => x.text)).toEqual([
      "It cost £45.29m.",
      "Is that so?",
      "Yes!",
    ]);
  });

  it("flags an answer corrected after the figure's date, and not one corrected on or before it", () => {
    const quotes = [row("93% of trusts")];
    expect(correctedAfterQuote(quotes, [s93], [answer("93% of trusts", "2025-06-02")])).toEqual([
      { figure_id: "S060", answer_id: "7", stated_on: "2025-04-01", corrected_on: "2025-06-02" },
    ]);
    expect(correctedAfterQuote(quotes, [s93], [answer("93% of trusts", "2025-04-01")])).toEqual([]);
    expect(
      correctedAfterQuote(quotes, [{ ...s93, stated_on: "2025-06" }], [answer("93% of trusts", "2025-06-02")]),
    ).toEqual([]);
  });
});
