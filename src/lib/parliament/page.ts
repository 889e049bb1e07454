/**
 * The model of the /answers/ page and its feed, computed by the data step from answers.json: answers
 * newest first, the latest one, and the last one that stated a figure. Pure.
 */
import type { AnswersQuery } from "./query.ts";
import { newestFirst, placedOn, type StoredAnswer } from "./answers.ts";
import { figureSentences } from "./text.ts";

export interface PageAnswer {
  id: number;
  uin: string | null;
  house: StoredAnswer["house"];
  date_tabled: string;
  date_answered: string | null;
  date_corrected: string | null;
  /** The date the answer is placed by (answer date, else the month tabled), for ordering and the feed. */
  placed_on: string;
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
  figures: string[];
  note: string | null;
}

export interface AnswersPageModel {
  answers: PageAnswer[];
  terms: string[];
  /** The date up to which Parliament's service has been checked; null while every answer is from the archive. */
  checked_to: string | null;
  undated: number;
  /** The newest answer that is neither a holding answer nor withdrawn. */
  latest_id: number | null;
  /** The newest such answer with a sentence stating a figure, and how many later answers state none. */
  last_figure: { id: number; sentences: string[]; later_without: number } | null;
}

/** Answers that say something: holding answers and withdrawn questions are listed but not counted as said. */
export function isSubstantive(a: Pick<StoredAnswer, "is_holding" | "is_withdrawn">): boolean {
  return !a.is_holding && !a.is_withdrawn;
}

export function answersPageModel(stored: readonly StoredAnswer[], query: AnswersQuery): AnswersPageModel {
  const answers: PageAnswer[] = newestFirst(stored).map((a) => ({
    id: a.id,
    uin: a.uin,
    house: a.house,
    date_tabled: a.date_tabled,
    date_answered: a.date_answered,
    date_corrected: a.date_corrected,
    placed_on: placedOn(a),
    asking_member: a.asking_member,
    asking_member_id: a.asking_member_id,
    answering_member: a.answering_member,
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
    figures: isSubstantive(a) ? figureSentences(a.answer_text) : [],
    note: a.note,
  }));
  const said = answers.filter(isSubstantive);
  const lastFigureAt = said.findIndex((a) => a.figures.length > 0);
  const lastFigure = lastFigureAt >= 0 ? said[lastFigureAt]! : null;
  return {
    answers,
    terms: query.terms,
    checked_to: stored.some((a) => a.origin === "service") ? query.answered_since : null,
    undated: stored.filter((a) => !a.date_answered).length,
    latest_id: said[0]?.id ?? null,
    last_figure: lastFigure ? { id: lastFigure.id, sentences: lastFigure.figures, later_without: lastFigureAt } : null,
  };
}
