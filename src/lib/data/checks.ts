/** Cross-file checks of the data step's input: references that must resolve, totals that must add up. */
import type { Problem } from "./errors.ts";
import type { DataInput } from "./model.ts";
import { ICB_SUCCESSIONS_SOURCE_ID, ODS_SUCCESSIONS_SOURCE_ID, ODS_TRUSTS_SOURCE_ID } from "./model.ts";
import type { StatementRow } from "./tables.ts";

/** Cross-file checks the per-file schemas cannot make: every reference resolves. */
export function checkReferences(input: DataInput): Problem[] {
  const problems: Problem[] = [];
  const sourceIds = new Set(input.sources.map((s) => s.id));
  for (const id of [ODS_TRUSTS_SOURCE_ID, ODS_SUCCESSIONS_SOURCE_ID, ...(input.icbSuccessions.length ? [ICB_SUCCESSIONS_SOURCE_ID] : [])]) {
    if (!sourceIds.has(id)) problems.push({ file: "data/sources.json", value: id, expected: "an entry for this ODS file, which trust counts and mergers cite" });
  }
  const trustCodes = new Set(input.trusts.map((t) => t.code));
  const regionCodes = new Set(input.regions.map((r) => r.code));
  const refSource = <R extends { source_id: string }>(file: string, rows: readonly R[], key: (r: R) => string) =>
    rows.forEach((r) => {
      if (!sourceIds.has(r.source_id)) problems.push({ file, column: "source_id", value: r.source_id, expected: `a source id listed in data/sources.json (row ${key(r)})` });
    });
  refSource("data/epr-status.csv", input.eprStatus, (r) => r.code);
  refSource("data/gmpp.csv", input.gmpp, (r) => r.report_year);
  refSource("data/statements.csv", input.statements, (r) => r.id);
  refSource("data/targets.csv", input.targets, (r) => r.id);
  refSource("data/programme.csv", input.programme, (r) => r.id);
  for (const s of input.successions) {
    if (!trustCodes.has(s.successor_code)) problems.push({ file: "data/successions.csv", column: "successor_code", value: s.successor_code, expected: "a code in data/trusts.csv" });
  }
  for (const i of input.icbs) {
    if (!regionCodes.has(i.region_code)) problems.push({ file: "data/icbs.csv", column: "region_code", value: i.region_code, expected: "a code in data/regions.csv" });
  }
  const knownTrusts = new Set([...trustCodes, ...input.eprStatus.map((s) => s.code)]);
  for (const e of input.trustEvents) {
    if (!knownTrusts.has(e.ods_code)) problems.push({ file: "data/trust-events.csv", column: "ods_code", value: e.ods_code, expected: `a trust code in data/trusts.csv or data/epr-status.csv (row ${e.id})` });
  }
  const figureIds = new Set([...input.statements.map((s) => s.id), ...input.programme.map((p) => p.id)]);
  for (const q of input.answerQuotes) {
    if (!figureIds.has(q.figure_id)) problems.push({ file: "data/answer-quotes.csv", column: "figure_id", value: q.figure_id, expected: "a row id in statements.csv or programme.csv" });
  }
  for (const s of input.statements) {
    if (s.unit === "percent" && s.value > 100) problems.push({ file: "data/statements.csv", column: "value", value: String(s.value), expected: `a percentage from 0 to 100 (row ${s.id})` });
  }
  for (const p of input.programme) {
    const isRating = p.measure === "delivery_confidence";
    if (isRating !== (p.unit === "rating") || isRating !== (p.rating !== null) || isRating === (p.value !== null)) {
      problems.push({ file: "data/programme.csv", column: isRating ? "rating" : "value", value: String(p.value ?? p.rating ?? ""), expected: `${isRating ? "a rating, unit rating and no value" : "a value, no rating"} for measure ${p.measure} (row ${p.id})` });
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
    const [withEpr, without, scope, share] = [get("trusts_with_epr"), get("trusts_without_epr"), get("trusts_in_scope"), get("share_with_epr")];
    if (withEpr !== undefined && without !== undefined && scope !== undefined && withEpr + without !== scope) {
      problems.push({ file: "data/statements.csv", column: "value", value: `${withEpr} + ${without}`, expected: `counts from one source that add up to its total of ${scope} (${group[0]!.source_id})` });
    }
    if (withEpr !== undefined && scope !== undefined && share !== undefined && Math.abs((100 * withEpr) / scope - share) > 1) {
      problems.push({ file: "data/statements.csv", column: "value", value: `${share}%`, expected: `a share within 1 point of ${withEpr}/${scope} (${group[0]!.source_id})` });
    }
  }
  return problems;
}
