import { describe, expect, it, vi } from "vitest";
import { runSteps, summary, STEPS, type TestStep } from "../../scripts/test.ts";

const steps: TestStep[] = [
  { name: "build", command: ["build"], required: true },
  { name: "lint", command: ["lint"] },
  { name: "unit", command: ["unit"] },
  { name: "browser", command: ["browser"] },
];
/** A clock that moves 2 seconds at each reading. */
const clock = () => {
  let t = 0;
  return () => (t += 2000);
};

describe("npm test's runner", () => {
  it("runs every check after one fails, and reports each", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const ran: string[] = [];
    const results = await runSteps(steps, async ([c]) => (ran.push(c!), c !== "lint"), clock());
    log.mockRestore();
    expect(ran).toEqual(["build", "lint", "unit", "browser"]);
    expect(results.map((r) => r.outcome)).toEqual(["passed", "failed", "passed", "passed"]);
    const text = summary(results);
    expect(text).toContain("  failed   lint     2.0 s");
    expect(text).toContain("  passed   browser  2.0 s");
    expect(text).toMatch(/npm test failed: lint\.$/);
  });

  it("stops after a failed build, saying the rest were not run", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const ran: string[] = [];
    const results = await runSteps(steps, async ([c]) => (ran.push(c!), false), clock());
    log.mockRestore();
    expect(ran).toEqual(["build"]);
    expect(results.map((r) => r.outcome)).toEqual(["failed", "not run", "not run", "not run"]);
    expect(summary(results)).toMatch(/npm test failed: build \(3 not run: they need a build\)\.$/);
  });

  it("passes only when every step passed", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const results = await runSteps(steps, async () => true, clock());
    log.mockRestore();
    expect(summary(results)).toMatch(/npm test passed: every step\.$/);
  });

  it("builds first, and only the build stops the run", () => {
    expect(STEPS[0]!.command).toEqual(["npm", "run", "build"]);
    expect(STEPS.filter((s) => s.required).map((s) => s.name)).toEqual(["build"]);
  });
});
