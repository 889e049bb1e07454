import { describe, expect, it } from "vitest";
import { parseTable } from "../data/schema.ts";
import { DataError } from "../data/errors.ts";
import { checkAliases, isInitialsOf, trustAliasesTable, trustSearchData } from "./aliases.ts";

const TRUSTS = [
  { code: "RM1", name: "Norfolk and Norwich University Hospitals NHS Foundation Trust" },
  { code: "REF", name: "Royal Cornwall Hospitals NHS Trust" },
];
const ORD = "https://directory.spineservices.nhs.uk/ORD/2-0-0/organisations/";
const parse = (body: string) =>
  parseTable(`code,alias,kind,source_url\n${body}\n`, "data/trust-aliases.csv", trustAliasesTable);

describe("trust aliases", () => {
  it("accepts an abbreviation made of the name's initials, in order, and refuses one that is not", () => {
    expect(isInitialsOf("NNUH", TRUSTS[0]!.name)).toBe(true);
    expect(isInitialsOf("nnuhft", TRUSTS[0]!.name)).toBe(true);
    expect(isInitialsOf("UNN", TRUSTS[0]!.name)).toBe(false);
    expect(isInitialsOf("NNUHX", TRUSTS[0]!.name)).toBe(false);
  });

  it("names the line, column and reason of every bad row", () => {
    const rows = parse(
      [
        `RM1,NNUH,abbreviation,${ORD}RM1`,
        `RM1,QEH,abbreviation,${ORD}RM1`,
        `XYZ,Somewhere,town,${ORD}XYZ`,
        `REF,Treliske,place,${ORD}RM1`,
      ].join("\n"),
    );
    expect(checkAliases(rows, TRUSTS).map((p) => `${p.line} ${p.column} ${p.value}`)).toEqual([
      "3 alias QEH",
      "4 code XYZ",
      "5 source_url " + ORD + "RM1",
    ]);
  });

  it("refuses a kind it does not know and the same alias twice for a trust", () => {
    expect(() => parse(`RM1,Colney,village,${ORD}RM1`)).toThrow(DataError);
    expect(() => parse(`RM1,Colney,place,${ORD}RM1\nRM1,Colney,town,${ORD}RM1`)).toThrow(/already used on line 2/);
  });

  it("gives the finder each trust's postcode and aliases", () => {
    const rows = parse(`REF,Treliske,place,${ORD}REF`);
    expect(
      trustSearchData(
        [
          { code: "REF", postcode: "TR1 3LJ" },
          { code: "RM1", postcode: "NR4 7UY" },
        ],
        rows,
      ),
    ).toEqual({
      REF: { postcode: "TR1 3LJ", aliases: [{ alias: "Treliske", kind: "place" }] },
      RM1: { postcode: "NR4 7UY", aliases: [] },
    });
  });
});
