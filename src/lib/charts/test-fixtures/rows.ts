/** Small hand-made rows for chart model tests: only the fields the charts read matter. */
import {
  statementModality,
  type GmppRow,
  type ProgrammeRow,
  type StatementRow,
  type TargetRow,
} from "../../data/tables.ts";
import type { CoverageFigure } from "../../data/figures.ts";

export function statement(p: Partial<CoverageFigure> & Pick<StatementRow, "id" | "value" | "as_of">): CoverageFigure {
  const metric = p.metric ?? "share_with_epr";
  return {
    metric,
    unit: "percent",
    scope: "secondary_care_trusts",
    stated_on: p.as_of,
    // The vocabularies and the fields derived from them agree unless a test says otherwise.
    date_basis: p.dates_estimated ? "estimated" : "exact",
    dates_estimated: false,
    stated_by: p.official === false ? "trade_press" : "minister",
    official: true,
    modality: statementModality(metric),
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
    modality: "target",
    stated_by: "minister",
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
    modality: "planned",
    stated_by: "department",
    as_of: "2025-03",
    stated_on: "2026",
    date_basis: p.dates_estimated ? "estimated" : "exact",
    dates_estimated: false,
    official: true,
    source_id: "src-p",
    fact_ids: null,
    confidence: "M",
    note: null,
    ...p,
  } as ProgrammeRow;
}
