/**
 * npm run bench: how fast and light the site is, printed as tables. Times are measured here and never
 * asserted in tests (a busy machine would fail them); byte budgets are asserted in test/site.
 *
 * Measures: the data step, the whole build, bytes per page type (raw and gzip), and time to the first
 * chart paint in Chromium. Scaling runs the data step on 10× and 100× synthetic trust lists built in
 * a temporary folder (clearly synthetic, never published).
 *
 * Peer: the home page and the trust pages built the common client-side way (Observable Framework,
 * installed into a temp folder at bench time; plain HTML + d3 when Framework cannot be installed or
 * built), with build time, JS per page and time to the first chart set beside ours (scripts/bench/peer.ts).
 *
 * Flags: --peer-only skips scaling, bytes and first paint; --fallback builds the plain d3 peer directly.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pageWeight } from "./lib/dist.ts";
import { serveDir } from "./lib/static-server.ts";
import { launchBrowser } from "./lib/browser.ts";
import { buildPeer } from "./bench/peer.ts";
import { acquireLock, LOCK_FILE } from "./build.ts";
import { firstChart, transfer } from "./bench/page-metrics.ts";
import { syntheticData } from "./bench/synthetic.ts";
import { against, atLeast, GOALS } from "./bench/goals.ts";

const node = process.execPath;
const timeIt = (f: () => void) => {
  const t = performance.now();
  f();
  return performance.now() - t;
};
// Build logs are not wanted here (a 20,000-page build logs megabytes); errors still surface on stderr.
const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  execFileSync(args[0]!, args.slice(1), {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", ...env },
  });
const ms = (n: number) => `${Math.round(n)} ms`;
const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;

function table(title: string, header: string[], rows: (string | number)[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells: (string | number)[]) =>
    "| " + cells.map((c, i) => String(c).padEnd(widths[i]!)).join(" | ") + " |";
  console.log(
    `\n${title}\n${line(header)}\n|${widths.map((w) => "-".repeat(w + 2)).join("|")}|\n${rows.map(line).join("\n")}`,
  );
}

// Its builds share src/generated/, public/data/, .astro/ and dist/ with npm run build: one at a time.
process.on("exit", await acquireLock(LOCK_FILE, 20 * 60_000));

const peerOnly = process.argv.includes("--peer-only");
const results: (string | number)[][] = [];
const secs = (n: number) => `${(n / 1000).toFixed(1)} s`;
/** The whole build's steps, timed one by one: data, pages, cards (into a cache folder of the bench's own), headers. */
function wholeBuild(opts: { data?: string; dist?: string; cards: string }) {
  const dist = opts.dist ? ["--dist", opts.dist] : [];
  const data = timeIt(() => run([node, "scripts/build-data.ts", ...(opts.data ? ["--data", opts.data] : [])]));
  const pages = timeIt(() =>
    run([node, "node_modules/astro/bin/astro.mjs", "build", ...(opts.dist ? ["--outDir", opts.dist] : [])]),
  );
  const cards = timeIt(() => run([node, "scripts/og-images.ts", ...dist], { OG_CACHE: opts.cards }));
  const headers = timeIt(() => run([node, "scripts/headers.ts", ...dist]));
  return { data, pages, cards, headers, total: data + pages + cards + headers };
}
// Cards cold (an empty cache: every card drawn), then warm (nothing changed: every card from that cache).
const cardCache = mkdtempSync(join(tmpdir(), "epr-bench-cards-"));
const cold = wholeBuild({ cards: cardCache });
const warm = wholeBuild({ cards: cardCache });
const dataMs = warm.data;
const buildMs = warm.pages;
const headersMs = warm.headers;
results.push(["data step (real data)", ms(cold.data), ""]);
results.push(["astro build (real data, all pages)", ms(cold.pages), ""]);
results.push(["social preview cards, cold (every card drawn)", ms(cold.cards), ""]);
results.push(["social preview cards, warm (unchanged cards from the cache)", ms(warm.cards), ""]);
results.push(["whole build (npm run build), cards cold", ms(cold.total), against(cold.total, GOALS.buildColdMs, secs)]);
results.push(["whole build (npm run build), cards warm", ms(warm.total), against(warm.total, GOALS.buildWarmMs, secs)]);
rmSync(cardCache, { recursive: true, force: true });
// Scaling: the pages are built from the synthetic data into a temporary folder. The build reads its
// data from src/generated, so the synthetic model sits there meanwhile and the real one is restored after.
const scale = process.argv.includes("--no-scale-pages") ? [] : [10, 100];
for (const factor of peerOnly ? [] : [10, 100]) {
  const dir = syntheticData(factor);
  const out = mkdtempSync(join(tmpdir(), "epr-bench-out-"));
  const t = timeIt(() =>
    run([node, "scripts/build-data.ts", "--data", dir, "--generated", join(out, "gen"), "--public", join(out, "pub")]),
  );
  results.push([`data step, ${factor}× synthetic trusts`, ms(t), ""]);
  if (scale.includes(factor)) {
    try {
      const dist = join(out, "dist");
      const cards = join(out, "cards");
      const first = wholeBuild({ data: dir, dist, cards });
      const pages = readdirSync(join(dist, "trusts"), { withFileTypes: true }).filter((d) => d.isDirectory()).length;
      const goal = factor === 100 ? against(first.pages, GOALS.pages100xMs, secs) : "";
      results.push([`astro build, ${factor}× synthetic trusts (${pages} trust pages)`, ms(first.pages), goal]);
      if (factor === 100) {
        results.push([`social preview cards, ${factor}×, cold`, ms(first.cards), ""]);
        results.push([
          `whole build, ${factor}×, cards cold`,
          ms(first.total),
          against(first.total, GOALS.build100xColdMs, secs),
        ]);
        const again = wholeBuild({ data: dir, dist, cards });
        results.push([
          `whole build, ${factor}×, run again with nothing changed`,
          ms(again.total),
          against(again.total, GOALS.build100xUnchangedMs, secs),
        ]);
      }
    } finally {
      run([node, "scripts/build-data.ts"]);
    }
  }
  rmSync(dir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
}
table("Build", ["step", "time", "goal"], results);

if (!peerOnly) await ourPages();

/** Bytes per page type and first paint, for our site alone. */
async function ourPages() {
  const pageTypes: [string, string, number | null][] = [
    ["home", "dist/index.html", GOALS.homeGz],
    ["coverage", "dist/coverage/index.html", null],
    ["trust table", "dist/trusts/index.html", null],
    ["trust page", "dist/trusts/RK9/index.html", GOALS.trustPageGz],
    ["sources", "dist/sources/index.html", null],
  ];
  table(
    "Bytes per page type (goals; the budgets are asserted in test/site)",
    ["page", "HTML", "CSS", "JS", "HTML gz", "CSS gz", "JS gz", "total gz", "goal"],
    pageTypes.map(([name, file, goal]) => {
      try {
        const w = pageWeight("dist", file);
        return [
          name,
          kb(w.html),
          kb(w.css),
          kb(w.js),
          kb(w.htmlGz),
          kb(w.cssGz),
          kb(w.jsGz),
          kb(w.totalGz),
          goal === null ? "" : against(w.totalGz, goal, kb),
        ];
      } catch {
        return [name, "missing", "", "", "", "", "", "", ""];
      }
    }),
  );

  // Time to first chart: from navigation start to the first SVG chart being laid out, median of 5.
  const server = await serveDir("dist");
  const browser = await launchBrowser();
  const paint: (string | number)[][] = [];
  for (const path of ["/", "/coverage/", "/trusts-without-epr/"]) {
    const samples: number[] = [];
    for (let i = 0; i < 5; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(server.url + path, { waitUntil: "load" });
      // A long page can fire load before its first paint entry is recorded: wait for the entry.
      await page
        .waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length > 0, null, {
          timeout: 10_000,
        })
        .catch(() => {});
      const t = await page.evaluate(() => {
        const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN;
        const chart = document.querySelector("figure svg[role=img]");
        return chart ? fcp : NaN;
      });
      samples.push(t);
      await context.close();
    }
    samples.sort((a, b) => a - b);
    paint.push([path, Number.isNaN(samples[2]) ? "no chart" : ms(samples[2]!)]);
  }
  await browser.close();
  await server.close();
  table(
    "First paint with a chart in the HTML (Chromium, median of 5; charts are server-rendered, so the first paint includes them)",
    ["page", "first contentful paint"],
    paint,
  );
}

// Peer comparison: the same home chart and trust pages, drawn in the browser instead of at build time.
const peer = buildPeer({
  forceFallback: process.argv.includes("--fallback") ? "asked for with --fallback" : undefined,
});
if (peer.fallbackReason)
  console.log(
    `\nObservable Framework was not used: ${peer.fallbackReason}\nBuilt the fallback peer instead: ${peer.name}.`,
  );
try {
  const ours = await serveDir("dist");
  const theirs = await serveDir(peer.dist);
  const browser = await launchBrowser();
  const [oursHome, peerHome, oursTrust, peerTrust] = [
    await transfer(browser, ours.url + "/"),
    await transfer(browser, theirs.url + "/"),
    await transfer(browser, ours.url + "/trusts/RK9/"),
    await transfer(browser, theirs.url + "/trusts/RK9/"),
  ];
  // A peer whose chart never appears is reported as such, not allowed to end the run.
  const chartOf = (url: string) => firstChart(browser, url, "#coverage-over-time").catch(() => NaN);
  const chartOurs = await chartOf(ours.url + "/");
  const chartPeer = await chartOf(theirs.url + "/");
  await browser.close();
  await ours.close();
  await theirs.close();

  const ratio = (p: number, o: number) => {
    if (o <= 0) return p > 0 ? "∞ (ours is 0)" : "—";
    const r = p / o;
    return `${r >= 10 ? r.toFixed(0) : r >= 1 ? r.toFixed(1) : r.toPrecision(2)}×`;
  };
  const fmtOr = (fmt: (n: number) => string) => (n: number) => (Number.isNaN(n) ? "no chart within 30 s" : fmt(n));
  const row = (what: string, o: number, p: number, fmt: (n: number) => string, floor?: number) => [
    what,
    fmtOr(fmt)(o),
    fmtOr(fmt)(p),
    Number.isNaN(o) || Number.isNaN(p) ? "—" : ratio(p, o),
    floor === undefined || Number.isNaN(o) || Number.isNaN(p) ? "" : atLeast(p / o, floor),
  ];
  table(
    `Peer: ${peer.name} beside ours (ratio = peer ÷ ours)`,
    ["measure", "ours", "peer", "ratio", "goal"],
    [
      // The peer makes no social cards, so ours is timed without them here; the Build table has both.
      row(
        "build (ours: data + pages, no cards; peer: its build)",
        dataMs + buildMs + headersMs,
        peer.buildMs,
        ms,
        GOALS.peerBuildRatio,
      ),
      row("JS gz, home /", oursHome.jsGz, peerHome.jsGz, kb, GOALS.peerHomeJsRatio),
      row("JS gz, trust page /trusts/RK9/", oursTrust.jsGz, peerTrust.jsGz, kb),
      row("all bytes gz, home / (HTML, CSS, JS, data)", oursHome.totalGz, peerHome.totalGz, kb),
      row("all bytes gz, trust page", oursTrust.totalGz, peerTrust.totalGz, kb),
      row("first chart on / (median of 5)", chartOurs, chartPeer, ms, GOALS.peerFirstChartRatio),
    ],
  );
  if (peer.installMs !== null) console.log(`Peer npm install (not in its build time): ${ms(peer.installMs)}.`);
  const external = [...oursHome.external, ...peerHome.external, ...oursTrust.external, ...peerTrust.external];
  if (external.length)
    console.log(`Requests that left this machine (failed offline): ${[...new Set(external)].join(", ")}`);
} finally {
  peer.cleanup();
}
