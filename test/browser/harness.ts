/** Shared set-up for browser tests: serve dist/ on 127.0.0.1 and open Debian's Chromium. */
import { existsSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { serveDir } from "../../scripts/lib/static-server.ts";
import { launchBrowser } from "../../scripts/lib/browser.ts";
import { listFiles } from "../../scripts/lib/dist.ts";

export const DIST = fileURLToPath(new URL("../../dist", import.meta.url));

/** One page of each kind the site has. */
export const PAGE_TYPES = [
  "/",
  "/changes/",
  "/embed/",
  "/embed/coverage-over-time/",
  "/charts/coverage-over-time/",
  "/embed/trusts-without-epr-timeline/",
  "/embed/trust/RM1/",
  "/coverage/",
  "/deadlines/",
  "/programme/",
  "/suppliers/",
  "/trusts/",
  "/trusts/RK9/",
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
