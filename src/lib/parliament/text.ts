/**
 * Text of Parliament's written answers: the service returns answers as HTML, and we keep a plain-text
 * copy beside it so that a quotation can be checked against the answer with a plain string search.
 * Everything here is pure and deterministic: the same HTML always gives the same text.
 */

/** Named entities seen in Parliament's answers, plus the XML five. Anything else is left as written. */
const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  pound: "£",
  euro: "€",
  ndash: "–",
  mdash: "—",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  hellip: "…",
  bull: "•",
  middot: "·",
  deg: "°",
  frac12: "½",
  frac14: "¼",
  frac34: "¾",
  eacute: "é",
  egrave: "è",
  aacute: "á",
  oacute: "ó",
  uuml: "ü",
  ouml: "ö",
  shy: "",
  times: "×",
  minus: "−",
  le: "≤",
  ge: "≥",
  copy: "©",
  reg: "®",
  trade: "™",
  sect: "§",
  para: "¶",
  ensp: " ",
  emsp: " ",
  thinsp: " ",
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (whole, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      // Out-of-range or surrogate code points are not characters: keep the text as written.
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body] ?? NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** Elements that start a new line of text: paragraphs, list items, table rows, headings, breaks. */
const BLOCK = /^(p|div|li|ul|ol|tr|table|tbody|thead|tfoot|h[1-6]|blockquote|br|hr|section|article|dl|dt|dd|caption)$/i;

/**
 * Plain text of an answer's HTML: one line per paragraph, list item or table row, spaces collapsed,
 * entities decoded, no empty lines. Table cells in a row are separated by a single space. Non-breaking
 * spaces become plain spaces, so a quotation typed with ordinary spaces is found.
 */
export function htmlToText(html: string): string {
  const withoutHidden = html.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, "").replace(/<!--[\s\S]*?-->/g, "");
  // Line ends in HTML source are spaces; only the elements below break lines.
  const marked = withoutHidden
    .replace(/\s+/g, " ")
    .replace(/<\/?([a-z][a-z0-9]*)\b[^>]*>/gi, (_tag, name: string) =>
      BLOCK.test(name) ? "\n" : /^t[dh]$/i.test(name) ? " " : "",
    );
  return decodeEntities(marked)
    .normalize("NFC")
    .replace(/\r/g, "")
    .split("\n")
    .map((line) => line.replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
}

const MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November|December)";
/**
 * Numbers that are not figures: dates, years, financial years, references to other questions, parts
 * of documents, and names with numbers in them (the NHS's ten-year plan, NHS 111). What is left after removing them is a figure.
 */
const NOT_FIGURES = [
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}(?:\\s+\\d{4})?\\b`, "g"),
  new RegExp(`\\b${MONTH}\\s+\\d{4}\\b`, "g"),
  /\b(?:19|20)\d{2}\s*(?:\/|-|–|to)\s*(?:19|20)?\d{2}\b/g,
  /\b(?:19|20)\d{2}\b/g,
  /\b(?:UIN|PQ|question|questions|HL)\s*\d+(?:\s*(?:,|and|to)\s*\d+)*/gi,
  /\b(?:page|pages|paragraph|paragraphs|section|sections|schedule|part|chapter|annex|clause|figure|table|footnote|recommendation)\s+\d+/gi,
  /\b10[- ]Year\b/gi,
  /\bNHS\s?111\b/g,
];

/** True when the text states a figure: a number other than a date, a year or a reference. */
export function hasFigure(text: string): boolean {
  let rest = text;
  for (const re of NOT_FIGURES) rest = rest.replace(re, " ");
  return /\d/.test(rest) || /\bper\s?cent\b/i.test(rest);
}

/** Sentences of plain text: split after . ! ? or a line end, before what looks like a new sentence. */
export function sentences(text: string): string[] {
  return text
    .split("\n")
    .flatMap((line) => line.split(/(?<=[.!?])\s+(?=[A-Z0-9£“"‘'(])/))
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** The sentences of an answer that state a figure, in order, for a reviewer to read. */
export function figureSentences(text: string): string[] {
  return sentences(text).filter(hasFigure);
}

/**
 * A search term as a whole-word, case-insensitive pattern that also matches its plural
 * ("electronic patient record" matches "Electronic Patient Records"; "EPR" matches "EPRs" but not "EPRS"
 * inside another word). Spaces in a term match any run of whitespace.
 */
export function termPattern(term: string): RegExp {
  const body = term
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("\\s+");
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}s?(?![\\p{L}\\p{N}])`, "iu");
}

/** Which of the terms a set of texts mentions, in the order the terms are configured. */
export function matchedTerms(terms: readonly string[], texts: readonly (string | null | undefined)[]): string[] {
  return terms.filter((t) => texts.some((x) => x && termPattern(t).test(x)));
}
