/** The finder's data for pages: each trust's aliases and headquarters postcode, from the data step. */
import raw from "../generated/trust-search.json" with { type: "json" };
import type { Trust } from "./data/model.ts";
import type { TrustSearchData } from "./finder/aliases.ts";
import { candidateFor, type Candidate } from "./finder/search.ts";

const data = raw as unknown as TrustSearchData;

export function aliasesOf(code: string): TrustSearchData[string]["aliases"] {
  return data[code]?.aliases ?? [];
}

export function postcodeOf(code: string): string | null {
  return data[code]?.postcode ?? null;
}

/** A trust as the finder searches it: name, code, postcode, region, board and aliases. */
export function trustCandidate(t: Trust): Candidate {
  return candidateFor({
    code: t.code,
    name: t.name,
    postcode: postcodeOf(t.code),
    region: t.region_name,
    board: t.icb?.name ?? null,
    aliases: [...aliasesOf(t.code).map((a) => a.alias), ...(t.name_in_epr_list ? [t.name_in_epr_list] : [])],
    acute: t.trust_type === "acute",
  });
}
