/**
 * Characters no text in our data may hold, wherever it comes from (CSV cells, sources.json,
 * changelog.json, Parliament's answers). Each would either break output (XML forbids most control
 * characters, so one in the changelog makes the Atom feed unreadable) or mislead a reader (bidirectional
 * overrides can make a trust's name display as a different name; zero-width characters hide inside one).
 */
const RULES: [RegExp, string][] = [
  // Tab, line feed and carriage return are ordinary in text; the other C0 and C1 codes are not.
  [/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/, "control characters"],
  [/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/, "bidirectional control characters"],
  // Invisible format characters (zero-width spaces and joiners, soft hyphens, byte order marks, tags).
  [/\p{Cf}/u, "format characters"],
  // Lone surrogates (possible via JSON's \u escapes) and the 66 non-characters are not characters at all.
  [/\p{Cs}|\p{Noncharacter_Code_Point}/u, "unpaired surrogates or non-characters"],
];

/** What is wrong with the characters of `s`, e.g. "control characters (U+0007 at character 6)", or null. */
export function problemCharacter(s: string): string | null {
  for (const [pattern, name] of RULES) {
    const m = pattern.exec(s);
    if (m) return `${name} (U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")} at character ${m.index + 1})`;
  }
  return null;
}

/** `s` with every character these rules refuse replaced by U+FFFD, so text from outside prints as text. */
export function withoutProblemCharacters(s: string): string {
  return RULES.reduce((t, [pattern]) => t.replace(new RegExp(pattern.source, "g"), "\uFFFD"), s);
}
