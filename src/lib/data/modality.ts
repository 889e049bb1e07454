/**
 * The closed vocabularies that say what kind of statement a curated row is, who made it and how its
 * dates were found (data/README.md). The words for them are chosen in one place: src/lib/words/modality.ts.
 */

/** What a statement says happened: a count or rating, money allocated or paid, an expectation, or a goal. */
export const MODALITIES = ["measured", "planned", "paid", "forecast", "target", "restated_target"] as const;
export type Modality = (typeof MODALITIES)[number];
/** The modalities a money row of programme.csv may take. */
export const PROGRAMME_MODALITIES = ["measured", "planned", "paid", "forecast"] as const satisfies readonly Modality[];
/** The modalities a row of targets.csv may take: "planned" is a new date being prepared, not yet set. */
export const TARGET_MODALITIES = ["target", "restated_target", "planned"] as const satisfies readonly Modality[];

/** Who stated a figure: the body whose words it is, not the outlet that reported them. */
export const STATED_BY = [
  "minister",
  "department",
  "nhs_england",
  "parliament",
  "trust",
  "trade_press",
  "commercial_analyst",
] as const;
export type StatedBy = (typeof STATED_BY)[number];
/** Government, NHS England and Parliament: the figures the site calls official. */
export const OFFICIAL_STATED_BY: readonly StatedBy[] = ["minister", "department", "nhs_england", "parliament"];
export const isOfficial = (by: StatedBy): boolean => OFFICIAL_STATED_BY.includes(by);

/**
 * How a row's dates were found. `exact`: read in the source (to the day, month or year its ISO form
 * gives); `inferred`: worked out from other evidence in it; `estimated`: assumed; `reported`: the date a
 * report of the statement was published, so the statement itself was on or before it.
 */
export const DATE_BASES = ["exact", "inferred", "estimated", "reported"] as const;
export type DateBasis = (typeof DATE_BASES)[number];
/** A trust event's date: trust-events.csv says only whether it was inferred. */
export const eventDateBasis = (e: { date_inferred: boolean }): DateBasis => (e.date_inferred ? "inferred" : "exact");
/** Dates that must never be printed plain. */
export const isUncertainDate = (b: DateBasis): boolean => b === "inferred" || b === "estimated";
