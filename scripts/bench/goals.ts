/**
 * What the site aims for, in one place: npm run bench prints each figure beside its goal. Goals, not
 * tests: times depend on the machine and are never asserted (byte budgets are, in test/site).
 */
import { BYTE_BUDGETS } from "../lib/budgets.ts";

export const GOALS = {
  /** The whole build (npm run build), every social card drawn. */
  buildColdMs: 4_000,
  /** The whole build with the cards from the cache. */
  buildWarmMs: 2_000,
  /** astro build at 100× the trusts (21,200 trust pages). */
  pages100xMs: 10_000,
  /** The whole build at 100× the trusts, every card drawn. */
  build100xColdMs: 300_000,
  /** The same build run again with nothing changed. */
  build100xUnchangedMs: 20_000,
  /** Home page, all bytes gzip: the budget test/site asserts. */
  homeGz: BYTE_BUDGETS.homeTotalGz,
  /** A trust's page, all bytes gzip: the budget test/site asserts. */
  trustPageGz: BYTE_BUDGETS.trustPageTotalGz,
  /** Observable Framework ÷ ours: at least this many times slower to build... */
  peerBuildRatio: 10,
  /** ...this many times more JavaScript on the home page... */
  peerHomeJsRatio: 50,
  /** ...and this many times later to its first chart. */
  peerFirstChartRatio: 5,
} as const;

/** "≤ 4.0 s (met)" or "≤ 4.0 s (not met)": a measured figure beside its ceiling. */
export function against(measured: number, ceiling: number, unit: (n: number) => string): string {
  return `≤ ${unit(ceiling)} (${measured <= ceiling ? "met" : "not met"})`;
}

/** "≥ 10× (met)": a ratio beside its floor. */
export function atLeast(ratio: number, floor: number): string {
  return `≥ ${floor}× (${ratio >= floor ? "met" : "not met"})`;
}
