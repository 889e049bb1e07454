/**
 * data/trust-aliases.csv: other names a reader may know a trust by. Each row is checked against the
 * trust it names: the code must be a trust's, and an abbreviation must be made of the initials of the
 * trust's own name, in order, so no alias can be invented past the data.
 */
import type { Problem } from "../data/errors.ts";
import { oneOf, text, type RowOf, type Schema, type TableSpec } from "../data/schema.ts";

export const ALIAS_KINDS = ["abbreviation", "hospital", "place", "town"] as const;
export type AliasKind = (typeof ALIAS_KINDS)[number];

export const trustAliasesTable = {
  key: ["code", "alias"],
  columns: {
    code: text({ pattern: /^[A-Z0-9]{3,5}$/, describe: "an ODS code of 3 to 5 capital letters or digits" }),
    alias: text({ maxLength: 80 }),
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
    if (r.kind === "abbreviation" && !(/^[A-Za-z]{2,6}$/.test(r.alias) && isInitialsOf(r.alias, name))) {
      problems.push({
        file,
        line,
        column: "alias",
        value: r.alias,
        expected: `2 to 6 letters, each the initial of a word of "${name}", in order`,
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

/** What the finder needs beyond the site's trust data: each trust's headquarters postcode and its aliases. */
export interface TrustSearchData {
  [code: string]: { postcode: string | null; aliases: { alias: string; kind: AliasKind }[] };
}

export function trustSearchData(
  trusts: readonly { code: string; postcode: string | null }[],
  rows: readonly TrustAliasRow[],
): TrustSearchData {
  const out: TrustSearchData = {};
  for (const t of [...trusts].sort((a, b) => (a.code < b.code ? -1 : 1)))
    out[t.code] = { postcode: t.postcode, aliases: [] };
  for (const r of rows)
    (out[r.code] ??= { postcode: null, aliases: [] }).aliases.push({ alias: r.alias, kind: r.kind });
  return out;
}
