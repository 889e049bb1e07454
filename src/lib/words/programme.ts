/** Words for the programme's money and ratings: what each figure is, worded by what its source said of it. */
import type { ProgrammeMeasure, ProgrammeRow } from "../data/tables.ts";
import { monthWords } from "./vocabulary.ts";
import { formatMoney } from "../format.ts";
import { asPutBy, hasEnded, moneyForTrustsWords, statedByWords, statedWhenWords } from "./modality.ts";

/** What each measure is, before its modality: money for trusts is worded by programmeLabel. */
export const PROGRAMME_MEASURE_LABELS: Record<ProgrammeMeasure, string> = {
  envelope_original: "Original budget for the programme",
  envelope_after_cut: "Budget after cuts",
  budget_cut: "Cut to the budget",
  sr_settlement: "Spending review settlement",
  whole_life_cost: "Whole-life cost",
  fy_budget: "Budget for the year",
  fy_underspend: "Underspend in the year",
  fy_baseline: "Budget for the year (major projects data)",
  funding_to_trusts_capital: "Capital for trusts",
  funding_to_trusts_revenue: "Revenue for trusts",
  funding_to_trusts_total: "Total for trusts",
  funding_planned: "Funding planned",
  trusts_funded: "Trusts funded",
  baseline_benefits: "Expected benefits (whole life)",
  delivery_confidence: "Delivery confidence rating",
  investment_supported: "Investment helped by the programme",
};

/** Money for trusts, by what the source said of it: "Total paid to trusts" only for a sum paid. */
const FOR_TRUSTS: Partial<Record<ProgrammeMeasure, string>> = {
  funding_to_trusts_capital: "Capital",
  funding_to_trusts_revenue: "Revenue",
  funding_to_trusts_total: "Total",
};

/** "Total planned for trusts", "Capital paid to trusts", "Whole-life cost". */
export function programmeLabel(p: Pick<ProgrammeRow, "measure" | "modality">): string {
  const head = FOR_TRUSTS[p.measure];
  return head ? `${head} ${moneyForTrustsWords(p.modality)}` : PROGRAMME_MEASURE_LABELS[p.measure];
}

/** "paid to trusts, as a minister put it": a chart label that keeps whose framing it is. */
export function fundingWords(p: Pick<ProgrammeRow, "measure" | "modality" | "stated_by">): string {
  const what = moneyForTrustsWords(p.modality);
  if (p.measure === "funding_to_trusts_capital") return `${what}: capital`;
  if (p.measure === "funding_to_trusts_revenue") return `${what}: revenue`;
  if (p.measure === "funding_to_trusts_total") return `${what}, ${asPutBy(p.stated_by)}`;
  return PROGRAMME_MEASURE_LABELS[p.measure].toLowerCase();
}

/** The multi-year sum for trusts: it has no single financial year, and its as-of date is the end of its period. */
export function moneyToTrustsUntil(programme: readonly ProgrammeRow[]): ProgrammeRow | null {
  return programme.filter((p) => p.measure === "funding_to_trusts_total" && p.period === null).at(-1) ?? null;
}

/** "paid" once the period of the money for trusts has ended on the release date, else "pays". */
export const programmePaysVerb = (toTrusts: ProgrammeRow | null, release: string): string =>
  hasEnded(toTrusts?.as_of ?? null, release) ? "paid" : "pays";

/**
 * The programme page's opening, in the tense its dates allow on the release date: the money for trusts
 * ran up to the date of the multi-year sum (planned, so "was to go"), and once that date has passed the
 * programme is spoken of in the past.
 */
export function programmeOpening(toTrusts: ProgrammeRow | null, release: string): string[] {
  const end = toTrusts?.as_of ?? null;
  const out = [
    `NHS England's Frontline Digitisation programme ${programmePaysVerb(toTrusts, release)} trusts to buy and improve electronic patient records${end ? `, with money for trusts planned up to ${monthWords(end)}` : ""}.`,
  ];
  if (toTrusts && toTrusts.value !== null) {
    const who = statedByWords(toTrusts.stated_by);
    const verb = toTrusts.modality === "paid" ? "had been paid" : "would go";
    out.push(
      `${who.charAt(0).toUpperCase()}${who.slice(1)} said ${statedWhenWords(toTrusts.stated_on, toTrusts.date_basis)} that ${formatMoney(toTrusts.value)} ${verb} to trusts up to ${monthWords(toTrusts.as_of)}.`,
    );
  }
  return out;
}
