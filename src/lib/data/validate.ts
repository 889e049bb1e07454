/**
 * Validation as one pass of named stages, in order: the files (each file's cells against the schemas
 * as it is read, and each table's rows against each other), then references across files, then the
 * words figures are quoted from, then the finder's aliases and sites. Every check of a stage runs, so
 * one run lists all its problems; a later stage runs only when the earlier ones found none, since it
 * needs what they proved (a reference can only be followed in rows that parsed). The data step, the
 * diff and the model run the same stages from here.
 */
import { DataError, type Problem } from "./errors.ts";
import type { DataInput } from "./input.ts";
import { checkNotAfterRelease, checkReferences, checkStatementTotals } from "./checks.ts";
import { checkQuotes, type QuotableAnswer } from "./quotes.ts";
import { checkFigureQuotes, quotables } from "./figure-quotes.ts";
import { checkMeasures } from "./measures.ts";

export interface Stage {
  /** A short name, said when the stage stops the run. */
  name: string;
  /** What the stage checks, in a few words. */
  checks: string;
  problems: () => Problem[];
}

/** Problems that stopped validation, with the stage that found them. */
export class ValidationError extends DataError {
  readonly stage: string;
  constructor(stage: Pick<Stage, "name" | "checks">, problems: Problem[]) {
    super(problems);
    this.stage = stage.name;
    this.message = `stage "${stage.name}" (${stage.checks}) found ${problems.length === 1 ? "a problem" : `${problems.length} problems`}:\n${this.message}`;
  }
}

/** Runs the stages in order, stopping at the first that finds a problem. */
export function runStages(stages: readonly Stage[]): void {
  for (const stage of stages) {
    const problems = stage.problems();
    if (problems.length) throw new ValidationError(stage, problems);
  }
}

/** The first stage: what reading every file found, in its cells and across its rows (integrity.ts). */
export function filesStage(problems: readonly Problem[]): Stage {
  return {
    name: "files",
    checks: "each file's format, every cell against its column, each table's rows against each other",
    problems: () => [...problems],
  };
}

/** What the data step holds besides the tables, for the stages that need it; the model alone has none. */
export interface Held {
  /** Parliament's written answers we keep, and the file they are in. */
  answers?: { records: readonly (QuotableAnswer & AnswerDates)[]; file: string };
  /** The answer quotations' file as read. */
  answerQuotesFile?: string;
}
interface AnswerDates {
  id: number;
  date_answered: string | null;
  date_corrected: string | null;
}

/** The stages after reading the files: references, words. */
export function inputStages(input: DataInput, held: Held = {}): Stage[] {
  return [
    {
      name: "references",
      checks: "across files: codes and ids that must exist, totals that must add up, no date after the release",
      problems: () => [
        ...checkReferences(input),
        ...checkStatementTotals(input.statements),
        ...checkNotAfterRelease(input, held.answers?.records ?? [], held.answers?.file),
      ],
    },
    {
      name: "words",
      checks: "figures against the words they are quoted from",
      problems: () => [
        ...(held.answers
          ? checkQuotes(
              input.answerQuotes,
              [...input.statements, ...input.programme],
              held.answers.records,
              held.answerQuotesFile ?? "data/answer-quotes.csv",
            )
          : []),
        ...checkWords(input),
      ],
    },
  ];
}

/** The words kept for figures: quotations state their figure and modality, and no figure is about another measure. */
function checkWords(input: DataInput): Problem[] {
  const files = { figureQuotes: "data/figure-quotes.csv", answerQuotes: "data/answer-quotes.csv" };
  const said = [
    ...input.figureQuotes.map((q, i) => ({
      figure_id: q.figure_id,
      text: q.quote,
      file: files.figureQuotes,
      line: i + 2,
      column: "quote",
    })),
    ...input.answerQuotes.map((q, i) => ({
      figure_id: q.figure_id,
      text: q.quote,
      file: files.answerQuotes,
      line: i + 2,
      column: "quote",
    })),
  ];
  return [
    ...checkFigureQuotes(input.figureQuotes, input.answerQuotes, quotables(input), files),
    ...checkMeasures(input.statements, said, "data/statements.csv"),
  ];
}
