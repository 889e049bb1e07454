/**
 * Trust pages and trust cards as built in dist/: the card cites every claim and agrees with the page,
 * the reader's path has no commit codes, every page lists its hospitals, and a missing trust's
 * address is answered helpfully.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { SiteData } from "../../src/lib/data/model.ts";
import { copyHolder } from "../../src/lib/words/cite.ts";
import { trustDeadlineCheck } from "../../src/lib/trust/deadline.ts";
import { visibleText } from "./visible-text.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DIST = join(ROOT, "dist");
let site: SiteData;
const html = (path: string) => readFileSync(join(DIST, path), "utf8");
const text = visibleText;
const check = (code: string) => {
  const t = site.trusts.find((x) => x.code === code)!;
  const events = site.trust_events.filter((e) => e.ods_code === code);
  return trustDeadlineCheck(t, site.headline.deadline, site.release.date, events);
};

beforeAll(() => {
  if (!existsSync(join(DIST, "index.html")))
    throw new Error("dist/ is missing: run `npm run build` first (npm test does)");
  site = JSON.parse(readFileSync(join(ROOT, "src/generated/site-data.json"), "utf8"));
});

describe("a trust's card", () => {
  it("states the deadline's test and the verdict by it, in the same words as the trust's page", () => {
    for (const t of site.trusts) {
      const c = check(t.code);
      const card = text(html(`embed/trust/${t.code}/index.html`));
      expect(card, t.code).toContain(c.definition);
      if (c.sentence) {
        expect(card, t.code).toContain(c.sentence);
        expect(text(html(`trusts/${t.code}/index.html`)), t.code).toContain(`${c.definition} ${c.sentence}`);
      }
    }
  });

  it("cites on the card each report its verdict rests on, and the deadline's source with its date", () => {
    const deadlineSource = site.sources.find((s) => s.id === site.headline.deadline.source_id)!;
    for (const t of site.trusts) {
      const page = html(`embed/trust/${t.code}/index.html`);
      for (const e of check(t.code).events) expect(page, t.code).toContain(`href="${e.url.replace(/&/g, "&amp;")}"`);
      expect(page, t.code).toContain(`href="${deadlineSource.url.replace(/&/g, "&amp;")}"`);
      if (deadlineSource.uin) expect(text(page), t.code).toContain(`UIN ${deadlineSource.uin}`);
    }
  });

  it("names a third party's copy as a copy wherever it cites one", () => {
    for (const t of site.trusts) {
      const page = html(`embed/trust/${t.code}/index.html`);
      for (const [, li] of page.matchAll(/<li>([\s\S]*?)<\/li>/g)) {
        const words = text(li!);
        // Editions of one file share a title and address: one of them was cited, each a copy or not.
        const cited = site.sources.filter(
          (x) => li!.includes(`href="${x.url.replace(/&/g, "&amp;")}"`) && words.includes(x.title),
        );
        if (cited.length && cited.every((x) => copyHolder(x)))
          expect(
            cited.some((x) => words.includes(`as copied by ${copyHolder(x)}`)),
            `${t.code}: ${words}`,
          ).toBe(true);
      }
    }
  });
});

describe("a trust's page", () => {
  it("keeps commit codes and where copies were read out of the reader's path", () => {
    for (const t of site.trusts) {
      const words = text(html(`trusts/${t.code}/index.html`));
      expect(words, t.code).not.toMatch(/\b[0-9a-f]{40}\b/);
      expect(words, t.code).not.toContain("Copy read via");
    }
  });

  it("lists the trust's hospitals and sites, or says none leads to it", () => {
    for (const t of site.trusts) expect(html(`trusts/${t.code}/index.html`), t.code).toContain('<h2 id="sites">');
  });
});

describe("the not-found page", () => {
  it("points to the list of trusts, with JavaScript or without, and can say a code is not a trust we list", () => {
    const page = html("404.html");
    const words = text(page);
    expect(words).toContain("Find it in the list of trusts");
    expect(page).toContain('id="not-found-trust" hidden');
    expect(words).toContain("is not the code of a trust we list");
  });
});
