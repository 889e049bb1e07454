/**
 * Text from outside reaches logs, workflow output and pull request bodies only through one escaper
 * (scripts/lib/log-text.ts), and the refresh workflow decides "changed" from the diff's data, never by
 * searching its text.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { fenced, logSafe } from "../../scripts/lib/log-text.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

describe("the escaper", () => {
  it("writes control, bidi and invisible characters as escapes, keeping tabs and line breaks", () => {
    expect(logSafe("NHS\u001b[2J\u202eTrusts\u200b\r\tok\n")).toBe("NHS\\u001b[2J\\u202eTrusts\\u200b\\u000d\tok\n");
  });

  it("stops a line acting as a workflow command: a leading ::, after spaces too, and ##[ anywhere", () => {
    const text = "Heading\n::error title=Owned::pwned\n  ::set-env name=X::1\nsee ##[group]here\nnot a::command";
    const safe = logSafe(text);
    for (const line of safe.split("\n")) {
      expect(line.trimStart().startsWith("::"), line).toBe(false);
      expect(line.includes("##["), line).toBe(false);
    }
    expect(safe).toContain("\\u003a:error title=Owned::pwned");
    expect(safe).toContain("not a::command");
  });

  it("fences text so no line of it can close the fence, however many backticks it holds", () => {
    for (const text of ["plain", "```\n# Heading outside?\n```", "a ```` b\n`````", "ends with a backtick `"]) {
      const out = fenced(text);
      const lines = out.trimEnd().split("\n");
      const fence = lines[0]!;
      expect(fence).toMatch(/^`{3,}$/);
      expect(lines.at(-1)).toBe(fence);
      // CommonMark: a closing fence is a line of at least as many backticks; none inside may qualify.
      for (const line of lines.slice(1, -1))
        expect(/^\s{0,3}`+\s*$/.test(line) && line.trim().length >= fence.length).toBe(false);
      expect(Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length))).toBeLessThan(fence.length);
    }
  });

  it("runs as a filter: stdin in, escaped (or fenced) out", () => {
    const run = (args: string[]) =>
      spawnSync(process.execPath, ["scripts/lib/log-text.ts", ...args], {
        cwd: ROOT,
        input: "::warning::x\n```\n",
        encoding: "utf8",
      }).stdout;
    expect(run([])).toBe("\\u003a:warning::x\n```\n");
    expect(run(["--fence"])).toBe("````\n\\u003a:warning::x\n```\n````\n");
  });
});

describe("the refresh workflow", () => {
  const workflow = readFileSync(join(ROOT, ".github/workflows/refresh.yml"), "utf8");
  const runLines = workflow.split("\n").filter((l) => !l.trim().startsWith("#"));

  it("prints and quotes every report only through the escaper", () => {
    const script = runLines.join("\n");
    expect(script).not.toMatch(/\bcat (fetch|answers|diff|fetch-notice)\.txt/);
    for (const report of ["fetch.txt", "answers.txt", "diff.txt"]) {
      expect(script, report).toContain(`scripts/lib/log-text.ts < ${report}`);
      expect(script, report).toContain(`scripts/lib/log-text.ts --fence < ${report}`);
    }
    expect(script).toContain("scripts/lib/log-text.ts --fence < fetch-notice.txt");
  });

  it("takes changed from data:diff --changed-to, never from grepping the diff's text", () => {
    expect(workflow).toMatch(/npm run --silent data:diff -- --changed-to changed\.txt/);
    expect(workflow).not.toMatch(/grep[^\n]*diff\.txt/);
    expect(runLines.join("\n")).not.toMatch(/No changes in the data/);
  });
});

describe("data:diff --changed-to", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const copy = () => {
    const dir = mkdtempSync(join(tmpdir(), "epr-changed-"));
    dirs.push(dir);
    cpSync(join(ROOT, "test/fixtures/data"), dir, { recursive: true });
    return dir;
  };

  it("says true when an answer changed even if its text reads 'No changes in the data.', and false when nothing did", () => {
    const base = copy();
    const next = copy();
    const file = join(next, "parliament/answers.json");
    const answers = JSON.parse(readFileSync(file, "utf8")) as { heading: string | null }[];
    // A new answer whose heading is the sentence the workflow once searched for.
    writeFileSync(join(base, "parliament/answers.json"), JSON.stringify([answers[0]], null, 2) + "\n");
    answers[1]!.heading = "No changes in the data.";
    writeFileSync(file, JSON.stringify(answers, null, 2) + "\n");
    const out = join(next, "changed.txt");
    const run = (data: string) =>
      spawnSync(process.execPath, ["scripts/diff.ts", "--base", base, "--data", data, "--changed-to", out], {
        cwd: ROOT,
        encoding: "utf8",
      });
    const changed = run(next);
    expect(changed.status, changed.stderr).toBe(0);
    expect(changed.stdout).toContain("No changes in the data.");
    expect(readFileSync(out, "utf8")).toBe("true\n");
    const same = run(base);
    expect(same.stdout).toBe("No changes in the data.\n");
    expect(readFileSync(out, "utf8")).toBe("false\n");
  });
});
