import { describe, expect, it } from "vitest";
import { describeProblem } from "./errors.ts";
import { coverageFigures, latestOfficialShare } from "./figures.ts";
import { checkMeasures, measureOf, selfAssessmentRows } from "./measures.ts";
import { STATEMENT_METRICS, statementModality, type StatementRow } from "./tables.ts";
import { statement } from "../charts/test-fixtures/rows.ts";

/** A statement row of any metric (the chart fixture's rows are shares). */
const row = (p: Partial<StatementRow> & Pick<StatementRow, "id" | "value" | "as_of">): StatementRow => {
  const metric = p.metric ?? "share_with_epr";
  const { derived_from: _, ...base } = statement({ id: p.id, value: p.value, as_of: p.as_of });
  return { ...base, ...p, metric, modality: statementModality(metric) };
};
const FILE = "data/statements.csv";
const said = (figure_id: string, text: string, line = 2) => ({
  figure_id,
  text,
  file: "data/figure-quotes.csv",
  line,
  column: "quote",
});
/** The sentence of a written answer about shared care records that reads like EPR coverage. */
const CONNECTED = "97% of trusts and 92% of primary care networks are now connected.";

describe("what each metric measures", () => {
  it("keeps NHS England's self-assessment out of the coverage series, the headline and derived shares", () => {
    const rows = [
      row({ id: "S001", metric: "share_with_epr", value: 91, as_of: "2025-05", scope: "secondary_care_trusts" }),
      // Newer, official and of a headline scope: were it a share_with_epr, it would lead the home page.
      row({
        id: "S002",
        metric: "dma_share_using_epr",
        value: 93,
        as_of: "2025-06",
        scope: "all_trusts",
        stated_by: "nhs_england",
      }),
      row({
        id: "S003",
        metric: "dma_trusts_in_scope",
        unit: "trusts",
        value: 205,
        as_of: "2025-06",
        scope: "all_trusts",
      }),
    ];
    const figures = coverageFigures(rows);
    expect(figures.map((f) => f.id)).toEqual(["S001"]);
    expect(latestOfficialShare(figures)?.id).toBe("S001");
    expect(selfAssessmentRows(rows).map((s) => s.id)).toEqual(["S002", "S003"]);
  });

  it("gives every metric a measure, and only dma_ metrics the self-assessment", () => {
    for (const m of STATEMENT_METRICS)
      expect(measureOf(m), m).toBe(m.startsWith("dma_") ? "dma_self_assessment" : "epr_coverage");
  });
});

describe("a shared care record figure can never become EPR coverage", () => {
  it("refuses a share of trusts whose quotation says they are connected, naming file, line and column", () => {
    const rows = [row({ id: "S001", metric: "share_with_epr", value: 97, as_of: "2025" })];
    expect(checkMeasures(rows, [said("S001", CONNECTED, 3)], FILE).map(describeProblem)).toEqual([
      'data/figure-quotes.csv, line 3, column "quote": found "now connected"; expected words about the share of trusts with an EPR (row S001); these name shared care records (a trust connected to one), which are not EPRs: leave such a figure out of statements.csv',
    ]);
  });

  it.each(STATEMENT_METRICS)("refuses it under %s too, whether the words are in the note or a quotation", (metric) => {
    const rows = [
      row({ id: "S001", metric, value: 97, as_of: "2025", note: "Trusts connected to a shared care record." }),
    ];
    const problems = checkMeasures(rows, [said("S001", CONNECTED)], FILE);
    expect(problems.map((p) => `${p.file}:${p.column}`)).toEqual([`${FILE}:note`, "data/figure-quotes.csv:quote"]);
  });

  it("refuses the self-assessment recorded as coverage, and accepts it under its own metric", () => {
    const note = "Providers' own answers in NHS England's Digital Maturity Assessment.";
    const asCoverage = [row({ id: "S004", metric: "share_with_epr", value: 93, as_of: "2025-06", note })];
    expect(checkMeasures(asCoverage, [], FILE).map(describeProblem)).toEqual([
      'data/statements.csv, line 2, column "note": found "Digital Maturity"; expected words about the share of trusts with an EPR (row S004); these name NHS England\'s Digital Maturity Assessment, a self-assessment: record it under a dma_ metric, never as EPR coverage',
    ]);
    expect(checkMeasures([{ ...asCoverage[0]!, metric: "dma_share_using_epr" }], [], FILE)).toEqual([]);
  });

  it("accepts a coverage figure whose words are about EPRs", () => {
    const rows = [
      row({
        id: "S001",
        metric: "share_with_epr",
        value: 91,
        as_of: "2025",
        note: "187 of 206 secondary care trusts.",
      }),
    ];
    expect(
      checkMeasures(rows, [said("S001", "Currently 91% of secondary care trusts have an EPR in place")], FILE),
    ).toEqual([]);
  });
});
