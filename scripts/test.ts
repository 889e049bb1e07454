/**
 * npm test: builds the site, then runs every check in order (types, lint, unit, data, chart and page
 * tests, reproducibility, browser, Lighthouse). A failing check does not stop the ones after it, so one
 * failure never hides another; only a failed build does, since every later check reads dist/. Each
 * check prints its own output as it runs; a summary line per step (passed or failed, and seconds) ends
 * the run, which exits 1 if any step failed.
 */
import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";

export interface TestStep {
  name: string;
  /** The command and its arguments, run with the output shown as it comes. */
  command: readonly string[];
  /** When this step fails, the steps after it are not run (they need what it makes). */
  required?: boolean;
}

export interface StepResult {
  name: string;
  outcome: "passed" | "failed" | "not run";
  seconds: number;
}

export const STEPS: readonly TestStep[] = [
  { name: "build", command: ["npm", "run", "build"], required: true },
  { name: "typecheck", command: ["npm", "run", "typecheck"] },
  { name: "lint", command: ["npm", "run", "lint"] },
  { name: "import circles", command: ["npm", "run", "check:cycles"] },
  { name: "dead code (knip)", command: ["npm", "run", "knip"] },
  { name: "unit, data, chart and page tests", command: ["npx", "vitest", "run"] },
  { name: "reproducibility", command: ["npm", "run", "check:reproducible"] },
  { name: "browser", command: ["npm", "run", "test:browser"] },
  { name: "Lighthouse", command: ["npm", "run", "lighthouse"] },
];

/** Runs a command with the output shown; resolves true when it exits 0. */
export type RunCommand = (command: readonly string[]) => Promise<boolean>;

const runInherited: RunCommand = (command) =>
  new Promise((resolve) => {
    const child = spawn(command[0]!, command.slice(1), { stdio: "inherit" });
    child.on("error", (e) => {
      console.error(`test: could not start ${command.join(" ")}: ${e.message}`);
      resolve(false);
    });
    child.on("close", (code) => resolve(code === 0));
  });

/** Runs the steps in order; after a required step fails, the rest are recorded as not run. */
export async function runSteps(
  steps: readonly TestStep[],
  run: RunCommand = runInherited,
  now: () => number = () => performance.now(),
): Promise<StepResult[]> {
  const results: StepResult[] = [];
  let stopped = false;
  for (const step of steps) {
    if (stopped) {
      results.push({ name: step.name, outcome: "not run", seconds: 0 });
      continue;
    }
    console.log(`\n=== ${step.name}: ${step.command.join(" ")}`);
    const start = now();
    const ok = await run(step.command);
    results.push({ name: step.name, outcome: ok ? "passed" : "failed", seconds: (now() - start) / 1000 });
    if (!ok && step.required) stopped = true;
  }
  return results;
}

/** One line per step, then the verdict. */
export function summary(results: readonly StepResult[]): string {
  const width = Math.max(...results.map((r) => r.name.length));
  const lines = results.map((r) =>
    `  ${r.outcome.padEnd(7)}  ${r.name.padEnd(width)}  ${r.outcome === "not run" ? "" : `${r.seconds.toFixed(1)} s`}`.trimEnd(),
  );
  const failed = results.filter((r) => r.outcome === "failed").map((r) => r.name);
  const notRun = results.filter((r) => r.outcome === "not run").length;
  const verdict = failed.length
    ? `npm test failed: ${failed.join(", ")}${notRun ? ` (${notRun} not run: they need a build)` : ""}.`
    : "npm test passed: every step.";
  return ["", "npm test, step by step:", ...lines, verdict].join("\n");
}

if (import.meta.main) {
  const results = await runSteps(STEPS);
  console.log(summary(results));
  process.exit(results.every((r) => r.outcome === "passed") ? 0 : 1);
}
