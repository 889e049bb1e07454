/**
 * The one door from pages to data: the JSON the data step wrote, typed. Pages read from here and
 * never compute metrics themselves.
 */
import raw from "../generated/site-data.json" with { type: "json" };
import type { SiteData, Trust } from "./data/model.ts";
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
