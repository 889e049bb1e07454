/**
 * Figures checked against the source's own words. Where the repository keeps a short verbatim quotation
 * of a source but not its whole text (data/figure-quotes.csv), the data step checks that the quotation
 * states the figure, says what kind of statement it is (a paid sum with a paying verb, a plan with a
 * planning word, a forecast with a word of expectation) and, for a figure about EPRs, names an EPR.
 * Quotations from written answers we hold whole (data/answer-quotes.csv) are checked against the answer
 * by quotes.ts; their modality and subject words are checked here the same way. Pure.
 */
import type { Problem } from "./errors.ts";
import type { Modality } from "./modality.ts";
import { figureIn } from "./quotes.ts";
import type { AnswerQuoteRow, FigureQuoteRow, ProgrammeRow, StatementRow, TargetRow } from "./tables.ts";
import { isEprTarget } from "./tables.ts";
import { targetDateWords } from "../words/vocabulary.ts";

/**
 * The source's words that show each modality, decided here once for every quotation: a quotation must
 * hold at least one word of each group (not negated), and none of `never`. Keyed by the modality
 * vocabulary, so a new modality does not compile until its words are chosen.
 */
const EXPECTING = [
  "forecast",
  "expected",
  "expect",
  "expects",
  "on course",
  "on track",
  "projected",
  "likely",
  "rising to",
];
const GOALS = ["target", "ambition", "aim", "goal", "commitment", "should", "must", "will have", "will be"];

export const MODALITY_WORDS: Record<
  Modality,
  { groups: readonly (readonly string[])[]; never: readonly string[]; describe: string }
> = {
  measured: {
    groups: [
      [
        "have",
        "has",
        "had",
        "there are",
        "there were",
        "at present",
        "currently",
        "now",
        "use",
        "uses",
        "in place",
        "achieved",
        "met",
      ],
    ],
    never: [...EXPECTING, "will have"],
    describe:
      "a word of a count or state at the time (have, there are, currently, achieved, use), and no word of a forecast",
  },
  planned: {
    groups: [
      [
        "is providing",
        "are providing",
        "will provide",
        "will be provided",
        "will go",
        "allocated",
        "allocation",
        "budget",
        "planned",
        "plans",
        "being prepared",
        "investing",
        "will invest",
        "settlement",
        "due to",
      ],
    ],
    never: [],
    describe: "a word of planning or providing (is providing, allocated, budget, planned, being prepared)",
  },
  paid: {
    groups: [["paid", "spent", "provided", "received", "invested", "supported"]],
    never: ["will", "is providing", "are providing", "planned", "due to"],
    describe: "a paying verb in the past (paid, spent, provided, received, invested, supported), and no word of a plan",
  },
  forecast: {
    groups: [EXPECTING],
    never: [],
    describe: "a word of expectation (forecast, expected, on course, on track)",
  },
  target: {
    groups: [GOALS],
    never: [],
    describe: "a word of a goal (target, ambition, should, will have)",
  },
  restated_target: {
    groups: [GOALS, ["in progress", "underway", "under way", "being implemented", "implementation"]],
    never: [],
    describe:
      "a word of a goal (target, ambition, should, will have) and the weaker test (in progress, implementation)",
  },
};

/** An EPR named in the words: a figure about EPRs whose quotation names none may be about something else. */
const EPR_WORDS = /\belectronic (?:patient|health) records?\b|\bEPRs?\b|\bEHRs?\b/i;

const NEGATION = /\b(?:not|never|no|nor|neither)\s+(?:\S+\s+)?$|n't\s+(?:\S+\s+)?$/i;

/** Whether `phrase` appears in `text` as whole words, not just after "not", "never" or "n't". */
export function saysWord(text: string, phrase: string): boolean {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+");
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "giu"))) {
    if (!NEGATION.test(text.slice(Math.max(0, m.index - 40), m.index))) return true;
  }
  return false;
}

/** What a quotation lacks to show a modality, or null when it shows it. */
export function modalityMissing(m: Modality, quote: string): string | null {
  const words = MODALITY_WORDS[m];
  const ok =
    words.groups.every((g) => g.some((w) => saysWord(quote, w))) && !words.never.some((w) => saysWord(quote, w));
  return ok ? null : words.describe;
}

/** Sums of money in a quotation, in £ million: "£393 million", "£45.29m", "£2 billion", "£1.9bn". */
export function moneyIn(text: string): number[] {
  return [...text.matchAll(/£\s?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(billion|bn|million|m)(?![\p{L}])/giu)].map(
    (m) => {
      const n = Number(m[1]!.replace(/,/g, ""));
      return /^b/i.test(m[2]!) ? Math.round(n * 1000 * 1e6) / 1e6 : n;
    },
  );
}

/** A share as the source writes it: "91%", "91 per cent". */
const percentIn = (value: number, text: string): boolean =>
  figureIn(value, text) &&
  new RegExp(`(?<![\\d.,])${String(value).replace(".", "\\.")}\\s?(?:%|per ?cent)`, "i").test(text);

/** One figure of any curated table, as a quotation is checked against it. */
interface Quotable {
  id: string;
  source_id: string;
  modality: Modality;
  /** Whether the figure is about EPRs, so its words must name one. */
  aboutEpr: boolean;
  /** What the quotation must state, in words for the message; null when it states it. */
  figureMissing: (quote: string) => string | null;
}

export function quotables(figures: {
  statements: readonly StatementRow[];
  programme: readonly ProgrammeRow[];
  targets: readonly TargetRow[];
}): Map<string, Quotable> {
  const out = new Map<string, Quotable>();
  for (const s of figures.statements) {
    out.set(s.id, {
      id: s.id,
      source_id: s.source_id,
      modality: s.modality,
      aboutEpr: true,
      figureMissing: (q) =>
        (s.unit === "percent" ? percentIn(s.value, q) : figureIn(s.value, q))
          ? null
          : `the figure ${s.value}${s.unit === "percent" ? "%" : ""}`,
    });
  }
  for (const p of figures.programme) {
    out.set(p.id, {
      id: p.id,
      source_id: p.source_id,
      modality: p.modality,
      aboutEpr: false,
      figureMissing: (q) => {
        if (p.value === null) return `a figure, but row ${p.id} has none (a rating is not checked this way)`;
        const stated = p.unit === "gbp_million" ? moneyIn(q).includes(p.value) : figureIn(p.value, q);
        return stated
          ? null
          : p.unit === "gbp_million"
            ? `the sum £${p.value} million (as £… million, £…m, £… billion or £…bn)`
            : `the figure ${p.value}`;
      },
    });
  }
  for (const t of figures.targets) {
    out.set(t.id, {
      id: t.id,
      source_id: t.source_id,
      modality: t.modality,
      aboutEpr: isEprTarget(t),
      figureMissing: (q) => {
        const when = targetDateWords(t);
        const share = t.coverage_percent === null || percentIn(t.coverage_percent, q);
        return share && q.includes(when)
          ? null
          : `the target${t.coverage_percent === null ? "" : ` of ${t.coverage_percent}%`} and its date, "${when}"`;
      },
    });
  }
  return out;
}

/**
 * Every quotation of data/figure-quotes.csv must name a figure, its source, the figure and the
 * modality and subject words; every quotation of data/answer-quotes.csv the modality and subject words
 * (its figure and its place in the answer are checked by quotes.ts). Problems name file, line and column.
 */
export function checkFigureQuotes(
  quotes: readonly FigureQuoteRow[],
  answerQuotes: readonly Pick<AnswerQuoteRow, "figure_id" | "quote">[],
  figures: Map<string, Quotable>,
  files: { figureQuotes: string; answerQuotes: string },
): Problem[] {
  const problems: Problem[] = [];
  const words = (file: string, line: number, f: Quotable, quote: string) => {
    const missing = modalityMissing(f.modality, quote);
    if (missing)
      problems.push({
        file,
        line,
        column: "quote",
        value: quote,
        expected: `${missing}: row ${f.id} is ${f.modality}`,
      });
    if (f.aboutEpr && !EPR_WORDS.test(quote)) {
      problems.push({
        file,
        line,
        column: "quote",
        value: quote,
        expected: `words that name an EPR (electronic patient record, EPR): row ${f.id} is about EPRs, and words that name none may be about something else`,
      });
    }
  };
  quotes.forEach((q, i) => {
    const line = i + 2;
    const f = figures.get(q.figure_id);
    if (!f)
      return problems.push({
        file: files.figureQuotes,
        line,
        column: "figure_id",
        value: q.figure_id,
        expected: "a row id in statements.csv, programme.csv or targets.csv",
      });
    if (q.source_id !== f.source_id)
      problems.push({
        file: files.figureQuotes,
        line,
        column: "source_id",
        value: q.source_id,
        expected: `the source of row ${f.id}, ${f.source_id}`,
      });
    const missing = f.figureMissing(q.quote);
    if (missing)
      problems.push({
        file: files.figureQuotes,
        line,
        column: "quote",
        value: q.quote,
        expected: `a quotation that states ${missing} of row ${f.id}`,
      });
    words(files.figureQuotes, line, f, q.quote);
  });
  answerQuotes.forEach((q, i) => {
    const f = figures.get(q.figure_id);
    if (f) words(files.answerQuotes, i + 2, f, q.quote);
  });
  const twice = quotes.filter((q) => answerQuotes.some((a) => a.figure_id === q.figure_id));
  for (const q of twice) {
    problems.push({
      file: files.figureQuotes,
      line: quotes.indexOf(q) + 2,
      column: "figure_id",
      value: q.figure_id,
      expected: "a figure not already quoted from its written answer in answer-quotes.csv",
    });
  }
  return problems;
}

/** How each figure is checked, for /sources/: against the answer we hold, against the source's words we keep, or not. */
export interface FigureChecks {
  /** Checked word for word against a written answer we hold; `answer_corrected_on`: the answer was corrected after the figure's date (set by the data step, which holds the answers). */
  checked: (AnswerQuoteRow & { answer_corrected_on: string | null })[];
  /** Checked against a short quotation of the source that we keep (the source's whole text is not held). */
  quoted: FigureQuoteRow[];
  /** Every other figure: no words of its source are kept, so it is not checked this way. */
  unchecked: { figure_id: string; source_id: string }[];
}

export function figureChecks(input: {
  answerQuotes: readonly AnswerQuoteRow[];
  figureQuotes: readonly FigureQuoteRow[];
  statements: readonly StatementRow[];
  programme: readonly ProgrammeRow[];
  targets: readonly TargetRow[];
}): FigureChecks {
  const done = new Set([...input.answerQuotes, ...input.figureQuotes].map((q) => q.figure_id));
  const unchecked = [...input.statements, ...input.programme.filter((p) => p.value !== null), ...input.targets]
    .filter((f) => !done.has(f.id))
    .map((f) => ({ figure_id: f.id, source_id: f.source_id }));
  return {
    checked: input.answerQuotes.map((q) => ({ ...q, answer_corrected_on: null })),
    quoted: [...input.figureQuotes],
    unchecked,
  };
}
