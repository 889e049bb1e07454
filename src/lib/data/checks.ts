/** Cross-file checks of the data step's input: references that must resolve, totals that must add up. */
import type { Problem } from "./errors.ts";
import { ICB_SUCCESSIONS_SOURCE_ID, ODS_SUCCESSIONS_SOURCE_ID, ODS_TRUSTS_SOURCE_ID, type DataInput } from "./input.ts";
import type { StatementRow } from "./tables.ts";
import { formatDate, startOfPeriod } from "./dates.ts";
import { figureProblem } from "./gate.ts";

/**
 * Evidence dated after the release cannot be shown as of the release: an event, a statement, a target
 * or a written answer whose own date (its first possible day) is later is refused, by file, row and column.
 */
export function checkNotAfterRelease(
  input: Pick<DataInput, "release" | "trustEvents" | "statements" | "targets" | "programme">,
  answers: readonly { id: number; date_answered: string | null; date_corrected: string | null }[] = [],
  answersFile = "data/parliament/answers.json",
): Problem[] {
  const release = input.release.date;
  const problems: Problem[] = [];
  const expected = (row: string) =>
    `a date on or before the release date, ${formatDate(release)} (row ${row}); set data/release.json to a later date to publish it`;
  const check = (file: string, column: string, row: string, date: string | null) => {
    if (date !== null && startOfPeriod(date) > release)
      problems.push({ file, column, value: date, expected: expected(row) });
  };
  for (const e of input.trustEvents) check("data/trust-events.csv", "event_date", e.id, e.event_date);
  for (const s of input.statements) check("data/statements.csv", "stated_on", s.id, s.stated_on);
  for (const t of input.targets) check("data/targets.csv", "announced_on", t.id, t.announced_on);
  for (const p of input.programme) check("data/programme.csv", "stated_on", p.id, p.stated_on);
  answers.forEach((a) => {
    check(answersFile, "date_answered", `record ${a.id}`, a.date_answered);
    check(answersFile, "date_corrected", `record ${a.id}`, a.date_corrected);
  });
  return problems;
}

/** Cross-file checks the per-file schemas cannot make: every reference resolves. */
export function checkReferences(input: DataInput): Problem[] {
  const problems: Problem[] = [];
  const sourceIds = new Set(input.sources.map((s) => s.id));
  for (const id of [
    ODS_TRUSTS_SOURCE_ID,
    ODS_SUCCESSIONS_SOURCE_ID,
    ...(input.icbSuccessions.length ? [ICB_SUCCESSIONS_SOURCE_ID] : []),
  ]) {
    if (!sourceIds.has(id))
      problems.push({
        file: "data/sources.json",
        value: id,
        expected: "an entry for this ODS file, which trust counts and mergers cite",
      });
  }
  const trustCodes = new Set(input.trusts.map((t) => t.code));
  const regionCodes = new Set(input.regions.map((r) => r.code));
  const refSource = <R extends { source_id: string }>(file: string, rows: readonly R[], key: (r: R) => string) =>
    rows.forEach((r) => {
      if (!sourceIds.has(r.source_id))
        problems.push({
          file,
          column: "source_id",
          value: r.source_id,
          expected: `a source id listed in data/sources.json (row ${key(r)})`,
        });
    });
  refSource("data/epr-status.csv", input.eprStatus, (r) => r.code);
  refSource("data/gmpp.csv", input.gmpp, (r) => r.report_year);
  refSource("data/statements.csv", input.statements, (r) => r.id);
  refSource("data/targets.csv", input.targets, (r) => r.id);
  refSource("data/programme.csv", input.programme, (r) => r.id);
  for (const s of input.successions) {
    if (!trustCodes.has(s.successor_code))
      problems.push({
        file: "data/successions.csv",
        column: "successor_code",
        value: s.successor_code,
        expected: "a code in data/trusts.csv",
      });
  }
  for (const i of input.icbs) {
    if (!regionCodes.has(i.region_code))
      problems.push({
        file: "data/icbs.csv",
        column: "region_code",
        value: i.region_code,
        expected: "a code in data/regions.csv",
      });
  }
  const knownTrusts = new Set([...trustCodes, ...input.eprStatus.map((s) => s.code)]);
  for (const e of input.trustEvents) {
    if (!knownTrusts.has(e.ods_code))
      problems.push({
        file: "data/trust-events.csv",
        column: "ods_code",
        value: e.ods_code,
        expected: `a trust code in data/trusts.csv or data/epr-status.csv (row ${e.id})`,
      });
  }
  const figureIds = new Set([...input.statements.map((s) => s.id), ...input.programme.map((p) => p.id)]);
  for (const q of input.answerQuotes) {
    if (!figureIds.has(q.figure_id))
      problems.push({
        file: "data/answer-quotes.csv",
        column: "figure_id",
        value: q.figure_id,
        expected: "a row id in statements.csv or programme.csv",
      });
  }
  // Ranges no real figure leaves (the gate's): a percentage past 100, a count of trusts in the billions.
  const figureFiles = [
    ["data/statements.csv", input.statements],
    ["data/programme.csv", input.programme],
  ] as const;
  for (const [file, rows] of figureFiles) {
    for (const r of rows) {
      const why = figureProblem(r.unit, r.value);
      if (why) problems.push({ file, column: "value", value: String(r.value), expected: `${why} (row ${r.id})` });
    }
  }
  for (const p of input.programme) {
    const isRating = p.measure === "delivery_confidence";
    if (isRating !== (p.unit === "rating") || isRating !== (p.rating !== null) || isRating === (p.value !== null)) {
      problems.push({
        file: "data/programme.csv",
        column: isRating ? "rating" : "value",
        value: String(p.value ?? p.rating ?? ""),
        expected: `${isRating ? "a rating, unit rating and no value" : "a value, no rating"} for measure ${p.measure} (row ${p.id})`,
      });
    }
  }
  return problems;
}

/** Statements that disagree with themselves: counts that do not add up to the total stated beside them. */
export function checkStatementTotals(statements: StatementRow[]): Problem[] {
  const problems: Problem[] = [];
  const bySource = Map.groupBy(statements, (s) => `${s.source_id}|${s.as_of}|${s.scope}`);
  for (const group of bySource.values()) {
    const get = (m: string) => group.find((s) => s.metric === m)?.value;
    const [withEpr, without, scope, share] = [
      get("trusts_with_epr"),
      get("trusts_without_epr"),
      get("trusts_in_scope"),
      get("share_with_epr"),
    ];
    if (withEpr !== undefined && without !== undefined && scope !== undefined && withEpr + without !== scope) {
      problems.push({
        file: "data/statements.csv",
        column: "value",
        value: `${withEpr} + ${without}`,
        expected: `counts from one source that add up to its total of ${scope} (${group[0]!.source_id})`,
      });
    }
    if (
      withEpr !== undefined &&
      scope !== undefined &&
      share !== undefined &&
      Math.abs((100 * withEpr) / scope - share) > 1
    ) {
      problems.push({
        file: "data/statements.csv",
        column: "value",
        value: `${share}%`,
        expected: `a share within 1 point of ${withEpr}/${scope} (${group[0]!.source_id})`,
      });
    }
  }
  return problems;
}
