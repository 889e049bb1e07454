/** Wording for the /answers/ page, the home page's latest answer and the feed: every date says what it is, every gap says so. Pure. */
import { formatDate } from "../data/dates.ts";
import type { AnswersPageModel, PageAnswer } from "./page.ts";

export const HOUSE_NAMES: Record<PageAnswer["house"], string> = {
  Commons: "House of Commons",
  Lords: "House of Lords",
};

const tabledWhen = (date: string) => `tabled ${date.length === 7 ? "in" : "on"} ${formatDate(date)}`;

/** "Answered on 2 September 2024", or what we know instead. */
export function answeredLine(a: Pick<PageAnswer, "date_answered" | "date_tabled">): string {
  if (a.date_answered) return `Answered on ${formatDate(a.date_answered)}`;
  return a.date_tabled.length === 7
    ? `Answer date not in our copy; tabled in ${formatDate(a.date_tabled)} (the month of the archive file it came from)`
    : `Answer date not in our copy; tabled on ${formatDate(a.date_tabled)}`;
}

/** The answer's date for a summary sentence: "on 2 September 2024", or "tabled in October 2025". */
export function whenSaid(a: Pick<PageAnswer, "date_answered" | "date_tabled">): string {
  if (a.date_answered) return `on ${formatDate(a.date_answered)}`;
  return `with no answer date in our copy (${tabledWhen(a.date_tabled)})`;
}

/** A member's name, or what our copy has instead (Parliament's member number), or null when nothing. */
export function memberText(name: string | null, id: number | null): string | null {
  if (name) return name;
  return id ? `member no. ${id} (name not in our copy)` : null;
}

/** Longest title made from a question's own words, in characters, before it is cut at a word. */
export const QUESTION_TITLE_CHARS = 100;

/**
 * What was asked, in the question's own words, for an answer without a heading: the formal address
 * ("To ask the Secretary of State for Health and Social Care,") and a leading reference ("pursuant to the
 * Answer of …,", "with reference to …,") are left out, since they say to whom and after what, not what;
 * the rest is cut at a word with "…".
 */
export function questionWords(question: string): string {
  let rest = question.trim().replace(/^To ask (?:the [^,]+?,|(?:His|Her) Majesty(?:'|’)s Government,?)\s*/i, "");
  const reference =
    /^(?:pursuant to|with reference to|further to|in the context of)\b[^?]*?,\s*(?=(?:(?:by|for|from|in|on|to|at|with)\s+)?(?:what|how|whether|if|when|which|why|who|where)\b)/i.exec(
      rest,
    );
  if (reference) rest = rest.slice(reference[0].length);
  rest = rest.replace(/\s+/g, " ").replace(/[.?]$/, "");
  if (rest.length > QUESTION_TITLE_CHARS) {
    const cut = rest.slice(0, QUESTION_TITLE_CHARS + 1);
    rest = `${cut.slice(0, Math.max(cut.lastIndexOf(" "), 1)).replace(/[\s,;:(]+$/, "")}…`;
  }
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** An answer's title: Parliament's heading, else what was asked (never a bare id). */
export function title(a: Pick<PageAnswer, "heading" | "question_text">): string {
  return a.heading ?? questionWords(a.question_text);
}

/** "Commons UIN 3489", or a plain statement that our copy lacks it. */
export function uinText(a: Pick<PageAnswer, "uin" | "house">): string {
  return a.uin ? `${a.house} UIN ${a.uin}` : "UIN not in our copy";
}

/** Link text that says where it goes: the public page with its UIN, or the service's record. */
export function linkText(a: Pick<PageAnswer, "uin" | "url" | "api_url" | "house" | "id">): string {
  return a.url === a.api_url
    ? `Parliament's record of question ${a.id} (data)`
    : `${a.house === "Lords" ? "Lords" : "Commons"} written question ${a.uin} on Parliament's website`;
}

/** True when Parliament's page for the answer (not the service's JSON record) is known. */
export function hasPublicPage(a: Pick<PageAnswer, "url" | "api_url">): boolean {
  return a.url !== a.api_url;
}

export function flags(
  a: Pick<PageAnswer, "is_holding" | "is_correction" | "is_withdrawn" | "date_corrected">,
): string[] {
  const out: string[] = [];
  if (a.is_holding) out.push("Holding answer: the minister said a full answer would follow");
  if (a.is_correction)
    out.push(a.date_corrected ? `Corrected on ${formatDate(a.date_corrected)}` : "Corrected (date not given)");
  if (a.is_withdrawn) out.push("Question withdrawn");
  return out;
}

/** The figure kinds the site highlights, in words, for "no figure on …" sentences. */
export const FIGURE_TOPICS = "EPR coverage, deadlines or the programme's money";

/** The answer that leads the page and the home page, in words: what each line of the summary says. */
export interface LatestWord {
  id: number;
  /** "The latest answer with a known date" or, when none is dated, what the order rests on. */
  label: string;
  /** "9 September 2024", or the estimate with its mark. */
  when: string;
  date_estimated: boolean;
  title: string;
  uin: string;
  minister: string;
  asker: string;
  /** The sentences stating a figure about EPRs, or null with `no_figure` saying so. */
  figures: string[] | null;
  no_figure: string | null;
  /** Our copy holds only the start of the answer. */
  truncated: boolean;
  url: string;
}

/**
 * What a minister said last: the latest answer (dated when any is), and the last figure about EPRs with
 * how many answers since gave none, and what the undated answers may hold. Null when there are none.
 */
export function latestWord(model: AnswersPageModel): {
  latest: LatestWord;
  /** The last figure, when it is not the latest answer's own: its sentence-long introduction and the answer. */
  lastFigure: { intro: string; answer: LatestWord } | null;
  noFigure: string | null;
  /** What the answers without a date may add, or null when every answer is dated. */
  undated: string | null;
} | null {
  const byId = new Map(model.answers.map((a) => [a.id, a]));
  if (model.latest_id === null) return null;
  const describe = (a: PageAnswer, label: string): LatestWord => ({
    id: a.id,
    label,
    when: a.date_answered
      ? formatDate(a.date_answered)
      : `Not in our copy; the question was ${tabledWhen(a.date_tabled)}, so the answer came then or later (an estimate)`,
    date_estimated: a.date_answered === null,
    title: title(a),
    uin: uinText(a),
    minister: `${memberText(a.answering_member, a.answering_member_id) ?? "Name not in our copy"}, for the ${a.answering_body}`,
    asker: memberText(a.asking_member, a.asking_member_id) ?? "Not in our copy",
    figures: a.figures.length ? a.figures : null,
    no_figure: a.figures.length ? null : `It gave no figure on ${FIGURE_TOPICS}.`,
    truncated: a.answer_truncated,
    url: a.url,
  });
  const latestAnswer = byId.get(model.latest_id)!;
  const latest = describe(
    latestAnswer,
    latestAnswer.date_answered
      ? "The latest answer with a known date"
      : "The latest answer in our data, by date tabled",
  );
  const lf = model.last_figure;
  let lastFigure: { intro: string; answer: LatestWord } | null = null;
  let noFigure: string | null = null;
  if (!lf) noFigure = `None of the answers in our data gives a figure on ${FIGURE_TOPICS}.`;
  else if (lf.id !== latest.id) {
    const a = byId.get(lf.id)!;
    const n = lf.later_without;
    const dated = a.date_answered !== null;
    const since = `${n === 1 ? "the one" : `the ${n}`} ${dated ? "dated " : ""}answer${n === 1 ? "" : "s"} after it`;
    lastFigure = {
      intro: `The last figure on ${FIGURE_TOPICS} in ${dated ? "a dated answer" : "our data"} was given ${whenSaid(a)}; ${since} ${n === 1 ? "gives" : "give"} none.`,
      answer: describe(a, "The last figure given"),
    };
  }
  let undated: string | null = null;
  if (model.undated > 0 && model.undated_latest_tabled) {
    const some = `${model.undated} of the ${model.answers.length} answers have no answer date in our copy; they are listed after the dated ones, and the latest of them was ${tabledWhen(model.undated_latest_tabled)}, so some may be more recent than the answer above.`;
    const fig = model.undated_figure_id === null ? null : byId.get(model.undated_figure_id)!;
    undated = fig
      ? `${some} The most recently tabled of them to give a figure on ${FIGURE_TOPICS} was ${tabledWhen(fig.date_tabled)} (${uinText(fig)}): “${fig.figures.join(" ")}”`
      : some;
  }
  return { latest, lastFigure, noFigure, undated };
}

/**
 * The feed entry's date, said in its text: the answer's own date, or for an answer without one, that
 * the entry's date is an estimate and what it rests on.
 */
export function feedDateNote(a: Pick<PageAnswer, "date_answered" | "date_tabled" | "placed_on">): string {
  if (a.date_answered) return `Answered on ${formatDate(a.date_answered)}.`;
  return `Date estimated: the answer date is not in our copy. The question was ${tabledWhen(a.date_tabled)}; this entry is dated ${formatDate(a.placed_on)}${a.date_tabled.length === 7 ? ", the last day of that month" : ""}, an estimate.`;
}
