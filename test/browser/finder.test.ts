/**
 * The hospital finder on /trusts/ as a member of the public uses it: on a phone, by the names people
 * use for their hospital, with JavaScript on and off, and with the filters kept in a shareable link.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DIST, builtSite, startSite } from "./harness.ts";
import type { Trust } from "../../src/lib/data/model.ts";
import type { TrustSearchData } from "../../src/lib/finder/aliases.ts";
import { findHint, findTrusts, type Candidate } from "../../src/lib/finder/search.ts";
import { compareCodePoints } from "../../src/lib/order.ts";

let site: { url: string; browser: Browser; stop: () => Promise<void> };
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.stop();
});

/**
 * The finder as the page runs it: its candidates read from the trust table's rows in dist/, as the
 * page's script reads them, and the ranking from the pure finder (tested on fixtures in
 * src/lib/finder/search.test.ts).
 */
const TABLE = readFileSync(join(DIST, "trusts/index.html"), "utf8");
const decode = (s: string) =>
  s
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;|&#34;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
const ROWS = [...TABLE.matchAll(/<tr id="trust-[^"]+"([^>]*)>([\s\S]*?)<\/tr>/g)].map(([, attrs, body]) => {
  const attr = (name: string) => decode(new RegExp(` ${name}="([^"]*)"`).exec(attrs!)?.[1] ?? "");
  return {
    candidate: {
      code: attr("data-code"),
      name: attr("data-name"),
      terms: attr("data-terms"),
      postcode: attr("data-postcode") || null,
      acute: attr("data-acute") === "1",
    } satisfies Candidate,
    status: attr("data-status"),
    /** What find in page sees in the row. */
    text: decode(body!.replace(/<[^>]+>/g, " ")).replace(/\s+/g, " "),
  };
});
const CANDIDATES = ROWS.map((r) => r.candidate);
const firstFound = (query: string) => findTrusts(query, CANDIDATES).codes[0];
const firstRowWith = (words: string) =>
  ROWS.find((r) => r.text.toLowerCase().includes(words.toLowerCase()))?.candidate.code;

/** Each trust's aliases and headquarters postcode, as the data step wrote them for the finder. */
const SEARCH = JSON.parse(
  readFileSync(fileURLToPath(new URL("../../src/generated/trust-search.json", import.meta.url)), "utf8"),
) as TrustSearchData;
const OPEN = builtSite()
  .trusts.filter((t) => t.status_now.status !== "closed")
  .sort((a, b) => compareCodePoints(a.code, b.code));

interface Example {
  kind: string;
  query: string;
  code: string;
  /** Words find in page would look for with JavaScript off, where the row shows them. */
  findInPage: string | null;
}

/**
 * What a reader would type for each kind of name a trust is known by, chosen from the data: for each
 * kind, the first open trust (by code) that the finder puts first for it and, with JavaScript off,
 * whose row is the first to show the words. `tried` is how many trusts had that kind of name at all.
 */
function examplesOf(
  kind: string,
  queries: (t: Trust) => { query: string; findInPage: string | null }[],
): { tried: number; found: Example | null } {
  const all = OPEN.flatMap((t) => queries(t).map((q) => ({ kind, code: t.code, ...q })));
  const found =
    all.find(
      (e) => firstFound(e.query) === e.code && (e.findInPage === null || firstRowWith(e.findInPage) === e.code),
    ) ?? null;
  return { tried: all.length, found };
}
const aliases = (t: Trust, kind: string) =>
  (SEARCH[t.code]?.aliases ?? []).filter((a) => a.kind === kind).map((a) => ({ query: a.alias, findInPage: a.alias }));
const KINDS = {
  abbreviation: examplesOf("abbreviation", (t) => aliases(t, "abbreviation")),
  hospital: examplesOf("hospital", (t) => aliases(t, "hospital")),
  place: examplesOf("place", (t) => aliases(t, "place")),
  "name written with &": examplesOf("name written with &", (t) =>
    / and /.test(t.name) ? [{ query: t.name.replace(/ and /g, " & "), findInPage: t.name }] : [],
  ),
  postcode: examplesOf("postcode", (t) => {
    const pc = SEARCH[t.code]?.postcode;
    return pc ? [{ query: pc.toLowerCase(), findInPage: null }] : [];
  }),
  "code in lower case": examplesOf("code in lower case", (t) => [{ query: t.code.toLowerCase(), findInPage: t.code }]),
};
const EXAMPLES = Object.values(KINDS).flatMap((k) => (k.found ? [k.found] : []));

/** A town with a word no trust has after it: the finder says it matched only part, and what. */
const PARTIAL = OPEN.flatMap((t) => aliases(t, "town").map((a) => `${a.query} Infirmary`)).find(
  (q) => findTrusts(q, CANDIDATES).kind === "partial",
);
/** A one-word town with a trust that has an EPR, for a filtered table to share. */
const SHARED_TOWN = OPEN.flatMap((t) => aliases(t, "town").map((a) => a.query)).find(
  (q) =>
    /^[A-Za-z]+$/.test(q) &&
    findTrusts(q, CANDIDATES).codes.some((c) => ROWS.find((r) => r.candidate.code === c)?.status === "epr"),
);

const visibleCodes = (page: Page) =>
  page.locator("#trust-table tbody tr:visible").evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.code));

describe("examples chosen from the data", () => {
  it("find their trust first for every kind of name the data has", () => {
    for (const [kind, { tried, found }] of Object.entries(KINDS))
      expect(found !== null || tried === 0, `no ${kind} of ${tried} finds its trust first`).toBe(true);
    expect(EXAMPLES.length).toBeGreaterThan(0);
  });
});

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
    // A partial match says so, and which words matched.
    if (PARTIAL) {
      await box.fill(PARTIAL);
      await expect
        .poll(() => page.locator("#trust-hint").textContent())
        .toBe(findHint(PARTIAL, findTrusts(PARTIAL, CANDIDATES)));
      expect(await page.locator("#trust-hint").textContent()).toMatch(/^No trust matches every word of /);
    } else expect(OPEN.flatMap((t) => aliases(t, "town"))).toEqual([]);
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
    // A town from the data, or failing that a trust's code.
    const query = SHARED_TOWN ?? OPEN.find((t) => t.status_now.status === "epr")!.code;
    await page.getByLabel("Name, hospital, town or postcode").fill(query);
    await page.getByText("Filter by region, status or supplier").click();
    await page.getByLabel("EPR status").selectOption("epr");
    await expect.poll(() => new URL(page.url()).search).toBe(`?q=${query}&status=epr`);
    const shown = await visibleCodes(page);
    expect(shown.length).toBeGreaterThan(0);
    // Someone opening the link sees the same rows, with the filters filled in.
    const other = await context.newPage();
    await other.goto(page.url());
    await expect.poll(() => visibleCodes(other)).toEqual(shown);
    expect(await other.getByLabel("EPR status").inputValue()).toBe("epr");
    expect(await other.getByLabel("Name, hospital, town or postcode").inputValue()).toBe(query);
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
      if (e.findInPage === null) continue;
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
