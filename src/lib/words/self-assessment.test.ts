import { describe, expect, it } from "vitest";
import { latestSelfAssessment, selfAssessmentChartNote, selfAssessmentWords } from "./self-assessment.ts";
import { statement } from "../charts/test-fixtures/rows.ts";
import { statementModality, type StatementRow } from "../data/tables.ts";

const row = (p: Partial<StatementRow> & Pick<StatementRow, "id" | "value" | "as_of">): StatementRow => {
  const metric = p.metric ?? "share_with_epr";
  const { derived_from: _, ...base } = statement({ id: p.id, value: p.value, as_of: p.as_of });
  return { ...base, ...p, metric, modality: statementModality(metric) };
};

describe("NHS England's self-assessment, apart from the coverage series", () => {
  const rows = [
    row({ id: "S001", metric: "share_with_epr", value: 91, as_of: "2025-05", source_id: "wq" }),
    row({ id: "S002", metric: "dma_share_using_epr", value: 93, as_of: "2025-06", source_id: "dma" }),
    row({ id: "S003", metric: "dma_trusts_in_scope", unit: "trusts", value: 205, as_of: "2025-06", source_id: "dma" }),
  ];

  it("takes the latest share of the assessment with the trusts in its scope, never a coverage figure", () => {
    expect(latestSelfAssessment(rows)).toMatchObject({ share: { id: "S002" }, inScope: { id: "S003" } });
    expect(latestSelfAssessment(rows.slice(0, 1))).toBeNull();
  });

  it("says whose answers they are and what period they cover, and that they are not drawn", () => {
    const a = latestSelfAssessment(rows)!;
    expect(selfAssessmentWords(a)).toEqual({
      finding:
        "In NHS England's Digital Maturity Assessment, for a period ending in June 2025, 93% of providers said they used an electronic patient record; 205 trusts were in its scope.",
      apart: expect.stringMatching(
        /^These are providers' own answers about themselves.*not drawn on the chart or joined to its line\.$/,
      ),
    });
    expect(selfAssessmentChartNote(a)).toMatch(
      /^Not drawn: NHS England's Digital Maturity Assessment \(93% of providers saying they used an EPR, for a period ending in June 2025\)/,
    );
  });

  it("marks a period end that was inferred", () => {
    const a = latestSelfAssessment([{ ...rows[1]!, date_basis: "inferred", dates_estimated: true }])!;
    expect(selfAssessmentWords(a).finding).toContain("for a period ending in about June 2025, 93% of providers");
  });
});
