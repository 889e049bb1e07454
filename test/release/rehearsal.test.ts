/**
 * The whole release rehearsal (npm run rehearse) on a clean copy of the repository, which must pass. It
 * builds the copy's site, so it is kept out of `npm run test:unit`; its rules are tested on small tables
 * in test/rehearse/.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

describe("npm run rehearse", () => {
  // About a minute alone on two cores; the timeout leaves room for a machine busy with the other tests.
  it("performs a next release on a clean copy against the stand-ins, and the built site says what the release says", async () => {
    const { code, out } = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, ["scripts/rehearse.ts"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
      let out = "";
      child.stdout.on("data", (b: Buffer) => (out += b.toString("utf8")));
      child.stderr.on("data", (b: Buffer) => (out += b.toString("utf8")));
      child.on("close", (c) => resolve({ code: c, out }));
    });
    // On failure, the steps that failed and why, as the rehearsal printed them.
    const failures = out.split("\n").filter((l) => /^\s*✗/.test(l));
    expect(failures.join("\n"), out.slice(-4000)).toBe("");
    expect(code).toBe(0);
    expect(out).toMatch(/Rehearsal passed/);
  }, 360_000);
});
