/**
 * The benchmark's peer: the home page's coverage-over-time chart and one page per trust, built the
 * common client-side way, to set our build-time SVG beside.
 *
 * First choice: Observable Framework, installed with npm into a throwaway temp folder at bench time
 * (never a dependency of this project, never committed), drawing the chart with Plot in the browser
 * from a copy of src/generated/site-data.json. When Framework cannot be installed or cannot build
 * here, the reason is kept and the fallback is built instead: the same pages as plain HTML that load
 * d3 (copied from node_modules/d3/dist/d3.min.js) and draw the chart in the browser.
 *
 * Both peers put the chart in `#coverage-over-time` and serve pages at `/` and `/trusts/CODE/`, as we do.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { STATUS_NOW_LABELS } from "../../src/lib/words/vocabulary.ts";
import { escapeXml } from "../../src/lib/text.ts";
import type { StatusNow } from "../../src/lib/data/status.ts";

export interface Peer {
  /** "Observable Framework 1.x" or "plain HTML + d3 (fallback)". */
  name: string;
  /** Folder to serve. */
  dist: string;
  buildMs: number;
  /** npm install time (not part of the build). */
  installMs: number | null;
  /** Why Framework was not used, when the fallback was built. */
  fallbackReason: string | null;
  cleanup: () => void;
}

interface TrustLite {
  code: string;
  name: string;
  status: StatusNow;
  supplier: string | null;
}

const SITE_DATA = "src/generated/site-data.json";
const D3 = "node_modules/d3/dist/d3.min.js";
const TITLE = "Do NHS trusts have electronic patient records yet?";

const esc = escapeXml;
/** Markdown-safe text: HTML-escaped, and characters Markdown or Framework's `${` would read escaped too. */
const mdText = (s: string) => esc(s).replace(/([\\`*_[\]$|#])/g, "\\$1");
/** HTML text inside a Framework page, where `${` would start an expression. */
const fwText = (s: string) => esc(s).replace(/\$/g, "&#36;");

function trusts(): TrustLite[] {
  const data = JSON.parse(readFileSync(SITE_DATA, "utf8")) as {
    trusts: { code: string; name: string; status_now: { status: StatusNow; supplier: string | null } }[];
  };
  return data.trusts.map(({ code, name, status_now }) => ({
    code,
    name,
    status: status_now.status,
    supplier: status_now.supplier,
  }));
}

const trustFacts = (t: TrustLite, text: (s: string) => string) =>
  `<dl>\n<dt>ODS code</dt><dd>${text(t.code)}</dd>\n<dt>Status</dt><dd>${text(STATUS_NOW_LABELS[t.status])}</dd>\n<dt>EPR supplier</dt><dd>${text(t.supplier ?? "None recorded")}</dd>\n</dl>`;

/**
 * The chart's data, worked out in the browser exactly as our model selects it (share_with_epr
 * statements in percent and EPR coverage targets since 2022; the y axis starts at the ten below the
 * lowest figure when every figure is at least 50). Shared by both peers as source text.
 */
const SELECT_JS = `
const since = "2022-01-01";
const day = (s) => new Date(s.length === 4 ? s + "-07-01" : s.length === 7 ? s + "-15" : s);
const points = site.statements
  .filter((s) => s.metric === "share_with_epr" && s.unit === "percent" && s.as_of >= since)
  .map((s) => ({ date: day(s.as_of), value: s.value, official: s.official, tip: s.as_of + ": " + s.value + "%" }))
  .sort((a, b) => a.date - b.date);
const targets = site.targets
  .filter((t) => t.coverage_percent !== null && (t.kind === "epr_coverage" || t.kind === "epr_or_in_progress") && t.target_date >= since)
  .map((t) => ({ date: day(t.target_date), value: t.coverage_percent }));
const low = Math.min(...points.map((p) => p.value), ...targets.map((t) => t.value));
const yMin = low >= 50 ? Math.max(0, Math.floor((low - 10) / 10) * 10) : 0;
`;

function buildFramework(dir: string): { buildMs: number; installMs: number } {
  writeFileSync(join(dir, "package.json"), JSON.stringify({ private: true, type: "module" }) + "\n");
  const npm = (args: string[]) => execFileSync("npm", args, { cwd: dir, stdio: "pipe", timeout: 300_000 });
  let t = performance.now();
  npm(["install", "--prefix", dir, "--no-audit", "--no-fund", "@observablehq/framework", "@observablehq/plot"]);
  const installMs = performance.now() - t;

  const src = join(dir, "src");
  mkdirSync(join(src, "data"), { recursive: true });
  copyFileSync(SITE_DATA, join(src, "data", "site-data.json"));
  // No sidebar, pager, search, footer or web fonts: the pages carry what ours carry and nothing fetched from elsewhere.
  writeFileSync(
    join(dir, "observablehq.config.js"),
    `export default { root: "src", title: "NHS EPR Tracker", sidebar: false, pager: false, search: false, footer: "", toc: false, globalStylesheets: [] };\n`,
  );
  writeFileSync(
    join(src, "index.md"),
    `# ${TITLE}

\`\`\`js
import * as Plot from "@observablehq/plot";
const site = await FileAttachment("data/site-data.json").json();
\`\`\`

## Coverage over time

<figure id="coverage-over-time">

\`\`\`js
${SELECT_JS}
display(Plot.plot({
  width: Math.min(800, width), height: 420, marginLeft: 48,
  x: { type: "utc", label: null },
  y: { domain: [yMin, 100], label: "Share of trusts with an EPR (%)", grid: true },
  marks: [
    Plot.line(points.filter((p) => p.official), { x: "date", y: "value", curve: "step-after" }),
    Plot.dot(points, { x: "date", y: "value", r: 4, stroke: "currentColor", fill: (p) => (p.official ? "currentColor" : "white"), title: "tip" }),
    Plot.dot(targets, { x: "date", y: "value", r: 6, symbol: "diamond", stroke: "currentColor", fill: "white" }),
  ],
}));
\`\`\`

</figure>
`,
  );
  for (const tr of trusts()) {
    mkdirSync(join(src, "trusts", tr.code), { recursive: true });
    writeFileSync(
      join(src, "trusts", tr.code, "index.md"),
      `---\ntitle: ${JSON.stringify(tr.name)}\n---\n\n# ${mdText(tr.name)}\n\n${trustFacts(tr, fwText)}\n`,
    );
  }

  t = performance.now();
  execFileSync(process.execPath, [join(dir, "node_modules/@observablehq/framework/dist/bin/observable.js"), "build"], {
    cwd: dir,
    stdio: "pipe",
    timeout: 300_000,
    env: { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true" },
  });
  return { buildMs: performance.now() - t, installMs };
}

/** The fallback: plain HTML pages; the home page loads d3 and the JSON and draws the chart. */
function buildPlain(dist: string): number {
  const t = performance.now();
  mkdirSync(dist, { recursive: true });
  copyFileSync(D3, join(dist, "d3.min.js"));
  copyFileSync(SITE_DATA, join(dist, "site-data.json"));
  const page = (title: string, body: string) =>
    `<!doctype html>\n<html lang="en-GB">\n<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title></head>\n<body>\n<main>\n${body}\n</main>\n</body>\n</html>\n`;
  writeFileSync(
    join(dist, "index.html"),
    page(
      "NHS EPR Tracker",
      `<h1>${TITLE}</h1>
<h2>Coverage over time</h2>
<figure id="coverage-over-time"></figure>
<script src="/d3.min.js"></script>
<script>
fetch("/site-data.json").then((r) => r.json()).then((site) => {
${SELECT_JS}
  const width = Math.min(800, document.querySelector("main").clientWidth), height = 420, m = { top: 20, right: 20, bottom: 30, left: 48 };
  const x = d3.scaleUtc(d3.extent([...points, ...targets], (d) => d.date), [m.left, width - m.right]).nice();
  const y = d3.scaleLinear([yMin, 100], [height - m.bottom, m.top]);
  const svg = d3.create("svg").attr("viewBox", [0, 0, width, height]).attr("width", width).attr("height", height).attr("role", "img").attr("aria-label", "Share of NHS trusts with an EPR, by date, with targets");
  svg.append("g").attr("transform", \`translate(0,\${height - m.bottom})\`).call(d3.axisBottom(x).ticks(width / 100));
  svg.append("g").attr("transform", \`translate(\${m.left},0)\`).call(d3.axisLeft(y).tickFormat((v) => v + "%"));
  svg.append("path").attr("fill", "none").attr("stroke", "currentColor").attr("d", d3.line((p) => x(p.date), (p) => y(p.value)).curve(d3.curveStepAfter)(points.filter((p) => p.official)));
  svg.append("g").selectAll("circle").data(points).join("circle").attr("cx", (p) => x(p.date)).attr("cy", (p) => y(p.value)).attr("r", 4)
    .attr("stroke", "currentColor").attr("fill", (p) => (p.official ? "currentColor" : "white")).append("title").text((p) => p.tip);
  svg.append("g").selectAll("path").data(targets).join("path").attr("d", d3.symbol(d3.symbolDiamond, 80)).attr("transform", (t) => \`translate(\${x(t.date)},\${y(t.value)})\`)
    .attr("stroke", "currentColor").attr("fill", "white");
  document.getElementById("coverage-over-time").append(svg.node());
});
</script>`,
    ),
  );
  for (const tr of trusts()) {
    mkdirSync(join(dist, "trusts", tr.code), { recursive: true });
    writeFileSync(
      join(dist, "trusts", tr.code, "index.html"),
      page(tr.name, `<h1>${esc(tr.name)}</h1>\n${trustFacts(tr, esc)}`),
    );
  }
  return performance.now() - t;
}

/** Builds the peer in a new temp folder: Framework when it installs and builds, else the plain d3 pages. */
export function buildPeer(opts: { forceFallback?: string } = {}): Peer {
  const dir = mkdtempSync(join(tmpdir(), "epr-bench-peer-"));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  let fallbackReason = opts.forceFallback ?? null;
  if (!fallbackReason) {
    try {
      const { buildMs, installMs } = buildFramework(dir);
      const version = (
        JSON.parse(readFileSync(join(dir, "node_modules/@observablehq/framework/package.json"), "utf8")) as {
          version: string;
        }
      ).version;
      return {
        name: `Observable Framework ${version} (Plot, client-side)`,
        dist: join(dir, "dist"),
        buildMs,
        installMs,
        fallbackReason: null,
        cleanup,
      };
    } catch (e) {
      const err = e as Error & { stderr?: Buffer; stdout?: Buffer };
      const detail = [err.stderr?.toString(), err.stdout?.toString()]
        .filter(Boolean)
        .join("\n")
        .trim()
        .split("\n")
        .slice(-12)
        .join("\n");
      fallbackReason = `${err.message.split("\n")[0]}${detail ? `\n${detail}` : ""}`;
    }
  }
  const buildMs = buildPlain(join(dir, "plain"));
  return {
    name: "plain HTML + d3 (client-side, fallback)",
    dist: join(dir, "plain"),
    buildMs,
    installMs: null,
    fallbackReason,
    cleanup,
  };
}
