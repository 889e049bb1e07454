/** Small hand-made rows for chart model tests: only the fields the charts read matter. */
import type { GmppRow, ProgrammeRow, StatementRow, TargetRow } from "../../data/tables.ts";
import type { CoverageFigure } from "../../data/figures.ts";

export function statement(p: Partial<CoverageFigure> & Pick<StatementRow, "id" | "value" | "as_of">): CoverageFigure {
  return {
    metric: "share_with_epr",
    unit: "percent",
    scope: "secondary_care_trusts",
    stated_on: p.as_of,
    dates_estimated: false,
    official: true,
    speaker: null,
    source_id: "src-a",
    fact_ids: null,
    confidence: "H",
    note: null,
    derived_from: null,
    ...p,
  } as CoverageFigure;
}

export function target(p: Partial<TargetRow> & Pick<TargetRow, "id" | "announced_on" | "target_date">): TargetRow {
  return {
    announced_by: "A Minister (health minister)",
    promise: "Every trust should have an EPR.",
    kind: "epr_coverage",
    coverage_percent: 100,
    target_date_precision: "month",
    source_id: "src-t",
    fact_ids: null,
    confidence: "H",
    note: null,
    ...p,
  } as TargetRow;
}

export function gmpp(p: Partial<GmppRow> & Pick<GmppRow, "report_year" | "delivery_confidence">): GmppRow {
  return {
    data_as_of: `${p.report_year}-03-31`,
    project_id: "X",
    project_name: "Frontline Digitisation",
    start_date: "2021-04-01",
    end_date: "2025-03-31",
    fy_baseline_gbp_m: 300,
    fy_forecast_gbp_m: 300,
    whole_life_cost_gbp_m: 2000,
    source_id: `gmpp-${p.report_year}`,
    ...p,
  } as GmppRow;
}

export function programme(p: Partial<ProgrammeRow> & Pick<ProgrammeRow, "id" | "measure">): ProgrammeRow {
  return {
    period: null,
    value: null,
    unit: "gbp_million",
    rating: null,
    bound: "exact",
    as_of: "2025-03",
    stated_on: "2026",
    dates_estimated: false,
    source_id: "src-p",
    fact_ids: null,
    confidence: "M",
    note: null,
    ...p,
  } as ProgrammeRow;
}
