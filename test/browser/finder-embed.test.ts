/**
 * The hospital finder embedded in a news story: a reader on a phone types their hospital, a town or a
 * postcode and gets the trust's card, found exactly as /trusts/ finds it; with JavaScript off the
 * form still leads to the list of every trust.
 */
import { createServer, type Server } from "node:http";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Papa from "papaparse";
import type { Browser, Page } from "playwright-core";
import { DIST, builtSite, startSite } from "./harness.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DATA = builtSite();
const nameOf = (code: string) => DATA.trusts.find((t) => t.code === code)!.name;

/** The trust that runs a hospital now, from the owned table of sites, so the expectation follows the data. */
const SITES = Papa.parse<{ code: string; trust_code: string }>(readFileSync(join(ROOT, "data/sites.csv"), "utf8"), {
  header: true,
  skipEmptyLines: true,
}).data;
const runs = (siteCode: string) => {
  const row = SITES.find((r) => r.code === siteCode);
  if (!row?.trust_code) throw new Error(`site ${siteCode} has no trust in data/sites.csv`);
  return row.trust_code;
};
const EXAMPLES = [
  { query: "Addenbrooke's", code: runs("RGT01") },
  { query: "M23 9LT", code: runs("R0A07") },
  { query: "Stoke Mandeville", code: runs("RXQ02") },
];
/** A hospital whose trust closed with no successor recorded. */
const FORMER = { query: "Southmead", code: "RVJ" };

/** The fixed height the embeds page gives in the finder's embed code. */
const fixedHeight = () =>
  Number(
    /embed\/finder\/&quot; title=&quot;[^&]*&quot; height=&quot;(\d+)&quot;/.exec(
      readFileSync(join(DIST, "embed/index.html"), "utf8"),
    )![1],
  );

let site: { url: string; browser: Browser; stop: () => Promise<void> };
let host: Server;
let hostUrl = "";
beforeAll(async () => {
  site = await startSite();
  // A story on another origin, with the embed code the embeds page gives (loader included).
  const html = `<!doctype html><html><head><meta name="viewport" content="width=device-width"><title>Story</title></head><body style="margin:0 16px">
    <h1>Our hospital</h1><iframe id="finder" src="${site.url}/embed/finder/" title="finder" height="${fixedHeight()}" style="border:0;width:100%" data-epr-embed></iframe>
    <script src="${site.url}/embed/v1/loader.js" async></script></body></html>`;
  host = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(html));
  await new Promise<void>((r) => host.listen(0, "127.0.0.1", r));
  const address = host.address();
  hostUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/`;
});
afterAll(async () => {
  await site?.stop();
  await new Promise((r) => host?.close(r));
});

const card = (page: Page) => page.locator("#finder-card");
const box = (page: Page) => page.getByRole("searchbox", { name: "Hospital, town or postcode" });

describe("the finder embed", () => {
  it("answers each example with its trust's card, dated and sourced, at 320px", async () => {
    const context = await site.browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await page.goto(`${site.url}/embed/finder/`);
    expect(await card(page).isVisible()).toBe(false);
    for (const e of [...EXAMPLES, FORMER]) {
      await box(page).fill(e.query);
      await expect.poll(() => card(page).locator("h2").textContent(), { message: e.query }).toBe(nameOf(e.code));
      expect(await card(page).locator(".card-status .status").textContent(), e.query).toBeTruthy();
      expect(await card(page).locator(".card-date").textContent(), e.query).toMatch(/^on \d{1,2} \w+ \d{4}$/);
      // The hint or the card names the hospital or postcode it was found by.
      const said = `${await page.locator("#finder-hint").textContent()} ${await card(page).locator(".card-kicker").textContent()}`;
      expect(said, e.query).toContain(e.query);
      expect(await card(page).getByRole("link", { name: "The trust's full record" }).getAttribute("href")).toBe(
        `/trusts/${e.code}/`,
      );
      // The card's whole width is on the phone's screen.
      const b = (await card(page).boundingBox())!;
      expect(b.x + b.width, e.query).toBeLessThanOrEqual(320);
    }
    // Southmead's trust closed with no successor recorded, and the embed says so.
    expect(await page.locator("#finder-hint").textContent()).toMatch(/No successor is recorded/);
    await context.close();
  });

  it("finds the same trust first as /trusts/ does", async () => {
    const context = await site.browser.newContext();
    const [embed, list] = [await context.newPage(), await context.newPage()];
    await embed.goto(`${site.url}/embed/finder/`);
    await list.goto(`${site.url}/trusts/`);
    for (const q of [
      ...EXAMPLES.map((e) => e.query),
      FORMER.query,
      "Wythenshawe Hospital",
      "QMC",
      "Kings Lynn",
      "Leeds",
      "NR4",
      "Leeds Xyzzy",
    ]) {
      await list.getByLabel("Name, hospital, town or postcode").fill(q);
      await box(embed).fill(q);
      const first = await list.locator("#trust-table tbody tr:visible").first().getAttribute("data-code");
      await expect.poll(() => card(embed).locator("h2").textContent(), { message: q }).toBe(nameOf(first!));
      expect(await embed.locator("#finder-hint").textContent(), q).toBe(
        await list.locator("#trust-hint").textContent(),
      );
    }
    await context.close();
  });

  it("matches nothing on the word hospital alone, and says what to try when nothing matches", async () => {
    const context = await site.browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await page.goto(`${site.url}/embed/finder/`);
    const hint = page.locator("#finder-hint");
    for (const q of ["hospital", "Hospitals", "NHS hospital trust"]) {
      await box(page).fill(q);
      await expect.poll(() => hint.textContent(), { message: q }).toMatch(/alone could be any trust/);
      expect(await card(page).isVisible(), q).toBe(false);
    }
    await box(page).fill("Xyzzy Qwerty");
    await expect.poll(() => hint.textContent()).toMatch(/^No trust matches "Xyzzy Qwerty"\. Try /);
    expect(await card(page).isVisible()).toBe(false);
    // Right under the box, on the first screen.
    const b = (await hint.boundingBox())!;
    expect(b.y + b.height).toBeLessThanOrEqual(640);
    // A partial match says so, above the card of the trust it picked.
    await box(page).fill("Leeds Xyzzy");
    await expect.poll(() => hint.textContent()).toMatch(/^Partial match: /);
    expect(await card(page).isVisible()).toBe(true);
    await context.close();
  });

  it("opens on the hospital given in its address", async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.url}/embed/finder/?q=${encodeURIComponent(EXAMPLES[0]!.query)}`);
    await expect.poll(() => card(page).locator("h2").textContent()).toBe(nameOf(EXAMPLES[0]!.code));
    expect(await box(page).inputValue()).toBe(EXAMPLES[0]!.query);
    await context.close();
  });

  for (const width of [320, 375]) {
    it(`shows every example's answer within its embed code's fixed height at ${width}px`, async () => {
      const context = await site.browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${site.url}/embed/finder/`);
      const fixed = fixedHeight();
      for (const e of [...EXAMPLES, FORMER]) {
        await box(page).fill(e.query);
        await expect.poll(() => card(page).locator("h2").textContent()).toBe(nameOf(e.code));
        const height = await page.evaluate(() => document.documentElement.getBoundingClientRect().height);
        expect(height, e.query).toBeLessThanOrEqual(fixed);
      }
      await context.close();
    });
  }

  it("grows with its answer in a story on another site, through the loader", async () => {
    const context = await site.browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(hostUrl);
    const frame = page.frameLocator("#finder");
    const frameHeight = () => page.locator("#finder").evaluate((f) => f.getBoundingClientRect().height);
    await expect.poll(frameHeight).toBeLessThan(fixedHeight());
    const empty = await frameHeight();
    await frame.getByRole("searchbox", { name: "Hospital, town or postcode" }).fill(EXAMPLES[0]!.query);
    await expect.poll(() => frame.locator("#finder-card h2").textContent()).toBe(nameOf(EXAMPLES[0]!.code));
    await expect.poll(frameHeight).toBeGreaterThan(empty);
    const [popup] = await Promise.all([
      context.waitForEvent("page"),
      frame.getByRole("link", { name: "Every trust on NHS EPR Tracker" }).click(),
    ]);
    expect(popup.url()).toBe(`${site.url}/trusts/`);
    expect(page.url()).toBe(hostUrl);
    await context.close();
  });
});

describe("the finder embed with JavaScript off", () => {
  it("sends the query to the list of every trust, in a new tab, where find in page can search it", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await page.goto(`${site.url}/embed/finder/`);
    // The browser shows <noscript> to a reader without JavaScript (this harness only turns scripts off).
    expect(await page.locator("noscript").first().innerHTML()).toMatch(/search it with your browser's find in page/);
    await box(page).fill("Stoke Mandeville");
    const [tab] = await Promise.all([context.waitForEvent("page"), page.getByRole("button", { name: "Find" }).click()]);
    await tab.waitForLoadState();
    expect(tab.url()).toBe(`${site.url}/trusts/?q=Stoke+Mandeville`);
    expect(await tab.locator(`#trust-${EXAMPLES[2]!.code}`).textContent()).toContain("Stoke Mandeville");
    await context.close();
  });
});
