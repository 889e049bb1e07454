/** The schema of every CSV under data/: what `npm run data` accepts (see data/README.md). */
import { isoDate, list, num, oneOf, text, yesNo, type RowOf, type Schema, type TableSpec } from "./schema.ts";
import {
  DATE_BASES,
  isOfficial,
  isUncertainDate,
  PROGRAMME_MODALITIES,
  STATED_BY,
  TARGET_MODALITIES,
  type Modality,
} from "./modality.ts";

const odsCode = (opts: { optional?: boolean } = {}) =>
  text({ ...opts, pattern: /^[A-Z0-9]{3,5}$/, describe: "an ODS code of 3 to 5 capital letters or digits" });
const sourceId = () =>
  text({
    pattern: /^[a-z0-9]+(-[a-z0-9]+)*$/,
    describe: "a source id from sources.json (lower-case words joined by -)",
  });
const confidence = () => oneOf(["H", "M", "L"] as const);
// F rows of the upstream fact register and its later N rows (additions of November 2026 onwards).
const factIds = () =>
  list(text({ pattern: /^[FN]\d{3}$/, describe: "a fact id like F012 or N019" }), { optional: true });

/** The trust list covers every trust open on or after this day (the year NHS England's EPR list was made). */
export const TRUSTS_SINCE = "2024-01-01";

export const REGION_CODES = ["Y56", "Y58", "Y59", "Y60", "Y61", "Y62", "Y63"] as const;
export const TRUST_TYPES = ["acute", "mental_health", "mental_health_community", "community", "ambulance"] as const;
export type TrustType = (typeof TRUST_TYPES)[number];

export const trustsTable = {
  key: "code",
  columns: {
    code: odsCode(),
    name: text({ name: true }),
    ods_name: text({ name: true }),
    region_code: oneOf(REGION_CODES),
    icb_code: odsCode(),
    icb_code_2026: odsCode(),
    postcode: text({ pattern: /^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$/, describe: "a UK postcode like NW1 0PE" }),
    open_date: isoDate({ day: true }),
    close_date: isoDate({ day: true, optional: true }),
  },
} satisfies TableSpec<Schema>;

export const successionsTable = {
  columns: {
    predecessor_code: odsCode(),
    successor_code: odsCode(),
    effective_date: isoDate({ day: true }),
  },
} satisfies TableSpec<Schema>;

/** One row per trust per edition of NHS England's list: a later edition adds rows, never replaces. */
export const eprStatusTable = {
  key: ["code", "source_id"],
  columns: {
    code: odsCode(),
    as_of: isoDate({ day: true }),
    source_id: sourceId(),
    name_in_source: text({ name: true }),
    trust_type: oneOf(TRUST_TYPES),
    has_epr: yesNo(),
    supplier: text({ optional: true }),
  },
} satisfies TableSpec<Schema>;

export const icbsTable = {
  key: "code",
  columns: {
    code: odsCode(),
    gss_code: text({ pattern: /^E54\d{6}$/, describe: "an ONS code like E54000008" }),
    name: text({ name: true }),
    short_name: text({ name: true }),
    region_code: oneOf(REGION_CODES),
    hex_q: num({ integer: true }),
    hex_r: num({ integer: true }),
  },
} satisfies TableSpec<Schema>;

/** The boards that closed on 1 April 2026 and the boards that took their areas. */
export const icbSuccessionsTable = {
  key: ["predecessor_code", "successor_code"],
  columns: {
    predecessor_code: odsCode(),
    successor_code: odsCode(),
    successor_name: text({ name: true }),
    date: isoDate({ day: true }),
    kind: oneOf(["merger", "split", "acquisition"] as const),
  },
} satisfies TableSpec<Schema>;

export const regionsTable = {
  key: "code",
  columns: {
    code: oneOf(REGION_CODES),
    gss_code: text({ pattern: /^E40\d{6}$/, describe: "an ONS code like E40000003" }),
    name: text({ name: true }),
  },
} satisfies TableSpec<Schema>;

/** The Infrastructure and Projects Authority's delivery confidence ratings, best first. */
export const DELIVERY_CONFIDENCE = ["Green", "Amber/Green", "Amber", "Amber/Red", "Red"] as const;

export const gmppTable = {
  key: "report_year",
  columns: {
    report_year: text({ pattern: /^\d{4}$/, describe: "a year" }),
    data_as_of: isoDate({ day: true }),
    project_id: text(),
    project_name: text(),
    delivery_confidence: oneOf(DELIVERY_CONFIDENCE),
    start_date: isoDate({ day: true }),
    end_date: isoDate({ day: true }),
    fy_baseline_gbp_m: num({ min: 0 }),
    fy_forecast_gbp_m: num({ min: 0 }),
    whole_life_cost_gbp_m: num({ min: 0 }),
    source_id: sourceId(),
  },
} satisfies TableSpec<Schema>;

/** How a site's trust now was found: as listed, through ODS successions, or not at all (see data/README.md). */
export const SITE_BASES = ["listed", "successor", "no_successor", "split"] as const;
const postcode = () => text({ pattern: /^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$/, describe: "a UK postcode like NW1 0PE" });

/** Hospitals and other trust sites, each with the trust that runs it now where the records say. */
export const sitesTable = {
  key: "code",
  columns: {
    code: odsCode(),
    name: text({ maxLength: 120, name: true }),
    town: text({ optional: true, maxLength: 80, name: true }),
    address: text({ optional: true, maxLength: 200 }),
    postcode: postcode(),
    trust_code: odsCode({ optional: true }),
    basis: oneOf(SITE_BASES),
    listed_trust_code: odsCode(),
    listed_trust_name: text({ maxLength: 120, name: true }),
    listed_trust_closed: isoDate({ day: true, optional: true }),
    ended_at_code: odsCode({ optional: true }),
    successor_codes: list(odsCode(), { optional: true }),
    ods_parent_code: odsCode({ optional: true }),
    source_id: sourceId(),
  },
} satisfies TableSpec<Schema>;

export const STATEMENT_METRICS = [
  "trusts_with_epr",
  "trusts_without_epr",
  "share_with_epr",
  "share_without_epr",
  "trusts_in_scope",
  "forecast_share_with_epr",
  "forecast_share_without_epr",
  "forecast_trusts_missing_deadline",
  "trusts_without_epr_business_case",
  "trusts_without_epr_procuring",
  "trusts_without_epr_implementing",
  "trusts_epr_meeting_standard",
  "trusts_epr_needing_extension",
  "trusts_not_installed_or_procuring",
  "trusts_funded_or_supported",
  // NHS England's Digital Maturity Assessment: providers' own answers, a different measure (see measures.ts).
  "dma_share_using_epr",
  "dma_trusts_in_scope",
] as const;
export type StatementMetric = (typeof STATEMENT_METRICS)[number];

export const statementsTable = {
  key: "id",
  columns: {
    id: text({ pattern: /^S\d{3}$/, describe: "an id like S001" }),
    metric: oneOf(STATEMENT_METRICS),
    value: num({ min: 0 }),
    unit: oneOf(["trusts", "percent"] as const),
    scope: oneOf(["secondary_care_trusts", "acute_trusts", "all_trusts"] as const),
    as_of: isoDate(),
    stated_on: isoDate(),
    /** How the dates were found: exact, inferred, estimated (both shown "about …") or reported (a report's date). */
    date_basis: oneOf(DATE_BASES),
    /** Whose figure it is; official figures are a minister's, the department's, NHS England's or Parliament's. */
    stated_by: oneOf(STATED_BY),
    speaker: text({ optional: true }),
    source_id: sourceId(),
    fact_ids: factIds(),
    confidence: confidence(),
    note: text({ optional: true }),
  },
} satisfies TableSpec<Schema>;

export const TARGET_KINDS = [
  "paperless",
  "digital_records",
  "core_digitisation",
  "epr_coverage",
  "epr_or_in_progress",
] as const;
/** The kinds of target that are about EPRs in trusts (the others are about paper, records or capability). */
export const EPR_TARGET_KINDS: readonly (typeof TARGET_KINDS)[number][] = ["epr_coverage", "epr_or_in_progress"];
export const isEprTarget = (t: { kind: (typeof TARGET_KINDS)[number] }): boolean => EPR_TARGET_KINDS.includes(t.kind);
/** An EPR deadline someone set or restated: a date still being prepared (modality planned) is not one. */
export const isEprDeadline = (t: { kind: (typeof TARGET_KINDS)[number]; modality: string }): boolean =>
  isEprTarget(t) && t.modality !== "planned";
export const targetsTable = {
  key: "id",
  columns: {
    id: text({ pattern: /^T\d{3}$/, describe: "an id like T001" }),
    announced_on: isoDate(),
    announced_by: text(),
    promise: text(),
    kind: oneOf(TARGET_KINDS),
    coverage_percent: num({ min: 0, max: 100, optional: true }),
    target_date: isoDate({ day: true }),
    target_date_precision: oneOf(["day", "month", "year"] as const),
    /** target (set with its own test), restated_target (restated with a weaker test), planned (a date being prepared). */
    modality: oneOf(TARGET_MODALITIES),
    stated_by: oneOf(STATED_BY),
    source_id: sourceId(),
    fact_ids: factIds(),
    confidence: confidence(),
    note: text({ optional: true }),
  },
} satisfies TableSpec<Schema>;

export const PROGRAMME_MEASURES = [
  "envelope_original",
  "envelope_after_cut",
  "budget_cut",
  "sr_settlement",
  "whole_life_cost",
  "fy_budget",
  "fy_underspend",
  "fy_baseline",
  "funding_to_trusts_capital",
  "funding_to_trusts_revenue",
  "funding_to_trusts_total",
  "funding_planned",
  "trusts_funded",
  "baseline_benefits",
  "delivery_confidence",
  "investment_supported",
] as const;
export type ProgrammeMeasure = (typeof PROGRAMME_MEASURES)[number];

export const programmeTable = {
  key: "id",
  columns: {
    id: text({ pattern: /^P\d{3}$/, describe: "an id like P001" }),
    measure: oneOf(PROGRAMME_MEASURES),
    period: text({
      optional: true,
      pattern: /^\d{4}\/\d{2}(-\d{4}\/\d{2})?$/,
      describe: "a financial year like 2022/23 or a span 2021/22-2025/26",
    }),
    value: num({ min: 0, optional: true }),
    unit: oneOf(["gbp_million", "trusts", "rating"] as const),
    // "Blank": the copy read left the rating empty, which is not the same as "not rated".
    rating: oneOf([...DELIVERY_CONFIDENCE, "Blank"] as const, { optional: true }),
    bound: oneOf(["exact", "at_least", "about"] as const),
    /** measured (a count, rating or underspend), planned (allocated), paid (paid or spent) or forecast. */
    modality: oneOf(PROGRAMME_MODALITIES),
    stated_by: oneOf(STATED_BY),
    as_of: isoDate(),
    stated_on: isoDate(),
    date_basis: oneOf(DATE_BASES),
    source_id: sourceId(),
    fact_ids: factIds(),
    confidence: confidence(),
    note: text({ optional: true }),
  },
} satisfies TableSpec<Schema>;

export const TRUST_EVENT_TYPES = [
  "listed_no_epr",
  "business_case_approved",
  "procurement_started",
  "supplier_selected",
  "contract_signed",
  "go_live_planned",
  "go_live",
  "go_live_delayed",
  "other",
] as const;
export const trustEventsTable = {
  key: "id",
  columns: {
    id: text({ pattern: /^E\d{3}$/, describe: "an id like E001" }),
    ods_code: odsCode(),
    event_date: isoDate(),
    event: oneOf(TRUST_EVENT_TYPES),
    supplier: text({ optional: true }),
    summary: text(),
    date_inferred: yesNo(),
    source_title: text(),
    publisher: text(),
    url: text({ pattern: /^https:\/\/[^\s<>"]+$/, describe: "an https:// URL" }),
    confidence: confidence(),
  },
} satisfies TableSpec<Schema>;

/** Figures checked against the words of a written answer we hold (data/parliament/answers.json). */
export const answerQuotesTable = {
  key: "figure_id",
  columns: {
    figure_id: text({
      pattern: /^[SP]\d{3}$/,
      describe: "a row id from statements.csv (S001) or programme.csv (P001)",
    }),
    answer_id: text({
      pattern: /^\d{1,9}$/,
      describe: "Parliament's id for the question, as in data/parliament/answers.json",
    }),
    uin: text({ optional: true, pattern: /^(HL)?\d{1,7}$/, describe: "the question's UIN, such as 2075 or HL7395" }),
    quote: text({
      pattern: /^[^\n\r]{10,600}$/,
      describe: "the answer's own words, on one line, 10 to 600 characters",
    }),
  },
} satisfies TableSpec<Schema>;

/**
 * Figures checked against the source's own short words, where the repository keeps them but not the
 * whole text (src/lib/data/figure-quotes.ts): a statement, programme figure or target, its source and the quotation.
 */
export const figureQuotesTable = {
  key: "figure_id",
  columns: {
    figure_id: text({
      pattern: /^[SPT]\d{3}$/,
      describe: "a row id from statements.csv (S001), programme.csv (P001) or targets.csv (T001)",
    }),
    source_id: sourceId(),
    quote: text({
      pattern: /^[^\n\r]{10,300}$/,
      describe: "the source's own words, on one line, 10 to 300 characters",
    }),
  },
} satisfies TableSpec<Schema>;

export type FigureQuoteRow = RowOf<typeof figureQuotesTable.columns>;
export type TrustRow = RowOf<typeof trustsTable.columns>;
export type SuccessionRow = RowOf<typeof successionsTable.columns>;
export type EprStatusRow = RowOf<typeof eprStatusTable.columns>;
export type IcbRow = RowOf<typeof icbsTable.columns>;
export type RegionRow = RowOf<typeof regionsTable.columns>;
export type IcbSuccessionRow = RowOf<typeof icbSuccessionsTable.columns>;
export type AnswerQuoteRow = RowOf<typeof answerQuotesTable.columns>;
export type GmppRow = RowOf<typeof gmppTable.columns>;
/** What every reader of a statement row may ask without knowing the vocabularies: derived once, on loading. */
interface Derived {
  /** stated_by is a minister, the department, NHS England or Parliament. */
  official: boolean;
  /** date_basis is inferred or estimated: the dates are printed "about …". */
  dates_estimated: boolean;
}
export type StatementRow = RowOf<typeof statementsTable.columns> & Derived & { modality: Modality };
export type TargetRow = RowOf<typeof targetsTable.columns>;
export type ProgrammeRow = RowOf<typeof programmeTable.columns> & Derived;

/** A forecast_… metric is an expectation; every other metric in statements.csv is a count or share. */
export const statementModality = (metric: StatementMetric): Modality =>
  metric.startsWith("forecast_") ? "forecast" : "measured";

export function statementRow(r: RowOf<typeof statementsTable.columns>): StatementRow {
  return {
    ...r,
    official: isOfficial(r.stated_by),
    dates_estimated: isUncertainDate(r.date_basis),
    modality: statementModality(r.metric),
  };
}
export function programmeRow(r: RowOf<typeof programmeTable.columns>): ProgrammeRow {
  return { ...r, official: isOfficial(r.stated_by), dates_estimated: isUncertainDate(r.date_basis) };
}
export type TrustEventRow = RowOf<typeof trustEventsTable.columns>;
export type SiteRow = RowOf<typeof sitesTable.columns>;
