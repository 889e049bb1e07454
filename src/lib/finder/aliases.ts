/**
 * data/trust-aliases.csv: other names a reader may know a trust by. Each row is checked against the
 * trust it names: the code must be a trust's, and an abbreviation must be made of the initials of the
 * trust's own name or of a name it had before, in order, so no alias can be invented past the data.
 * Former names are added by the import when ODS renames a trust (withFormerNames).
 */
import type { Problem } from "../data/errors.ts";
import { compareCodePoints } from "../order.ts";
import { oneOf, text, type RowOf, type Schema, type TableSpec } from "../data/schema.ts";
import type { TrustSite } from "./sites.ts";

export const ALIAS_KINDS = ["abbreviation", "former_name", "hospital", "place", "town"] as const;
export type AliasKind = (typeof ALIAS_KINDS)[number];

export const trustAliasesTable = {
  key: ["code", "alias"],
  columns: {
    code: text({ pattern: /^[A-Z0-9]{3,5}$/, describe: "an ODS code of 3 to 5 capital letters or digits" }),
    alias: text({ maxLength: 80, name: true }),
    kind: oneOf(ALIAS_KINDS),
    source_url: text({
      pattern: /^https:\/\/[^\s<>"]+$/,
      describe: "an https:// address where the alias can be checked",
    }),
  },
} satisfies TableSpec<Schema>;

export type TrustAliasRow = RowOf<typeof trustAliasesTable.columns>;

/** Whether the letters of an abbreviation are initials of the name's words, in order (case ignored). */
export function isInitialsOf(abbreviation: string, name: string): boolean {
  const initials = name
    .split(/[\s,-]+/)
    .filter((w) => /^[A-Za-z]/.test(w))
    .map((w) => w[0]!.toUpperCase());
  let i = 0;
  for (const ch of abbreviation.toUpperCase()) {
    while (i < initials.length && initials[i] !== ch) i++;
    if (i === initials.length) return false;
    i++;
  }
  return true;
}

/** Problems with the rows that the per-cell schema cannot see: unknown trusts, made-up abbreviations. */
export function checkAliases(
  rows: readonly TrustAliasRow[],
  trusts: readonly { code: string; name: string }[],
  file = "data/trust-aliases.csv",
): Problem[] {
  const names = new Map(trusts.map((t) => [t.code, t.name]));
  // An abbreviation stays right after a rename: it may be the initials of a name the trust had.
  const formerNames = Map.groupBy(
    rows.filter((r) => r.kind === "former_name"),
    (r) => r.code,
  );
  const problems: Problem[] = [];
  rows.forEach((r, i) => {
    const line = i + 2;
    const name = names.get(r.code);
    if (name === undefined) {
      problems.push({
        file,
        line,
        column: "code",
        value: r.code,
        expected: "the code of a trust in data/trusts.csv or data/epr-status.csv",
      });
      return;
    }
    const namesHad = [name, ...(formerNames.get(r.code) ?? []).map((f) => f.alias)];
    if (
      r.kind === "abbreviation" &&
      !(/^[A-Za-z]{2,6}$/.test(r.alias) && namesHad.some((n) => isInitialsOf(r.alias, n)))
    ) {
      problems.push({
        file,
        line,
        column: "alias",
        value: r.alias,
        expected: `2 to 6 letters, each the initial of a word of ${namesHad.map((n) => `"${n}"`).join(" or ")}, in order`,
      });
    }
    if (r.alias.toLowerCase() === name.toLowerCase())
      problems.push({ file, line, column: "alias", value: r.alias, expected: "a name other than the trust's own" });
    if (!r.source_url.includes(r.code))
      problems.push({
        file,
        line,
        column: "source_url",
        value: r.source_url,
        expected: `the address of trust ${r.code}'s own record`,
      });
  });
  return problems;
}

/** The trust's own record in the ODS ORD API: where an alias of the trust can be checked. */
export const ORD_RECORD = "https://directory.spineservices.nhs.uk/ORD/2-0-0/organisations/";

/** What withFormerNames compares of a trust, before and after an import (columns of data/trusts.csv). */
export interface NamedTrust {
  code: string;
  /** Our tidied name, the one readers search for. */
  name: string;
  /** The name as ODS writes it: a change here is a rename. */
  ods_name: string;
}

/**
 * The aliases after an import that renamed trusts: a trust whose ODS name changed keeps its former name
 * as a `former_name` alias, so readers who know the old name still find it. Aliases stay attached to the
 * code, so curated ones (an abbreviation of the old name) survive a rename. A former name that is again
 * the trust's name is dropped. Rows come back sorted by code and kind, the order of the file.
 */
export function withFormerNames(
  rows: readonly TrustAliasRow[],
  before: readonly NamedTrust[],
  after: readonly NamedTrust[],
): TrustAliasRow[] {
  const nowNamed = new Map(after.map((t) => [t.code, t.name.toLowerCase()]));
  const kept = rows.filter((r) => !(r.kind === "former_name" && nowNamed.get(r.code) === r.alias.toLowerCase()));
  const previous = new Map(before.map((t) => [t.code, t]));
  const added: TrustAliasRow[] = [];
  for (const t of after) {
    const old = previous.get(t.code);
    if (!old || old.ods_name === t.ods_name || old.name.toLowerCase() === t.name.toLowerCase()) continue;
    const known = kept.some((r) => r.code === t.code && r.alias.toLowerCase() === old.name.toLowerCase());
    if (!known) added.push({ code: t.code, alias: old.name, kind: "former_name", source_url: ORD_RECORD + t.code });
  }
  // Stable: rows already in the file keep their order; a new one follows its trust's rows of the same kind.
  return [...kept, ...added].sort((a, b) => compareCodePoints(a.code, b.code) || compareCodePoints(a.kind, b.kind));
}

/** What the finder needs beyond the site's trust data: each trust's headquarters postcode, aliases and sites. */
export interface TrustSearchData {
  [code: string]: { postcode: string | null; aliases: { alias: string; kind: AliasKind }[]; sites: TrustSite[] };
}

/** Under this key: sites whose trust closed before the trust list begins, with no successor recorded. */
export const NO_TRUST = "";

export function trustSearchData(
  trusts: readonly { code: string; postcode: string | null }[],
  rows: readonly TrustAliasRow[],
  sites: ReadonlyMap<string, TrustSite[]> = new Map(),
): TrustSearchData {
  const out: TrustSearchData = {};
  const empty = () => ({ postcode: null, aliases: [], sites: [] });
  for (const t of [...trusts].sort((a, b) => (a.code < b.code ? -1 : 1)))
    out[t.code] = { postcode: t.postcode, aliases: [], sites: [] };
  for (const r of rows) (out[r.code] ??= empty()).aliases.push({ alias: r.alias, kind: r.kind });
  for (const [code, list] of [...sites].sort(([a], [b]) => (a < b ? -1 : 1))) (out[code] ??= empty()).sites = list;
  return out;
}
