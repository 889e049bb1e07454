import { EMBED_VERSION } from "./embed.ts";

/**
 * The Content Security Policy, defined once for the <meta> tag in every page and the _headers file
 * for static hosts. Everything comes from our own origin: no inline script or style, no third party.
 * blob: and data: images let the share panel turn a chart into a PNG in the browser.
 */
const BASE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/** For the <meta> tag: frame-ancestors is ignored there, so it lives only in the headers. */
export const CSP_META = BASE_POLICY.join("; ");

/** Site pages may not be framed by others; embeds may be framed by anyone. */
export function cspHeader(framing: "none" | "any"): string {
  return [...BASE_POLICY, framing === "any" ? "frame-ancestors *" : "frame-ancestors 'self'"].join("; ");
}

/** Headers every response gets, whatever it is, on hosts that read _headers. */
export const OTHER_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
  // A year; no includeSubDomains or preload: the domain is the host's, not ours to commit.
  "Strict-Transport-Security": "max-age=31536000",
};

/** The referrer policy again, for the <meta> tag: hosts that ignore _headers still get this one. */
export const REFERRER_META = OTHER_HEADERS["Referrer-Policy"]!;

/**
 * Astro's folder of scripts, styles and fonts. An embed in an iframe sandboxed without
 * allow-same-origin has no origin of its own, so it loads them as another site would, and its module
 * scripts need leave to (as GitHub Pages gives every file). They are public and sent without credentials.
 */
const SHARED_ASSETS = "_astro/*";

/**
 * Whether anyone may frame the page at this path (relative to dist/): the chart embeds
 * (embed/<chart>/) and the trust cards (embed/trust/<code>/). The documentation page at embed/ and
 * the loader's versioned folder are the site's own, framed by no one else.
 */
export function isEmbedPath(file: string): boolean {
  const [top, second, ...rest] = file.split("/");
  return top === "embed" && rest.length > 0 && second !== EMBED_VERSION;
}

/**
 * A _headers file (Netlify, Cloudflare Pages) for the built site, from the list of every file in it
 * (paths relative to dist/, "/"-separated) and the base path. One rule for all paths carries the
 * headers every response needs, 404s at unknown addresses included. The Content Security Policy
 * differs for embeds (anyone may frame them) and everything else (only the site may), and hosts
 * combine every rule that matches, so those rules must not overlap: one per top-level folder or file,
 * except under embed/, which has one per embed folder, one for the loader's folder and one for each
 * file of its own (its documentation page). That covers pages, assets, downloads, cards and the feed alike.
 */
export function headersFile(files: string[], base = "/"): string {
  const block = (path: string, headers: Record<string, string>) =>
    [path, ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`)].join("\n");
  const rules = new Map<string, "any" | "none">();
  for (const f of files) {
    const parts = f.split("/");
    if (!parts[0] || f === "_headers") continue;
    // Under embed/, a folder deeper: embed/<chart>/*, embed/trust/*, embed/v1/*, or a file of its own.
    const depth = parts[0] === "embed" ? 2 : 1;
    const rule = parts.length > depth ? `${parts.slice(0, depth).join("/")}/*` : f;
    rules.set(rule, isEmbedPath(f) ? "any" : "none");
  }
  // A page answers at its folder as well as at index.html; the home page at the base path itself.
  const paths = (rule: string) =>
    rule.endsWith("index.html")
      ? [`${base}${rule.slice(0, -"index.html".length)}`, `${base}${rule}`]
      : [`${base}${rule}`];
  // The home page first, then by path.
  const order = (rule: string) => (rule === "index.html" ? "" : rule);
  const csp = [...rules.keys()]
    .sort((a, b) => (order(a) < order(b) ? -1 : 1))
    .flatMap((rule) =>
      paths(rule).map((p) =>
        block(p, {
          "Content-Security-Policy": cspHeader(rules.get(rule)!),
          ...(rule === SHARED_ASSETS ? { "Access-Control-Allow-Origin": "*" } : {}),
        }),
      ),
    );
  return [block(`${base}*`, OTHER_HEADERS), ...csp].join("\n\n") + "\n";
}
