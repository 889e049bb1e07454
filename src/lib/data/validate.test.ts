import { describe, expect, it } from "vitest";
import type { Problem } from "./errors.ts";
import { filesStage, inputStages, runStages, ValidationError, type Stage } from "./validate.ts";
import type { DataInput } from "./input.ts";

const problem = (file: string): Problem => ({ file, line: 2, column: "code", value: "X", expected: "a code" });
const stage = (name: string, found: Problem[], ran: string[]): Stage => ({
  name,
  checks: `the ${name}`,
  problems: () => (ran.push(name), found),
});

describe("validation, one pass of named stages", () => {
  it("runs every stage in order when none finds a problem", () => {
    const ran: string[] = [];
    runStages([stage("files", [], ran), stage("references", [], ran), stage("words", [], ran)]);
    expect(ran).toEqual(["files", "references", "words"]);
  });

  it("stops at the first stage with problems, naming it, and reports all of that stage's problems", () => {
    const ran: string[] = [];
    const run = () =>
      runStages([
        stage("files", [], ran),
        stage("references", [problem("a.csv"), problem("b.csv")], ran),
        stage("words", [problem("c.csv")], ran),
      ]);
    expect(run).toThrow(ValidationError);
    expect(ran).toEqual(["files", "references"]);
    try {
      run();
    } catch (e) {
      const err = e as ValidationError;
      expect(err.stage).toBe("references");
      expect(err.problems.map((p) => p.file)).toEqual(["a.csv", "b.csv"]);
      expect(err.message.split("\n")[0]).toBe('stage "references" (the references) found 2 problems:');
      expect(err.message).toContain('a.csv, line 2, column "code": found "X"; expected a code');
    }
  });

  it("has the files first, then references and words, the order each needs", () => {
    expect(filesStage([]).name).toBe("files");
    expect(inputStages({} as DataInput).map((s) => s.name)).toEqual(["references", "words"]);
  });
});
