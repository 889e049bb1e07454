/**
 * The hospital finder: match what a reader types (a hospital, a trust's name or short form, a town, a
 * postcode, an ODS code) against each trust's names, places and sites. Pure and small: the trust
 * table's script runs it in the browser, and tests run it on the real data.
 */

/** Words that say nothing about which trust: "Norfolk & Norwich NHS FT" means "norfolk norwich". */
const STOP_WORDS = new Set(["and", "the", "of", "nhs", "trust", "foundation", "ft", "for", "at", "in", "a"]);
/**
 * Words nearly every hospital has: they never pick a trust on their own, so "Addenbrooke's Hospital" is
 * found by "addenbrookes" and not by the hundred trusts with a hospital.
 */
const GENERIC = new Set([
  "hospital",
  "hospitals",
  "infirmary",
  "general",
  "district",
  "community",
  "centre",
  "center",
  "clinic",
  "unit",
  "health",
  "healthcare",
  "care",
  "services",
  "university",
  "teaching",
  "memorial",
  "campus",
  "site",
]);

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

/** A postcode without spaces, upper case, and its first half; null when the text is neither. */
export function postcodeOf(s: string): { full: string; outward: string } | null {
  const compact = s.toUpperCase().replace(/\s+/g, "");
  const full = /^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})$/.exec(compact);
  if (full) return { full: compact, outward: full[1]! };
  if (/^[A-Z]{1,2}\d[A-Z\d]?$/.test(compact)) return { full: "", outward: compact };
  return null;
}

const areaOf = (outward: string) => /^[A-Z]{1,2}/.exec(outward)?.[0] ?? "";
const outwardOf = (postcode: string) => postcodeOf(postcode)?.outward ?? "";

/** The words of a text that can pick out a trust: normalised, without the stop words. */
export function keyWords(s: string): string[] {
  return normalise(s)
    .split(" ")
    .filter((t) => t && !STOP_WORDS.has(t));
}

/** One site of a trust as the finder sees it. */
export interface SiteTerm {
  /** Key words of its name. */
  name: string;
  /** Key words of its town and address. */
  place: string;
  /** Postcode without spaces. */
  postcode: string;
  /** As a reader knows it: "Southmead Hospital, Bristol BS10 5NB". */
  label: string;
  /** What to say when it is the match and its trust needs explaining (a closure), else "". */
  note: string;
}

/** What the finder knows of one trust. */
export interface Candidate {
  code: string;
  /** Key words of its name. */
  name: string;
  /** Key words of the other names it is known by (former names, short forms), parts divided by " / ". */
  names: string;
  /** Key words of its places (headquarters, town, region, board) and its code, parts divided by " / ". */
  terms: string;
  /** Headquarters postcode without spaces, if known. */
  postcode: string | null;
  acute: boolean;
  sites: SiteTerm[];
}

/** What a site is before the finder reads it: as the data gives it, with a note on its trust. */
export type SiteParts = Parameters<typeof siteTerm>[0];

/** A site as a page carries it for the script: the data's own words, read by `siteTerm` there, to keep the page small. */
export type SiteRow = [name: string, town: string, address: string, postcode: string, note: string];
export const siteRow = (s: SiteParts): SiteRow => [s.name, s.town ?? "", s.address ?? "", s.postcode, s.note ?? ""];
export const siteFromRow = ([name, town, address, postcode, note]: readonly string[]): SiteTerm =>
  siteTerm({ name: name!, town: town || null, address: address || null, postcode: postcode!, note: note! });
export const packSites = (sites: readonly SiteParts[]): string => JSON.stringify(sites.map(siteRow));
export const unpackSites = (text: string): SiteTerm[] => (JSON.parse(text) as string[][]).map(siteFromRow);

/** Parts of a Candidate's text: each a list of words. */
const parts = (s: string) => (s ? s.split(" / ").map((p) => p.split(" ")) : []);

/** The key words of the parts, divided by " / " so that a phrase never runs from one part into the next. */
export const joinParts = (texts: readonly string[]) =>
  texts
    .map((t) => keyWords(t).join(" "))
    .filter(Boolean)
    .join(" / ");

export type FindKind = "empty" | "generic" | "match" | "partial" | "initials" | "postcode" | "postcode-area" | "none";

export interface FindResult {
  kind: FindKind;
  /** Matching trusts, best first. */
  codes: string[];
  /** For a partial match: the query words the results share. For a postcode: the part matched. */
  matched: string[];
  /** The site the first trust was found by, if it was found by one. */
  site?: SiteTerm;
}

/** A query word matches a word it begins; words of one or two letters ("st") must match whole. */
const wordMatches = (token: string, word: string) => (token.length <= 2 ? word === token : word.startsWith(token));
const anyMatch = (token: string, words: readonly string[]) => words.some((w) => wordMatches(token, w));
const distinct = (words: readonly string[]) => words.filter((w) => !GENERIC.has(w));
/** Every token matches a word of `words`, in order and next to each other. */
function phraseIn(tokens: readonly string[], words: readonly string[]): boolean {
  for (let i = 0; i + tokens.length <= words.length; i++)
    if (tokens.every((t, j) => wordMatches(t, words[i + j]!))) return true;
  return false;
}
/** The distinctive words are the same, one for one (each may be cut short). */
const exact = (tokens: readonly string[], words: readonly string[]) => {
  const d = distinct(words);
  return d.length === tokens.length && phraseIn(tokens, d);
};

/**
 * How well a trust matches, lower is better, or null when a distinctive word matches none of its text.
 * 0 its code; 1 its name exactly; 2 the words together in its name; 3 a site or another name exactly;
 * 4 together in a site's or another name; 5 all in one site, name or place; 6 scattered.
 */
function rank(
  c: Candidate,
  tokens: readonly string[],
  key: readonly string[],
): { tier: number; site?: SiteTerm } | null {
  if (tokens.length === 1 && c.code.toLowerCase() === tokens[0]) return { tier: 0 };
  const name = c.name.split(" ");
  const names = parts(c.names);
  const places = parts(c.terms);
  const siteNames = c.sites.map((s) => s.name.split(" "));
  const sitePlaces = c.sites.map((s, i) => [
    ...siteNames[i]!,
    ...s.place.split(" "),
    s.postcode.toLowerCase(),
    outwardOf(s.postcode).toLowerCase(),
  ]);
  const all = [name, ...names, ...places, ...sitePlaces].flat();
  if (!key.every((t) => anyMatch(t, all))) return null;
  const siteWhere = (test: (words: string[]) => boolean, of: string[][]) => {
    const i = of.findIndex(test);
    return i < 0 ? null : c.sites[i]!;
  };
  if (exact(key, name)) return { tier: 1 };
  if (phraseIn(key, distinct(name))) return { tier: 2 };
  const exactSite = siteWhere((w) => exact(key, w), siteNames);
  if (exactSite) return { tier: 3, site: exactSite };
  if (names.some((w) => exact(key, w))) return { tier: 3 };
  const phraseSite = siteWhere((w) => phraseIn(key, distinct(w)), siteNames);
  if (phraseSite) return { tier: 4, site: phraseSite };
  if (names.some((w) => phraseIn(key, distinct(w)))) return { tier: 4 };
  const inOne = (w: string[]) => key.every((t) => anyMatch(t, w));
  const oneSite = siteWhere(inOne, sitePlaces);
  if (oneSite) return { tier: 5, site: oneSite };
  if ([name, ...names, ...places].some(inOne)) return { tier: 5 };
  return { tier: 6 };
}

/**
 * Whether every word, the generic ones too, is in one place of the trust: its own text, or one site
 * (which is a hospital or site, so those words need not be in its name). That site, if it was one.
 */
function whole(c: Candidate, tokens: readonly string[]): { site?: SiteTerm } | null {
  const own = [c.name, c.names, c.terms].join(" ").replace(/ \/ /g, " ").split(" ");
  if (tokens.every((t) => anyMatch(t, own))) return {};
  const site = c.sites.find((s) => {
    const words = [...s.name.split(" "), ...s.place.split(" "), "hospital", "site"];
    return tokens.every((t) => anyMatch(t, words));
  });
  return site ? { site } : null;
}

/** Whether `token` begins the initials of the name's words: "qmc" of "queens medical centre campus". */
const initialsBegin = (token: string, words: readonly string[]) =>
  words.length >= token.length &&
  words
    .map((w) => w[0])
    .join("")
    .startsWith(token);

/**
 * Other spellings of a name that find in page should find, as pages print them after it: without its
 * apostrophes ("Kings Lynn"), and its initials when it has three or more key words ("QMCC").
 */
export function otherSpellings(name: string, opts: { initials?: boolean } = {}): string[] {
  const plain = name.replace(/['’]/g, "");
  const initials = opts.initials === false ? "" : initialsOf(name);
  return [plain !== name ? plain : "", initials].filter(Boolean);
}

/** The initials of a name of three or more key words, as pages print them ("QMCC"); else "". */
export function initialsOf(name: string): string {
  const words = keyWords(name);
  return words.length >= 3
    ? words
        .map((w) => w[0])
        .join("")
        .toUpperCase()
    : "";
}

export function findTrusts(query: string, candidates: readonly Candidate[]): FindResult {
  const tokens = keyWords(query);
  if (tokens.length === 0) return { kind: "empty", codes: candidates.map((c) => c.code), matched: [] };
  const key = distinct(tokens);
  if (key.length === 0) return { kind: "generic", codes: candidates.map((c) => c.code), matched: tokens };
  const byName = (a: Candidate, b: Candidate) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  // Among equals, a trust that runs hospitals first: most readers have a hospital in mind.
  const acuteFirst = (a: Candidate, b: Candidate) => Number(b.acute) - Number(a.acute) || byName(a, b);

  const ranked = candidates
    .map((c) => ({ c, r: rank(c, tokens, key) }))
    .filter((x): x is { c: Candidate; r: NonNullable<ReturnType<typeof rank>> } => x.r !== null)
    .sort((a, b) => a.r.tier - b.r.tier || acuteFirst(a.c, b.c));
  // A postcode, unless it is a trust's code (RM1): the trusts with a site or headquarters there, else in its district.
  const pc = ranked[0]?.r.tier === 0 ? null : postcodeOf(query);
  if (pc) {
    const at = (test: (p: string) => boolean) => {
      const hits = candidates
        .map((c) => ({ c, site: c.sites.find((s) => test(s.postcode)), hq: c.postcode !== null && test(c.postcode) }))
        .filter((h) => h.site || h.hq)
        .sort((a, b) => Number(Boolean(b.site)) - Number(Boolean(a.site)) || acuteFirst(a.c, b.c));
      return { codes: hits.map((h) => h.c.code), site: hits[0]?.site };
    };
    const exactly = pc.full ? at((p) => p === pc.full) : { codes: [] as string[], site: undefined };
    if (exactly.codes.length)
      return {
        kind: "postcode",
        codes: exactly.codes,
        matched: [pc.full],
        ...(exactly.site ? { site: exactly.site } : {}),
      };
    const district = at((p) => outwardOf(p) === pc.outward);
    if (district.codes.length) return { kind: "postcode", codes: district.codes, matched: [pc.outward] };
  }

  if (ranked.length) {
    const best = ranked[0]!;
    // Words scattered over a trust's text count only when nothing better matched.
    const kept = best.r.tier < 6 ? ranked.filter((x) => x.r.tier < 6) : ranked;
    const all = whole(best.c, tokens);
    const site = best.r.site ?? all?.site;
    return {
      kind: all ? "match" : "partial",
      codes: kept.map((x) => x.c.code),
      matched: all ? tokens : key,
      ...(site ? { site } : {}),
    };
  }

  // An abbreviation: the initials of a site's name, or of the trust's.
  if (key.length === 1 && /^[a-z]{3,6}$/.test(key[0]!)) {
    const t = key[0]!;
    const hits = candidates
      .map((c) => ({ c, site: c.sites.find((s) => initialsBegin(t, s.name.split(" "))) }))
      .filter((h) => h.site || initialsBegin(t, h.c.name.split(" ")))
      .sort((a, b) => acuteFirst(a.c, b.c));
    if (hits.length)
      return {
        kind: "initials",
        codes: hits.map((h) => h.c.code),
        matched: [t],
        ...(hits[0]!.site ? { site: hits[0]!.site } : {}),
      };
  }

  if (pc) {
    const area = areaOf(pc.outward);
    const inArea = candidates
      .filter((c) =>
        [c.postcode ?? "", ...c.sites.map((s) => s.postcode)].some((p) => p && areaOf(outwardOf(p)) === area),
      )
      .sort(acuteFirst)
      .map((c) => c.code);
    if (inArea.length) return { kind: "postcode-area", codes: inArea, matched: [area] };
  }

  // Some words match: keep the trusts that match the rarest distinctive ones.
  const words = new Map(
    candidates.map((c) => [
      c.code,
      [c.name, c.names, c.terms, ...c.sites.flatMap((s) => [s.name, s.place])].join(" ").split(" "),
    ]),
  );
  const n = candidates.length;
  const weight = new Map(
    key.map((t) => [t, Math.log((n + 1) / (1 + candidates.filter((c) => anyMatch(t, words.get(c.code)!)).length))]),
  );
  const scored = candidates
    .map((c) => {
      const hit = key.filter((t) => anyMatch(t, words.get(c.code)!));
      return { c, hit, score: hit.reduce((s, t) => s + weight.get(t)!, 0) };
    })
    .filter((s) => s.hit.length > 0);
  if (scored.length === 0) return { kind: "none", codes: [], matched: [] };
  const top = Math.max(...scored.map((s) => s.score));
  const best = scored.filter((s) => s.score >= top - 1e-9).sort((a, b) => acuteFirst(a.c, b.c));
  return { kind: "partial", codes: best.map((s) => s.c.code), matched: best[0]!.hit };
}

/** What to tell the reader above the results, or null when the results speak for themselves. */
export function findHint(query: string, r: FindResult): string | null {
  const q = query.trim();
  const note = r.site?.note ? ` ${r.site.note}` : "";
  switch (r.kind) {
    case "empty":
      return null;
    case "match":
      return note.trim() || null;
    case "generic":
      return `"${q}" alone could be any trust: add the hospital's name, its town or its postcode.`;
    case "initials":
      return `"${q.toUpperCase()}" taken as initials${r.site ? ` of ${r.site.label}` : ""}.${note}`;
    case "postcode":
      return r.site
        ? `The hospital or site at ${q.toUpperCase()}: ${r.site.label}.${note}`
        : `Trusts with a hospital or headquarters in ${r.matched[0]}. A trust runs services well beyond these: check the trust's page.`;
    case "postcode-area":
      return `No trust has a hospital or headquarters listed in ${q.toUpperCase()}. These have one in the ${r.matched[0]} postcode area.`;
    case "partial":
      return `Partial match: no trust matches every word of "${q}". ${r.codes.length === 1 ? "This one matches" : "These match"} "${r.matched.join(" ")}": check the trust's page.${note}`;
    case "none":
      return `No trust matches "${q}". Try a hospital (Addenbrooke's), a town (Norwich), a postcode (NR4 7UY), part of a trust's name or an ODS code (RM1).`;
  }
}

/** The trust-level text of a Candidate, from the parts the data has. */
export function candidateFor(parts: {
  code: string;
  name: string;
  /** Other names: former names, abbreviations, the name in NHS England's list. */
  names: readonly string[];
  /** Places: headquarters hospital, town, region, board. */
  places: readonly string[];
  postcode: string | null;
  acute: boolean;
  sites?: readonly SiteTerm[];
}): Candidate {
  const pc = parts.postcode ? postcodeOf(parts.postcode) : null;
  return {
    code: parts.code,
    name: keyWords(parts.name).join(" "),
    names: joinParts(parts.names),
    terms: joinParts([parts.code, ...parts.places, pc ? `${pc.full} ${pc.outward}` : ""]),
    postcode: pc?.full || null,
    acute: parts.acute,
    sites: [...(parts.sites ?? [])],
  };
}

/** A site as the finder sees it, from what the data says of it. */
export function siteTerm(s: {
  name: string;
  town: string | null;
  address: string | null;
  postcode: string;
  note?: string;
}): SiteTerm {
  return {
    name: keyWords(s.name).join(" "),
    place: keyWords(`${s.town ?? ""} ${s.address ?? ""}`).join(" "),
    postcode: s.postcode.replace(/\s+/g, ""),
    label: `${s.name}, ${s.town ? `${s.town} ` : ""}${s.postcode}`,
    note: s.note ?? "",
  };
}
