import { describe, expect, it } from "vitest";
import { parseTable } from "../data/schema.ts";
import { DataError } from "../data/errors.ts";
import { checkAliases, isInitialsOf, trustAliasesTable, trustSearchData, withFormerNames } from "./aliases.ts";

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
      REF: { postcode: "TR1 3LJ", aliases: [{ alias: "Treliske", kind: "place" }], sites: [] },
      RM1: { postcode: "NR4 7UY", aliases: [], sites: [] },
    });
  });

  describe("a trust renamed in ODS", () => {
    const KGH = {
      code: "RNQ",
      name: "Kettering General Hospital NHS Foundation Trust",
      ods_name: "KETTERING GENERAL HOSPITAL NHS FOUNDATION TRUST",
    };
    const renamed = {
      code: "RNQ",
      name: "North Northamptonshire Hospitals NHS Foundation Trust",
      ods_name: "NORTH NORTHAMPTONSHIRE HOSPITALS NHS FOUNDATION TRUST",
    };
    const REF = {
      code: "REF",
      name: "Royal Cornwall Hospitals NHS Trust",
      ods_name: "ROYAL CORNWALL HOSPITALS NHS TRUST",
    };
    const curated = parse(
      [`REF,RCHT,abbreviation,${ORD}REF`, `RNQ,KGH,abbreviation,${ORD}RNQ`, `RNQ,Kettering,town,${ORD}RNQ`].join("\n"),
    );

    it("keeps its former name as an alias, after its curated aliases of the same code", () => {
      const rows = withFormerNames(curated, [KGH, REF], [renamed, REF]);
      expect(rows.map((r) => `${r.code},${r.alias},${r.kind},${r.source_url}`)).toEqual([
        `REF,RCHT,abbreviation,${ORD}REF`,
        `RNQ,KGH,abbreviation,${ORD}RNQ`,
        `RNQ,Kettering General Hospital NHS Foundation Trust,former_name,${ORD}RNQ`,
        `RNQ,Kettering,town,${ORD}RNQ`,
      ]);
      // The curated abbreviation of the old name still passes the data step's check.
      expect(checkAliases(rows, [renamed, REF])).toEqual([]);
      // Without the former name it would not.
      expect(checkAliases(curated, [renamed, REF]).map((p) => `${p.line} ${p.value}`)).toEqual(["3 KGH"]);
      // A second import of the same names changes nothing.
      expect(withFormerNames(rows, [renamed, REF], [renamed, REF])).toEqual(rows);
    });

    it("adds nothing when only the case or tidying of the name changed, or the trust is new", () => {
      const recased = { ...KGH, ods_name: "Kettering General Hospital NHS Foundation Trust" };
      expect(withFormerNames(curated, [KGH, REF], [recased, REF])).toEqual(curated);
      expect(withFormerNames(curated, [REF], [renamed, REF])).toEqual(curated);
    });

    it("drops a former name that is the trust's name again, and never adds one twice", () => {
      const once = withFormerNames(curated, [KGH], [renamed]);
      const back = withFormerNames(once, [renamed], [KGH]);
      expect(back.map((r) => `${r.code},${r.alias},${r.kind}`)).toEqual([
        "REF,RCHT,abbreviation",
        "RNQ,KGH,abbreviation",
        "RNQ,North Northamptonshire Hospitals NHS Foundation Trust,former_name",
        "RNQ,Kettering,town",
      ]);
      expect(checkAliases(back, [KGH, REF])).toEqual([]);
      const twice = withFormerNames(withFormerNames(once, [renamed], [KGH]), [KGH], [renamed]);
      expect(twice.filter((r) => r.kind === "former_name").map((r) => r.alias)).toEqual([KGH.name]);
    });
  });
});
