/**
 * What changed between two data releases: trusts opened, closed, merged, renamed or moved to another
 * region or ICB; rows in or out of NHS England's list, its date, and each trust's type, status and
 * supplier in it; and official figures and trust events added, revised or removed. Pure: both releases
 * come in as parsed tables. Written answers have their own diff (src/lib/parliament/diff.ts).
 */
import type { DataInput } from "./model.ts";
import { compareCodePoints } from "../order.ts";

export interface DataDiff {
  trusts_opened: { code: string; name: string; open_date: string }[];
  trusts_closed: { code: string; name: string; close_date: string }[];
  mergers: { predecessor_code: string; successor_code: string; effective_date: string }[];
  status_changed: { code: string; from: string; to: string }[];
  supplier_changed: { code: string; from: string | null; to: string | null }[];
  added: { file: string; id: string; text: string }[];
  revised: { file: string; id: string; text: string }[];
  removed: { file: string; id: string }[];
  trusts_removed: { code: string; name: string }[];
  renamed: { code: string; from: string; to: string }[];
  region_changed: { code: string; from: string; to: string }[];
  icb_changed: { code: string; field: "icb_code" | "icb_code_2026"; from: string; to: string }[];
  list_added: { code: string; name: string; trust_type: string; has_epr: boolean; supplier: string | null }[];
  list_removed: { code: string; name: string }[];
  list_date: { from: string; to: string }[];
  list_editions_added: { source_id: string; as_of: string; trusts: number; without_epr: number }[];
  type_changed: { code: string; from: string; to: string }[];
}

/** The tables compared row by row on an id: figures, targets, money and trust events. */
type RowTables = Pick<DataInput, "statements" | "targets" | "programme" | "trustEvents">;

const describe: { [K in keyof RowTables]: { file: string; id: (r: RowTables[K][number]) => string; text: (r: RowTables[K][number]) => string } } = {
  statements: { file: "statements.csv", id: (r) => r.id, text: (r) => `${r.metric} = ${r.value} ${r.unit} as of ${r.as_of} (${r.source_id})` },
  targets: { file: "targets.csv", id: (r) => r.id, text: (r) => `${r.announced_by}: ${r.promise} (due ${r.target_date})` },
  programme: { file: "programme.csv", id: (r) => r.id, text: (r) => `${r.measure}${r.period ? ` ${r.period}` : ""} = ${r.rating ?? r.value} (${r.source_id})` },
  trustEvents: { file: "trust-events.csv", id: (r) => r.id, text: (r) => `${r.ods_code} ${r.event} on ${r.event_date}` },
};

function compareRows<K extends keyof RowTables>(key: K, before: RowTables[K], after: RowTables[K], diff: DataDiff) {
  const d = describe[key] as { file: string; id: (r: unknown) => string; text: (r: unknown) => string };
  const old = new Map((before as unknown[]).map((r) => [d.id(r), r]));
  const now = new Map((after as unknown[]).map((r) => [d.id(r), r]));
  for (const [id, row] of now) {
    const prev = old.get(id);
    if (!prev) diff.added.push({ file: d.file, id, text: d.text(row) });
    else if (JSON.stringify(prev) !== JSON.stringify(row)) diff.revised.push({ file: d.file, id, text: `${d.text(prev)} → ${d.text(row)}` });
  }
  for (const id of old.keys()) if (!now.has(id)) diff.removed.push({ file: d.file, id });
}

/** One edition of the list against another: trusts in or out, and each trust's type, status and supplier. */
function compareListRows(before: DataInput["eprStatus"], after: DataInput["eprStatus"], diff: DataDiff): void {
  const old = new Map(before.map((s) => [s.code, s]));
  const now = new Set(after.map((s) => s.code));
  diff.list_removed.push(...before.filter((s) => !now.has(s.code)).map((s) => ({ code: s.code, name: s.name_in_source })));
  for (const s of after) {
    const prev = old.get(s.code);
    if (!prev) {
      diff.list_added.push({ code: s.code, name: s.name_in_source, trust_type: s.trust_type, has_epr: s.has_epr, supplier: s.supplier });
      continue;
    }
    if (prev.trust_type !== s.trust_type) diff.type_changed.push({ code: s.code, from: prev.trust_type, to: s.trust_type });
    if (prev.has_epr !== s.has_epr) diff.status_changed.push({ code: s.code, from: prev.has_epr ? "EPR" : "no EPR", to: s.has_epr ? "EPR" : "no EPR" });
    if (prev.supplier !== s.supplier) diff.supplier_changed.push({ code: s.code, from: prev.supplier, to: s.supplier });
  }
}

export function diffData(before: DataInput, after: DataInput): DataDiff {
  const diff: DataDiff = {
    trusts_opened: [], trusts_closed: [], mergers: [], status_changed: [], supplier_changed: [], added: [], revised: [], removed: [],
    trusts_removed: [], renamed: [], region_changed: [], icb_changed: [], list_added: [], list_removed: [], list_date: [], list_editions_added: [], type_changed: [],
  };
  const oldTrusts = new Map(before.trusts.map((t) => [t.code, t]));
  for (const t of after.trusts) {
    const prev = oldTrusts.get(t.code);
    if (!prev) diff.trusts_opened.push({ code: t.code, name: t.name, open_date: t.open_date });
    if (t.close_date && t.close_date !== prev?.close_date) diff.trusts_closed.push({ code: t.code, name: t.name, close_date: t.close_date });
  }
  const key = (s: { predecessor_code: string; successor_code: string }) => `${s.predecessor_code}>${s.successor_code}`;
  const oldSucc = new Set(before.successions.map(key));
  diff.mergers = after.successions.filter((s) => !oldSucc.has(key(s)));

  // Trusts that stay: what ODS says about them may change without an opening or a closure.
  for (const t of after.trusts) {
    const prev = oldTrusts.get(t.code);
    if (!prev) continue;
    if (prev.name !== t.name) diff.renamed.push({ code: t.code, from: prev.name, to: t.name });
    if (prev.region_code !== t.region_code) diff.region_changed.push({ code: t.code, from: prev.region_code, to: t.region_code });
    for (const field of ["icb_code", "icb_code_2026"] as const) if (prev[field] !== t[field]) diff.icb_changed.push({ code: t.code, field, from: prev[field], to: t[field] });
  }
  const newTrusts = new Set(after.trusts.map((t) => t.code));
  diff.trusts_removed = before.trusts.filter((t) => !newTrusts.has(t.code)).map((t) => ({ code: t.code, name: t.name }));

  // NHS England's list, edition by edition: a re-imported edition is compared with itself; a new
  // edition is announced and compared with the edition before it.
  const editions = (rows: DataInput["eprStatus"]) => Map.groupBy(rows, (r) => r.source_id);
  const [oldEditions, newEditions] = [editions(before.eprStatus), editions(after.eprStatus)];
  const ordered = [...newEditions.entries()].sort(([, a], [, b]) => compareCodePoints(a[0]!.as_of, b[0]!.as_of));
  for (const [i, [sourceId, rows]] of ordered.entries()) {
    const previous = oldEditions.get(sourceId);
    if (!previous) diff.list_editions_added.push({ source_id: sourceId, as_of: rows[0]!.as_of, trusts: rows.length, without_epr: rows.filter((r) => !r.has_epr).length });
    else if (previous[0]!.as_of !== rows[0]!.as_of) diff.list_date.push({ from: previous[0]!.as_of, to: rows[0]!.as_of });
    const base = previous ?? ordered[i - 1]?.[1];
    if (base) compareListRows(base, rows, diff);
  }
  compareRows("statements", before.statements, after.statements, diff);
  compareRows("targets", before.targets, after.targets, diff);
  compareRows("programme", before.programme, after.programme, diff);
  compareRows("trustEvents", before.trustEvents, after.trustEvents, diff);
  return diff;
}

export function isEmpty(diff: DataDiff): boolean {
  return Object.values(diff).every((v) => v.length === 0);
}

/** Plain-English lines, one per change, for the terminal and the changelog. */
export function summariseDiff(diff: DataDiff): string[] {
  const lines: string[] = [];
  for (const t of diff.trusts_opened) lines.push(`Trust added: ${t.name} (${t.code}), opened ${t.open_date}.`);
  for (const t of diff.trusts_closed) lines.push(`Trust closed: ${t.name} (${t.code}), on ${t.close_date}.`);
  for (const m of diff.mergers) lines.push(`Merger: ${m.predecessor_code} became part of ${m.successor_code} on ${m.effective_date}.`);
  for (const s of diff.status_changed) lines.push(`EPR status of ${s.code}: ${s.from} → ${s.to}.`);
  for (const s of diff.supplier_changed) lines.push(`Supplier of ${s.code}: ${s.from ?? "none"} → ${s.to ?? "none"}.`);
  for (const a of diff.added) lines.push(`New in ${a.file}: ${a.id}, ${a.text}.`);
  for (const r of diff.revised) lines.push(`Revised in ${r.file}: ${r.id}, ${r.text}.`);
  for (const r of diff.removed) lines.push(`Removed from ${r.file}: ${r.id}.`);
  for (const t of diff.trusts_removed) lines.push(`Trust no longer in the trust list: ${t.name} (${t.code}).`);
  for (const r of diff.renamed) lines.push(`Renamed: ${r.code}, ${r.from} → ${r.to}.`);
  for (const r of diff.region_changed) lines.push(`Region of ${r.code}: ${r.from} → ${r.to}.`);
  for (const r of diff.icb_changed) lines.push(`${r.field === "icb_code" ? "ICB" : "ICB from April 2026"} of ${r.code}: ${r.from} → ${r.to}.`);
  for (const e of diff.list_editions_added) lines.push(`New edition of NHS England's list: ${e.source_id}, dated ${e.as_of}, ${e.trusts} trusts, ${e.without_epr} without an EPR (changes against the edition before it follow).`);
  for (const d of diff.list_date) lines.push(`Date of NHS England's list: ${d.from} → ${d.to}.`);
  for (const t of diff.list_added) lines.push(`Added to NHS England's list: ${t.name} (${t.code}), ${t.trust_type}, ${t.has_epr ? `EPR${t.supplier ? ` from ${t.supplier}` : ""}` : "no EPR"}.`);
  for (const t of diff.list_removed) lines.push(`Removed from NHS England's list: ${t.name} (${t.code}).`);
  for (const t of diff.type_changed) lines.push(`Trust type of ${t.code} in NHS England's list: ${t.from} → ${t.to}.`);
  return lines;
}
