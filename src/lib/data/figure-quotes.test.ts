import { describe, expect, it } from "vitest";
import { describeProblem } from "./errors.ts";
import {
  checkFigureQuotes,
  figureChecks,
  modalityMissing,
  moneyIn,
  MODALITY_WORDS,
  quotables,
  saysWord,
} from "./figure-quotes.ts";
import { MODALITIES, type Modality } from "./modality.ts";
import { programme, statement, target } from "../charts/test-fixtures/rows.ts";
import { statementModality, type StatementRow } from "./tables.ts";

/** A statement row of any metric (the chart fixture's rows are shares). */
const stated = (p: Partial<StatementRow> & Pick<StatementRow, "id" | "value" | "as_of">): StatementRow => {
  const metric = p.metric ?? "share_with_epr";
  const { derived_from: _, ...base } = statement({ id: p.id, value: p.value, as_of: p.as_of });
  return { ...base, ...p, metric, modality: statementModality(metric) };
};
const FILES = { figureQuotes: "data/figure-quotes.csv", answerQuotes: "data/answer-quotes.csv" };
const figures = {
  statements: [
    stated({
      id: "S001",
      metric: "trusts_without_epr",
      unit: "trusts",
      value: 21,
      as_of: "2023-11-20",
      source_id: "wq-a",
    }),
    stated({ id: "S002", metric: "share_with_epr", value: 91, as_of: "2025-05", source_id: "wq-b" }),
    stated({ id: "S003", metric: "forecast_share_with_epr", value: 96, as_of: "2026-03-31", source_id: "oral-c" }),
  ],
  programme: [
    programme({ id: "P001", measure: "funding_to_trusts_total", value: 2000, modality: "planned", source_id: "wq-d" }),
    programme({ id: "P002", measure: "funding_to_trusts_capital", value: 393, modality: "paid", source_id: "wq-e" }),
    programme({
      id: "P003",
      measure: "delivery_confidence",
      unit: "rating",
      rating: "Amber",
      modality: "measured",
      source_id: "gmpp",
    }),
  ],
  targets: [
    target({
      id: "T001",
      modality: "restated_target",
      kind: "epr_or_in_progress",
      announced_on: "2025-11-28",
      target_date: "2026-03-31",
      source_id: "ao",
    }),
  ],
};
const row = (figure_id: string, source_id: string, quote: string) => ({ figure_id, source_id, quote });
const check = (rows: ReturnType<typeof row>[], answer: { figure_id: string; quote: string }[] = []) =>
  checkFigureQuotes(rows, answer, quotables(figures), FILES).map(describeProblem);

describe("figures checked against the source's own words", () => {
  it("accepts quotations that state the figure, its modality and, for an EPR figure, the EPR", () => {
    expect(
      check([
        row(
          "S001",
          "wq-a",
          "At present, there are twenty-one trusts in England that do not have an Electronic Patient Record (EPR) system",
        ),
        row("S002", "wq-b", "Currently 91% of secondary care trusts have an EPR in place"),
        row("S003", "oral-c", "Electronic patient record coverage is forecast to be at 96% of trusts by March 2026"),
        row("P001", "wq-d", "NHS England is providing £2 billion to trusts through to 2025/26"),
        row("P002", "wq-e", "the programme provided £393 million of capital funding"),
        row(
          "T001",
          "ao",
          "100% of trusts will have an EPR or implementation of the EPR will be in progress by March 2026",
        ),
      ]),
    ).toEqual([]);
  });

  it("refuses a paid figure quoted in the words of a plan, and a planned one whose paying verb is negated, naming file, line and column", () => {
    expect(check([row("P002", "wq-e", "NHS England is providing £393 million to trusts")])).toEqual([
      'data/figure-quotes.csv, line 2, column "quote": found "NHS England is providing £393 million to trusts"; expected a paying verb in the past (paid, spent, provided, received, invested, supported), and no word of a plan: row P002 is paid',
    ]);
    expect(check([row("P002", "wq-e", "the programme has not provided £393 million")])[0]).toMatch(
      /expected a paying verb in the past .*: row P002 is paid$/,
    );
    expect(check([row("P002", "wq-e", "£393 million will be provided")])[0]).toMatch(/row P002 is paid$/);
  });

  it("refuses a measured share quoted from a forecast, and a forecast quoted from a count", () => {
    expect(check([row("S002", "wq-b", "91% of trusts are expected to have an EPR")])[0]).toMatch(
      /no word of a forecast: row S002 is measured$/,
    );
    expect(check([row("S003", "oral-c", "96% of trusts have an electronic patient record")])[0]).toMatch(
      /a word of expectation .*: row S003 is forecast$/,
    );
  });

  it("refuses a restated target quoted without its weaker test, and a target quoted without its date", () => {
    expect(check([row("T001", "ao", "100% of trusts will have an EPR by March 2026")])[0]).toMatch(
      /the weaker test .*: row T001 is restated_target$/,
    );
    expect(check([row("T001", "ao", "100% of trusts will have an EPR or one in progress by 2027")])[0]).toMatch(
      /states the target of 100% and its date, "March 2026" of row T001/,
    );
  });

  it("refuses a quotation that does not state the figure, in the right unit", () => {
    expect(check([row("P001", "wq-d", "NHS England is providing £200 million to trusts")])[0]).toMatch(
      /states the sum £2000 million .* of row P001$/,
    );
    expect(check([row("S002", "wq-b", "Currently 91 trusts have an EPR")])[0]).toMatch(
      /states the figure 91% of row S002$/,
    );
    expect(check([row("P003", "gmpp", "Delivery confidence is amber and currently measured")])[0]).toMatch(
      /row P003 has none/,
    );
  });

  it("refuses a figure about EPRs whose words name no EPR: they may be about something else", () => {
    expect(check([row("S002", "wq-b", "91% of trusts are now connected")])).toEqual([
      'data/figure-quotes.csv, line 2, column "quote": found "91% of trusts are now connected"; expected words that name an EPR (electronic patient record, EPR): row S002 is about EPRs, and words that name none may be about something else',
    ]);
  });

  it("refuses an unknown figure, another row's source and a figure already quoted from its written answer", () => {
    expect(check([row("S999", "wq-a", "there are 21 trusts without an EPR")])[0]).toMatch(
      /column "figure_id": found "S999"; expected a row id/,
    );
    expect(check([row("S001", "wq-b", "there are 21 trusts without an EPR")])[0]).toMatch(
      /column "source_id": found "wq-b"; expected the source of row S001, wq-a/,
    );
    expect(
      check(
        [row("P002", "wq-e", "the programme provided £393 million")],
        [{ figure_id: "P002", quote: "the programme provided £393 million" }],
      ),
    ).toEqual([
      'data/figure-quotes.csv, line 2, column "figure_id": found "P002"; expected a figure not already quoted from its written answer in answer-quotes.csv',
    ]);
  });

  it("checks the modality words of quotations from written answers too", () => {
    expect(check([], [{ figure_id: "P002", quote: "£393 million of capital funding directly to 159 trusts" }])).toEqual(
      [
        'data/answer-quotes.csv, line 2, column "quote": found "£393 million of capital funding directly to 159 trusts"; expected a paying verb in the past (paid, spent, provided, received, invested, supported), and no word of a plan: row P002 is paid',
      ],
    );
  });

  it("reads sums of money however the source writes them, never inside a longer word", () => {
    expect(moneyIn("£393 million, £45.29m, £2 billion, £1.9bn and £2,000 million")).toEqual([
      393, 45.29, 2000, 1900, 2000,
    ]);
    expect(moneyIn("£3 members and £4 more")).toEqual([]);
  });

  it("finds whole words only, and not after a negation", () => {
    expect(saysWord("the trust has provided funding", "provided")).toBe(true);
    expect(saysWord("the trust has not provided funding", "provided")).toBe(false);
    expect(saysWord("the trust hasn't yet provided funding", "provided")).toBe(false);
    expect(saysWord("unprovided", "provided")).toBe(false);
    expect(saysWord("on  course", "on course")).toBe(true);
  });

  it("lists which figures are checked which way, and every other figure with a value as not checked", () => {
    const checks = figureChecks({
      ...figures,
      answerQuotes: [{ figure_id: "P002", answer_id: "1", uin: null, quote: "provided £393 million" }],
      figureQuotes: [row("S001", "wq-a", "there are twenty-one trusts without an EPR")],
    });
    expect(checks.checked.map((c) => c.figure_id)).toEqual(["P002"]);
    expect(checks.quoted.map((c) => c.figure_id)).toEqual(["S001"]);
    // P003 is a rating, not a figure a quotation can state.
    expect(checks.unchecked.map((c) => c.figure_id)).toEqual(["S002", "S003", "P001", "T001"]);
  });
});

describe("modality words, for every modality", () => {
  const only = (m: Modality) => MODALITY_WORDS[m].groups.map((g) => g[0]).join(" and ");
  it.each(MODALITIES)("%s: its own words pass, a quotation with none of them fails", (m) => {
    expect(modalityMissing(m, `91% of trusts ${only(m)} an EPR`)).toBeNull();
    expect(modalityMissing(m, "91% of trusts with an EPR")).toBe(MODALITY_WORDS[m].describe);
  });

  it("no planned or forecast words ever pass as paid, and no forecast words as measured", () => {
    for (const w of [...MODALITY_WORDS.planned.groups.flat(), ...MODALITY_WORDS.forecast.groups.flat()]) {
      const quote = `£393 million ${w} to trusts`;
      if (!MODALITY_WORDS.paid.groups.flat().some((p) => saysWord(quote, p)))
        expect(modalityMissing("paid", quote), w).not.toBeNull();
    }
    for (const w of MODALITY_WORDS.forecast.groups.flat())
      expect(modalityMissing("measured", `91% of trusts have an EPR, ${w}`), w).not.toBeNull();
  });
});
