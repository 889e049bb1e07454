/** A minimal static file server for dist/, on 127.0.0.1, for npm run preview, screenshots and browser tests. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { readFile, realpath, stat } from "node:fs/promises";
import { extname, isAbsolute, join, relative } from "node:path";
import type { Duplex } from "node:stream";
import { cspHeader, OTHER_HEADERS } from "../../src/lib/publish/security.ts";
import { parseSiteUrl } from "../../src/lib/publish/site-url.ts";

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

/** Headers every response gets before the folder's own _headers rules: the site's, with the strictest framing. */
const DEFAULT_HEADERS: Record<string, string> = { ...OTHER_HEADERS, "Content-Security-Policy": cspHeader("none") };

/** The methods a static host answers; any other gets 405. */
const ALLOW = "GET, HEAD";

/** A request target as a browser sends it: a path of printable ASCII (anything else percent-encoded), maybe a query. */
const TARGET = /^\/[\x21-\x7e]*$/;

/**
 * Serves a folder under the base path the site was built for (SITE_URL's path, as on a GitHub Pages
 * project site), as strictly as a static host: GET and HEAD only (405 with Allow otherwise), 400 for
 * a target that is not a path or does not decode, a redirect to the slash form of a folder, nothing
 * through a link (a link under the folder is answered 404, wherever it points), and the security
 * headers on every response, errors and redirects included: the site's defaults, then the folder's
 * _headers rules for the path, as a host applies them. The URL returned includes the base path,
 * without its final slash, so `url + "/trusts/"` works.
 */
export async function serveDir(
  root: string,
  port = 0,
  base = parseSiteUrl(process.env.SITE_URL).base,
): Promise<{ url: string; close: () => Promise<void>; server: Server }> {
  const rules = parseHeadersFile(await readFile(join(root, "_headers"), "utf8").catch(() => ""));
  const headers = (path: string) => ({ ...DEFAULT_HEADERS, ...headersFor(rules, path) });

  /** The regular file at `rel` under the root, or null: nothing outside it, nothing through a link. */
  async function regularFile(rel: string): Promise<string | null> {
    // Resolved afresh each time: a build swaps a new folder in under the same name.
    const realRoot = await realpath(root).catch(() => null);
    if (!realRoot) return null;
    const file = join(realRoot, rel);
    const inside = relative(realRoot, file);
    // A bare prefix test would also let "/../dist-secret/…" reach a sibling folder.
    if (inside.startsWith("..") || isAbsolute(inside)) return null;
    const real = await realpath(file).catch(() => null);
    // Any link on the way makes the real path differ from the one asked for.
    if (real !== file) return null;
    const st = await stat(real).catch(() => null);
    return st?.isFile() ? real : null;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = req.url ?? "";
    const query = target.indexOf("?");
    const rawPath = query < 0 ? target : target.slice(0, query);
    const send = (status: number, path: string, extra: Record<string, string>, body: Buffer | string = "") => {
      const bytes = typeof body === "string" ? Buffer.from(body) : body;
      res.writeHead(status, { ...headers(path), ...extra, "content-length": String(bytes.length) });
      res.end(req.method === "HEAD" ? undefined : bytes);
    };
    const text = { "content-type": TYPES[".txt"]! };
    if (req.method !== "GET" && req.method !== "HEAD")
      return send(405, rawPath, { ...text, allow: ALLOW }, "Method not allowed\n");
    if (!TARGET.test(target)) return send(400, "/", text, "Bad request\n");
    let path: string;
    try {
      path = decodeURIComponent(rawPath);
    } catch {
      return send(400, rawPath, text, "Bad request: the path is not valid percent-encoded UTF-8\n");
    }
    if (path.includes("\0")) return send(400, rawPath, text, "Bad request\n");
    const notFound = async () => {
      const page = await regularFile("404.html");
      const body = page ? await readFile(page) : Buffer.from("Not found\n");
      send(404, path, { "content-type": page ? TYPES[".html"]! : TYPES[".txt"]! }, body);
    };
    // Redirects keep the target as sent, with one leading slash, so "//host" cannot lead off the site.
    const redirect = () =>
      send(301, path, { ...text, location: `/${rawPath.replace(/^\/+/, "")}/${query < 0 ? "" : target.slice(query)}` });
    if (`${path}/` === base) return redirect();
    if (!path.startsWith(base)) return notFound();
    const rel = path.slice(base.length - 1);
    const file = await regularFile(rel.endsWith("/") ? join(rel, "index.html") : rel);
    if (file) {
      return send(
        200,
        path,
        { "content-type": TYPES[extname(file)] ?? "application/octet-stream" },
        await readFile(file),
      );
    }
    if (!rel.endsWith("/") && (await regularFile(join(rel, "index.html")))) return redirect();
    return notFound();
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      // Whatever went wrong, the server stays up and the response still carries the headers.
      if (res.headersSent) return void res.destroy();
      res.writeHead(500, { ...DEFAULT_HEADERS, "content-type": TYPES[".txt"] }).end("Server error\n");
    });
  });
  // Requests Node cannot parse at all get a 400 with the same headers, not a bare one.
  server.on("clientError", (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === "ECONNRESET" || !socket.writable) return void socket.destroy();
    const lines = Object.entries(DEFAULT_HEADERS).map(([k, v]) => `${k}: ${v}\r\n`);
    socket.end(`HTTP/1.1 400 Bad Request\r\n${lines.join("")}Content-Length: 0\r\nConnection: close\r\n\r\n`);
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
