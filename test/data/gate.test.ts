/** The gate every outside input passes (src/lib/data/gate.ts): its rules, on the values each path brings in. */
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { readDataDir } from "../../scripts/build-data.ts";
import { checkReferences } from "../../src/lib/data/checks.ts";
import {
  codeForm,
  figureProblem,
  gateBytes,
  jsonDepth,
  nameProblem,
  parseJsonText,
  stringProblems,
} from "../../src/lib/data/gate.ts";
import { parseJson } from "../../src/lib/data/json.ts";
import { parseTable } from "../../src/lib/data/schema.ts";
import { trustsTable } from "../../src/lib/data/tables.ts";
import { trustAliasesTable } from "../../src/lib/finder/aliases.ts";
import { parseMembers } from "../../src/lib/parliament/members.ts";
import { cellText } from "../../scripts/import/workbook.ts";
import { parseEtr } from "../../scripts/import/ods-trusts.ts";

const FIXTURE = join(import.meta.dirname, "../fixtures/data");

describe("names", () => {
  it("accepts names in the Latin alphabet: Welsh, accents, apostrophes, ampersands", () => {
    for (const n of [
      "Betsi Cadwaladr University Health Board",
      "Ysbyty Gwynedd ŵ ŷ",
      "Guy’s and St Thomas’",
      "Hôpital Sainte-Thérèse",
      "R&D 2",
    ])
      expect(nameProblem(n), n).toBeNull();
  });

  it("refuses a Cyrillic or Greek letter that passes for a Latin one, naming it", () => {
    expect(nameProblem("B\u0430rts Health NHS Trust")).toMatch(
      /letters outside the Latin alphabet \(U\+0430 "а" at character 2/,
    );
    expect(nameProblem("\u039fxford")).toMatch(/U\+039F/);
  });

  it("refuses full-width letters and ligatures, naming the plain form", () => {
    expect(nameProblem("Ｂarts")).toMatch(/plainer form \(U\+FF22 "Ｂ" at character 1 is "B"\)/);
    expect(nameProblem("ﬁrst")).toMatch(/U\+FB01/);
  });

  it("refuses zero-width characters, which hide a name from the finder", () => {
    expect(nameProblem("Ba\u200brts")).toMatch(/format characters \(U\+200B/);
    expect(nameProblem("Barts\u2060")).toMatch(/format characters/);
  });

  it("is applied to every name column: trusts, aliases, members, the etr report", () => {
    const header = Object.keys(trustsTable.columns).join(",");
    const row = (name: string) => `${header}\nRAA,${name},ALPHA NHS TRUST,Y56,QAA,QAA,NW1 0PE,2000-04-01,\n`;
    expect(() => parseTable(row("Alph\u0430 NHS Trust"), "data/trusts.csv", trustsTable)).toThrow(
      /data\/trusts\.csv, line 2, column "name".*outside the Latin alphabet/,
    );
    expect(() =>
      parseTable("code,alias,kind,source_url\nRAA,Ｒoyal,hospital,https://example.org\n", "a.csv", trustAliasesTable),
    ).toThrow(/column "alias".*plainer form/);
    expect(() => parseMembers("member_id,name,source\n1,Jоhn Smith,x\n", "members.csv")).toThrow(
      /column "name".*U\+043E/,
    );
    const etr = (name: string) =>
      `"RAA","${name}","Y56","QMJ","","","","","","AB1 2CD","20000101","","","","","","","","","","","","","","","",""\n`;
    expect(() => parseEtr(etr("ALPH\u0410 NHS TRUST"), "etr.csv")).toThrow(
      /field 2 \(name\).*outside the Latin alphabet/,
    );
  });
});

describe("codes, figures and bytes", () => {
  it("compares codes in their NFKC form", () => {
    expect(codeForm(" ９００２ ")).toBe("9002");
    expect(codeForm("ＲＡＥ")).toBe("RAE");
  });

  it("refuses absurd figures: 999,999,999,999,999 trusts, a share over 100, a trillion pounds twice over", () => {
    expect(figureProblem("trusts", 999_999_999_999_999)).toMatch(/a count of trusts from 0 to 2,000/);
    expect(figureProblem("trusts", 20.5)).toMatch(/count of trusts/);
    expect(figureProblem("percent", 101)).toMatch(/percentage from 0 to 100/);
    expect(figureProblem("gbp_million", 2_000_000)).toMatch(/£0 to £1,000,000m/);
    expect(figureProblem("trusts", 209)).toBeNull();
    expect(figureProblem("rating", null)).toBeNull();
  });

  it("the data step refuses a statement of 999,999,999,999,999 trusts", () => {
    const input = readDataDir(FIXTURE);
    const i = input.statements.findIndex((s) => s.unit === "trusts");
    input.statements[i] = { ...input.statements[i]!, value: 999_999_999_999_999 };
    expect(checkReferences(input)).toContainEqual(
      expect.objectContaining({
        file: "data/statements.csv",
        value: "999999999999999",
        expected: expect.stringContaining("a count of trusts from 0 to 2,000"),
      }),
    );
  });

  it("bounds bytes, then reads strict UTF-8, then (for text formats) refuses characters by line", () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(() => gateBytes(enc("abcd"), "x.csv", 3)).toThrow(/x\.csv: expected at most 3 bytes \(got 4\)/);
    expect(() => gateBytes(new Uint8Array([0x61, 0xff]), "x.csv", 10)).toThrow(/byte 0xff is not UTF-8/);
    expect(() => gateBytes(enc("a\nb\u0007c"), "x.csv", 10, true)).toThrow(
      /x\.csv, line 2: expected text without control characters \(U\+0007\)/,
    );
    expect(gateBytes(enc("\ufeffa\nb"), "x.csv", 10, true)).toBe("a\nb");
  });

  it("refuses workbook cells with the characters every input is refused", () => {
    expect(cellText({ t: "text", v: "Cerner\u202e" })).toMatchObject({
      problem: expect.stringMatching(/bidirectional control characters/),
    });
    expect(cellText({ t: "text", v: "Cerner" })).toEqual({ text: "Cerner" });
  });
});

describe("JSON", () => {
  it("measures nesting on the text, strings skipped, stopping past the limit", () => {
    expect(jsonDepth('{"a":[1,{"b":"[[[["}]}')).toBe(3);
    expect(jsonDepth('"\\"[["')).toBe(0);
    expect(jsonDepth("[".repeat(1_000_000), 32)).toBe(33);
  });

  it("refuses JSON nested deeper than the limit without recursing, and names the file; data files too", () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    expect(() => parseJsonText(deep, "https://example.org/x")).toThrow(
      /https:\/\/example\.org\/x: expected JSON nested at most 32 levels deep/,
    );
    expect(() => parseJson(deep, "data/sources.json")).toThrow(/data\/sources\.json: expected JSON nested at most 32/);
    expect(() => parseJsonText("{", "f.json")).toThrow(/f\.json: expected JSON \(/);
    expect(parseJsonText('{"a":[1]}', "f.json")).toEqual({ a: [1] });
  });

  it("names every string (and key) of a document that breaks the character rules, by its path", () => {
    const problems = stringProblems({ results: [{ value: { heading: "ok", name: "a\u202eb" } }], "k\u0000": 1 }, "u");
    expect(problems.map((p) => p.column)).toEqual(["results[0].value.name", "k\u0000"]);
    expect(problems[0]!.expected).toMatch(/bidirectional control characters/);
  });
});
