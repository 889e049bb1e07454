/** Shared set-up for browser tests: serve dist/ on 127.0.0.1 and open Debian's Chromium. */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import type { SiteData, Trust } from "../../src/lib/data/model.ts";
import { serveDir } from "../../scripts/lib/static-server.ts";
import { launchBrowser } from "../../scripts/lib/browser.ts";
import { listFiles } from "../../scripts/lib/dist.ts";

export const DIST = fileURLToPath(new URL("../../dist", import.meta.url));
const SITE_DATA = fileURLToPath(new URL("../../src/generated/site-data.json", import.meta.url));

/** The data the build used (written with dist/), which tests pick their examples from. */
export const SITE: SiteData | null =
  existsSync(SITE_DATA) && existsSync(DIST) ? (JSON.parse(readFileSync(SITE_DATA, "utf8")) as SiteData) : null;

/** The data the build used; throws if there is no build. */
export function builtSite(): SiteData {
  if (!SITE) throw new Error("dist/ or src/generated/site-data.json is missing: run `npm run build` first");
  return SITE;
}

/** A trust's card as rendered, in words: how long it reads. */
const cardTextLength = (code: string) =>
  readFileSync(join(DIST, "embed/trust", code, "index.html"), "utf8")
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ").length;
const longest = (trusts: readonly Trust[], size: (t: Trust) => number) =>
  trusts.reduce<Trust | null>((best, t) => (!best || size(t) > size(best) ? t : best), null);

/**
 * The trust whose card the loader test embeds: the longest-named trust NHS England listed without an
 * EPR and with no go-live since ("No EPR reported"), or, if the data has none, the longest-named trust.
 */
export function cardTrust(site: SiteData): { trust: Trust; noEpr: boolean } {
  const noEpr = site.trusts.filter((t) => t.status_now.status === "no_epr");
  const t = longest(noEpr.length ? noEpr : site.trusts, (x) => x.name.length)!;
  return { trust: t, noEpr: noEpr.length > 0 };
}

/**
 * Trust cards most likely to run long: for each kind of evidence a status rests on, the card with the
 * most words; and the three longest cards and three longest names of all.
 */
export function longCards(site: SiteData): string[] {
  const byBasis = Map.groupBy(site.trusts, (t) => t.status_now.basis);
  const size = new Map(site.trusts.map((t) => [t.code, cardTextLength(t.code)]));
  const top = (key: (t: Trust) => number) => [...site.trusts].sort((a, b) => key(b) - key(a)).slice(0, 3);
  return [
    ...new Set([
      ...[...byBasis.values()].map((group) => longest(group, (t) => size.get(t.code)!)!.code),
      ...top((t) => size.get(t.code)!).map((t) => t.code),
      ...top((t) => t.name.length).map((t) => t.code),
    ]),
  ].sort();
}

/** The trust page with the most in it (bytes), so the checks of a trust page see every part. */
const fullestTrustPage = (site: SiteData) =>
  longest(site.trusts, (t) => statSync(join(DIST, "trusts", t.code, "index.html")).size)!.code;

/** The oldest release with embeds pinned to it, or null. */
const OLDEST_RELEASE = existsSync(join(DIST, "embed"))
  ? (readdirSync(join(DIST, "embed"))
      .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))
      .sort()[0] ?? null)
  : null;

/** One page of each kind the site has. */
export const PAGE_TYPES = [
  "/",
  "/changes/",
  "/embed/",
  "/embed/coverage-over-time/",
  "/charts/coverage-over-time/",
  "/embed/trusts-without-epr-timeline/",
  // An embed pinned to the oldest kept release, which says newer data exist.
  ...(SITE && OLDEST_RELEASE ? [`/embed/${OLDEST_RELEASE}/coverage-over-time/`] : []),
  ...(SITE ? [`/embed/trust/${cardTrust(SITE).trust.code}/`] : []),
  "/embed/finder/",
  "/embed/finder/?q=Southmead",
  "/coverage/",
  "/deadlines/",
  "/programme/",
  "/suppliers/",
  "/trusts/",
  ...(SITE ? [`/trusts/${fullestTrustPage(SITE)}/`] : []),
  "/trusts-without-epr/",
  "/sources/",
  "/about/",
  "/data/",
  "/answers/",
  "/glossary/",
  "/no-such-page/",
];

export async function startSite(): Promise<{ url: string; browser: Browser; stop: () => Promise<void> }> {
  if (!existsSync(DIST)) throw new Error("dist/ is missing: run `npm run build` first");
  const server = await serveDir(DIST);
  const browser = await launchBrowser();
  return {
    url: server.url,
    browser,
    stop: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** Every built page, as a URL path. */
export const ALL_PAGES = existsSync(DIST)
  ? listFiles(DIST, ".html").map((f) => "/" + relative(DIST, f).replace(/index\.html$/, ""))
  : [];
