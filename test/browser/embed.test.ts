/**
 * Embeds as a journalist's page would use them: a host page on another origin (another port) with
 * the loader script, downloads from the share panel, and the chart data as CSV.
 */
import { createServer, type Server } from "node:http";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Papa from "papaparse";
import type { Browser, Page } from "playwright-core";
import { startSite } from "./harness.ts";
import { CHART_IDS } from "./chart-ids.ts";

let site: { url: string; browser: Browser; stop: () => Promise<void> };
let host: Server;
let hostUrl = "";

beforeAll(async () => {
  site = await startSite();
  // The host page: every chart embedded with the loader, as the embed code says.
  const html = `<!doctype html><html><head><meta name="viewport" content="width=device-width"><title>Host</title></head><body style="margin:0">
    <h1>An article</h1>
    ${CHART_IDS.map((id) => `<iframe id="f-${id}" src="${site.url}/embed/${id}/" title="${id}" height="300" style="border:0;width:100%" data-epr-embed></iframe>`).join("\n")}
    <script src="${site.url}/embed/v1/loader.js" async></script></body></html>`;
  host = createServer((_, res) => res.writeHead(200, { "content-type": "text/html" }).end(html));
  await new Promise<void>((r) => host.listen(0, "127.0.0.1", r));
  const address = host.address();
  hostUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/`;
});
afterAll(async () => {
  await site?.stop();
  await new Promise((r) => host?.close(r));
});

/** For each iframe: its height on the host page, and its content's height inside. */
async function heights(page: Page): Promise<{ id: string; frame: number; content: number }[]> {
  const out = [];
  for (const id of CHART_IDS) {
    const el = page.locator(`#f-${id}`);
    // Browsers pause work in iframes far off screen; a reader scrolls to each chart, and so do we.
    await el.scrollIntoViewIfNeeded();
    const frame = await el.evaluate((f) => f.getBoundingClientRect().height);
    const content = await (await el.elementHandle())!.contentFrame().then((f) => f!.evaluate(() => document.documentElement.getBoundingClientRect().height));
    out.push({ id, frame, content });
  }
  return out;
}

describe("embedding on another site", () => {
  for (const width of [375, 1280]) {
    it(`sizes every iframe to its content at ${width}px, and again after a resize`, async () => {
      const context = await site.browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      const requests: string[] = [];
      page.on("request", (r) => requests.push(r.url()));
      await page.goto(hostUrl);
      const settled = async () =>
        expect.poll(async () => (await heights(page)).filter((h) => Math.abs(h.frame - h.content) > 2).map((h) => `${h.id}: ${h.frame} vs ${h.content}`), { timeout: 15_000 }).toEqual([]);
      await settled();
      await page.setViewportSize({ width: width === 375 ? 1024 : 500, height: 900 });
      await settled();
      // Nothing is fetched from anywhere but the host and the site itself.
      const origins = new Set(requests.map((u) => new URL(u).origin));
      expect([...origins].sort()).toEqual([new URL(hostUrl).origin, new URL(site.url).origin].sort());
      await context.close();
    });
  }

  it("lets another site frame an embed but not a page of the site itself", async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(hostUrl);
    await page.evaluate((url) => {
      const frame = document.createElement("iframe");
      frame.id = "page-frame";
      frame.src = url;
      document.body.append(frame);
    }, `${site.url}/coverage/`);
    // A refused frame holds the browser's error page instead of the site's page.
    await expect.poll(() => page.frames().map((f) => f.url()).filter((u) => u.startsWith("chrome-error:")).length).toBe(1);
    expect(page.frames().some((f) => f.url() === `${site.url}/coverage/`)).toBe(false);
    expect(page.frames().filter((f) => f.url().startsWith(`${site.url}/embed/`)).length).toBe(CHART_IDS.length);
    await context.close();
  });

  it("applies ?theme=dark and ?title=0, and ignores unknown options", async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.url}/embed/coverage-over-time/?theme=dark&title=0&colour=<b>`);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    expect(await page.locator(".chart-title").evaluate((h) => h.getBoundingClientRect().height)).toBeLessThanOrEqual(1);
    expect(await page.locator(".chart-title").textContent()).toBeTruthy();
    await context.close();
  });
});

describe("share panel", () => {
  it("downloads a PNG at twice the chart's size and an SVG that parses and carries the title and source", async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${site.url}/coverage/`);
    const panel = page.locator('details.share[data-chart="coverage-over-time"]');
    await panel.locator("summary").click();

    const [png] = await Promise.all([page.waitForEvent("download"), panel.getByRole("button", { name: "Image (PNG)" }).click()]);
    const bytes = readFileSync((await png.path())!);
    expect(bytes.subarray(1, 4).toString()).toBe("PNG");
    const [pngW, pngH] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
    const [, , svgW] = (await page.locator("#coverage-over-time svg.chart-wide").getAttribute("viewBox"))!.split(" ").map(Number);
    expect(pngW).toBe(2 * svgW!);
    expect(pngH).toBeGreaterThan(pngW / 4);

    const [svg] = await Promise.all([page.waitForEvent("download"), panel.getByRole("button", { name: "Image (SVG)" }).click()]);
    const text = readFileSync((await svg.path())!, "utf8");
    const parsed = await page.evaluate((t) => {
      const doc = new DOMParser().parseFromString(t, "image/svg+xml");
      return { error: doc.querySelector("parsererror") !== null, root: doc.documentElement.nodeName, text: doc.documentElement.textContent ?? "" };
    }, text);
    expect(parsed).toMatchObject({ error: false, root: "svg" });
    expect(parsed.text).toContain("Official figures put coverage at");
    expect(parsed.text).toContain("via NHS EPR Tracker");
    expect(text).not.toMatch(/var\(--/);
    await context.close();
  });

  it("offers each chart's data as CSV that reads back to exactly the table shown", async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    for (const id of CHART_IDS) {
      await page.goto(`${site.url}/embed/${id}/`);
      const shown = await page.locator("figure table tbody tr").evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent!.trim())));
      const csv = await (await page.request.get(`${site.url}/charts/${id}.csv`)).text();
      const parsed = Papa.parse<string[]>(csv.trim(), { header: false, dynamicTyping: false }).data.slice(1);
      const numeric = await page.locator("figure table tbody tr").first().evaluate((r) => [...r.children].map((c) => c.classList.contains("num")));
      // Numbers are printed with thousands separators in the table and plainly in the CSV.
      const asShown = parsed.map((row) => row.map((v, i) => (numeric[i] && /^-?\d+(\.\d+)?$/.test(v) ? Number(v).toLocaleString("en-GB", { maximumFractionDigits: 1 }) : v.replace(/^'/, ""))));
      expect(asShown, id).toEqual(shown);
    }
    await context.close();
  });
});
