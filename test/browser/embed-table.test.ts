/**
 * A chart embed's data table in the narrowest real article column (a 320px phone's, about 288px):
 * readable without scrolling sideways (on the chart's own page too), its caption whole, still a table to screen readers, and any
 * region that can scroll reachable by keyboard. And a pinned embed within its embed code's height.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIST, startSite } from "./harness.ts";
import { CHART_IDS } from "./chart-ids.ts";

let site: { url: string; browser: Browser; stop: () => Promise<void> };
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.stop();
});

describe("a chart embed's data table at 288px", () => {
  // The chart's own page stacks its table the same way, on a 320px phone.
  it.each([
    ["embed", 288, (id: string) => `/embed/${id}/`],
    ["chart page", 320, (id: string) => `/charts/${id}/`],
  ] as const)(
    "fits the column of a %s at %ipx, keeps its caption whole and its table semantics, for every chart",
    async (_, width, path) => {
      const context = await site.browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      const problems: string[] = [];
      for (const id of CHART_IDS) {
        await page.goto(`${site.url}${path(id)}`);
        await page.locator(".chart-data summary").first().click();
        const found = await page.evaluate(() => {
          const out: string[] = [];
          const width = document.documentElement.clientWidth;
          const table = document.querySelector<HTMLTableElement>(".chart-data table")!;
          const wrap = table.parentElement!;
          if (document.documentElement.scrollWidth > width)
            out.push(`page ${document.documentElement.scrollWidth}px wide`);
          if (wrap.scrollWidth > wrap.clientWidth)
            out.push(`table scrolls: ${wrap.scrollWidth} in ${wrap.clientWidth}px`);
          // The header row is hidden on screen (clipped to a pixel), so only what shows is measured.
          for (const el of table.querySelectorAll("caption, tbody th, tbody td")) {
            const box = el.getBoundingClientRect();
            if (box.right > width + 0.5 || box.left < -0.5)
              out.push(`${el.tagName.toLowerCase()} "${el.textContent!.slice(0, 30)}" runs past the edge`);
          }
          const caption = table.querySelector("caption")!;
          if (caption.scrollWidth > caption.clientWidth + 1) out.push("caption cut");
          // Each value is named by its column on screen, as the hidden header row no longer shows.
          for (const td of table.querySelectorAll<HTMLTableCellElement>("tbody td[data-label]:not([data-label=''])")) {
            const label = getComputedStyle(td, "::before").content;
            if (!label.includes(td.dataset.label!)) out.push(`cell without its column's name: ${label}`);
          }
          return out;
        });
        problems.push(...found.map((f) => `${id}: ${f}`));
        // Still a table with its caption and headers to assistive technology.
        const tree = await page.locator(".chart-data table").first().ariaSnapshot();
        if (!/^- '?table "Data for the chart: /.test(tree))
          problems.push(`${id}: not a named table: ${tree.slice(0, 80)}`);
        if (!/- '?rowheader\b/.test(tree) || !/- '?columnheader\b/.test(tree) || !/- '?cell\b/.test(tree))
          problems.push(`${id}: lost its headers or cells to assistive technology`);
      }
      expect(problems).toEqual([]);
      await context.close();
    },
  );

  it("lets the keyboard reach every region that can scroll, and names it", async () => {
    const context = await site.browser.newContext({ viewport: { width: 288, height: 800 } });
    const page = await context.newPage();
    const problems: string[] = [];
    let regions = 0;
    for (const id of CHART_IDS) {
      await page.goto(`${site.url}/embed/${id}/`);
      await page.locator(".chart-data summary").click();
      // A table made wider than the column, so the check has a scrolling region to look at.
      await page.locator(".chart-data table").evaluate((el) => (el.style.minWidth = "1000px"));
      const found = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>("body *")]
          .filter((el) => {
            const style = getComputedStyle(el);
            return (
              /auto|scroll/.test(style.overflowX + style.overflowY) &&
              (el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight)
            );
          })
          .map((el) => {
            const named = el.getAttribute("aria-label") ?? el.getAttribute("aria-labelledby");
            // A named <section> is a region; so is anything given the role.
            const region = el.getAttribute("role") === "region" || el.tagName === "SECTION";
            return el.tabIndex >= 0 && region && named ? "ok" : `${el.tagName.toLowerCase()}.${el.className}`;
          }),
      );
      regions += found.length;
      problems.push(
        ...found.filter((f) => f !== "ok").map((f) => `${id}: ${f} scrolls but the keyboard cannot reach it`),
      );
      // And it takes focus from the keyboard: tabbing from the toggle lands on it.
      await page.locator(".chart-data summary").focus();
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => document.activeElement?.classList.contains("table-scroll") ?? false);
      if (!focused) problems.push(`${id}: Tab from "Show the data" does not reach the table`);
    }
    expect(regions).toBeGreaterThanOrEqual(CHART_IDS.length);
    expect(problems).toEqual([]);
    await context.close();
  });
});

/** The pinned embed code's fixed height, as a chart's share panel prints it. */
const pinnedHeight = (id: string) =>
  Number(
    /data-pinned-path="[^"]*" data-height="(\d+)"/.exec(readFileSync(`${DIST}/charts/${id}/index.html`, "utf8"))![1],
  );
/** The oldest release kept, whose embeds carry the longest pinned line (newer data exist). */
const OLDEST = readdirSync(join(DIST, "embed"))
  .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))
  .sort()[0]!;

describe("a pinned chart embed without the loader", () => {
  it("fits its pinned code's fixed height at 320, 375, 680 and 1280px", async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    const cut: string[] = [];
    for (const width of [320, 375, 680, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      for (const id of CHART_IDS) {
        await page.goto(`${site.url}/embed/${OLDEST}/${id}/`);
        const content = await page.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
        if (content > pinnedHeight(id))
          cut.push(`${id} at ${width}px: content ${content}px, iframe ${pinnedHeight(id)}px`);
      }
    }
    expect(cut).toEqual([]);
    await context.close();
  });
});

describe("?release= on a live embed", () => {
  it("opens the same embed pinned to a kept release, keeping the other options, and ignores a release not kept", async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    const id = CHART_IDS[0]!;
    await page.goto(`${site.url}/embed/${id}/?release=${OLDEST}&theme=dark`);
    await page.waitForURL(`${site.url}/embed/${OLDEST}/${id}/?theme=dark`);
    expect(await page.locator(".pin-note").textContent()).toContain("Figures of the data release of");
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    await page.goto(`${site.url}/embed/${id}/?release=1999-01-01`);
    await page.waitForLoadState("load");
    expect(new URL(page.url()).pathname).toBe(`/embed/${id}/`);
    expect(await page.locator(".pin-note").count()).toBe(0);
    await context.close();
  });
});
