/**
 * The one door from pages to data: the JSON the data step wrote, typed. Pages read from here and
 * never compute metrics themselves.
 */
import raw from "../generated/site-data.json" with { type: "json" };
import type { SiteData, Trust } from "./data/model.ts";
import type { TrustEventRow } from "./data/tables.ts";
import type { Followup } from "./data/followup.ts";
import type { Source } from "./data/sources.ts";

export const site = raw as unknown as SiteData;

const sourcesById = new Map(site.sources.map((s) => [s.id, s]));

/** A source by id; the data step has already checked every id resolves. */
export function source(id: string): Source {
  const s = sourcesById.get(id);
  if (!s) throw new Error(`Unknown source id ${id}`);
  return s;
}

export function sources(ids: readonly string[]): Source[] {
  return [...new Set(ids)].map(source);
}

const trustsByCode = new Map(site.trusts.map((t) => [t.code, t]));
export function trust(code: string): Trust | undefined {
  return trustsByCode.get(code);
}

// Looked up by key, never by scanning: every trust page asks these, so a scan would make the page
// build grow with the square of the trusts.
const followupByCode = new Map(site.followup.trusts.map((f) => [f.code, f]));
/** What became of a trust NHS England listed without an EPR; null for a trust not so listed. */
export function followupOf(code: string): Followup | null {
  return followupByCode.get(code) ?? null;
}

const eventsById = new Map(site.trust_events.map((e) => [e.id, e]));
export function trustEvent(id: string): TrustEventRow | undefined {
  return eventsById.get(id);
}

const eventsByTrust = Map.groupBy(site.trust_events, (e) => e.ods_code);
/** A trust's reported events (go-lives, supplier changes), in the data's order. */
export function eventsOf(code: string): TrustEventRow[] {
  return eventsByTrust.get(code) ?? [];
}
