/**
 * The two ways the site orders text. Never a bare localeCompare: that follows the machine's locale,
 * so a build under LANG=lt_LT sorts "y" after "i" and gives different pages from the same data.
 */

/** Codes, ids and ISO dates: plain code-unit order, the same everywhere. */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Names people read (trusts, suppliers, ICBs), in English order whatever the machine's locale. */
const NAME_COLLATOR = new Intl.Collator("en-GB");

/** Ties between names that collate alike fall back to code-unit order, so the result is total. */
export function compareNames(a: string, b: string): number {
  return NAME_COLLATOR.compare(a, b) || compareCodePoints(a, b);
}
