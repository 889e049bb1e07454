/**
 * NHS England's Digital Maturity Assessment, told apart from the coverage series: providers' own answers,
 * of every type of provider, so never a point on ministers' line. The words for it are chosen here, for
 * /coverage/ and the coverage chart's note. Pure.
 */
import { latestFigure } from "../data/figures.ts";
import { selfAssessmentRows } from "../data/measures.ts";
import type { StatementRow } from "../data/tables.ts";
import { formatNumber } from "../format.ts";
import { whenWords } from "./modality.ts";

export interface SelfAssessment {
  /** The latest share of providers saying they use an EPR. */
  share: StatementRow;
  /** The trusts in the same assessment's scope, when given. */
  inScope: StatementRow | null;
}

export function latestSelfAssessment(statements: readonly StatementRow[]): SelfAssessment | null {
  const rows = selfAssessmentRows(statements);
  const share = latestFigure(rows.filter((s) => s.metric === "dma_share_using_epr"));
  if (!share) return null;
  const inScope =
    rows.find(
      (s) => s.metric === "dma_trusts_in_scope" && s.source_id === share.source_id && s.as_of === share.as_of,
    ) ?? null;
  return { share, inScope };
}

/** "for a period ending in June 2025": the date a self-assessment describes is the end of its period. */
const periodWords = (s: StatementRow) =>
  `for a period ending ${s.as_of.length === 10 ? "on" : "in"} ${whenWords(s.as_of, s.date_basis)}`;

/** The finding and why it stands apart, as sentences. */
export function selfAssessmentWords(a: SelfAssessment): { finding: string; apart: string } {
  const scope = a.inScope ? `; ${formatNumber(a.inScope.value)} trusts were in its scope` : "";
  return {
    finding: `In NHS England's Digital Maturity Assessment, ${periodWords(a.share)}, ${formatNumber(a.share.value)}% of providers said they used an electronic patient record${scope}.`,
    apart:
      "These are providers' own answers about themselves, from every type of provider: not a count of trusts with an EPR like the official figures, so they are not drawn on the chart or joined to its line.",
  };
}

/** The coverage chart's note when the assessment is left off it. */
export const selfAssessmentChartNote = (a: SelfAssessment): string =>
  `Not drawn: NHS England's Digital Maturity Assessment (${formatNumber(a.share.value)}% of providers saying they used an EPR, ${periodWords(a.share)}), a self-assessment and a different measure; the coverage page gives it.`;
