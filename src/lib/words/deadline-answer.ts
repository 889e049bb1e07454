/**
 * The question a journalist asks first: how many trusts had no EPR at the deadline? Three answers,
 * kept apart because they count different things: the latest official count, the trust-level
 * evidence (NHS England's list less the go-lives reported since), and any later unofficial count.
 * Each comes with its date and source; what is not known is said too. Pure: site data in, words out.
 */
import type { StatementRow } from "../data/tables.ts";
import { endOfPeriod, formatDate, formatWhen } from "../data/dates.ts";
import { monthWords, SCOPE_COUNT_NOUNS } from "./vocabulary.ts";
import { latestFigure } from "../data/figures.ts";
import { stillWithoutOn, type Followup, type FollowupCategory } from "../data/followup.ts";
import { formatNumber, plural } from "../format.ts";
import { noneFoundWords, notFoundWords } from "./modality.ts";

/** What a commercial count of trusts without an EPR counted, in the source's own test. */
const UNOFFICIAL_TEST: Partial<Record<StatementRow["metric"], string>> = {
  trusts_not_installed_or_procuring: "had neither installed an EPR nor formally agreed to procure one",
  trusts_without_epr: "had no EPR",
};

export interface DeadlineInput {
  release: string;
  /** The deadline in force and whether it was restated with the weaker test (an EPR, or one being put in). */
  deadline: { date: string; weaker: boolean; announcedOn: string };
  statements: readonly StatementRow[];
  followup: { list_date: string; trusts: readonly Followup[]; counts: Record<FollowupCategory, number> };
  /** What makes the followed edition's date uncertain, or null when its date is plain. */
  listCaveat: string | null;
  /** The publisher of a source, by id, for the sentence. */
  publisherOf: (sourceId: string) => string;
}

export interface CountFigure {
  statement: StatementRow;
  /** The total the count was out of, when the same source gave one. */
  outOf: StatementRow | null;
  /** "about May 2025". */
  when: string;
}

export interface DeadlineAnswer {
  deadlineWords: string;
  /** The latest official count of trusts without an EPR made before the deadline. */
  officialBefore: CountFigure | null;
  /** Any official count for the deadline or after it. */
  officialAfter: CountFigure | null;
  /** The latest unofficial count for the deadline or after it (trade or commercial research). */
  unofficialAfter: CountFigure | null;
  trustLevel: {
    listed: number;
    listDate: string;
    liveByDeadline: number;
    withoutOnDeadline: number;
    missed: number;
    underway: number;
    noUpdate: number;
    liveSince: number;
  };
  /** What the three say, a sentence each. */
  official: string;
  evidence: string;
  unofficial: string | null;
  /** What the sources leave open. */
  unknowns: string[];
  /** One sentence a journalist can quote, every figure with its date. */
  quote: string;
}

const WITHOUT_METRICS = new Set(["trusts_without_epr", "trusts_not_installed_or_procuring"]);

function figure(s: StatementRow | null, all: readonly StatementRow[]): CountFigure | null {
  if (!s) return null;
  const outOf =
    all.find(
      (x) =>
        x.metric === "trusts_in_scope" && x.source_id === s.source_id && x.as_of === s.as_of && x.scope === s.scope,
    ) ?? null;
  return { statement: s, outOf, when: formatWhen(s.as_of, s.dates_estimated) };
}

export function deadlineAnswer(input: DeadlineInput): DeadlineAnswer {
  const { deadline, statements, followup: f } = input;
  const day = deadline.date;
  const deadlineWords = formatDate(day);
  const official = statements.filter(
    (s) => s.official && s.metric === "trusts_without_epr" && s.scope !== "acute_trusts",
  );
  const officialBefore = figure(latestFigure(official.filter((s) => endOfPeriod(s.as_of) < day)), statements);
  const officialAfter = figure(latestFigure(official.filter((s) => endOfPeriod(s.as_of) >= day)), statements);
  const unofficialAfter = figure(
    latestFigure(statements.filter((s) => !s.official && WITHOUT_METRICS.has(s.metric) && endOfPeriod(s.as_of) >= day)),
    statements,
  );

  const c = f.counts;
  const listed = f.trusts.length;
  const withoutOnDeadline = stillWithoutOn([...f.trusts], day);
  const trustLevel = {
    listed,
    listDate: f.list_date,
    liveByDeadline: listed - withoutOnDeadline,
    withoutOnDeadline,
    missed: c.reported_missing_deadline,
    underway: c.supplier_chosen_not_live + c.in_progress_supplier_unknown,
    noUpdate: c.no_update,
    liveSince: c.live_after_deadline,
  };

  const count = (x: CountFigure) =>
    `${formatNumber(x.statement.value)}${x.outOf ? ` of ${formatNumber(x.outOf.value)}` : ""} ${SCOPE_COUNT_NOUNS[x.statement.scope]}`;
  // An official share newer than the last count is said beside it: it is later evidence, though not a count.
  const lastCount = officialAfter ?? officialBefore;
  const share = latestFigure(
    statements.filter(
      (s) =>
        s.official &&
        s.metric === "share_with_epr" &&
        s.scope !== "acute_trusts" &&
        (!lastCount || endOfPeriod(s.as_of) > endOfPeriod(lastCount.statement.as_of)),
    ),
  );
  const newerShare = share
    ? ` A later official figure, for ${formatWhen(share.as_of, share.dates_estimated)}, put ${formatNumber(share.value)}% of ${SCOPE_COUNT_NOUNS[share.scope]} with an EPR: a share, not a count of those without one.`
    : "";
  const officialWords =
    (officialAfter
      ? `The official count for the deadline, ${officialAfter.when}, was ${count(officialAfter)} without an EPR.`
      : officialBefore
        ? `${notFoundWords("official count for the deadline", input.release)}. The last, for ${officialBefore.when}, put ${count(officialBefore)} without an EPR.`
        : `${notFoundWords("official count of trusts without an EPR", input.release)}.`) + newerShare;
  // The list is normally from before the deadline; an edition made after it is said to be so.
  const listAfter = f.list_date > day;
  const listWords = `NHS England's list of ${formatDate(f.list_date)}${listAfter ? ", made after the deadline," : ""}`;
  const evidence = `Of the ${plural(listed, "trust")} ${listWords} named without an EPR, ${formatNumber(trustLevel.liveByDeadline)} had a go-live reported by ${deadlineWords}, leaving ${formatNumber(withoutOnDeadline)} with none reported on the day: ${formatNumber(trustLevel.missed)} with their go-live reported put back, ${formatNumber(trustLevel.underway)} with work reported but no go-live, and ${formatNumber(trustLevel.noUpdate)} with no published update at all.${trustLevel.liveSince ? ` ${formatNumber(trustLevel.liveSince)} went live after the deadline.` : ""}`;
  const u = unofficialAfter;
  const unofficial = u
    ? `Research by a commercial analyst, reported by ${input.publisherOf(u.statement.source_id)} on ${formatDate(u.statement.stated_on)}, counted ${formatNumber(u.statement.value)} ${u.statement.scope === "acute_trusts" ? "trusts, mainly acute," : "trusts"} that ${UNOFFICIAL_TEST[u.statement.metric] ?? "had no EPR"} by ${u.when}. It is not an official count.`
    : null;

  const unknowns = [
    ...(officialAfter
      ? []
      : [
          `How many trusts had no EPR on ${deadlineWords} by an official count: ${noneFoundWords(input.release)}, the date of this data.`,
        ]),
    `Whether the ${formatNumber(trustLevel.noUpdate)} listed trusts with no published update have gone live: no report is not the same as no EPR.`,
    ...(deadline.weaker
      ? [
          `How many met the deadline as restated on ${formatDate(deadline.announcedOn)}, which asked only for an EPR or one being put in: no one has counted trusts by that test.`,
        ]
      : []),
    ...(u ? [`Which trusts the commercial count found: it does not name them.`] : []),
    `NHS England's list itself: ${input.listCaveat ? `the date of its edition of ${formatDate(f.list_date)} is uncertain (see sources), and ` : ""}trusts not on it have no published status.`,
  ];

  const first = officialAfter
    ? `The official count for the ${deadlineWords} deadline, for ${officialAfter.when}, put ${count(officialAfter)} without an electronic patient record`
    : `${notFoundWords(`official count for the ${deadlineWords} deadline`, input.release)}${officialBefore ? ` (the last, for ${officialBefore.when}, put ${count(officialBefore)} without an electronic patient record)` : ""}`;
  const second = `of the ${plural(listed, "trust")} NHS England's list of ${monthWords(f.list_date)}${listAfter ? ", made after the deadline," : ""} named without one, ${formatNumber(withoutOnDeadline)} had no go-live reported by the deadline`;
  const third = u
    ? `a commercial survey reported on ${formatDate(u.statement.stated_on)} found ${plural(u.statement.value, "trust")}${u.statement.scope === "acute_trusts" ? ", mainly acute," : ""} that ${UNOFFICIAL_TEST[u.statement.metric] ?? "had no EPR"}`
    : null;
  const quote = third ? `${first}; ${second}; and ${third}.` : `${first}; ${second}.`;
  return {
    deadlineWords,
    officialBefore,
    officialAfter,
    unofficialAfter,
    trustLevel,
    official: officialWords,
    evidence,
    unofficial,
    unknowns,
    quote,
  };
}
