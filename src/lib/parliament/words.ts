/** Wording for the /answers/ page and its feed: every date says what it is, every gap says so. Pure. */
import { formatDate } from "../data/dates.ts";
import type { AnswersPageModel, PageAnswer } from "./page.ts";

export const HOUSE_NAMES: Record<PageAnswer["house"], string> = {
  Commons: "House of Commons",
  Lords: "House of Lords",
};

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
  return `with no answer date in our copy (tabled ${a.date_tabled.length === 7 ? "in" : "on"} ${formatDate(a.date_tabled)})`;
}

/** A member's name, or what our copy has instead (Parliament's member number), or null when nothing. */
export function memberText(name: string | null, id: number | null): string | null {
  if (name) return name;
  return id ? `member no. ${id} (name not in our copy)` : null;
}

export function title(a: Pick<PageAnswer, "heading" | "uin" | "id" | "house">): string {
  return a.heading ?? (a.uin ? `Written question ${a.uin}` : `Written question (Parliament id ${a.id})`);
}

/** Link text that says where it goes: the public page with its UIN, or the service's record. */
export function linkText(a: Pick<PageAnswer, "uin" | "url" | "api_url" | "house" | "id">): string {
  return a.url === a.api_url
    ? `Parliament's record of question ${a.id} (data)`
    : `${a.house === "Lords" ? "Lords" : "Commons"} written question ${a.uin} on Parliament's website`;
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

/**
 * The page's answer to "what did a minister say last, and when was a figure last given?", as sentences.
 * The figures themselves are quoted by the page, after these words.
 */
export function summary(model: Pick<AnswersPageModel, "answers" | "latest_id" | "last_figure">): {
  latest: string | null;
  figures: string;
} {
  const byId = new Map(model.answers.map((a) => [a.id, a]));
  const latest = model.latest_id === null ? null : byId.get(model.latest_id)!;
  const by = latest && memberText(latest.answering_member, latest.answering_member_id);
  const latestLine = latest
    ? `The latest answer in our data was given ${whenSaid(latest)}${by ? `, by ${by}` : ""}: “${title(latest)}”.`
    : null;
  const lf = model.last_figure;
  if (!lf) return { latest: latestLine, figures: "None of the answers in our data states a figure." };
  const a = byId.get(lf.id)!;
  if (lf.later_without === 0) return { latest: latestLine, figures: "It states figures. In its own words:" };
  const n = lf.later_without;
  return {
    latest: latestLine,
    figures: `No answer since the one given ${whenSaid(a)} has stated a figure: ${n === 1 ? "the one answer after it gives none" : `the ${n} answers after it give none`}. That answer (“${title(a)}”) said:`,
  };
}
