/** A minimal static file server for dist/, on 127.0.0.1, for screenshots and browser tests. */
import { createServer, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, isAbsolute, join, normalize, relative } from "node:path";
import { parseSiteUrl } from "../../src/lib/site-url.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/** Rules of a _headers file (Netlify/Cloudflare syntax): a path line, then indented "Name: value" lines. */
export function parseHeadersFile(text: string): { path: string; headers: [string, string][] }[] {
  return text
    .split(/\n\s*\n/)
    .map((block) => block.split("\n").filter((l) => l.trim()))
    .filter((lines) => lines.length > 0)
    .map(([path, ...rest]) => ({
      path: path!.trim(),
      headers: rest.map((l) => {
        const at = l.indexOf(":");
        return [l.slice(0, at).trim(), l.slice(at + 1).trim()] as [string, string];
      }),
    }));
}

export function headersFor(rules: ReturnType<typeof parseHeadersFile>, path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rules) {
    const match = r.path.endsWith("*") ? path.startsWith(r.path.slice(0, -1)) : path === r.path;
    if (match) for (const [k, v] of r.headers) out[k] = v;
  }
  return out;
}

/**
 * Serves a folder under the base path the site was built for (SITE_URL's path, as on a GitHub Pages
 * project site); applies its _headers file when there is one, to 404s too, as a static host would.
 * The URL returned includes the base path, without its final slash, so `url + "/trusts/"` works.
 */
export async function serveDir(
  root: string,
  port = 0,
  base = parseSiteUrl(process.env.SITE_URL).base,
): Promise<{ url: string; close: () => Promise<void>; server: Server }> {
  const rules = parseHeadersFile(await readFile(join(root, "_headers"), "utf8").catch(() => ""));
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const notFound = async () => {
      const page = await readFile(join(root, "404.html")).catch(() => Buffer.from("Not found"));
      res.writeHead(404, { ...headersFor(rules, path), "content-type": TYPES[".html"] }).end(page);
    };
    if (!path.startsWith(base)) return void (await notFound());
    let file = normalize(join(root, path.slice(base.length - 1)));
    // Inside the root only: a bare prefix test would also let "/../dist-secret/…" reach a sibling folder.
    const inside = relative(normalize(root), file);
    if (inside.startsWith("..") || isAbsolute(inside)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res
        .writeHead(200, {
          ...headersFor(rules, path),
          "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        })
        .end(body);
    } catch {
      await notFound();
    }
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actualPort}${base.slice(0, -1)}`,
    server,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
