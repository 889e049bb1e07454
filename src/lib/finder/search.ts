/**
 * The hospital finder: match what a reader types (a trust's name or short form, a town, a hospital,
 * a postcode, an ODS code) against each trust's search terms. Pure and small: the trust table's
 * script runs it in the browser, and tests run it on the real terms.
 */

/** Words that say nothing about which trust: "Norfolk & Norwich NHS FT" means "norfolk norwich". */
const STOP_WORDS = new Set(["and", "the", "of", "nhs", "trust", "foundation", "ft", "for", "at", "in", "a"]);
/** Words that mean a reader has a hospital in mind, so acute trusts come first among equals. */
const HOSPITAL_WORDS = new Set(["hospital", "hospitals", "infirmary", "general", "royal", "district", "university"]);

/** Lower case, no accents or apostrophes, "&" as "and", "saint" as "st", punctuation as spaces. */
export function normalise(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’‘`]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .replace(/\bsaint\b/g, "st")
    .trim();
}

/** A postcode without spaces, upper case; "" when the text is not one (or not its first half). */
export function postcodeOf(s: string): { full: string; outward: string } | null {
  const compact = s.toUpperCase().replace(/\s+/g, "");
  const full = /^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})$/.exec(compact);
  if (full) return { full: compact, outward: full[1]! };
  if (/^[A-Z]{1,2}\d[A-Z\d]?$/.test(compact)) return { full: "", outward: compact };
  return null;
}

const areaOf = (outward: string) => /^[A-Z]{1,2}/.exec(outward)?.[0] ?? "";

/** What the finder knows of one trust. `terms` is normalised text of its name, code, place, board and aliases. */
export interface Candidate {
  code: string;
  /** Normalised name, so a match in the name ranks above a match in an alias. */
  name: string;
  terms: string;
  /** Headquarters postcode without spaces, if known. */
  postcode: string | null;
  acute: boolean;
}

/** The words of a text that can pick out a trust: normalised, without the stop words. */
export function keyWords(s: string): string[] {
  return normalise(s)
    .split(" ")
    .filter((t) => t && !STOP_WORDS.has(t));
}

/**
 * Everything the finder searches for a trust, as one string: each part's key words, parts divided by
 * " / " so that a phrase never runs from one part into the next.
 */
export function searchTerms(parts: {
  name: string;
  code: string;
  postcode: string | null;
  region: string | null;
  board: string | null;
  aliases: readonly string[];
}): string {
  const pc = parts.postcode ? postcodeOf(parts.postcode) : null;
  const bits = [
    parts.name,
    parts.code,
    parts.region ?? "",
    parts.board ?? "",
    ...parts.aliases,
    pc ? `${pc.full} ${pc.outward}` : "",
  ];
  return bits
    .map((b) => keyWords(b).join(" "))
    .filter(Boolean)
    .join(" / ");
}

/** The words of a query that can pick out a trust. */
export const queryTokens = keyWords;

export type FindKind = "empty" | "match" | "partial" | "postcode" | "postcode-area" | "none";

export interface FindResult {
  kind: FindKind;
  /** Matching trusts, best first. */
  codes: string[];
  /** For a partial match: the query words the results share. For a postcode: the part matched. */
  matched: string[];
}

/** A query word matches a term word it begins; words of one or two letters ("st") must match whole. */
function tokenMatches(token: string, words: readonly string[]): boolean {
  return token.length <= 2 ? words.includes(token) : words.some((w) => w.startsWith(token));
}

export function findTrusts(query: string, candidates: readonly Candidate[]): FindResult {
  const tokens = queryTokens(query);
  if (tokens.length === 0) return { kind: "empty", codes: candidates.map((c) => c.code), matched: [] };
  const words = new Map(candidates.map((c) => [c.code, c.terms.split(" ")]));
  const nameWords = new Map(candidates.map((c) => [c.code, c.name.split(" ")]));
  const phrase = tokens.join(" ");
  const hospitalQuery = tokens.some((t) => HOSPITAL_WORDS.has(t));
  const byName = (a: Candidate, b: Candidate) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const acuteFirst = (a: Candidate, b: Candidate) => (hospitalQuery ? Number(b.acute) - Number(a.acute) : 0);

  // Every word matches: best are the code itself, then the words as a phrase, then all in the name.
  const full = candidates.filter((c) => tokens.every((t) => tokenMatches(t, words.get(c.code)!)));
  if (full.length) {
    const tier = (c: Candidate) =>
      tokens.length === 1 && c.code.toLowerCase() === tokens[0]
        ? 0
        : ` ${c.name} `.includes(` ${phrase}`)
          ? 1
          : ` ${c.terms} `.includes(` ${phrase}`)
            ? 2
            : tokens.every((t) => tokenMatches(t, nameWords.get(c.code)!))
              ? 3
              : 4;
    return {
      kind: "match",
      codes: [...full].sort((a, b) => tier(a) - tier(b) || acuteFirst(a, b) || byName(a, b)).map((c) => c.code),
      matched: tokens,
    };
  }

  // A postcode: the headquarters at that postcode, else in its district, else in its area.
  const pc = postcodeOf(query);
  if (pc) {
    const at = (test: (p: string) => boolean) =>
      candidates
        .filter((c) => c.postcode && test(c.postcode))
        .sort(byName)
        .map((c) => c.code);
    const exact = pc.full ? at((p) => p === pc.full) : [];
    if (exact.length) return { kind: "postcode", codes: exact, matched: [pc.full] };
    const district = at((p) => postcodeOf(p)?.outward === pc.outward);
    if (district.length) return { kind: "postcode", codes: district, matched: [pc.outward] };
    const area = areaOf(pc.outward);
    const inArea = at((p) => areaOf(postcodeOf(p)?.outward ?? "") === area);
    if (inArea.length) return { kind: "postcode-area", codes: inArea, matched: [area] };
  }

  // Some words match: keep the trusts that match the rarest words. Words every hospital might have
  // ("general", "infirmary") count for a tenth, so the place in "Leeds General Infirmary" decides.
  const n = candidates.length;
  const rarity = (t: string) =>
    Math.log((n + 1) / (1 + candidates.filter((c) => tokenMatches(t, words.get(c.code)!)).length));
  const weight = new Map(tokens.map((t) => [t, rarity(t) * (HOSPITAL_WORDS.has(t) ? 0.1 : 1)]));
  const scored = candidates
    .map((c) => {
      const hit = tokens.filter((t) => tokenMatches(t, words.get(c.code)!));
      return { c, hit, score: hit.reduce((s, t) => s + weight.get(t)!, 0) };
    })
    .filter((s) => s.hit.length > 0);
  if (scored.length === 0) return { kind: "none", codes: [], matched: [] };
  const best = Math.max(...scored.map((s) => s.score));
  const top = scored.filter((s) => s.score >= best - 1e-9).sort((a, b) => acuteFirst(a.c, b.c) || byName(a.c, b.c));
  return { kind: "partial", codes: top.map((s) => s.c.code), matched: top[0]!.hit };
}

/** What to tell the reader above the results, or null when the results speak for themselves. */
export function findHint(query: string, r: FindResult): string | null {
  const q = query.trim();
  switch (r.kind) {
    case "empty":
    case "match":
      return null;
    case "postcode":
      return `Trusts with their headquarters at ${r.matched[0]}. A trust runs services well beyond its headquarters: check the trust's page.`;
    case "postcode-area":
      return `No trust has its headquarters in ${q.toUpperCase()}. These have theirs in the ${r.matched[0]} postcode area; a trust runs services well beyond its headquarters.`;
    case "partial":
      return `No trust matches every word of "${q}". ${r.codes.length === 1 ? "This one matches" : "These match"} "${r.matched.join(" ")}": a hospital is run by a trust, often under another name, so check the trust's page.`;
    case "none":
      return `No trust matches "${q}". Try part of a trust's name, a town (Norwich), a hospital (Treliske), a postcode (NR4 7UY) or an ODS code (RM1).`;
  }
}

/** A trust as the finder sees it, from the parts the data has. */
export function candidateFor(parts: Parameters<typeof searchTerms>[0] & { acute: boolean }): Candidate {
  const pc = parts.postcode ? postcodeOf(parts.postcode) : null;
  return {
    code: parts.code,
    name: keyWords(parts.name).join(" "),
    terms: searchTerms(parts),
    postcode: pc?.full || null,
    acute: parts.acute,
  };
}
