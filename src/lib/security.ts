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

export const OTHER_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
};

/**
 * A _headers file (Netlify, Cloudflare Pages) for the built site. Hosts combine every rule whose
 * path matches, so the embed rule and the page rules must not overlap: page paths are listed one by one.
 */
export function headersFile(pagePaths: string[]): string {
  const block = (path: string, framing: "none" | "any") =>
    [path, `  Content-Security-Policy: ${cspHeader(framing)}`, ...Object.entries(OTHER_HEADERS).map(([k, v]) => `  ${k}: ${v}`)].join("\n");
  return [block("/embed/*", "any"), ...pagePaths.filter((p) => !p.startsWith("/embed/")).sort().map((p) => block(p, "none"))].join("\n\n") + "\n";
}
