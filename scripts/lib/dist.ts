/** Reading the built site: pages, the files each page needs, and their sizes. Used by tests and the benchmark. */
import { existsSync, lstatSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { parseSiteUrl } from "../../src/lib/publish/site-url.ts";
import { kindOf } from "./io.ts";

export function listFiles(dir: string, ext?: string): string[] {
  return readdirSync(dir)
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? listFiles(p, ext) : !ext || p.endsWith(ext) ? [p] : [];
    })
    .sort();
}

/**
 * Everything under `dir` that is neither a regular file nor a folder (links, pipes, devices), in path
 * order, with what it is. A link is not followed: one under public/ would publish whatever it points at.
 */
export function notRegular(dir: string): { path: string; kind: string }[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      const st = lstatSync(p);
      return st.isDirectory() ? notRegular(p) : st.isFile() ? [] : [{ path: p, kind: kindOf(st) }];
    });
}

/** Internal URLs a page refers to (href, src), without fragments and queries. */
export function internalRefs(html: string): string[] {
  const refs = [...html.matchAll(/\s(?:href|src)="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
  return refs
    .filter((r) => r.startsWith("/") && !r.startsWith("//"))
    .map((r) => r.split("#")[0]!.split("?")[0]!)
    .filter(Boolean);
}

export function externalRefs(html: string): string[] {
  return [...html.matchAll(/\shref="(https?:\/\/[^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
}

/**
 * The file a site URL is served from, or null when nothing in dist/ answers it. URLs carry the base
 * path the site was built for (SITE_URL's path); one outside it is not served at all.
 */
export function resolveUrl(dist: string, url: string, base = parseSiteUrl(process.env.SITE_URL).base): string | null {
  if (!url.startsWith(base)) return null;
  const path = decodeURIComponent(url.slice(base.length - 1));
  const candidates = path.endsWith("/")
    ? [join(dist, path, "index.html")]
    : [join(dist, path), join(dist, path, "index.html")];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

export interface PageWeight {
  page: string;
  html: number;
  css: number;
  js: number;
  /** gzip sizes, as a browser would download them. */
  htmlGz: number;
  cssGz: number;
  jsGz: number;
  totalGz: number;
}

/** Modules a script imports (static and dynamic), as site paths, resolved against the script's own path. */
export function jsImports(js: string, fromPath: string): string[] {
  const specs = [...js.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}\/[^"']+\.js)["']/g)].map((m) => m[1]!);
  return specs.map((s) => new URL(s, `http://x${fromPath}`).pathname);
}

/** Every script a page runs: those it links, and everything they import in turn. */
function withImports(dist: string, scripts: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...scripts];
  for (let path = queue.shift(); path; path = queue.shift()) {
    if (seen.has(path)) continue;
    seen.add(path);
    const file = resolveUrl(dist, path);
    if (file) queue.push(...jsImports(readFileSync(file, "utf8"), path));
  }
  return [...seen];
}

/** Bytes a page costs: its HTML plus the CSS files it links and the JS it links or imports. */
export function pageWeight(dist: string, pageFile: string): PageWeight {
  const html = readFileSync(pageFile);
  const refs = internalRefs(html.toString("utf8"));
  // A shared chunk that a page's scripts import is downloaded too, so it counts against the budget.
  const assets = [
    ...refs.filter((r) => r.endsWith(".css")),
    ...withImports(
      dist,
      refs.filter((r) => r.endsWith(".js")),
    ),
  ];
  const sum = (ext: string, gz: boolean) =>
    [...new Set(assets.filter((a) => a.endsWith(ext)))].reduce((n, a) => {
      const f = resolveUrl(dist, a);
      if (!f) return n;
      const body = readFileSync(f);
      return n + (gz ? gzipSync(body, { level: 9 }).length : body.length);
    }, 0);
  const htmlGz = gzipSync(html, { level: 9 }).length;
  const w = {
    page: "/" + relative(dist, pageFile).replace(/index\.html$/, ""),
    html: html.length,
    css: sum(".css", false),
    js: sum(".js", false),
    htmlGz,
    cssGz: sum(".css", true),
    jsGz: sum(".js", true),
  };
  return { ...w, totalGz: w.htmlGz + w.cssGz + w.jsGz };
}
