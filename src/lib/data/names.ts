/** Trust names arrive in upper case with stray spaces; we show them in the form trusts use themselves. */

const KEEP_UPPER = new Set(["NHS", "ICB", "UK"]);
const KEEP_LOWER = new Set(["and", "of", "the", "for", "in", "on", "upon", "at", "with", "by"]);

function capitalise(word: string): string {
  // Capitalise after hyphens too (Weston-Super-Mare is rare; Mid-Cheshire is common).
  return word
    .split("-")
    .map((part) => (part ? part[0]!.toUpperCase() + part.slice(1) : part))
    .join("-");
}

/** Collapse runs of whitespace and trim: the NHS England list has doubled and trailing spaces. */
export function tidySpaces(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** "BIRMINGHAM WOMEN'S AND CHILDREN'S NHS FOUNDATION TRUST" → "Birmingham Women's and Children's NHS Foundation Trust". */
export function tidyTrustName(raw: string): string {
  const words = tidySpaces(raw).split(" ");
  const mixedCase = words.some((w) => /[a-z]/.test(w));
  if (mixedCase) return words.join(" "); // already written by a person; leave it alone
  return words
    .map((w, i) => {
      if (KEEP_UPPER.has(w)) return w;
      const lower = w.toLowerCase();
      if (i > 0 && KEEP_LOWER.has(lower)) return lower;
      return capitalise(lower);
    })
    .join(" ");
}
