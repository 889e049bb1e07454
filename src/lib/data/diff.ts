/**
 * What changed between two data releases: trusts opened, closed or merged, EPR status and supplier
 * changes, and official figures added or revised. Pure: both releases come in as parsed tables.
 */
import type { DataInput } from "./model.ts";

export interface DataDiff {
  trusts_opened: { code: string; name: string; open_date: string }[];
  trusts_closed: { code: string; name: string; close_date: string }[];
  mergers: { predecessor_code: string; successor_code: string; effective_date: string }[];
  status_changed: { code: string; from: string; to: string }[];
  supplier_changed: { code: string; from: string | null; to: string | null }[];
  added: { file: string; id: string; text: string }[];
  revised: { file: string; id: string; text: string }[];
  removed: { file: string; id: string }[];
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

export function diffData(before: DataInput, after: DataInput): DataDiff {
  const diff: DataDiff = { trusts_opened: [], trusts_closed: [], mergers: [], status_changed: [], supplier_changed: [], added: [], revised: [], removed: [] };
  const oldTrusts = new Map(before.trusts.map((t) => [t.code, t]));
  for (const t of after.trusts) {
    const prev = oldTrusts.get(t.code);
    if (!prev) diff.trusts_opened.push({ code: t.code, name: t.name, open_date: t.open_date });
    if (t.close_date && t.close_date !== prev?.close_date) diff.trusts_closed.push({ code: t.code, name: t.name, close_date: t.close_date });
  }
  const key = (s: { predecessor_code: string; successor_code: string }) => `${s.predecessor_code}>${s.successor_code}`;
  const oldSucc = new Set(before.successions.map(key));
  diff.mergers = after.successions.filter((s) => !oldSucc.has(key(s)));

  const editionKey = (s: { code: string; source_id: string }) => `${s.code}|${s.source_id}`;
  const oldStatus = new Map(before.eprStatus.map((s) => [editionKey(s), s]));
  for (const s of after.eprStatus) {
    const prev = oldStatus.get(editionKey(s));
    if (!prev) continue;
    if (prev.has_epr !== s.has_epr) diff.status_changed.push({ code: s.code, from: prev.has_epr ? "EPR" : "no EPR", to: s.has_epr ? "EPR" : "no EPR" });
    if (prev.supplier !== s.supplier) diff.supplier_changed.push({ code: s.code, from: prev.supplier, to: s.supplier });
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
  return lines;
}
