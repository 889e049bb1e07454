/**
 * One trust against the government's EPR deadline. The deadline's test in words and the verdict by that
 * same test come from one function, so a card or page can never state one test and judge by another:
 * where the deadline asks only for "an EPR, or one being put in", a trust reported mid-procurement
 * did not miss it. Pure: the trust's evidence in, words and the evidence they rest on out.
 */
import { endOfPeriod, formatDate } from "../data/dates.ts";
import { eventDateBasis } from "../data/modality.ts";
import { firstGoLive, type TrustStatus } from "../data/status.ts";
import type { TargetRow, TrustEventRow } from "../data/tables.ts";
import type { ListEntry } from "../data/trusts.ts";
import type { Trust } from "../data/model.ts";
import { whenWords } from "../words/modality.ts";

/**
 * met: had an EPR (or, where the test allows, one being put in) on the day; missed: reported not to;
 * not_known: no report settles it; not_passed: the day is still ahead; not_a_trust: it was not open that day.
 */
export type DeadlineVerdict = "met" | "missed" | "not_known" | "not_passed" | "not_a_trust";

/** Reported steps that show an EPR being put in, which a deadline of "an EPR, or one being put in" accepts. */
const UNDER_WAY: Partial<Record<TrustEventRow["event"], string>> = {
  procurement_started: "its procurement had started",
  supplier_selected: "it had chosen a supplier",
  contract_signed: "it had signed a contract",
  go_live_planned: "it had planned a go-live",
  go_live_delayed: "its go-live had been put back",
};

export interface DeadlineCheckInput {
  deadline: Pick<TargetRow, "target_date" | "kind">;
  /** The release date: evidence dated later does not count, and the deadline is past only before it. */
  release: string;
  status: TrustStatus;
  /** The trust's rows in NHS England's list, oldest first. */
  lists: readonly ListEntry[];
  /** The trust's own reported events. */
  events: readonly TrustEventRow[];
  open_date: string | null;
  /** The trust's last open day, or null while it is open. */
  last_day: string | null;
}

export interface DeadlineCheck {
  /** "The government's deadline for every trust to have an EPR, or to be putting one in, was 31 March 2026." */
  definition: string;
  verdict: DeadlineVerdict;
  /** The verdict in words, by the test the definition states; null when there is none to give. */
  sentence: string | null;
  /** The reported events the sentence rests on. */
  events: TrustEventRow[];
  /** The list edition (sources.json id) the sentence rests on, when it rests on one. */
  source_id: string | null;
}

/** Whether the deadline's test accepts an EPR being put in, not only one in use. */
const acceptsUnderWay = (d: Pick<TargetRow, "kind">): boolean => d.kind === "epr_or_in_progress";

const eventWhen = (e: TrustEventRow) => whenWords(e.event_date, eventDateBasis(e));

export function deadlineCheck(input: DeadlineCheckInput): DeadlineCheck {
  const { deadline, release, status, lists, events } = input;
  const day = deadline.target_date;
  const underWayOk = acceptsUnderWay(deadline);
  const passed = day < release;
  const definition = `The government's deadline for every trust to have an EPR${underWayOk ? ", or to be putting one in," : ""} ${passed ? "was" : "is"} ${formatDate(day)}.`;
  const out = (
    verdict: DeadlineVerdict,
    sentence: string | null,
    evidence: TrustEventRow[] = [],
    source_id: string | null = null,
  ): DeadlineCheck => ({ definition, verdict, sentence, events: evidence, source_id });

  if (!passed) return out("not_passed", null);
  if ((input.open_date !== null && input.open_date > day) || (input.last_day !== null && input.last_day < day))
    return out("not_a_trust", null);

  const goLive = firstGoLive(events, release);
  if (goLive && goLive.day <= day)
    return out(
      "met",
      `By that test it met the deadline: it was reported live${goLive.event.supplier ? ` with ${goLive.event.supplier}` : ""} from ${eventWhen(goLive.event)}.`,
      [goLive.event],
    );
  const listThen = lists.filter((l) => l.as_of <= day).at(-1);
  if (listThen?.has_epr)
    return out(
      "met",
      `By that test it met the deadline: NHS England's list of ${formatDate(listThen.as_of)} recorded an EPR${listThen.supplier ? ` from ${listThen.supplier}` : ""}.`,
      [],
      listThen.source_id,
    );
  if (!listThen && status.basis === "predecessors" && status.since !== null && status.since <= day)
    return out(
      "met",
      `By that test it met the deadline, as far as the records show: every trust it took over had an EPR on NHS England's list of ${formatDate(status.since)}.`,
      [],
      status.source_id,
    );

  // No EPR in use on the day, as far as the reports go.
  const underWay = events
    .filter((e) => UNDER_WAY[e.event] && endOfPeriod(e.event_date) <= day)
    .sort((a, b) => (endOfPeriod(a.event_date) < endOfPeriod(b.event_date) ? -1 : 1))
    .at(-1);
  if (underWayOk && underWay)
    return out(
      "met",
      `By that test it did not miss it: reports up to then show one being put in (${UNDER_WAY[underWay.event]}, ${eventWhen(underWay)}).`,
      [underWay],
    );
  if (!underWayOk && goLive)
    return out("missed", `By that test it missed it: it was reported live only from ${eventWhen(goLive.event)}.`, [
      goLive.event,
    ]);
  const delay = events.filter((e) => e.event === "go_live_delayed" && endOfPeriod(e.event_date) <= release).at(-1);
  if (!underWayOk && delay)
    return out(
      "missed",
      `By that test it was reported to have missed it: its go-live was put back (${eventWhen(delay)}).`,
      [delay],
    );
  if (goLive)
    return out(
      "not_known",
      `It was reported live from ${eventWhen(goLive.event)}, after the deadline; no report found says whether one was being put in by then.`,
      [goLive.event],
    );
  return out(
    "not_known",
    `No report found says it had an EPR${underWayOk ? " or was putting one in" : ""} by then, or that it had not.`,
  );
}

/** A trust of the site's data against a deadline: the one way pages and cards put the input together. */
export function trustDeadlineCheck(
  t: Trust,
  deadline: DeadlineCheckInput["deadline"],
  release: string,
  events: readonly TrustEventRow[],
): DeadlineCheck {
  const status = t.status_now;
  return deadlineCheck({
    deadline,
    release,
    status,
    lists: t.lists,
    events,
    open_date: t.open_date,
    last_day: status.status === "closed" ? status.since : null,
  });
}
