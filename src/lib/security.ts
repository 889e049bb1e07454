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
 * A _headers file (Netlify, Cloudflare Pages) for the built site, from the list of every file in it
 * (paths relative to dist/, "/"-separated) and the base path. One rule for all paths carries the
 * headers every response needs, 404s at unknown addresses included. The Content Security Policy
 * differs for embeds (anyone may frame them) and everything else (only the site may), and hosts
 * combine every rule that matches, so those rules must not overlap: one per top-level folder or file,
 * which covers pages, assets, downloads, cards and the feed alike.
 */
export function headersFile(files: string[], base = "/"): string {
  const block = (path: string, headers: Record<string, string>) =>
    [path, ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`)].join("\n");
  const tops = new Set<string>();
  for (const f of files) {
    const [first, ...rest] = f.split("/");
    if (!first || first === "_headers") continue;
    tops.add(rest.length ? `${first}/*` : first === "index.html" ? "" : first);
  }
  const csp = [...tops].sort().flatMap((t) => {
    const framing = t === "embed/*" ? "any" : "none";
    // The home page answers at the base path itself as well as at index.html.
    return (t === "" ? [`${base}`, `${base}index.html`] : [`${base}${t}`]).map((p) =>
      block(p, { "Content-Security-Policy": cspHeader(framing) }),
    );
  });
  return [block(`${base}*`, OTHER_HEADERS), ...csp].join("\n\n") + "\n";
}
