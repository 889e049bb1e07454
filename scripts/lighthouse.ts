/**
 * npm run lighthouse: Lighthouse scores for the built site (run `npm run build` first).
 *
 * Serves dist/ on 127.0.0.1, starts Debian's Chromium headless with a DevTools port, and runs Lighthouse
 * (mobile, its default) on a home page, a trust page and an embed. Prints a table of scores. Exits 1 when
 * accessibility, best practices or SEO is below 100 on any page, listing the failing audits and the
 * elements they name. Performance is printed but not asserted: it is a timing, and a busy machine moves it.
 *
 * Options: --desktop also runs each page with Lighthouse's desktop settings.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import lighthouse, { desktopConfig, type Config, type Flags, type Result } from "lighthouse";
import { serveDir } from "./lib/static-server.ts";
import { removeProfile } from "./lib/profile.ts";

const CHROMIUM = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const CHROME_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const PAGES = ["/", "/trusts/RK9/", "/embed/coverage-over-time/"];
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
/** Categories that must score 100. */
const ASSERTED = new Set<string>(["accessibility", "best-practices", "seo"]);

/** Starts Chromium with a DevTools port chosen by the browser and resolves with that port. */
async function startChromium(): Promise<{ port: number; close: () => Promise<void> }> {
  // A folder of its own for each run: two runs never share a profile.
  const profile = mkdtempSync(join(tmpdir(), `epr-lighthouse-profile-${process.pid}-`));
  const child = spawn(
    CHROMIUM,
    [...CHROME_FLAGS, "--remote-debugging-port=0", `--user-data-dir=${profile}`, "about:blank"],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill();
      // Wait for Chromium to exit (up to 10 s, then SIGKILL) before touching its profile.
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    removeProfile(profile);
  };
  const port = await new Promise<number>((resolve, reject) => {
    let err = "";
    const timer = setTimeout(() => reject(new Error(`Chromium gave no DevTools port in 20 s:\n${err}`)), 20_000);
    child.stderr.on("data", (chunk: Buffer) => {
      err += chunk.toString();
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code}) before it was ready:\n${err}`));
    });
  });
  return { port, close };
}

function table(header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => "| " + cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ") + " |";
  console.log(`${line(header)}\n|${widths.map((w) => "-".repeat(w + 2)).join("|")}|\n${rows.map(line).join("\n")}`);
}

/** Elements an audit names, as "selector: snippet" lines (from node items, including nested ones). */
function elements(audit: Result["audits"][string]): string[] {
  const out: string[] = [];
  const visit = (v: unknown) => {
    if (!v || typeof v !== "object") return;
    const o = v as Record<string, unknown>;
    if (o.type === "node" && (o.selector || o.snippet)) {
      out.push(`${String(o.selector ?? "")}  ${String(o.snippet ?? "").slice(0, 160)}`.trim());
      return;
    }
    for (const x of Object.values(o)) visit(x);
  };
  const details = audit.details as { items?: unknown[] } | undefined;
  for (const item of details?.items ?? []) visit(item);
  return [...new Set(out)];
}

if (!existsSync("dist/index.html")) {
  console.error("dist/ has no site: run `npm run build` first.");
  process.exit(2);
}

const formFactors: ("mobile" | "desktop")[] = process.argv.includes("--desktop") ? ["mobile", "desktop"] : ["mobile"];
const started = performance.now();
const server = await serveDir("dist");
const chromium = await startChromium();
const rows: string[][] = [];
const failures: string[] = [];
try {
  for (const formFactor of formFactors) {
    for (const path of PAGES) {
      const flags: Flags = { port: chromium.port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES] };
      const config: Config | undefined = formFactor === "desktop" ? desktopConfig : undefined;
      // One retry: a fresh headless Chromium has once failed its very first navigation.
      let lhr: Result | undefined;
      for (let attempt = 1; attempt <= 2; attempt++) {
        lhr = (await lighthouse(server.url + path, flags, config))?.lhr;
        if (lhr && !lhr.runtimeError) break;
        console.error(
          `Lighthouse could not load ${path} (attempt ${attempt}): ${lhr?.runtimeError?.code ?? "no result"} ${lhr?.runtimeError?.message ?? ""}`,
        );
      }
      if (!lhr || lhr.runtimeError) throw new Error(`Lighthouse could not load ${path}`);
      const score = (id: string) => {
        const s = lhr.categories[id]?.score;
        return s === null || s === undefined ? null : Math.round(s * 100);
      };
      rows.push([path, formFactor, ...CATEGORIES.map((c) => String(score(c) ?? "n/a"))]);
      for (const id of CATEGORIES) {
        const s = score(id);
        if (!ASSERTED.has(id) || s === 100) continue;
        failures.push(`\n${path} (${formFactor}) ${id}: ${s ?? "no score"}`);
        for (const ref of lhr.categories[id]?.auditRefs ?? []) {
          const audit = lhr.audits[ref.id];
          if (!audit || audit.score === null || audit.score >= 1 || ref.weight === 0) continue;
          failures.push(`  - ${audit.id}: ${audit.title}`);
          for (const el of elements(audit)) failures.push(`      ${el}`);
        }
      }
    }
  }
} finally {
  await chromium.close();
  await server.close();
}

console.log(
  `\nLighthouse ${formFactors.join(" + ")} (${((performance.now() - started) / 1000).toFixed(0)} s; performance is a timing and is not asserted)`,
);
table(["page", "form", ...CATEGORIES], rows);
if (failures.length) {
  console.log("\nBelow 100 (accessibility, best-practices and SEO must be 100):" + failures.join("\n"));
  process.exit(1);
}
console.log("\nAccessibility, best practices and SEO are 100 on every page.");
