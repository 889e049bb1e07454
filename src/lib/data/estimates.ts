/**
 * Every place where the site estimates a date or fills in something the sources do not give, so the
 * sources page can list them all rather than claim there are none.
 */
import { formatDate } from "./dates.ts";
import type { CoverageFigure } from "./figures.ts";
import type { Source } from "./sources.ts";
import type { ProgrammeRow, StatementRow, TrustEventRow } from "./tables.ts";
import type { Trust } from "./trusts.ts";

export type EstimateKind =
  | "estimated_date"
  | "inferred_event_date"
  | "derived_share"
  | "region_from_successor"
  | "status_from_predecessors"
  | "assumed_open";

export interface Estimate {
  kind: EstimateKind;
  /** What it is about: a source id, a row id or a trust code. */
  subject: string;
  /** Page that shows it, when there is one. */
  href: string | null;
  text: string;
}

interface EstimateInput {
  sources: readonly Source[];
  statements: readonly StatementRow[];
  programme: readonly ProgrammeRow[];
  events: readonly TrustEventRow[];
  trusts: readonly Trust[];
  figures: readonly CoverageFigure[];
}

const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id).join(", ");

export function estimates(input: EstimateInput): Estimate[] {
  const out: Estimate[] = [];
  const name = new Map(input.trusts.map((t) => [t.code, t.name]));
  for (const s of input.sources.filter((s) => s.date_estimated)) {
    const rows = [...input.statements, ...input.programme].filter((r) => r.source_id === s.id);
    out.push({
      kind: "estimated_date",
      subject: s.id,
      href: null,
      text: `The date of "${s.title}" (${s.publisher}) is estimated as about ${formatDate(s.date)}${rows.length ? `; so are the dates of figures ${ids(rows)}` : ""}. ${s.date_note ?? ""}`.trim(),
    });
  }
  // Rows whose dates were assumed although their source's own date is known.
  const dated = new Set(input.sources.filter((s) => s.date_estimated).map((s) => s.id));
  for (const [sourceId, rows] of Map.groupBy(
    [...input.statements, ...input.programme].filter((r) => r.dates_estimated && !dated.has(r.source_id)),
    (r) => r.source_id,
  )) {
    out.push({
      kind: "estimated_date",
      subject: sourceId,
      href: null,
      text: `The dates of figures ${ids(rows)} are assumed, not read in the source: ${rows[0]!.note ?? ""}`.trim(),
    });
  }
  for (const e of input.events.filter((e) => e.date_inferred)) {
    out.push({
      kind: "inferred_event_date",
      subject: e.id,
      href: `/trusts/${e.ods_code}/`,
      text: `${name.get(e.ods_code) ?? e.ods_code}: the date of event ${e.id} (${formatDate(e.event_date)}) is inferred; the report it rests on does not show it.`,
    });
  }
  for (const f of input.figures.filter((f) => f.derived_from)) {
    out.push({
      kind: "derived_share",
      subject: f.derived_from!.join(", "),
      href: "/coverage/",
      text: `${f.value}% with an EPR (${formatDate(f.as_of)}) is worked out from figures ${f.derived_from!.join(" and ")}: the source gave counts, not a share.`,
    });
  }
  for (const t of input.trusts) {
    if (t.region_basis === "successor")
      out.push({
        kind: "region_from_successor",
        subject: t.code,
        href: `/trusts/${t.code}/`,
        text: `${t.name} is not in the ODS trust file: its region is taken from the trust it merged into (${t.merged_into.map((m) => m.code).join(", ")}).`,
      });
    if (t.status_now.basis === "predecessors")
      out.push({
        kind: "status_from_predecessors",
        subject: t.code,
        href: `/trusts/${t.code}/`,
        text: `${t.name} has no EPR status of its own in any source: "has an EPR" is inferred from the trusts it took over (${t.status_now.inferred_from.map((p) => p.code).join(", ")}), which all had one on NHS England's list.`,
      });
    if (!t.in_ods_trust_list && t.merged_into.length === 0)
      out.push({
        kind: "assumed_open",
        subject: t.code,
        href: `/trusts/${t.code}/`,
        text: `${t.name} is not in the ODS trust file and no merger or closure is recorded for it: it is counted as still open.`,
      });
  }
  return out;
}
