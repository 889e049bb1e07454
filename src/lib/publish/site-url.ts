/**
 * Where the site is published, from SITE_URL: an origin (for addresses that leave the site: og:image,
 * the feed, embed codes) and a base path (a GitHub Pages project site lives at
 * https://owner.github.io/<repo>/, so every internal link starts /<repo>/). Without SITE_URL the site
 * is built for the root of whatever serves it, with relative-to-root addresses.
 */
export interface SiteAddress {
  /** "https://owner.github.io", or undefined when SITE_URL is not set. */
  site: string | undefined;
  /** "/" or "/repo/": always with a slash at each end. */
  base: string;
}

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function parseSiteUrl(value: string | undefined): SiteAddress {
  if (value === undefined || value.trim() === "") return { site: undefined, base: "/" };
  const refuse = (why: string): never => {
    throw new Error(
      `SITE_URL must be the address the site is published at, such as https://owner.github.io/nhs-epr-tracker/ (${why}; found ${JSON.stringify(value.slice(0, 100))})`,
    );
  };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return refuse("not an absolute URL");
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname)))
    refuse("https, or http only to this machine");
  if (url.search || url.hash || url.username || url.password) refuse("no query, fragment or credentials");
  const base = url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`;
  if (!/^\/([A-Za-z0-9._~-]+\/)*$/.test(base)) refuse("a path of plain segments");
  return { site: url.origin, base };
}
