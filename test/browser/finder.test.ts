/**
 * The hospital finder on /trusts/ as a member of the public uses it: on a phone, by the names people
 * use for their hospital, with JavaScript on and off, and with the filters kept in a shareable link.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Papa from "papaparse";
import { startSite } from "./harness.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

let site: { url: string; browser: Browser; stop: () => Promise<void> };
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.stop();
});

/**
 * What people typed, the trust they meant, and the words they would look for with find in page. The
 * hospitals are the ones readers could not find before: not headquarters, an abbreviation, a postcode.
 */
/**
 * The trust that runs a hospital now, by the site's ODS code, from the owned table of sites: so a
 * merger or a new trust after a refresh moves the expectation with the data, not the test.
 */
const SITES = Papa.parse<{ code: string; trust_code: string }>(readFileSync(join(ROOT, "data/sites.csv"), "utf8"), {
  header: true,
  skipEmptyLines: true,
}).data;
const runs = (siteCode: string) => {
  const row = SITES.find((r) => r.code === siteCode);
  if (!row) throw new Error(`site ${siteCode} is not in data/sites.csv`);
  return row.trust_code;
};
const EXAMPLES = [
  { query: "Addenbrooke's", code: runs("RGT01"), findInPage: "Addenbrooke's" },
  { query: "Wythenshawe Hospital", code: runs("R0A07"), findInPage: "Wythenshawe Hospital" },
  { query: "Manchester Royal Infirmary", code: runs("R0A02"), findInPage: "Manchester Royal Infirmary" },
  { query: "Stoke Mandeville", code: runs("RXQ02"), findInPage: "Stoke Mandeville" },
  { query: "QMC", code: runs("RX1RA"), findInPage: "QMC" },
  { query: "Kings Lynn", code: runs("RCX70"), findInPage: "Kings Lynn" },
  { query: "M23 9LT", code: runs("R0A07"), findInPage: "M23 9LT" },
  { query: "Norfolk & Norwich", code: "RM1", findInPage: "Norfolk and Norwich" },
  { query: "Norfolk and Norwich Hospital", code: "RM1", findInPage: "Norfolk and Norwich" },
  { query: "NNUH", code: "RM1", findInPage: "NNUH" },
  { query: "Treliske", code: "REF", findInPage: "Treliske" },
  { query: "Leeds General Infirmary", code: "RR8", findInPage: "Leeds General Infirmary" },
  { query: "St James", code: "RR8", findInPage: "St James's" },
  { query: "Norwich", code: "RM1", findInPage: "Norwich University" },
  { query: "nr4 7uy", code: "RM1", findInPage: "NR4 7UY" },
  // Not by find in page: "RM1" also begins Romford's postcodes, printed first.
  { query: "rm1", code: "RM1", findInPage: null },
] as const;
/** A closed trust's former site, whose trust closed with no successor recorded. */
const FORMER = { query: "Southmead", code: "RVJ", findInPage: "Southmead" } as const;

const visibleCodes = (page: Page) =>
  page.locator("#trust-table tbody tr:visible").evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.code));

/** Find in page, as the browser's own Find does it: the code of the table row it lands in first, or what else. */
const findInPage = (page: Page, words: string) =>
  page.evaluate((w) => {
    getSelection()!.removeAllRanges();
    // Chromium's window.find is the engine behind Ctrl+F: case-insensitive, from the top, no wrapping.
    const found = (window as unknown as { find: (...a: unknown[]) => boolean }).find(w, false, false, false);
    const at = getSelection()!.anchorNode?.parentElement ?? null;
    return found ? (at?.closest("tr")?.dataset.code ?? at?.closest("[id]")?.id ?? "elsewhere") : "not found";
  }, words);

describe("finding a hospital with JavaScript on", () => {
  it("finds each example first, with its status now, on a 375px phone", async () => {
    const context = await site.browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${site.url}/trusts/`);
    const box = page.getByLabel("Name, hospital, town or postcode");
    const found: string[] = [];
    for (const e of [...EXAMPLES, FORMER]) {
      await box.fill(e.query);
      await expect.poll(async () => (await visibleCodes(page))[0], { message: e.query }).toBe(e.code);
      const first = page.locator("#trust-table tbody tr:visible").first();
      expect(await first.locator(".trust-status .status").isVisible(), e.query).toBe(true);
      const shown = await visibleCodes(page);
      found.push(`${e.query} → ${shown.length} shown, first ${shown.slice(0, 3).join(", ")}`);
    }
    console.log(found.join("\n"));
    // A partial match says so.
    await box.fill("Leeds Xyzzy");
    await expect
      .poll(() => page.locator("#trust-hint").textContent())
      .toMatch(/^Partial match: no trust matches every word of "Leeds Xyzzy"\. These match "leeds"/);
    await context.close();
  });

  it("leads from a closed trust's former site to its trust, saying that no successor is recorded", async () => {
    const context = await site.browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${site.url}/trusts/?q=${FORMER.query}`);
    await expect.poll(async () => (await visibleCodes(page))[0]).toBe(FORMER.code);
    expect(await page.locator("#trust-hint").textContent()).toMatch(
      /^Southmead Hospital was listed under North Bristol NHS Trust, which closed on .+\. No successor is recorded, so who runs it now is not known here\.$/,
    );
    // The hint starts on the first screen, without scrolling, above the results.
    const hint = await page.locator("#trust-hint").boundingBox();
    expect(hint!.y).toBeLessThan(800 - 40);
    await context.close();
  });

  it("never matches on the word hospital alone", async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.url}/trusts/`);
    const box = page.getByLabel("Name, hospital, town or postcode");
    const all = (await visibleCodes(page)).length;
    // Adding "Hospital" to a hospital's name changes nothing.
    for (const name of ["Addenbrooke's", "Wythenshawe", "Stoke Mandeville", "Southmead"]) {
      await box.fill(name);
      await expect.poll(async () => (await visibleCodes(page)).length, { message: name }).toBeLessThan(all);
      const alone = await visibleCodes(page);
      await box.fill(`${name} Hospital`);
      await expect.poll(() => visibleCodes(page), { message: `${name} Hospital` }).toEqual(alone);
    }
    // "Hospital" alone, or with NHS and trust, picks no trust: every trust stays, with a word on what to add.
    for (const q of ["Hospital", "NHS hospital trust", "hospitals"]) {
      await box.fill(q);
      await expect.poll(async () => (await visibleCodes(page)).length, { message: q }).toBe(all);
      expect(await page.locator("#trust-hint").textContent(), q).toMatch(/alone could be any trust/);
    }
    // A word that is nowhere, with "hospital", finds nothing rather than every hospital.
    await box.fill("Xyzzy Hospital");
    await expect.poll(() => visibleCodes(page)).toEqual([]);
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
  it("shows no form that cannot work, every trust, and finds each example in its trust's row by find in page", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${site.url}/trusts/`);
    expect(await page.locator("#trust-filters").isVisible()).toBe(false);
    expect(await page.locator("#trust-table tbody tr:visible").count()).toBeGreaterThan(200);
    const found: string[] = [];
    for (const e of [...EXAMPLES, FORMER]) {
      if (e.findInPage === null) continue;
      const at = await findInPage(page, e.findInPage);
      found.push(`${e.findInPage} → ${at}`);
      expect(at, e.findInPage).toBe(e.code);
    }
    console.log(found.join("\n"));
    // The former site's row says plainly that no successor is recorded.
    const row = page.locator(`#trust-${FORMER.code}`);
    expect(await row.textContent()).toMatch(/former sites?, with no successor recorded: .*Southmead Hospital/s);
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
