/**
 * Official and reported coverage figures in every shape they are given: a share stated outright, or
 * only counts ("187 of 206 trusts", "30 of 211 without") from which the share is worked out and
 * marked as derived. Forecasts are a separate kind: what someone expected, never a target.
 */
import { byPeriodEnd, endOfPeriod } from "./dates.ts";
import type { StatementRow } from "./tables.ts";
import { compareCodePoints } from "../order.ts";

/** A share of trusts with an EPR, as stated or as worked out from counts given together. */
export interface CoverageFigure extends StatementRow {
  metric: "share_with_epr" | "forecast_share_with_epr";
  /** The count rows the share was worked out from, when the source gave counts but no share. */
  derived_from: string[] | null;
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/**
 * Every share of trusts with an EPR: the stated ones, plus one derived share for each source, date and
 * scope that gave a count of trusts in scope and a count with (or without) an EPR but no share.
 */
export function coverageFigures(statements: readonly StatementRow[]): CoverageFigure[] {
  const out: CoverageFigure[] = statements
    .filter((s) => s.metric === "share_with_epr" || s.metric === "forecast_share_with_epr")
    .map((s) => ({ ...s, metric: s.metric as CoverageFigure["metric"], derived_from: null }));
  const groups = Map.groupBy(statements, (s) => `${s.source_id}|${s.as_of}|${s.scope}`);
  for (const group of groups.values()) {
    if (group.some((s) => s.metric === "share_with_epr")) continue;
    const get = (m: StatementRow["metric"]) => group.find((s) => s.metric === m);
    const scope = get("trusts_in_scope");
    const withEpr = get("trusts_with_epr");
    const without = get("trusts_without_epr");
    if (!scope || scope.value === 0 || (!withEpr && !without)) continue;
    const count = withEpr ? withEpr.value : scope.value - without!.value;
    const basis = (withEpr ?? without)!;
    out.push({
      ...basis,
      metric: "share_with_epr",
      unit: "percent",
      value: oneDecimal((100 * count) / scope.value),
      derived_from: [basis.id, scope.id],
      note: `Worked out here from ${withEpr ? `${withEpr.value} with an EPR` : `${without!.value} without an EPR`} out of ${scope.value} trusts; the source gave no share.`,
    });
  }
  return out.sort(byPeriodEnd("as_of"));
}

/**
 * The latest of some figures by the date they describe (partial dates by the last day they can mean),
 * then by when they were said, then by id: one rule wherever the site picks "the latest figure".
 */
export function latestFigure<T extends Pick<StatementRow, "id" | "as_of" | "stated_on">>(rows: readonly T[]): T | null {
  const byStated = byPeriodEnd("stated_on");
  return (
    [...rows].sort((a, b) => compareCodePoints(endOfPeriod(a.as_of), endOfPeriod(b.as_of)) || byStated(a, b)).at(-1) ??
    null
  );
}

/**
 * Scopes whose official shares lead the site: ministers speak of "secondary care trusts" and of "NHS
 * trusts" (no scope stated, all_trusts) for the same set; acute-only figures count a smaller set.
 */
const HEADLINE_SCOPES: ReadonlySet<StatementRow["scope"]> = new Set(["secondary_care_trusts", "all_trusts"]);

const isOfficialShare = (f: CoverageFigure) => f.metric === "share_with_epr" && f.official;

/** The headline: the latest official share of trusts with an EPR (a derived one counts), by the date it describes. */
export function latestOfficialShare(figures: readonly CoverageFigure[]): CoverageFigure | null {
  return latestFigure(figures.filter((f) => isOfficialShare(f) && HEADLINE_SCOPES.has(f.scope)));
}

/** Official shares newer than the headline that it does not use (another scope): the data step warns of each. */
export function passedOverShares(figures: readonly CoverageFigure[], headline: CoverageFigure): CoverageFigure[] {
  return figures.filter(
    (f) => isOfficialShare(f) && f !== headline && latestFigure([headline, f]) === f && !HEADLINE_SCOPES.has(f.scope),
  );
}
