/**
 * Chart downloads as a journalist makes them, at phone and desktop widths: images whose every line of
 * text lies inside the picture, in light and dark, at one and two times the size.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { builtSite, startSite } from "./harness.ts";
import { CHART_IDS } from "./chart-ids.ts";

const DATA = builtSite();

let site: { url: string; browser: Browser; stop: () => Promise<void> };
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.stop();
});

async function downloadText(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent("download"), click()]);
  return { name: d.suggestedFilename(), bytes: readFileSync((await d.path())!) };
}

/** Draws an SVG in a blank page and lists every text that pokes out of the picture or of a drawing inside it. */
async function overflowingText(page: Page, svg: string): Promise<string[]> {
  await page.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
  return page.evaluate(() => {
    const root = document.querySelector("body > svg")!;
    const viewport = (svg: SVGSVGElement) => {
      const m = (svg.parentElement as unknown as SVGGraphicsElement).getScreenCTM()!;
      const [x, y, w, h] = [svg.x, svg.y, svg.width, svg.height].map((a) => a.baseVal.value) as [
        number,
        number,
        number,
        number,
      ];
      const a = new DOMPoint(x, y).matrixTransform(m),
        b = new DOMPoint(x + w, y + h).matrixTransform(m);
      return { left: a.x, top: a.y, right: b.x, bottom: b.y };
    };
    const out: string[] = [];
    for (const t of root.querySelectorAll("text")) {
      const r = t.getBoundingClientRect();
      if (r.width === 0) continue;
      for (let box: Element | null = t.closest("svg"); box; box = box.parentElement?.closest("svg") ?? null) {
        // A drawing inside the picture clips to its own viewport (x, y, width, height), not its contents' box.
        const b = box === root ? box.getBoundingClientRect() : viewport(box as SVGSVGElement);
        if (r.left < b.left - 0.5 || r.right > b.right + 0.5 || r.top < b.top - 0.5 || r.bottom > b.bottom + 0.5) {
          out.push(
            `"${t.textContent}" (${Math.round(r.left)}–${Math.round(r.right)} × ${Math.round(r.top)}–${Math.round(r.bottom)}) outside ${box === root ? "the image" : "the chart"} (${Math.round(b.left)}–${Math.round(b.right)} × ${Math.round(b.top)}–${Math.round(b.bottom)})`,
          );
          break;
        }
      }
    }
    return out;
  });
}

describe("chart images", () => {
  it("the check sees text cut off by the picture or by the chart inside it", async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100" width="200" height="100"><text x="10" y="20">fits</text><text x="150" y="40">runs off the edge</text>
      <svg x="0" y="50" width="100" height="50" viewBox="0 0 100 50"><text x="80" y="20">100%</text></svg></svg>`;
    expect((await overflowingText(page, svg)).map((p) => p.split(" (")[0])).toEqual(['"runs off the edge"', '"100%"']);
    await context.close();
  });

  for (const width of [320, 375, 1280]) {
    it(`every chart's SVG at ${width}px keeps all its text inside the picture, and says its date, sources, licence and credit`, async () => {
      const context = await site.browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
      const page = await context.newPage();
      const scratch = await context.newPage();
      const problems: string[] = [];
      for (const id of CHART_IDS) {
        await page.goto(`${site.url}/charts/${id}/`);
        const panel = page.locator(`details.share[data-chart="${id}"]`);
        await panel.locator("summary").click();
        const { name, bytes } = await downloadText(page, () => panel.getByRole("button", { name: "SVG" }).click());
        expect(name).toBe(`${id}-${width < 600 ? "narrow" : "wide"}-light.svg`);
        const svg = bytes.toString("utf8");
        expect(svg).toContain("Figures as of");
        expect(svg).toMatch(/Sources?: /);
        expect(svg).toMatch(/Licences?: /);
        expect(svg).toContain("NHS EPR Tracker · data release of");
        expect(svg).not.toMatch(/var\(--/);
        problems.push(...(await overflowingText(scratch, svg)).map((p) => `${id}: ${p}`));
      }
      expect(problems).toEqual([]);
      await context.close();
    }, 120_000);
  }

  it("makes PNGs at one and two times the image's size, and a dark version on request", async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${site.url}/charts/coverage-by-type/`);
    const panel = page.locator('details.share[data-chart="coverage-by-type"]');
    await panel.locator("summary").click();
    const svg = (await downloadText(page, () => panel.getByRole("button", { name: "SVG" }).click())).bytes.toString(
      "utf8",
    );
    const [w, h] = /viewBox="0 0 (\d+) (\d+)"/.exec(svg)!.slice(1).map(Number) as [number, number];
    const size = (b: Buffer) => [b.readUInt32BE(16), b.readUInt32BE(20)];
    const one = await downloadText(page, () => panel.getByRole("button", { name: "PNG", exact: true }).click());
    const two = await downloadText(page, () => panel.getByRole("button", { name: "PNG, twice the size" }).click());
    expect(one.bytes.subarray(1, 4).toString()).toBe("PNG");
    expect(size(one.bytes)).toEqual([w, h]);
    expect(size(two.bytes)).toEqual([2 * w, 2 * h]);
    expect(two.name).toBe("coverage-by-type-wide-light@2x.png");
    await panel.getByLabel("Dark").first().check();
    const dark = await downloadText(page, () => panel.getByRole("button", { name: "SVG" }).click());
    expect(dark.name).toBe("coverage-by-type-wide-dark.svg");
    expect(dark.bytes.toString("utf8")).toContain('<rect width="100%" height="100%" fill="rgb(21, 23, 26)"/>');
    expect(svg).toContain('<rect width="100%" height="100%" fill="rgb(255, 255, 255)"/>');
    // The page itself is still light afterwards.
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(255, 255, 255)");
    await context.close();
  });
});

describe("embed options in the share panel", () => {
  it("updates the code and the live preview as theme, title and height change", async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${site.url}/coverage/`);
    const panel = page.locator('details.share[data-chart="icb-map"]');
    await panel.locator("summary").click();
    const code = panel.getByLabel("Embed code", { exact: true });
    const pinned = panel.getByLabel(/^Or embed code pinned to the release of /);
    const preview = panel.locator("iframe.embed-preview");
    await expect.poll(() => preview.getAttribute("src")).toBe(`${site.url}/embed/icb-map/`);
    expect(await code.inputValue()).toContain(`<script src="${site.url}/embed/v1/loader.js" async></script>`);
    // Automatic height: the preview takes its content's height from the embed's messages.
    const inner = () =>
      preview.evaluate((f: HTMLIFrameElement) => f.contentDocument!.documentElement.getBoundingClientRect().height);
    await expect
      .poll(async () => Math.abs((await preview.evaluate((f) => f.getBoundingClientRect().height)) - (await inner())))
      .toBeLessThan(3);

    await panel.getByLabel("Dark").nth(1).check();
    await panel.getByLabel("Show the title").uncheck();
    await expect.poll(() => code.inputValue()).toContain(`src="${site.url}/embed/icb-map/?theme=dark&amp;title=0"`);
    // The pinned code follows the same options, at the release's own address.
    await expect
      .poll(() => pinned.inputValue())
      .toContain(`src="${site.url}/embed/${DATA.release.date}/icb-map/?theme=dark&amp;title=0"`);
    await expect.poll(() => preview.getAttribute("src")).toBe(`${site.url}/embed/icb-map/?theme=dark&title=0`);
    await expect
      .poll(() => preview.evaluate((f: HTMLIFrameElement) => f.contentDocument!.documentElement.dataset.theme))
      .toBe("dark");

    await panel.getByLabel("Fixed, in pixels:").check();
    await panel.getByLabel("Fixed height in pixels").fill("700");
    await expect.poll(() => code.inputValue()).toMatch(/height="700"[^\n]*<\/iframe>$/);
    await expect.poll(() => pinned.inputValue()).toMatch(/height="700"[^\n]*<\/iframe>$/);
    expect(await preview.evaluate((f) => f.getBoundingClientRect().height)).toBe(700);
    await context.close();
  });
});
