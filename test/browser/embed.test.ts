/**
 * Embeds as a journalist's page would use them: a host page on another origin (another port) with
 * the loader script, downloads from the share panel, and the chart data as CSV.
 */
import { createServer, type Server } from "node:http";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Papa from "papaparse";
import type { Browser, Page } from "playwright-core";
import { DIST, builtSite, cardTrust, startSite } from "./harness.ts";
import { formatDate } from "../../src/lib/data/dates.ts";
import { statusLabel } from "../../src/lib/trust/text.ts";
import { CHART_IDS } from "./chart-ids.ts";

let site: { url: string; browser: Browser; stop: () => Promise<void> };
let host: Server;
let hostUrl = "";
const DATA = builtSite();
const CARD = cardTrust(DATA);

beforeAll(async () => {
  site = await startSite();
  // The host page: every chart embedded with the loader, as the embed code says.
  const html = `<!doctype html><html><head><meta name="viewport" content="width=device-width"><title>Host</title></head><body style="margin:0">
    <h1>An article</h1>
    ${CHART_IDS.map((id) => `<iframe id="f-${id}" src="${site.url}/embed/${id}/" title="${id}" height="300" style="border:0;width:100%" data-epr-embed></iframe>`).join("\n")}
    <script src="${site.url}/embed/v1/loader.js" async></script></body></html>`;
  const card = `<!doctype html><html><head><title>Card host</title></head><body style="margin:0"><iframe id="card" src="${site.url}/embed/trust/${CARD.trust.code}/" title="card" height="300" style="border:0;width:100%" data-epr-embed></iframe>
    <script src="${site.url}/embed/v1/loader.js" async></script></body></html>`;
  host = createServer((req, res) =>
    res.writeHead(200, { "content-type": "text/html" }).end(req.url?.startsWith("/card") ? card : html),
  );
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
    const content = await (await el.elementHandle())!
      .contentFrame()
      .then((f) => f!.evaluate(() => document.documentElement.getBoundingClientRect().height));
    out.push({ id, frame, content });
  }
  return out;
}

/** The fixed height each chart's embed code gives, as its share panel prints it. */
const fixedHeight = (id: string) =>
  Number(/data-fallback-height="(\d+)"/.exec(readFileSync(`${DIST}/charts/${id}/index.html`, "utf8"))![1]);

describe("embedding without the loader", () => {
  it("the fixed height of every embed shows all of it at 320, 375, 680 and 1280px", async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    const cut: string[] = [];
    const report: string[] = [];
    for (const width of [320, 375, 680, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      for (const id of CHART_IDS) {
        const height = fixedHeight(id);
        await page.goto(`${site.url}/embed/${id}/`);
        await page.setViewportSize({ width, height });
        const content = await page.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
        report.push(`${id} ${width}: ${content} of ${height}`);
        if (content > height) cut.push(`${id} at ${width}px: content ${content}px, iframe ${height}px`);
      }
    }
    console.log(report.join("\n"));
    expect(cut).toEqual([]);
    await context.close();
  });
});

describe("trust cards without the loader", () => {
  // The fixed heights are checked in trust-card.test.ts.
  it("a trust's card sizes itself with the loader on another site, and links out of the frame", async () => {
    const context = await site.browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${hostUrl}card`);
    const frame = page.locator("#card");
    const inner = async () =>
      (await frame.elementHandle())!
        .contentFrame()
        .then((f) => f!.evaluate(() => document.documentElement.getBoundingClientRect().height));
    await expect
      .poll(async () => Math.abs((await frame.evaluate((f) => f.getBoundingClientRect().height)) - (await inner())))
      .toBeLessThan(3);
    const card = page.frameLocator("#card");
    expect(await card.locator("h1").textContent()).toBe(CARD.trust.name);
    // Its status on the release date, in the words the trust's own page uses.
    expect(await card.locator(".card-status").textContent()).toBe(
      `${statusLabel(CARD.trust)} on ${formatDate(DATA.release.date)}`,
    );
    if (CARD.noEpr) expect(CARD.trust.status_now.status).toBe("no_epr");
    // With no trust in the data lacking an EPR, the trust table shows none either.
    else expect(readFileSync(`${DIST}/trusts/index.html`, "utf8")).not.toContain('data-status="no_epr"');
    expect(
      await card
        .locator("a[href]")
        .evaluateAll((as) =>
          as.every(
            (a) => (a as HTMLAnchorElement).target === "_blank" || document.querySelector("base")?.target === "_blank",
          ),
        ),
    ).toBe(true);
    await context.close();
  });
});

describe("embedding on another site", () => {
  for (const width of [375, 1280]) {
    it(`sizes every iframe to its content at ${width}px, and again after a resize`, async () => {
      const context = await site.browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      const requests: string[] = [];
      page.on("request", (r) => requests.push(r.url()));
      await page.goto(hostUrl);
      const settled = async () =>
        expect
          .poll(
            async () =>
              (await heights(page))
                .filter((h) => Math.abs(h.frame - h.content) > 2)
                .map((h) => `${h.id}: ${h.frame} vs ${h.content}`),
            { timeout: 15_000 },
          )
          .toEqual([]);
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
    await expect
      .poll(
        () =>
          page
            .frames()
            .map((f) => f.url())
            .filter((u) => u.startsWith("chrome-error:")).length,
      )
      .toBe(1);
    expect(page.frames().some((f) => f.url() === `${site.url}/coverage/`)).toBe(false);
    expect(page.frames().filter((f) => f.url().startsWith(`${site.url}/embed/`)).length).toBe(CHART_IDS.length);
    await context.close();
  });

  it("is light by default whatever the reader's setting, dark or the reader's own on request", async () => {
    const context = await site.browser.newContext({ colorScheme: "dark" });
    const page = await context.newPage();
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.goto(`${site.url}/embed/coverage-over-time/`);
    expect(await background()).toBe("rgb(255, 255, 255)");
    await page.goto(`${site.url}/embed/coverage-over-time/?theme=dark`);
    expect(await background()).toBe("rgb(21, 23, 26)");
    await page.goto(`${site.url}/embed/coverage-over-time/?theme=auto`);
    expect(await background()).toBe("rgb(21, 23, 26)");
    await context.close();
  });

  it("opens every link outside the frame", async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    for (const id of CHART_IDS) {
      await page.goto(`${site.url}/embed/${id}/`);
      const targets = await page
        .locator("a[href]")
        .evaluateAll((links) =>
          links.map((a) => (a as HTMLAnchorElement).target || document.querySelector("base")?.target || "_self"),
        );
      expect(targets.length, id).toBeGreaterThan(3);
      expect(
        targets.filter((t) => t !== "_blank" && t !== "_top"),
        id,
      ).toEqual([]);
    }
    // And a click really opens a new tab, leaving the host page where it was.
    await page.goto(hostUrl);
    const frame = page.frameLocator(`#f-${CHART_IDS[0]}`);
    const [popup] = await Promise.all([
      context.waitForEvent("page"),
      frame.getByRole("link", { name: "NHS EPR Tracker" }).click(),
    ]);
    expect(popup.url()).toContain(`${site.url}/`);
    expect(page.url()).toBe(hostUrl);
    await context.close();
  });

  it("ends in one short footer line, with the full list of sources one click away", async () => {
    const context = await site.browser.newContext({ viewport: { width: 680, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${site.url}/embed/coverage-over-time/`);
    const foot = page.locator(".chart-foot");
    expect(await foot.innerText()).toMatch(
      /^Sources: .+ and \d+ more\s+Data · Licences?\s+NHS EPR Tracker, figures as of /,
    );
    const lineHeight = await foot.evaluate((f) => Number.parseFloat(getComputedStyle(f).lineHeight) || 20);
    expect((await foot.boundingBox())!.height).toBeLessThanOrEqual(2 * lineHeight + 2);
    const list = foot.locator(".chart-sources li");
    expect(await list.first().isVisible()).toBe(false);
    await foot.locator("summary").click();
    expect(await list.first().isVisible()).toBe(true);
    expect(await list.count()).toBeGreaterThan(5);
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

describe("chart data", () => {
  it("offers each chart's data as CSV that reads back to exactly the table shown", async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    for (const id of CHART_IDS) {
      await page.goto(`${site.url}/embed/${id}/`);
      const shown = await page
        .locator("figure table tbody tr")
        .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent!.trim())));
      const csv = await (await page.request.get(`${site.url}/charts/${id}.csv`)).text();
      const [header, ...body] = Papa.parse<string[]>(csv.replace(/^\uFEFF/, "").trim(), {
        header: false,
        dynamicTyping: false,
      }).data;
      // The CSV adds columns the table leaves out (ISO dates, precisions, source ids): read back the
      // table's own columns, by name.
      const names = await page
        .locator("figure table thead th")
        .evaluateAll((ths) => ths.map((th) => th.textContent!.trim()));
      const at = names.map((n) => header!.indexOf(n));
      expect(at, `${id}: every column of the table is in the CSV`).not.toContain(-1);
      const parsed = body.map((row) => at.map((i) => row[i]!));
      const numeric = await page
        .locator("figure table tbody tr")
        .first()
        .evaluate((r) => [...r.children].map((c) => c.classList.contains("num")));
      // Numbers are printed with thousands separators in the table and plainly in the CSV.
      const asShown = parsed.map((row) =>
        row.map((v, i) =>
          numeric[i] && /^-?\d+(\.\d+)?$/.test(v)
            ? Number(v).toLocaleString("en-GB", { maximumFractionDigits: 1 })
            : v.replace(/^'/, ""),
        ),
      );
      expect(asShown, id).toEqual(shown);
    }
    await context.close();
  });
});
