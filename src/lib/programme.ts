/** Words for the programme's money and ratings. */
import type { ProgrammeMeasure } from "./data/tables.ts";

export const PROGRAMME_MEASURE_LABELS: Record<ProgrammeMeasure, string> = {
  envelope_original: "Original budget for the programme",
  envelope_after_cut: "Budget after cuts",
  budget_cut: "Cut to the budget",
  sr_settlement: "Spending review settlement",
  whole_life_cost: "Whole-life cost",
  fy_budget: "Budget for the year",
  fy_underspend: "Underspend in the year",
  fy_baseline: "Budget for the year (major projects data)",
  funding_to_trusts_capital: "Capital paid to trusts",
  funding_to_trusts_revenue: "Revenue paid to trusts",
  funding_to_trusts_total: "Total paid to trusts",
  funding_planned: "Funding planned",
  trusts_funded: "Trusts funded",
  baseline_benefits: "Expected benefits (whole life)",
  delivery_confidence: "Delivery confidence rating",
  investment_supported: "Investment helped by the programme",
};
