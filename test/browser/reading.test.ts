/** How pages read, word by word: every link set apart from the words around it. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { ALL_PAGES, startSite } from "./harness.ts";

let site: { url: string; browser: Browser; stop: () => Promise<void> };
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.stop();
});

/**
 * Runs in the page: for each link, the character just before and just after it within its block, as a
 * reader (or a copy and paste) sees the text. Nested blocks and <br> count as line breaks.
 */
function gluedLinks(): string[] {
  const isInline = (el: Element) => getComputedStyle(el).display.startsWith("inline") || el.tagName === "A";
  const blockOf = (el: Element) => {
    let b = el.parentElement!;
    while (b.parentElement && isInline(b)) b = b.parentElement;
    return b;
  };
  const flatten = (block: Element) => {
    let text = "";
    const spans = new Map<Element, [number, number]>();
    const walk = (n: Node) => {
      if (n.nodeType === Node.TEXT_NODE) text += (n as Text).data;
      else if (n instanceof HTMLBRElement) text += "\n";
      else if (n instanceof Element && !["SCRIPT", "STYLE", "TEMPLATE", "TEXTAREA", "svg"].includes(n.tagName)) {
        const block = n !== root && !isInline(n);
        if (block) text += "\n";
        const start = text.length;
        n.childNodes.forEach(walk);
        if (n.tagName === "A") spans.set(n, [start, text.length]);
        if (block) text += "\n";
      }
    };
    const root = block;
    walk(block);
    return { text, spans };
  };
  const out: string[] = [];
  const seen = new Set<Element>();
  for (const a of document.querySelectorAll("body a[href]")) {
    const block = blockOf(a);
    if (seen.has(block)) continue;
    seen.add(block);
    const { text, spans } = flatten(block);
    for (const [link, [start, end]] of spans) {
      if (blockOf(link) !== block) continue;
      const before = text.slice(0, start).slice(-1);
      const after = text.slice(end, end + 1);
      // A word, a number or the end of a sentence touching the link's first letter; a word touching its last.
      if (/[\p{L}\p{N}.,;:!?)]/u.test(before))
        out.push(`…${text.slice(Math.max(0, start - 20), start)}[${link.textContent}]`);
      if (/[\p{L}\p{N}(]/u.test(after)) out.push(`[${link.textContent}]${text.slice(end, end + 20)}…`);
    }
  }
  return out;
}

describe("links in running text", () => {
  it("no link on any built page is glued to the word before or after it", async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const glued: string[] = [];
    expect(ALL_PAGES.length).toBeGreaterThan(200);
    for (const path of ALL_PAGES) {
      await page.goto(site.url + path);
      for (const g of await page.evaluate(gluedLinks)) glued.push(`${path}: ${g}`);
    }
    expect(glued).toEqual([]);
    await context.close();
  }, 240_000);

  it("the check finds a glued link", async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.setContent(
      `<p>Read the report.<a href="/x">Follow each trust</a>, or <a href="/y">this one</a>now. <a href="/z">Fine</a> (<a href="/w">also fine</a>).</p>`,
    );
    expect(await page.evaluate(gluedLinks)).toEqual([
      "…Read the report.[Follow each trust]",
      "[this one]now. Fine (also fine…",
    ]);
    await context.close();
  });
});
