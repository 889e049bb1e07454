/**
 * Addresses inside the site. Pages link with sitePath("/trusts/"), never a bare "/trusts/", so the
 * site works under a base path (a GitHub Pages project site); addresses that leave the site (the
 * social card, the feed, embed codes) use absoluteUrl. See site-url.ts for where the base comes from.
 */

/** The base path this build is for: Astro sets BASE_URL from astro.config.mjs ("/" or "/repo/"). */
export const BASE: string = withSlashes(import.meta.env?.BASE_URL ?? "/");

function withSlashes(base: string): string {
  const start = base.startsWith("/") ? base : `/${base}`;
  return start.endsWith("/") ? start : `${start}/`;
}

/** "/trusts/" → "/repo/trusts/" (or "/trusts/" at the root). `path` is a site path starting "/". */
export function sitePath(path: string, base = BASE): string {
  if (!path.startsWith("/")) throw new Error(`sitePath takes a path starting with "/", not ${JSON.stringify(path)}`);
  return `${base}${path.slice(1)}`;
}

/** The site path of a page from its URL path: "/repo/trusts/" → "/trusts/". */
export function pagePath(pathname: string, base = BASE): string {
  return pathname.startsWith(base) ? `/${pathname.slice(base.length)}` : pathname;
}

/** An address to use outside the site: absolute when the site's origin is known, else from the root. */
export function absoluteUrl(path: string, site: URL | string | undefined, base = BASE): string {
  return site ? new URL(sitePath(path, base), site).href : sitePath(path, base);
}

/**
 * What goes in front of a site path to make an address outside the site: "https://owner.github.io/repo"
 * when the origin is known, "/repo" or "" otherwise. Never ends with "/", so prefix + "/embed/x/" works.
 */
export function urlPrefix(site: URL | string | undefined, base = BASE): string {
  return absoluteUrl("/", site, base).replace(/\/$/, "");
}
