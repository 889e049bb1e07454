/**
 * npm run screenshots [-- --out dir] [-- --pages /,/coverage/]
 * Photographs built pages at phone and desktop widths so a person can look at them.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { argValue } from "./lib/io.ts";
import { serveDir } from "./lib/static-server.ts";
import { launchBrowser } from "./lib/browser.ts";

const DEFAULT_PAGES = ["/", "/coverage/", "/deadlines/", "/programme/", "/suppliers/", "/trusts/", "/trusts/RQ3/", "/sources/", "/about/", "/missing-page/"];
const WIDTHS = [375, 1280];

const out = argValue("out", "screenshots");
const pages = argValue("pages", DEFAULT_PAGES.join(",")).split(",");
const js = argValue("js", "on") !== "off";
const fullPage = argValue("full", "on") !== "off";
/** With --selector, photograph each matching element instead of the page (e.g. every chart figure). */
const selector = argValue("selector", "");
mkdirSync(out, { recursive: true });
const server = await serveDir("dist");
const browser = await launchBrowser();
try {
  for (const width of WIDTHS) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: js, deviceScaleFactor: 1 });
    const page = await context.newPage();
    for (const path of pages) {
      await page.goto(server.url + path);
      const name = `${path.replace(/\//g, "_").replace(/^_|_$/g, "") || "home"}-${width}${js ? "" : "-nojs"}.png`;
      if (selector) {
        const elements = await page.locator(selector).all();
        for (const [i, el] of elements.entries()) {
          const file = join(out, name.replace(/\.png$/, `-${i + 1}.png`));
          await el.screenshot({ path: file });
          console.log(file);
        }
      } else {
        await page.screenshot({ path: join(out, name), fullPage });
        console.log(join(out, name));
      }
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
