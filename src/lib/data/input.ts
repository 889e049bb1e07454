/**
 * What the data step reads, and the source ids the checks and joins name: shared by the model, its
 * checks and its reconciliation, so each depends on this and none on another.
 */
import type { Source } from "./sources.ts";
import type { ChangelogEntry } from "./changelog.ts";
import type {
  AnswerQuoteRow,
  EprStatusRow,
  FigureQuoteRow,
  GmppRow,
  IcbRow,
  IcbSuccessionRow,
  ProgrammeRow,
  RegionRow,
  StatementRow,
  SuccessionRow,
  TargetRow,
  TrustEventRow,
  TrustRow,
} from "./tables.ts";

export interface DataInput {
  release: { date: string };
  sources: Source[];
  trusts: TrustRow[];
  successions: SuccessionRow[];
  eprStatus: EprStatusRow[];
  icbs: IcbRow[];
  icbSuccessions: IcbSuccessionRow[];
  regions: RegionRow[];
  gmpp: GmppRow[];
  statements: StatementRow[];
  targets: TargetRow[];
  programme: ProgrammeRow[];
  trustEvents: TrustEventRow[];
  /** Figures checked word for word against a written answer we hold. */
  answerQuotes: AnswerQuoteRow[];
  /** Figures checked against a short quotation of their source, whose whole text we do not hold. */
  figureQuotes: FigureQuoteRow[];
  changelog: ChangelogEntry[];
}

/** The source id of the ODS trust file, which trust counts on a given day are compared with. */
export const ODS_TRUSTS_SOURCE_ID = "ods-etr-2026";
/** The source id of the ODS successor file, which dates mergers. */
export const ODS_SUCCESSIONS_SOURCE_ID = "ods-succ-2026";
/** The source id of the table of April 2026 board successions. */
export const ICB_SUCCESSIONS_SOURCE_ID = "ods-icb-successions-2026";
