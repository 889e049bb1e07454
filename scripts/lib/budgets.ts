/**
 * Byte budgets (gzip), in one place: test/site asserts them on every build and npm run bench prints
 * each measured figure beside them. Time is never a budget: the bench prints it, tests do not assert it.
 */
export const BYTE_BUDGETS = {
  /** Client JavaScript on any one page. */
  jsPerPageGz: 25_000,
  /** The home page: HTML, CSS and JS together. */
  homeTotalGz: 25_000,
  /** Any trust's page: HTML, CSS and JS together. */
  trustPageTotalGz: 6_000,
  /** Any embed: HTML, CSS and JS together. */
  embedTotalGz: 50_000,
} as const;
