/**
 * data/sites.csv: hospitals and other trust sites, each with the trust that runs it now where the
 * records say. The data step checks each row against the trusts; pages and the finder read each
 * trust's sites as `sitesByTrust` gives them.
 */
import type { Problem } from "../data/errors.ts";
import { lineOf } from "../data/schema.ts";
import type { SiteRow } from "../data/tables.ts";
import { compareCodePoints, compareNames } from "../order.ts";

/**
 * Problems the per-cell schema cannot see: a basis its columns contradict, a trust that is not one of
 * ours, or a trust named as running a site though it has closed (the table is older than the trusts).
 */
export function checkSites(
  rows: readonly SiteRow[],
  trusts: readonly { code: string; close_date: string | null }[],
  knownCodes: readonly string[],
  file = "data/sites.csv",
  sourceIds: readonly string[] | null = null,
): Problem[] {
  const closedOn = new Map(trusts.map((t) => [t.code, t.close_date]));
  const known = new Set(knownCodes);
  const problems: Problem[] = [];
  rows.forEach((r, i) => {
    const line = lineOf(r) ?? i + 2;
    const bad = (column: string, value: string, expected: string) =>
      problems.push({ file, line, column, value, expected });
    const sure = r.basis === "listed" || r.basis === "successor";
    if (sure !== (r.trust_code !== null))
      bad(
        "trust_code",
        r.trust_code ?? "",
        sure ? `the trust that runs the site (basis ${r.basis})` : `no trust (basis ${r.basis})`,
      );
    if (r.basis === "listed" && r.trust_code !== null && r.trust_code !== r.listed_trust_code)
      bad("trust_code", r.trust_code, `the listed trust ${r.listed_trust_code} (basis listed), or basis successor`);
    if (r.basis === "successor" && r.trust_code === r.listed_trust_code)
      bad("basis", r.basis, `listed, since the trust now is the listed one (${r.listed_trust_code})`);
    if ((r.basis === "no_successor" || r.basis === "split") !== (r.ended_at_code !== null))
      bad("ended_at_code", r.ended_at_code ?? "", `a closed trust only when the basis is no_successor or split`);
    if ((r.basis === "split") !== (r.successor_codes !== null && r.successor_codes.length >= 2))
      bad("successor_codes", (r.successor_codes ?? []).join(";"), "two or more trusts only when the basis is split");
    for (const code of [r.trust_code, ...(r.successor_codes ?? [])])
      if (code !== null && !known.has(code))
        bad("trust_code", code, "the code of a trust in data/trusts.csv or data/epr-status.csv");
    if (r.trust_code && closedOn.get(r.trust_code))
      bad(
        "trust_code",
        r.trust_code,
        `a trust open now (${r.trust_code} closed on ${closedOn.get(r.trust_code)}): run \`npm run data:import\` to follow its successions`,
      );
    if (r.ended_at_code && closedOn.has(r.ended_at_code) && !closedOn.get(r.ended_at_code))
      bad("ended_at_code", r.ended_at_code, "a trust that has closed");
    if (sourceIds && !sourceIds.includes(r.source_id))
      bad("source_id", r.source_id, "a source id in data/sources.json");
  });
  return problems;
}

/** A site as one trust's page and finder see it. */
export interface TrustSite {
  code: string;
  name: string;
  town: string | null;
  address: string | null;
  postcode: string;
  /** runs: this trust runs it; ran: this trust closed and no successor is recorded; one_of: one of several successors. */
  role: "runs" | "ran" | "one_of";
  /** The trust listed before, when it is not this one (a merger), with its closing date. */
  before: { code: string; name: string; closed: string | null } | null;
  /** For one_of: the other trusts it may have gone to. */
  others: string[];
}

/**
 * Each trust's sites: those it runs, and those of a closed trust of ours whose successor is not recorded
 * (so a search for one leads to that trust, which says so). Sites of a trust closed before our list
 * began and with no successor recorded belong to no trust here: they come back under "".
 */
export function sitesByTrust(
  rows: readonly SiteRow[],
  trustName: (code: string) => string | null,
): Map<string, TrustSite[]> {
  const out = new Map<string, TrustSite[]>();
  const add = (code: string, site: TrustSite) => out.set(code, [...(out.get(code) ?? []), site]);
  for (const r of rows) {
    const listed = { code: r.listed_trust_code, name: r.listed_trust_name, closed: r.listed_trust_closed };
    const base = { code: r.code, name: r.name, town: r.town, address: r.address, postcode: r.postcode, others: [] };
    if (r.basis === "listed") add(r.trust_code!, { ...base, role: "runs", before: null });
    else if (r.basis === "successor") add(r.trust_code!, { ...base, role: "runs", before: listed });
    else if (r.basis === "no_successor") {
      const ended = r.ended_at_code!;
      const owner = trustName(ended) !== null ? ended : "";
      const before =
        ended === r.listed_trust_code ? listed : { code: ended, name: trustName(ended) ?? ended, closed: null };
      add(owner, { ...base, role: "ran", before });
    } else
      for (const code of r.successor_codes!)
        add(code, {
          ...base,
          role: "one_of",
          before:
            r.ended_at_code === r.listed_trust_code
              ? listed
              : { code: r.ended_at_code!, name: trustName(r.ended_at_code!) ?? r.ended_at_code!, closed: null },
          others: r.successor_codes!.filter((c) => c !== code),
        });
  }
  for (const list of out.values())
    list.sort((a, b) => compareNames(a.name, b.name) || compareCodePoints(a.code, b.code));
  return out;
}
