/** The public downloads and their data dictionary: one list, used by the /data/ page and its tests. */
import { datePrecision } from "../data/dates.ts";

export interface Download {
  id: string;
  path: string;
  description: string;
  licence: string;
  columns: [string, string][];
}

/**
 * Date columns that hold a day, a month or a year, as the source gave it, by download id: each is
 * followed by a `<column>_precision` column so a spreadsheet need not guess from the text.
 */
export const PARTIAL_DATE_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  statements: ["as_of", "stated_on"],
  targets: ["announced_on"],
  programme: ["as_of", "stated_on"],
  "trust-events": ["event_date"],
  reconciliation: ["as_of"],
  "parliament-answers": ["date_tabled"],
};

/** Each row with `<column>_precision` (day, month or year; empty with the date) after each partial date column. */
export function withDatePrecision(
  rows: readonly Record<string, unknown>[],
  columns: readonly string[],
): Record<string, unknown>[] {
  return rows.map((r) =>
    Object.fromEntries(
      Object.entries(r).flatMap(([k, v]) =>
        columns.includes(k)
          ? [
              [k, v],
              [`${k}_precision`, typeof v === "string" && v !== "" ? datePrecision(v) : null],
            ]
          : [[k, v]],
      ),
    ),
  );
}

const PRECISION = "day, month or year: how much of the date before it the source gave";

const OGL = "Open Government Licence v3.0 for the underlying public sector information.";
const MIXED =
  "Open Parliament Licence v3.0 for parliamentary material and Open Government Licence v3.0 for government material; see each row's source.";

export const DOWNLOADS: Download[] = [
  {
    id: "trusts",
    path: "/data/trusts.csv",
    description:
      "One row per NHS trust: where it is, its type, its EPR status now with the date and source of that evidence, and what NHS England's list said on its own date. Also as /data/trusts.json.",
    licence: OGL,
    columns: [
      ["code", "ODS organisation code"],
      ["name", "Trust name, from ODS (or from NHS England's list for care trusts not in ODS)"],
      [
        "region_code, region_name, region_basis",
        "NHS England region; region_basis is ods, or successor where it is taken from the trust it merged into",
      ],
      [
        "icb_code, icb_name, icb_from",
        "Integrated care board in the latest ODS file; icb_from is the board's first day if it was created in April 2026",
      ],
      ["icb_code_at_list_date, icb_name_at_list_date", "The board on NHS England's list's date, where it differs"],
      ["trust_type", "acute, mental_health, mental_health_community, community or ambulance, from NHS England's list"],
      ["open_date, close_date", "From ODS; close_date is the last open day, empty while open"],
      ["merged_into, took_over", "Trusts it merged into or took over, each as CODE@date (; separated)"],
      [
        "status_now, status_now_as_of",
        "epr, no_epr, unknown or closed: what the latest evidence says on status_now_as_of (the data release date)",
      ],
      [
        "status_now_basis, status_now_since",
        "What the status rests on (list, go_live, predecessors, closed or none) and the date of that evidence",
      ],
      [
        "status_now_since_basis",
        'exact, or inferred when the report\'s date was worked out rather than read (shown as "about …")',
      ],
      [
        "status_now_supplier, status_now_source_id",
        "Supplier by the latest evidence; a source id from sources.json or an event id from trust-events.csv",
      ],
      [
        "status_now_contradicted_by",
        "Source ids of later editions of NHS England's list that still record no EPR or another supplier after the go-live the status rests on (; separated); the go-live is kept",
      ],
      ["list_date, list_source_id", "The edition of NHS England's list the next two columns come from"],
      ["has_epr_on_list_date, supplier_on_list_date", "What NHS England's list said on its date"],
      ["in_ods_trust_list", "yes if ODS's trust file has it"],
      ["name_in_epr_list", "Name in NHS England's list where it differs"],
    ],
  },
  {
    id: "statements",
    path: "/data/statements.csv",
    description: "Official and reported figures on EPR coverage, one figure a row.",
    licence: MIXED,
    columns: [
      ["id", "Row id"],
      [
        "metric",
        "What is counted, e.g. share_with_epr or trusts_without_epr; dma_ metrics are NHS England's Digital Maturity Assessment, providers' own answers, a different measure",
      ],
      ["value, unit", "The figure, in trusts or percent"],
      ["scope", "secondary_care_trusts, acute_trusts or all_trusts"],
      ["as_of, stated_on", "Date the figure describes, and when it was said"],
      ["as_of_precision, stated_on_precision", PRECISION],
      [
        "date_basis",
        'exact, inferred or estimated (both worded "about"), or reported (the date of a news report of it)',
      ],
      [
        "stated_by",
        "Whose figure it is: minister, department, nhs_england, parliament, trust, trade_press or commercial_analyst",
      ],
      ["official", "yes for a minister, the department, NHS England or Parliament (from stated_by)"],
      ["dates_estimated", "yes when the dates were inferred or estimated, not read in the source (from date_basis)"],
      ["modality", "measured, or forecast for an expectation (from the metric)"],
      ["speaker, source_id, fact_ids, confidence, note", "Who said it, the source, and caveats"],
    ],
  },
  {
    id: "targets",
    path: "/data/targets.csv",
    description: "Every deadline for digital records as announced, with who set it.",
    licence: MIXED,
    columns: [
      ["id", "Row id"],
      ["announced_on, announced_by", "When and by whom"],
      ["announced_on_precision", PRECISION],
      ["promise, kind, coverage_percent", "What was promised"],
      ["target_date, target_date_precision", "Last day of the target period, and how precisely it was stated"],
      ["modality", "target, restated_target (restated with a weaker test) or planned (a date being prepared, not set)"],
      ["stated_by", "Who set it: minister, department, nhs_england and so on"],
      ["source_id, fact_ids, confidence, note", "Source, fact register ids and caveats"],
    ],
  },
  {
    id: "programme",
    path: "/data/programme.csv",
    description:
      "Money and ratings of the Frontline Digitisation programme (figures in £ million). The major projects rows are in /data/gmpp.csv.",
    licence: MIXED,
    columns: [
      ["id", "Row id"],
      ["measure, period", "What the figure is, and the financial year"],
      ["value, unit, rating, bound", "The amount (or rating), and whether it is exact, a lower bound or approximate"],
      ["modality", "planned (allocated), paid (paid or spent), measured or forecast"],
      ["stated_by", "Whose figure it is: minister, department, nhs_england, trade_press and so on"],
      ["as_of, stated_on, date_basis", "Dates, and how they were found (exact, inferred, estimated or reported)"],
      ["as_of_precision, stated_on_precision", PRECISION],
      ["official, dates_estimated", "Derived from stated_by and date_basis"],
      ["source_id, fact_ids, confidence, note", "Source, fact register ids and caveats"],
    ],
  },
  {
    id: "trust-events",
    path: "/data/trust-events.csv",
    description:
      "Dated events for trusts after NHS England's list (and background before it): contracts, go-lives, delays, supplier changes.",
    licence: "Each row links its source; summaries are our own words.",
    columns: [
      ["id", "Row id"],
      ["ods_code, event_date, event", "Trust, date (day, month or year) and kind of event"],
      ["event_date_precision", PRECISION],
      ["supplier, summary, date_inferred", "Supplier named, what happened, and whether the date was inferred"],
      ["source_title, publisher, url, confidence", "Where it was reported and how far to trust it"],
    ],
  },
  {
    id: "reconciliation",
    path: "/data/reconciliation.csv",
    description: "Each official count beside the trust-level count, with the difference.",
    licence: MIXED,
    columns: [
      ["statement_id, metric, as_of, official_value, unit", "The official figure"],
      ["source_id", "The official figure's source in sources.json"],
      ["as_of_precision", PRECISION],
      ["kind", "list (NHS England's list), ods_open (trusts open in ODS that day) or list_less_go_lives"],
      [
        "compared_with, comparison_value, comparison_as_of, comparison_source_id",
        "The trust-level figure it is compared with",
      ],
      ["difference", "Official minus trust-level"],
    ],
  },
  {
    id: "gmpp",
    path: "/data/gmpp.csv",
    description: "The Frontline Digitisation rows of the Government Major Projects Portfolio annual data, as imported.",
    licence: OGL,
    columns: [
      ["report_year, data_as_of", "Which annual report, and the date its data describe"],
      ["project_id, project_name", "The programme's id and name in the portfolio"],
      ["delivery_confidence", "The Infrastructure and Projects Authority's rating"],
      ["start_date, end_date", "The programme's dates as reported"],
      ["fy_baseline_gbp_m, fy_forecast_gbp_m, whole_life_cost_gbp_m", "Money in £ million"],
      ["source_id", "The source in sources.json"],
    ],
  },
  {
    id: "parliament-answers",
    path: "/data/parliament-answers.csv",
    description:
      "Every written answer from the Department of Health and Social Care in our data that mentions electronic patient records, with the question and the answer's text. Also as /data/parliament-answers.json, with the answer's HTML as published.",
    licence: "Open Parliament Licence v3.0: the questions and answers are Parliamentary information.",
    columns: [
      [
        "id, uin, house",
        "Parliament's id for the question; its UIN (unique with the house and date tabled), empty where our copy lacks it",
      ],
      [
        "date_tabled, date_answered, date_corrected",
        "When the question was tabled (a month where only that is known), answered and corrected; empty when not known",
      ],
      ["date_tabled_precision", PRECISION],
      [
        "asking_member, answering_member, answering_body",
        "Who asked, who answered and for which department; empty when our copy lacks the name",
      ],
      [
        "heading, question_text, answer_text",
        "Parliament's heading, the question, and the answer as plain text (HTML removed)",
      ],
      ["answer_truncated", "yes when our copy holds only the start of the answer"],
      [
        "is_holding, is_correction, is_withdrawn",
        "yes for a holding answer, a corrected answer, or a withdrawn question",
      ],
      [
        "url, terms",
        "The question on Parliament's website (or its record in Parliament's data service), and which search terms it mentions",
      ],
    ],
  },
  {
    id: "sources",
    path: "/data/sources.json",
    description: "Every source: title, publisher, URL, date, type, UIN, licence, what it covers and confidence.",
    licence: "The list itself is ours to share; each source keeps its own licence.",
    columns: [
      ["id", "Source id used by every other file"],
      [
        "title, publisher, url, via, date, date_estimated, date_note, type, uin, licence, covers, confidence",
        "As described in the data dictionary",
      ],
    ],
  },
];
