import { afterAll, beforeAll, describe, expect, it } from "vitest";
import AxeBuilder from "@axe-core/playwright";
import type { Browser } from "playwright-core";
import { ALL_PAGES, PAGE_TYPES, builtSite, startSite } from "./harness.ts";
import { CHART_IDS } from "./chart-ids.ts";

let site: { url: string; browser: Browser; stop: () => Promise<void> };
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.stop();
});

describe("every page type in Chromium", () => {
  for (const path of PAGE_TYPES) {
    it(`${path} loads with no console errors, no failed requests and no accessibility violations`, async () => {
      const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("console", (m) => m.type() === "error" && !/404 \(Not Found\)/.test(m.text()) && errors.push(m.text()));
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("requestfailed", (r) => errors.push(`failed: ${r.url()}`));
      page.on(
        "response",
        (r) => r.status() >= 400 && r.url() !== site.url + path && errors.push(`${r.status()}: ${r.url()}`),
      );
      // Any Content Security Policy violation is recorded as it happens.
      await page.addInitScript(() => {
        (window as unknown as { cspViolations: string[] }).cspViolations = [];
        document.addEventListener("securitypolicyviolation", (e) =>
          (window as unknown as { cspViolations: string[] }).cspViolations.push(
            `${e.violatedDirective} ${e.blockedURI}`,
          ),
        );
      });
      const response = await page.goto(site.url + path);
      expect(response?.status()).toBe(path === "/no-such-page/" ? 404 : 200);
      expect(errors).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
      const axe = await new AxeBuilder({ page }).analyze();
      expect(
        axe.violations.map(
          (v) =>
            `${v.id}: ${v.nodes
              .map((n) => n.target.join(" "))
              .slice(0, 3)
              .join(", ")}`,
        ),
      ).toEqual([]);
      await context.close();
    });
  }
});

describe("with JavaScript off", () => {
  it("every chart, table and figure is in the page", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    const tablePages = new Set<string>();
    for (const path of ["/", "/coverage/", "/deadlines/", "/programme/", "/suppliers/", "/trusts-without-epr/"]) {
      await page.goto(site.url + path);
      const charts = page.locator("figure svg[role=img]:visible");
      expect(await charts.count(), `${path} visible charts`).toBeGreaterThan(0);
      // Each chart has its data table in the HTML for screen readers and for reading without the chart;
      // on the home page, one link away, on the chart's own page.
      const figures = await page.locator("figure.chart-figure").evaluateAll((fs) =>
        fs.map((f) => ({
          table: f.querySelector("table") !== null,
          own: f.querySelector<HTMLAnchorElement>("a[href*='/charts/']")?.href,
        })),
      );
      for (const f of figures) {
        if (path !== "/") expect(f.table, path).toBe(true);
        else {
          expect(f.own, path).toBeTruthy();
          tablePages.add(f.own!);
        }
      }
    }
    for (const url of tablePages) {
      await page.goto(url);
      expect(await page.locator("figure.chart-figure table").count(), url).toBe(1);
      expect(await page.locator("figure svg[role=img]:visible").count(), url).toBe(1);
    }
    await page.goto(site.url + "/trusts/");
    expect(await page.locator("#trust-table tbody tr:visible").count()).toBeGreaterThan(200);
    await context.close();
  });
  it("every chart's share panel links its image, and the link gives a PNG", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    for (const id of CHART_IDS) {
      await page.goto(`${site.url}/charts/${id}/`);
      await page.getByText("Share, embed or download this chart").click();
      const link = page.getByRole("link", { name: /^Image \(PNG/ });
      await expect.poll(() => link.isVisible()).toBe(true);
      const response = await context.request.get(new URL((await link.getAttribute("href"))!, page.url()).href);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toMatch(/^image\/png/);
      expect([...(await response.body()).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    }
    await context.close();
  });
});

describe("trust table", () => {
  it("filters by name and by status, and says how many trusts it shows", async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(site.url + "/trusts/");
    // A query one trust alone answers to: the code of an open trust that no other code starts with.
    const data = builtSite();
    const only = data.trusts.find(
      (t) =>
        t.status_now.status !== "closed" &&
        !data.trusts.some((o) => o !== t && o.code.toLowerCase().startsWith(t.code.toLowerCase())),
    )!;
    await page.getByLabel("Name, hospital, town or postcode").fill(only.code.toLowerCase());
    await expect.poll(() => page.locator("#trust-table tbody tr:visible").count()).toBe(1);
    await expect
      .poll(() => page.locator("#trust-count").textContent())
      .toMatch(/^1 trust matches: on \d+ \w+ \d{4}, \d with an EPR, \d with none reported\.$/);
    await page.getByLabel("Name, hospital, town or postcode").fill("");
    await page.getByText("Filter by region, status or supplier").click();
    await page.getByLabel("EPR status").selectOption("no_epr");
    // As many rows as the data has trusts with no EPR reported (none, if it has none).
    const noEpr = data.trusts.filter((t) => t.status_now.status === "no_epr").length;
    await expect.poll(() => page.locator("#trust-table tbody tr:visible").count()).toBe(noEpr);
    const rows = await page.locator("#trust-table tbody tr:visible").count();
    expect(await page.locator('#trust-table tbody tr:visible[data-status="no_epr"]').count()).toBe(rows);
    await context.close();
  });

  it("sorts by a column from the keyboard and announces the order", async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(site.url + "/trusts/");
    const codeHeader = page.getByRole("button", { name: "Code" });
    await codeHeader.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("th:has(button:text('Code'))").getAttribute("aria-sort")).toBe("ascending");
    const codes = await page.locator("#trust-table tbody tr td:nth-child(2)").allTextContents();
    expect(codes).toEqual([...codes].sort((a, b) => a.localeCompare(b, "en-GB", { numeric: true })));
    await context.close();
  });
});

describe("charts by keyboard and pointer", () => {
  it("steps through a chart's values with the arrow keys and reads each out", async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(site.url + "/coverage/");
    const frame = page.locator("#coverage-over-time .chart-frame");
    await frame.focus();
    await page.keyboard.press("ArrowRight");
    const tip = page.locator(".chart-tip");
    await expect.poll(() => tip.isVisible()).toBe(true);
    const first = await tip.textContent();
    expect(first).toMatch(/\d+%/);
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => tip.textContent()).not.toBe(first);
    await page.keyboard.press("Escape");
    await expect.poll(() => tip.isVisible()).toBe(false);
    await context.close();
  });

  it("shows a hexagon's value on hover, on the drawing that fits a phone", async () => {
    const context = await site.browser.newContext({ viewport: { width: 375, height: 800 }, hasTouch: true });
    const page = await context.newPage();
    await page.goto(site.url + "/coverage/");
    const hex = page.locator("#icb-map svg.chart-narrow [data-tip]").first();
    await hex.scrollIntoViewIfNeeded();
    await hex.tap();
    await expect.poll(() => page.locator(".chart-tip").textContent()).toBe(await hex.getAttribute("data-tip"));
    await context.close();
  });
});

describe("Atom feed of data releases", () => {
  it("parses as XML, is an Atom feed, and lists every release on the changes page", async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(site.url + "/changes/");
    const releases = await page.locator("main section h2").count();
    const xml = await (await page.request.get(site.url + "/changes.xml")).text();
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, "application/xml");
      return {
        error: doc.getElementsByTagName("parsererror").length > 0,
        ns: doc.documentElement.namespaceURI,
        entries: doc.getElementsByTagName("entry").length,
        updated: [...doc.getElementsByTagName("updated")].map((u) => u.textContent),
      };
    }, xml);
    expect(parsed.error).toBe(false);
    expect(parsed.ns).toBe("http://www.w3.org/2005/Atom");
    expect(parsed.entries).toBe(releases);
    for (const u of parsed.updated) expect(u).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
    await context.close();
  });
});

describe("colour schemes", () => {
  it("follows the reader's dark preference, and an embed's ?theme=light overrides it", async () => {
    const context = await site.browser.newContext({ colorScheme: "dark" });
    const page = await context.newPage();
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.goto(site.url + "/coverage/");
    expect(await background()).toBe("rgb(21, 23, 26)");
    await page.goto(site.url + "/embed/coverage-over-time/?theme=light");
    expect(await background()).toBe("rgb(255, 255, 255)");
    await context.close();
  });
});

describe("small screens", () => {
  // Every page is opened, four tabs at a time: hundreds of pages take minutes on a busy two-core machine.
  it("no page of the site is wider than a 320px phone screen", { timeout: 600_000 }, async () => {
    const context = await site.browser.newContext({ viewport: { width: 320, height: 640 } });
    const wide: string[] = [];
    const queue = [...ALL_PAGES];
    const tab = async () => {
      const page = await context.newPage();
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        await page.goto(site.url + path);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 320) wide.push(`${path}: ${width}px`);
      }
    };
    await Promise.all([tab(), tab(), tab(), tab()]);
    expect(wide.sort()).toEqual([]);
    await context.close();
  });
});

describe("the menu on a phone", () => {
  it("shows every item within a 320px screen, none hidden in a row that scrolls", async () => {
    const context = await site.browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await page.goto(site.url + "/");
    const outside = await page.locator("nav[aria-label=Main] a").evaluateAll((links) =>
      links
        .filter((a) => {
          const r = a.getBoundingClientRect();
          return r.left < 0 || r.right > 320;
        })
        .map((a) => a.textContent),
    );
    expect(outside).toEqual([]);
    expect(
      await page.locator("nav[aria-label=Main]").evaluate((n) => n.scrollWidth - n.clientWidth),
    ).toBeLessThanOrEqual(0);
    await context.close();
  });
});

describe("keyboard only", () => {
  it("reaches the skip link, then every item of the main navigation in order, and follows one", async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(site.url + "/");
    const focused = async () => page.evaluate(() => (document.activeElement as HTMLElement).textContent?.trim());
    await page.keyboard.press("Tab");
    expect(await focused()).toBe("Skip to content");
    await page.keyboard.press("Tab");
    expect(await focused()).toBe("NHS EPR Tracker");
    const navLabels = await page.locator("nav[aria-label=Main] a").allTextContents();
    for (const label of navLabels) {
      await page.keyboard.press("Tab");
      expect(await focused()).toBe(label);
    }
    // Back to "Coverage" and follow it with Enter.
    await page.keyboard.press("Shift+Tab");
    while ((await focused()) !== "Coverage") await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/coverage\/$/);
    expect(await page.locator("nav a[aria-current=page]").textContent()).toBe("Coverage");
    await context.close();
  });
});
