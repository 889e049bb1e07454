/** The finder's data for pages: each trust's aliases, headquarters postcode and sites, from the data step. */
import raw from "../../generated/trust-search.json" with { type: "json" };
import type { Trust } from "../data/model.ts";
import { formatDate } from "../data/dates.ts";
import { NO_TRUST, type TrustSearchData } from "./aliases.ts";
import { candidateFor, siteTerm, type Candidate, type SiteParts } from "./search.ts";
import type { TrustSite } from "./sites.ts";
import { compareNames } from "../order.ts";
import type { TrustCard } from "../trust/card.ts";
import { answerCard, type FinderEntry } from "./embed-data.ts";

const data = raw as unknown as TrustSearchData;

export function aliasesOf(code: string): TrustSearchData[string]["aliases"] {
  return data[code]?.aliases ?? [];
}

export function postcodeOf(code: string): string | null {
  return data[code]?.postcode ?? null;
}

/** The sites a trust runs, or ran when no successor is recorded, by name. */
export function sitesOf(code: string): TrustSite[] {
  return data[code]?.sites ?? [];
}

/** Sites once listed under a trust that another trust runs now (or one of several), each once. */
export function formerSitesOf(code: string): { site: TrustSite; now: string[] }[] {
  return formerSitesByTrust().get(code) ?? [];
}

/**
 * Every trust's former sites, indexed in one pass over the data on first use: asked once per trust
 * page, a scan of every trust each time made the page build grow with the square of the trusts.
 */
let formerSites: Map<string, { site: TrustSite; now: string[] }[]> | null = null;
function formerSitesByTrust(): Map<string, { site: TrustSite; now: string[] }[]> {
  if (formerSites) return formerSites;
  const byTrust = new Map<string, Map<string, { site: TrustSite; now: string[] }>>();
  for (const [owner, entry] of Object.entries(data))
    for (const s of entry.sites) {
      const was = s.before?.code;
      if (!was || owner === was || s.role === "ran") continue;
      const sites = byTrust.get(was) ?? byTrust.set(was, new Map()).get(was)!;
      const seen = sites.get(s.code);
      if (seen) seen.now.push(owner);
      else sites.set(s.code, { site: s, now: [owner] });
    }
  formerSites = new Map(
    [...byTrust].map(([was, sites]) => [
      was,
      [...sites.values()].sort((a, b) => compareNames(a.site.name, b.site.name)),
    ]),
  );
  return formerSites;
}

/** Sites whose trust closed before the trust list begins, with no successor recorded. */
export const sitesWithoutTrust = (): TrustSite[] => data[NO_TRUST]?.sites ?? [];

const closed = (d: string | null) => (d ? `, which closed on ${formatDate(d)}` : ", which has closed");

/**
 * What to say of a site whose trust changed, in one sentence, or "" when it did not. `names` gives a
 * trust's name from its code. Says no more than the records: a successor where one is recorded, and
 * plainly that none is where none is.
 */
export function siteNote(s: TrustSite, names: (code: string) => string): string {
  if (!s.before) return "";
  const was = `${s.name} was listed under ${s.before.name}${closed(s.before.closed)}`;
  if (s.role === "ran") return `${was}. No successor is recorded, so who runs it now is not known here.`;
  if (s.role === "one_of")
    return `${was}. Its successors are recorded as ${[...s.others.map(names)].join(" and ")} and this trust, but not which of them runs this site.`;
  return `${was}; the trust recorded as its successor runs it now.`;
}

/** A trust's sites as the finder reads them, each with what to say of its trust. */
export function siteParts(code: string, names: (code: string) => string): SiteParts[] {
  return sitesOf(code).map((s) => ({
    name: s.name,
    town: s.town,
    address: s.address,
    postcode: s.postcode,
    note: siteNote(s, names),
  }));
}

/** A trust as the finder searches it: name, other names, places and sites. */
export function trustCandidate(t: Trust, names: (code: string) => string): Candidate {
  const aliases = aliasesOf(t.code);
  const isName = (kind: string) => kind === "abbreviation" || kind === "former_name" || kind === "hospital";
  return candidateFor({
    code: t.code,
    name: t.name,
    names: [
      ...aliases.filter((a) => isName(a.kind)).map((a) => a.alias),
      ...(t.name_in_epr_list ? [t.name_in_epr_list] : []),
    ],
    places: [...aliases.filter((a) => !isName(a.kind)).map((a) => a.alias), t.region_name ?? "", t.icb?.name ?? ""],
    postcode: postcodeOf(t.code),
    acute: t.trust_type === "acute",
    sites: siteParts(t.code, names).map(siteTerm),
  });
}

/** A trust as the embedded finder carries it: the Candidate /trusts/ searches, its sites, and its answer. */
export function finderEntry(t: Trust, names: (code: string) => string, card: TrustCard): FinderEntry {
  const { sites: _, ...candidate } = trustCandidate(t, names);
  return { candidate, sites: siteParts(t.code, names), card: answerCard(t.code, card) };
}
