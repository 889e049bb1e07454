/**
 * What a reader on a phone must see without scrolling: the finder's "no match" hint on /trusts/, the
 * share panel's "copied" beside the button pressed, and the home page's way to the finder.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { startSite } from "./harness.ts";

let site: { url: string; browser: Browser; stop: () => Promise<void> };
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.stop();
});

const PHONES = [
  { width: 320, height: 640 },
  { width: 375, height: 667 },
];

/** Whether the whole of an element is inside the window as it is now, and the page has not scrolled. */
async function onFirstScreen(page: Page, el: Locator): Promise<string | null> {
  const b = await el.boundingBox();
  const { w, h, y } = await page.evaluate(() => ({ w: innerWidth, h: innerHeight, y: scrollY }));
  if (!b) return "not shown";
  if (y !== 0) return `page scrolled by ${y}px`;
  return b.y >= 0 && b.x >= 0 && b.y + b.height <= h && b.x + b.width <= w
    ? null
    : `at ${Math.round(b.x)},${Math.round(b.y)} ${Math.round(b.width)}×${Math.round(b.height)} in ${w}×${h}`;
}

describe("on a phone's first screen", () => {
  for (const viewport of PHONES) {
    it(`/trusts/ says what to try when nothing matches, under the box, at ${viewport.width}×${viewport.height}`, async () => {
      const context = await site.browser.newContext({ viewport });
      const page = await context.newPage();
      await page.goto(`${site.url}/trusts/`);
      await page.getByLabel("Name, hospital, town or postcode").fill("Xyzzy Qwerty");
      const hint = page.locator("#trust-hint");
      await expect.poll(() => hint.textContent()).toMatch(/^No trust matches "Xyzzy Qwerty"\. Try /);
      expect(await onFirstScreen(page, hint)).toBeNull();
      await context.close();
    });

    it(`the home page leads to the finder at ${viewport.width}×${viewport.height}`, async () => {
      const context = await site.browser.newContext({ viewport });
      const page = await context.newPage();
      await page.goto(`${site.url}/`);
      const box = page.getByRole("searchbox", { name: /Find your hospital/ });
      expect(await onFirstScreen(page, box)).toBeNull();
      expect(await onFirstScreen(page, page.getByRole("button", { name: "Find", exact: true }))).toBeNull();
      // It asks /trusts/, which opens on the query.
      await box.fill("Norwich");
      await Promise.all([page.waitForURL(/\/trusts\/\?q=Norwich$/), box.press("Enter")]);
      expect(await page.getByLabel("Name, hospital, town or postcode").inputValue()).toBe("Norwich");
      await expect.poll(() => page.locator("#trust-count").textContent()).toMatch(/match/);
      await context.close();
    });
  }
});

describe("the share panel", () => {
  it("says 'copied' beside the button pressed, on screen, in a live region, at 375px", async () => {
    const context = await site.browser.newContext({
      viewport: { width: 375, height: 667 },
      permissions: ["clipboard-read", "clipboard-write"],
    });
    const page = await context.newPage();
    await page.goto(`${site.url}/charts/coverage-over-time/`);
    const panel = page.locator("details.share").first();
    await panel.locator("summary").click();
    for (const [button, words] of [
      ["Copy embed code", "Embed code copied."],
      ["Copy link", "Link copied."],
    ] as const) {
      const pressed = panel.getByRole("button", { name: button });
      await pressed.click();
      const said = panel.getByRole("status").filter({ hasText: words });
      await expect.poll(() => said.count(), { message: button }).toBe(1);
      // Where the reader is looking: on screen, and on the button's line or the next.
      const [b, s] = [(await pressed.boundingBox())!, (await said.boundingBox())!];
      const { h } = await page.evaluate(() => ({ h: innerHeight }));
      expect(s.y >= 0 && s.y + s.height <= h, `${button}: "${words}" at y ${Math.round(s.y)} of ${h}`).toBe(true);
      expect(Math.abs(s.y - b.y), button).toBeLessThan(2 * b.height);
      // Only the latest is said.
      expect(
        await panel
          .getByRole("status")
          .filter({ hasText: /copied/ })
          .count(),
        button,
      ).toBe(1);
    }
    await context.close();
  });
});
