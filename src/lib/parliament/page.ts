/**
 * The model of the /answers/ page, the home page's latest answer and the feed, computed by the data step
 * from answers.json and the member names we hold: answers with a known date first, newest first, then
 * the undated; the latest answer; and the last one that gave a figure about EPRs. Pure.
 */
import type { AnswersQuery } from "./query.ts";
import { newestFirst, placedOn, type StoredAnswer } from "./answers.ts";
import { eprFigures } from "./figures.ts";
import { memberName } from "./members.ts";

export interface PageAnswer {
  id: number;
  uin: string | null;
  house: StoredAnswer["house"];
  date_tabled: string;
  date_answered: string | null;
  date_corrected: string | null;
  /** The date the answer is placed by (answer date, else the end of the month tabled), for the feed. */
  placed_on: string;
  /** True when placed_on is not the answer's date but an estimate from the date tabled. */
  date_estimated: boolean;
  /** The name Parliament gave with the answer, else the one data/parliament/members.csv holds, else null. */
  asking_member: string | null;
  asking_member_id: number | null;
  answering_member: string | null;
  answering_member_id: number | null;
  answering_body: string;
  heading: string | null;
  question_text: string;
  /** Paragraphs of the answer's plain text. */
  answer_paragraphs: string[];
  answer_truncated: boolean;
  is_holding: boolean;
  is_correction: boolean;
  is_withdrawn: boolean;
  url: string;
  api_url: string;
  /** Sentences stating a figure about EPR coverage, deadlines or the programme's money (figures.ts). */
  figures: string[];
  note: string | null;
}

export interface AnswersPageModel {
  answers: PageAnswer[];
  terms: string[];
  /** The date up to which Parliament's service has been checked; null while every answer is from the archive. */
  checked_to: string | null;
  undated: number;
  /** The latest answer that is neither a holding answer nor withdrawn: a dated one when any is dated. */
  latest_id: number | null;
  /**
   * The first such answer in the page's order with a figure about EPRs, and how many answers before it
   * in that order give none (dated answers only, when it is dated).
   */
  last_figure: { id: number; sentences: string[]; later_without: number } | null;
  /** When last_figure is dated: the most recently tabled undated answer with such a figure (it may be later). */
  undated_figure_id: number | null;
  /** The latest date tabled among answers without an answer date, or null when every answer is dated. */
  undated_latest_tabled: string | null;
}

/** Answers that say something: holding answers and withdrawn questions are listed but not counted as said. */
export function isSubstantive(a: Pick<StoredAnswer, "is_holding" | "is_withdrawn">): boolean {
  return !a.is_holding && !a.is_withdrawn;
}

export function answersPageModel(
  stored: readonly StoredAnswer[],
  query: AnswersQuery,
  members: ReadonlyMap<number, string> = new Map(),
): AnswersPageModel {
  const answers: PageAnswer[] = newestFirst(stored).map((a) => ({
    id: a.id,
    uin: a.uin,
    house: a.house,
    date_tabled: a.date_tabled,
    date_answered: a.date_answered,
    date_corrected: a.date_corrected,
    placed_on: placedOn(a),
    date_estimated: a.date_answered === null,
    asking_member: memberName(a.asking_member, a.asking_member_id, members),
    asking_member_id: a.asking_member_id,
    answering_member: memberName(a.answering_member, a.answering_member_id, members),
    answering_member_id: a.answering_member_id,
    answering_body: a.answering_body,
    heading: a.heading,
    question_text: a.question_text,
    answer_paragraphs: a.answer_text.split("\n"),
    answer_truncated: a.answer_truncated,
    is_holding: a.is_holding,
    is_correction: a.is_correction,
    is_withdrawn: a.is_withdrawn,
    url: a.url,
    api_url: a.api_url,
    figures: isSubstantive(a) ? eprFigures(a.answer_text, query.terms).map((f) => f.sentence) : [],
    note: a.note,
  }));
  const said = answers.filter(isSubstantive);
  const lastFigureAt = said.findIndex((a) => a.figures.length > 0);
  const lastFigure = lastFigureAt >= 0 ? said[lastFigureAt]! : null;
  const undated = answers.filter((a) => a.date_estimated);
  const undatedFigure =
    lastFigure && !lastFigure.date_estimated ? said.find((a) => a.date_estimated && a.figures.length > 0) : undefined;
  return {
    answers,
    terms: query.terms,
    checked_to: stored.some((a) => a.origin === "service") ? query.answered_since : null,
    undated: undated.length,
    latest_id: said[0]?.id ?? null,
    last_figure: lastFigure ? { id: lastFigure.id, sentences: lastFigure.figures, later_without: lastFigureAt } : null,
    undated_figure_id: undatedFigure?.id ?? null,
    undated_latest_tabled: undated[0]?.date_tabled ?? null,
  };
}
