/**
 * The data releases an embed can be pinned to: every release kept under data/releases/ (built by the
 * data step), and the live one, from data/ itself until it is frozen.
 */
import raw from "../../generated/releases.json" with { type: "json" };
import type { SiteData } from "../data/model.ts";
import { site } from "../site.ts";
import { buildCharts, type ChartEntry } from "../charts/catalogue.ts";

export interface PinnedRelease {
  /** The release date, YYYY-MM-DD: the segment after /embed/ in a pinned address. */
  date: string;
  site: SiteData;
  /** No newer release is out: its pinned embeds need not point to the live ones. */
  latest: boolean;
  charts: ChartEntry[];
}

const kept = (raw as unknown as { releases: { date: string; site: SiteData }[] }).releases;
const live = site.release.date;

export const PINNED_RELEASES: PinnedRelease[] = [
  ...kept,
  ...(kept.some((r) => r.date === live) ? [] : [{ date: live, site }]),
].map((r) => ({ ...r, latest: r.date === live, charts: buildCharts(r.site) }));
