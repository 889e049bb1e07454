/**
 * npm run screenshots [-- --out dir] [-- --pages /,/coverage/] [-- --widths 320,375,1280]
 *   [-- --embeds /embed/icb-map/,/embed/trust/RM1/] [-- --exports coverage-over-time,icb-map] [-- --theme dark]
 * Photographs built pages at phone and desktop widths so a person can look at them; with --embeds,
 * those embeds on a host page served from another origin (without the loader, then with it); with
 * --exports, the PNG each chart's share panel downloads at that width.
 */
import { createServer } from "node:http";
import { mkdirSync, copyFileSync } from "node:fs";
import { join } from "node:path";
import { argValue } from "./lib/io.ts";
import { serveDir } from "./lib/static-server.ts";
import { launchBrowser } from "./lib/browser.ts";

const DEFAULT_PAGES = [
  "/",
  "/coverage/",
  "/deadlines/",
  "/programme/",
  "/suppliers/",
  "/trusts/",
  "/trusts/RQ3/",
  "/sources/",
  "/about/",
  "/glossary/",
  "/missing-page/",
];

const out = argValue("out", "screenshots");
const list = (name: string, fallback: string) => argValue(name, fallback).split(",").filter(Boolean);
const pages = list("pages", DEFAULT_PAGES.join(","));
const widths = list("widths", "320,375,1280").map(Number);
const embeds = list("embeds", "");
const exportsOf = list("exports", "");
const theme = argValue("theme", "light") === "dark" ? "dark" : "light";
const js = argValue("js", "on") !== "off";
const fullPage = argValue("full", "on") !== "off";
/** With --selector, photograph each matching element instead of the page (e.g. every chart figure). */
const selector = argValue("selector", "");
mkdirSync(out, { recursive: true });
const server = await serveDir("dist");
// A host page on another origin, as a newspaper's article would be.
const host = createServer((req, res) => {
  const q = new URL(req.url ?? "/", "http://x").searchParams;
  const loader = q.get("loader") === "1";
  const frames = (q.get("embeds") ?? "")
    .split(",")
    .filter(Boolean)
    .map((p) => {
      const height = q.get(`h${p}`) ?? "600";
      return `<iframe src="${server.url}${p}" title="Embedded ${p}" height="${height}" style="border:0;width:100%" data-epr-embed></iframe>`;
    });
  res.writeHead(200, { "content-type": "text/html" })
    .end(`<!doctype html><html><head><meta name="viewport" content="width=device-width"><title>An article</title></head>
    <body style="margin:0 auto;max-width:680px;padding:0 8px;font:18px Georgia,serif"><h1>A local newspaper</h1><p>Paragraph before the chart.</p>${frames.join("<p>Text between embeds.</p>")}<p>Paragraph after.</p>
    ${loader ? `<script src="${server.url}/embed/v1/loader.js" async></script>` : ""}</body></html>`);
});
await new Promise<void>((r) => host.listen(0, "127.0.0.1", r));
const hostUrl = `http://127.0.0.1:${(host.address() as { port: number }).port}/`;
const browser = await launchBrowser();
const nameOf = (path: string) => path.replace(/\//g, "_").replace(/^_|_$/g, "") || "home";
try {
  for (const width of widths) {
    const context = await browser.newContext({
      viewport: { width, height: 900 },
      javaScriptEnabled: js,
      deviceScaleFactor: 1,
      acceptDownloads: true,
      colorScheme: theme,
    });
    const page = await context.newPage();
    for (const path of pages) {
      await page.goto(server.url + path);
      const name = `${nameOf(path)}-${width}${js ? "" : "-nojs"}.png`;
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
    if (embeds.length) {
      // Each embed at the fixed height its share panel's code gives, first alone and then with the loader.
      const heights = new URLSearchParams();
      for (const e of embeds) {
        const owner = e.startsWith("/embed/trust/") ? `/trusts/${e.split("/")[3]}/` : `/charts/${e.split("/")[2]}/`;
        await page.goto(server.url + owner);
        heights.set(
          `h${e}`,
          (/height="(\d+)"/.exec(await page.locator("textarea.embed-code").first().inputValue()) ?? [])[1] ?? "600",
        );
      }
      for (const loader of [false, true]) {
        await page.goto(`${hostUrl}?loader=${loader ? 1 : 0}&embeds=${embeds.join(",")}&${heights}`);
        // Browsers pause iframes far off screen: bring each into view so it is drawn, as a reader would.
        for (const frame of await page.locator("iframe").all()) {
          await frame.scrollIntoViewIfNeeded();
          await page.waitForTimeout(400);
        }
        const file = join(out, `host-${loader ? "loader" : "fixed"}-${width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(file);
      }
    }
    for (const id of exportsOf) {
      await page.goto(`${server.url}/charts/${id}/`);
      const panel = page.locator(`details.share[data-chart="${id}"]`);
      await panel.locator("summary").click();
      if (theme === "dark") await panel.getByLabel("Dark").first().check();
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        panel.getByRole("button", { name: "PNG", exact: true }).click(),
      ]);
      const file = join(out, `export-${width}-${download.suggestedFilename()}`);
      copyFileSync((await download.path())!, file);
      console.log(file);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
  await new Promise((r) => host.close(r));
}
