/** Measures taken in Chromium for the peer comparison, the same way for our site and the peer. */
import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";

export interface Transfer {
  /** gzip (level 9) bytes of every script the page fetched, static or imported later. */
  jsGz: number;
  /** gzip bytes of everything the page fetched: HTML, CSS, JS, data. */
  totalGz: number;
  /** Requests that left 127.0.0.1 (should be none). */
  external: string[];
}

/** Loads a page with a cold cache until the network is idle and adds up what it fetched. */
export async function transfer(browser: Browser, url: string): Promise<Transfer> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const origin = new URL(url).origin;
  const bodies: Promise<{ js: boolean; gz: number }>[] = [];
  const external: string[] = [];
  page.on("request", (req) => {
    if (!req.url().startsWith(origin) && !req.url().startsWith("data:")) external.push(req.url());
  });
  page.on("response", (res) => {
    if (!res.url().startsWith(origin)) return;
    const js = res.request().resourceType() === "script" || /javascript/.test(res.headers()["content-type"] ?? "");
    bodies.push(
      res.body().then(
        (b) => ({ js, gz: gzipSync(b, { level: 9 }).length }),
        () => ({ js, gz: 0 }),
      ),
    );
  });
  await page.goto(url, { waitUntil: "networkidle" });
  const sizes = await Promise.all(bodies);
  await context.close();
  return {
    jsGz: sizes.filter((s) => s.js).reduce((n, s) => n + s.gz, 0),
    totalGz: sizes.reduce((n, s) => n + s.gz, 0),
    external,
  };
}

/**
 * Time from navigation start to the first `svg` holding a `circle` or `path` inside `container`,
 * in ms (performance.now() in the page), median of `runs` cold loads. A MutationObserver installed
 * before the page's own scripts stamps the moment; waitForFunction waits for the stamp.
 */
export async function firstChart(browser: Browser, url: string, container: string, runs = 5): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript((selector: string) => {
      const w = window as unknown as { __firstChart?: number };
      const check = () => {
        if (w.__firstChart !== undefined) return;
        for (const svg of document.querySelectorAll(`${selector} svg`)) {
          if (svg.querySelector("circle, path")) {
            w.__firstChart = performance.now();
            observer.disconnect();
            return;
          }
        }
      };
      const observer = new MutationObserver(check);
      observer.observe(document, { childList: true, subtree: true });
    }, container);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "commit" });
    const stamp = await page.waitForFunction(
      () => (window as unknown as { __firstChart?: number }).__firstChart,
      null,
      { timeout: 30_000 },
    );
    samples.push(Number(await stamp.jsonValue()));
    await context.close();
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}
