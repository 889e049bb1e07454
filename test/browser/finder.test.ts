/**
 * The hospital finder on /trusts/ as a member of the public uses it: on a phone, by the names people
 * use for their hospital, with JavaScript on and off, and with the filters kept in a shareable link.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { startSite } from "./harness.ts";

let site: { url: string; browser: Browser; stop: () => Promise<void> };
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.stop();
});

/** What people typed, the trust they meant, and the words they would look for with find in page. */
const EXAMPLES = [
  { query: "Norfolk & Norwich", code: "RM1", findInPage: "Norfolk and Norwich" },
  { query: "Norfolk and Norwich Hospital", code: "RM1", findInPage: "Norfolk and Norwich" },
  { query: "NNUH", code: "RM1", findInPage: "NNUH" },
  { query: "Treliske", code: "REF", findInPage: "Treliske" },
  { query: "Leeds General Infirmary", code: "RR8", findInPage: "Leeds Teaching" },
  { query: "St James", code: "RR8", findInPage: "St James" },
  { query: "Norwich", code: "RM1", findInPage: "Norwich University" },
  { query: "nr4 7uy", code: "RM1", findInPage: "Colney" },
  { query: "rm1", code: "RM1", findInPage: "RM1" },
] as const;

const visibleCodes = (page: Page) =>
  page.locator("#trust-table tbody tr:visible").evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.code));

describe("finding a hospital with JavaScript on", () => {
  it("finds each example first, with its status now, on a 375px phone", async () => {
    const context = await site.browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${site.url}/trusts/`);
    const box = page.getByLabel("Name, hospital, town or postcode");
    const found: string[] = [];
    for (const e of EXAMPLES) {
      await box.fill(e.query);
      await expect.poll(async () => (await visibleCodes(page))[0], { message: e.query }).toBe(e.code);
      const first = page.locator("#trust-table tbody tr:visible").first();
      expect(await first.locator(".trust-status .status").isVisible(), e.query).toBe(true);
      found.push(`${e.query} → ${(await visibleCodes(page)).join(", ")}`);
    }
    console.log(found.join("\n"));
    // A partial match says so.
    await box.fill("Leeds General Infirmary");
    await expect
      .poll(() => page.locator("#trust-hint").textContent())
      .toMatch(/^No trust matches every word of "Leeds General Infirmary"\. These match "leeds"/);
    await context.close();
  });

  it("says what to try when nothing matches", async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.url}/trusts/`);
    await page.getByLabel("Name, hospital, town or postcode").fill("Xyzzy Qwerty");
    await expect.poll(() => visibleCodes(page)).toEqual([]);
    expect(await page.locator("#trust-hint").textContent()).toMatch(/^No trust matches "Xyzzy Qwerty"\. Try /);
    expect(await page.locator("#trust-count").textContent()).toBe("0 trusts match.");
    await context.close();
  });

  it("keeps the query and filters in the address, so a filtered table can be shared", async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.url}/trusts/`);
    await page.getByLabel("Name, hospital, town or postcode").fill("Leeds");
    await page.getByText("Filter by region, status or supplier").click();
    await page.getByLabel("EPR status").selectOption("epr");
    await expect.poll(() => new URL(page.url()).search).toBe("?q=Leeds&status=epr");
    const shown = await visibleCodes(page);
    expect(shown.length).toBeGreaterThan(0);
    // Someone opening the link sees the same rows, with the filters filled in.
    const other = await context.newPage();
    await other.goto(page.url());
    await expect.poll(() => visibleCodes(other)).toEqual(shown);
    expect(await other.getByLabel("EPR status").inputValue()).toBe("epr");
    expect(await other.getByLabel("Name, hospital, town or postcode").inputValue()).toBe("Leeds");
    await context.close();
  });
});

describe("finding a hospital with JavaScript off", () => {
  it("shows no form that cannot work, every trust, and each example's words in its trust's row", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${site.url}/trusts/`);
    expect(await page.locator("#trust-filters").isVisible()).toBe(false);
    expect(await page.locator("#trust-table tbody tr:visible").count()).toBeGreaterThan(200);
    for (const e of EXAMPLES) {
      // As find in page would: the first row whose text holds the words.
      const row = page.locator("#trust-table tbody tr", { hasText: e.findInPage }).first();
      expect(await row.getAttribute("data-code"), e.findInPage).toBe(e.code);
      expect(await row.isVisible()).toBe(true);
    }
    // The letters jump to the trusts under each.
    await page.locator("nav.letters").getByRole("link", { name: "N", exact: true }).click();
    expect(new URL(page.url()).hash).toMatch(/^#trust-[A-Z0-9]+$/);
    await context.close();
  });
});

describe("the trust list on a phone", () => {
  for (const js of [true, false]) {
    it(`shows every trust's status inside a 320px screen, JavaScript ${js ? "on" : "off"}`, async () => {
      const context = await site.browser.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled: js });
      const page = await context.newPage();
      await page.goto(`${site.url}/trusts/`);
      const problems = await page.locator("#trust-table tbody tr").evaluateAll((rows) =>
        rows.flatMap((r) => {
          const s = r.querySelector(".trust-status .status")!.getBoundingClientRect();
          const name = r.querySelector(".trust-name a")!.getBoundingClientRect();
          const out: string[] = [];
          if (s.width === 0 || s.left < 0 || s.right > 320)
            out.push(`${(r as HTMLElement).dataset.code}: status at ${Math.round(s.left)}–${Math.round(s.right)}px`);
          // The name is not squeezed into a narrow column (it wrapped to seven lines before).
          if (name.height > 80) out.push(`${(r as HTMLElement).dataset.code}: name ${Math.round(name.height)}px tall`);
          return out;
        }),
      );
      expect(problems).toEqual([]);
      const scroll = await page.locator(".table-scroll").evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(scroll).toBe(0);
      await context.close();
    });
  }
});
