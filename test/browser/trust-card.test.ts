/**
 * Trust cards at the height their embed code gives, with no loader to resize them (a CMS that strips
 * scripts): every card shows all of it in the narrowest article column, and the longest at common widths.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { DIST, builtSite, longCards, startSite } from "./harness.ts";
import { CARD_WIDTHS, NARROWEST_COLUMN } from "../../src/lib/publish/embed.ts";

let site: { url: string; browser: Browser; stop: () => Promise<void> };
const DATA = builtSite();

beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.stop();
});

/** The height in the embed code a trust's page gives to copy. */
const codeHeight = (code: string): number => {
  const page = readFileSync(`${DIST}/trusts/${code}/index.html`, "utf8");
  const textarea = /<textarea id="card-code"[^>]*>([\s\S]*?)<\/textarea>/.exec(page)?.[1] ?? "";
  const h = /height=(?:&quot;|")(\d+)(?:&quot;|")/.exec(textarea)?.[1];
  if (!h) throw new Error(`/trusts/${code}/ gives no embed code with a height`);
  return Number(h);
};

describe("trust cards without the loader", () => {
  it(`the embed code's height shows all of every card in a ${NARROWEST_COLUMN}px column, and of the longest at every common width`, async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    const longest = longCards(DATA);
    const cut: string[] = [];
    const report: string[] = [];
    for (const width of CARD_WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      // The narrowest column wraps most, so every card is read there.
      for (const code of width === NARROWEST_COLUMN ? DATA.trusts.map((t) => t.code) : longest) {
        const height = codeHeight(code);
        await page.goto(`${site.url}/embed/trust/${code}/`);
        const content = await page.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
        report.push(`${code} ${width}px: ${content} of ${height}`);
        if (content > height) cut.push(`${code} at ${width}px: content ${content}px, embed code ${height}px`);
      }
    }
    console.log(report.filter((r) => longest.some((c) => r.startsWith(`${c} `))).join("\n"));
    expect(cut).toEqual([]);
    await context.close();
  }, 240_000);
});
