/**
 * What each metric of statements.csv measures. Ministers' and NHS England's counts of trusts with an EPR
 * are one measure, the one the coverage chart, the headline and every derived share read. NHS England's
 * Digital Maturity Assessment, in which providers assess themselves, is another: its figures have metrics
 * of their own (dma_…), so no chart, headline or derived share can join them to the first. Shared care
 * records (a trust "connected" to one) are not EPRs at all and have no place in statements.csv. Pure.
 */
import type { Problem } from "./errors.ts";
import type { StatementMetric, StatementRow } from "./tables.ts";

export const MEASURES = ["epr_coverage", "dma_self_assessment"] as const;
export type Measure = (typeof MEASURES)[number];

const METRIC_MEASURE: Record<StatementMetric, Measure> = {
  trusts_with_epr: "epr_coverage",
  trusts_without_epr: "epr_coverage",
  share_with_epr: "epr_coverage",
  share_without_epr: "epr_coverage",
  trusts_in_scope: "epr_coverage",
  forecast_share_with_epr: "epr_coverage",
  forecast_share_without_epr: "epr_coverage",
  forecast_trusts_missing_deadline: "epr_coverage",
  trusts_without_epr_business_case: "epr_coverage",
  trusts_without_epr_procuring: "epr_coverage",
  trusts_without_epr_implementing: "epr_coverage",
  trusts_epr_meeting_standard: "epr_coverage",
  trusts_epr_needing_extension: "epr_coverage",
  trusts_not_installed_or_procuring: "epr_coverage",
  trusts_funded_or_supported: "epr_coverage",
  dma_share_using_epr: "dma_self_assessment",
  dma_trusts_in_scope: "dma_self_assessment",
};
export const measureOf = (metric: StatementMetric): Measure => METRIC_MEASURE[metric];

/** Rows of NHS England's self-assessment, for the page that shows them apart from the coverage series. */
export const selfAssessmentRows = <T extends Pick<StatementRow, "metric">>(rows: readonly T[]): T[] =>
  rows.filter((s) => measureOf(s.metric) === "dma_self_assessment");

/** Words that name something other than trusts' own EPRs, and the measure they may appear in (none: no row). */
const OTHER_THINGS: { pattern: RegExp; what: string; allowedIn: Measure | null }[] = [
  {
    pattern: /\bshared care records?\b|\bconnecting care records?\b|\b(?:are|is|now|being|be|were|was) connected\b/i,
    what: "shared care records (a trust connected to one), which are not EPRs: leave such a figure out of statements.csv",
    allowedIn: null,
  },
  {
    pattern: /\bdigital maturity\b|\bself[- ]?assess|\bself[- ]?report/i,
    what: "NHS England's Digital Maturity Assessment, a self-assessment: record it under a dma_ metric, never as EPR coverage",
    allowedIn: "dma_self_assessment",
  },
];

/** A piece of text said of a statement row: its note, or a quotation kept for it, with where it sits. */
export interface SaidOf {
  figure_id: string;
  text: string;
  file: string;
  line: number;
  column: string;
}

/**
 * Refuses any statement whose note or quotation names another measure than its metric's: a shared care
 * record figure under any metric, a self-assessment under a coverage metric. The class is refused by
 * what the words name, not by row, so a later answer repeating "97% of trusts … connected" fails too.
 */
export function checkMeasures(statements: readonly StatementRow[], said: readonly SaidOf[], file: string): Problem[] {
  const byId = new Map(statements.map((s, i) => [s.id, { s, line: i + 2 }]));
  const texts: SaidOf[] = [
    ...statements.flatMap((s, i) =>
      s.note ? [{ figure_id: s.id, text: s.note, file, line: i + 2, column: "note" }] : [],
    ),
    ...said.filter((q) => byId.has(q.figure_id)),
  ];
  const problems: Problem[] = [];
  for (const t of texts) {
    const s = byId.get(t.figure_id)!.s;
    const measure = measureOf(s.metric);
    for (const other of OTHER_THINGS) {
      const found = t.text.match(other.pattern);
      if (found && other.allowedIn !== measure) {
        problems.push({
          file: t.file,
          line: t.line,
          column: t.column,
          value: found[0],
          expected: `words about ${s.metric === "share_with_epr" ? "the share of trusts with an EPR" : `metric ${s.metric}`} (row ${s.id}); these name ${other.what}`,
        });
      }
    }
  }
  return problems;
}
