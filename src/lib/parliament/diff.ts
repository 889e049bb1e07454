/**
 * What changed in data/parliament/answers.json between two releases, for review: new answers, corrected
 * answers, holding answers replaced by full ones, changed texts, withdrawals, and archive records filled
 * in from Parliament. Each new or changed text comes with the sentences in it that state a figure, so a
 * maintainer can decide which to add to statements.csv. Pure.
 */
import type { StoredAnswer } from "./answers.ts";
import { figureSentences } from "./text.ts";

export type AnswerChangeKind =
  "new" | "corrected" | "answered_in_full" | "completed" | "text_changed" | "details_changed" | "withdrawn" | "removed";

export interface AnswerChange {
  kind: AnswerChangeKind;
  answer: StoredAnswer;
  /** Sentences of the new text that state a figure (empty for withdrawals and removals). */
  figures: string[];
}

export interface AnswersDiff {
  changes: AnswerChange[];
  /** Archive records whose dates, UIN or members were filled in, with no change to the answer's text. */
  filled_in: number[];
}

/** The fields that say who, when and where, which the archive lacked. */
const DETAILS = [
  "uin",
  "date_tabled",
  "date_answered",
  "asking_member_id",
  "asking_member",
  "answering_member_id",
  "answering_member",
  "heading",
  "url",
  "origin",
  "note",
  "answer_truncated",
  "answer_html",
  "terms",
] as const;

function sameExcept(a: StoredAnswer, b: StoredAnswer, fields: readonly (keyof StoredAnswer)[]): boolean {
  const strip = (x: StoredAnswer) => JSON.stringify({ ...x, ...Object.fromEntries(fields.map((f) => [f, null])) });
  return strip(a) === strip(b);
}

export function diffAnswers(before: readonly StoredAnswer[], after: readonly StoredAnswer[]): AnswersDiff {
  const old = new Map(before.map((a) => [a.id, a]));
  const now = new Map(after.map((a) => [a.id, a]));
  const changes: AnswerChange[] = [];
  const filled_in: number[] = [];
  const change = (kind: AnswerChangeKind, answer: StoredAnswer) =>
    changes.push({
      kind,
      answer,
      figures: kind === "withdrawn" || kind === "removed" ? [] : figureSentences(answer.answer_text),
    });
  for (const a of [...now.values()].sort((x, y) => x.id - y.id)) {
    const prev = old.get(a.id);
    if (!prev) change("new", a);
    else if (JSON.stringify(prev) === JSON.stringify(a)) continue;
    else if (a.is_withdrawn && !prev.is_withdrawn) change("withdrawn", a);
    else if (
      a.is_correction &&
      (!prev.is_correction || prev.date_corrected !== a.date_corrected || prev.answer_text !== a.answer_text)
    )
      change("corrected", a);
    else if (prev.is_holding && !a.is_holding) change("answered_in_full", a);
    // Text we held only in part, now whole: the rest may hold figures, so it is shown like a new answer.
    else if (
      prev.answer_truncated &&
      !a.answer_truncated &&
      a.answer_text.startsWith(prev.answer_text.replace(/(\.\.\.|…)$/, "").trimEnd())
    )
      change("completed", a);
    else if (prev.answer_text !== a.answer_text) change("text_changed", a);
    else if (prev.origin === "archive" && sameExcept(prev, a, DETAILS)) filled_in.push(a.id);
    else change("details_changed", a);
  }
  for (const prev of [...old.values()].sort((x, y) => x.id - y.id)) if (!now.has(prev.id)) change("removed", prev);
  return { changes, filled_in };
}

const WORDS: Record<AnswerChangeKind, string> = {
  new: "New answer",
  corrected: "Corrected answer",
  answered_in_full: "Full answer replacing a holding answer",
  completed: "Full text of an answer held only in part",
  text_changed: "Answer text changed",
  details_changed: "Details changed (dates, members, heading or flags)",
  withdrawn: "Question withdrawn",
  removed: "Answer no longer kept",
};

/** "Commons UIN 2075, answered 2024-09-02, asked by X, answered by Y: NHS: Cybersecurity" */
export function describeAnswer(a: StoredAnswer): string {
  const when =
    a.is_correction && a.date_corrected
      ? `corrected ${a.date_corrected}`
      : a.date_answered
        ? `answered ${a.date_answered}`
        : `tabled ${a.date_tabled}, answer date not known`;
  const who = [
    a.asking_member ? `asked by ${a.asking_member}` : null,
    a.answering_member ? `answered by ${a.answering_member}` : null,
  ]
    .filter(Boolean)
    .join(", ");
  const ref = a.uin ? `${a.house} UIN ${a.uin}` : `${a.house} question ${a.id}`;
  const flags = [a.is_holding ? "holding answer" : null, a.is_withdrawn ? "question withdrawn" : null]
    .filter(Boolean)
    .join(", ");
  return `${ref}, ${when}${who ? `, ${who}` : ""}${flags ? `, ${flags}` : ""}${a.heading ? `: ${a.heading}` : ""} (${a.url})`;
}

/**
 * One line per change. With `figures`, each line is followed by the figure sentences, quoted, for the
 * terminal; the changelog takes the lines without them.
 */
export function summariseAnswersDiff(d: AnswersDiff, options: { figures: boolean }): string[] {
  const lines: string[] = [];
  for (const c of d.changes) {
    lines.push(
      `${WORDS[c.kind]}: ${describeAnswer(c.kind === "withdrawn" ? { ...c.answer, is_withdrawn: false } : c.answer)}.`,
    );
    if (!options.figures || c.kind === "withdrawn" || c.kind === "removed") continue;
    if (c.figures.length === 0) lines.push("    no sentence in it states a figure");
    for (const s of c.figures) lines.push(`    figure: “${s}”`);
  }
  if (d.filled_in.length)
    lines.push(
      `Details filled in from Parliament for ${d.filled_in.length} ${d.filled_in.length === 1 ? "answer" : "answers"} seeded from the archive (dates, UINs, members).`,
    );
  return lines;
}
