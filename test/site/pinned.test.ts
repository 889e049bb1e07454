/**
 * Embeds pinned to a data release (/embed/<date>/<chart>/, /embed/<date>/trust/<code>/): each shows
 * the figures its release's data gives, built again from data/releases/, not the live ones; says which
 * release it is; and, for a release older than the live one, that newer data exist, with a link.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { SiteData } from "../../src/lib/data/model.ts";
import { formatDate, formatWhen } from "../../src/lib/data/dates.ts";
import { buildCharts } from "../../src/lib/charts/catalogue.ts";
import { statusLabel } from "../../src/lib/trust/text.ts";
import { visibleText } from "./visible-text.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DIST = join(ROOT, "dist");
const read = <T>(f: string) => JSON.parse(readFileSync(join(ROOT, "src/generated", f), "utf8")) as T;
const live = read<SiteData>("site-data.json");
const kept = read<{ live: string; releases: { date: string; site: SiteData }[] }>("releases.json").releases;
/** Every release an embed can be pinned to: the kept ones, and the live one (from data/ until frozen). */
const releases = [
  ...kept,
  ...(kept.some((r) => r.date === live.release.date) ? [] : [{ date: live.release.date, site: live }]),
];
const page = (path: string) => readFileSync(join(DIST, path, "index.html"), "utf8");
const text = visibleText;
const heading = (html: string) => text(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)![1]!).trim();

describe("embeds pinned to a release", () => {
  it("keeps at least one release older than the live one, so the newer-data line is checked", () => {
    expect(releases.length).toBeGreaterThan(1);
    expect(releases.some((r) => r.date < live.release.date)).toBe(true);
    for (const r of kept) expect(r.site.release.date).toBe(r.date);
  });

  it("shows each chart as its release's data gives it: the finding, the as-of date, the data", () => {
    for (const r of releases) {
      for (const c of buildCharts(r.site)) {
        const html = page(`embed/${r.date}/${c.id}`);
        const words = text(html);
        expect(heading(html), `${r.date} ${c.id}`).toBe(text(c.title).trim());
        expect(words).toContain(`figures as of ${formatWhen(c.asOf, c.asOfEstimated ?? false)}`);
        expect(words).toContain(`Figures of the data release of ${formatDate(r.date)}.`);
        // The data link and the table are the release's own.
        expect(html).toContain(`embed/${r.date}/${c.id}.csv"`);
        const csv = readFileSync(join(DIST, "embed", r.date, `${c.id}.csv`), "utf8");
        expect(csv.split(/\r?\n/).filter(Boolean).length, `${r.date} ${c.id}.csv`).toBe(
          c.models.wide.table.rows.length + 1,
        );
      }
    }
  });

  it("says newer data exist, linking to the live chart, only when the release is not the latest", () => {
    for (const r of releases) {
      const older = r.date < live.release.date;
      for (const c of buildCharts(r.site)) {
        const html = page(`embed/${r.date}/${c.id}`);
        expect(/Newer data exist: see the live chart ?\./.test(text(html)), `${r.date} ${c.id}`).toBe(older);
        if (older) expect(html).toMatch(new RegExp(`<a href="[^"]*/charts/${c.id}/">see the live chart</a>`));
      }
    }
  });

  it("leaves the live embeds unpinned, with no such line", () => {
    for (const c of buildCharts(live)) {
      const words = text(page(`embed/${c.id}`));
      expect(words).not.toContain("Newer data exist");
      expect(words).not.toContain("Figures of the data release of");
    }
  });

  it("shows each trust's card with its status in its release's data, dated that release", () => {
    for (const r of releases) {
      const older = r.date < live.release.date;
      for (const t of r.site.trusts) {
        const path = `embed/${r.date}/trust/${t.code}`;
        expect(existsSync(join(DIST, path, "index.html")), path).toBe(true);
        const words = text(page(path));
        expect(words, path).toContain(`${statusLabel(t)} on ${formatDate(r.date)}`);
        expect(/Newer data exist: see the trust's latest record ?\./.test(words), path).toBe(older);
      }
    }
  });
});
