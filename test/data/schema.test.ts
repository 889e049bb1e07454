import { describe, expect, it } from "vitest";
import { parseTable } from "../../src/lib/data/schema.ts";
import { statementsTable, trustsTable } from "../../src/lib/data/tables.ts";
import { parseSources } from "../../src/lib/data/sources.ts";

const HEADER = "code,name,ods_name,region_code,icb_code,icb_code_2026,postcode,open_date,close_date";
const ROW = "RAA,Alpha NHS Trust,ALPHA NHS TRUST,Y56,QAA,QAA,NW1 0PE,2000-04-01,";
const trusts = (...rows: string[]) => parseTable([HEADER, ...rows].join("\n") + "\n", "data/trusts.csv", trustsTable);

const S_HEADER =
  "id,metric,value,unit,scope,as_of,stated_on,date_basis,stated_by,speaker,source_id,fact_ids,confidence,note";
const statements = (row: string) => parseTable(`${S_HEADER}\n${row}\n`, "data/statements.csv", statementsTable);
const S_ROW = [
  "S001",
  "share_with_epr",
  "91",
  "percent",
  "secondary_care_trusts",
  "2025-05",
  "2025-05",
  "exact",
  "minister",
  "Minister",
  "wq-1",
  "F033",
  "H",
  "",
];
const statementWith = (changes: Record<number, string>) => statements(S_ROW.map((v, i) => changes[i] ?? v).join(","));

describe("CSV schema validation", () => {
  it("accepts a good file, with a BOM and CRLF line endings", () => {
    const rows = parseTable(`\uFEFF${HEADER}\r\n${ROW}\r\n`, "data/trusts.csv", trustsTable);
    expect(rows).toEqual([
      {
        code: "RAA",
        name: "Alpha NHS Trust",
        ods_name: "ALPHA NHS TRUST",
        region_code: "Y56",
        icb_code: "QAA",
        icb_code_2026: "QAA",
        postcode: "NW1 0PE",
        open_date: "2000-04-01",
        close_date: null,
      },
    ]);
  });

  it("keeps a quoted newline inside a cell and still counts lines right after it", () => {
    const rows = statements(
      `S001,share_with_epr,91,percent,secondary_care_trusts,2025-05,2025-05,exact,minister,Minister,wq-1,F033,H,"two\nlines"`,
    );
    expect(rows[0]!.note).toBe("two\nlines");
    const bad = `${S_HEADER}\nS001,share_with_epr,91,percent,secondary_care_trusts,2025-05,2025-05,exact,minister,M,wq-1,,H,"a\nb"\nS002,share_with_epr,91,percent,secondary_care_trusts,2025-05,2025-05,exact,maybe,M,wq-1,,H,\n`;
    expect(() => parseTable(bad, "data/statements.csv", statementsTable)).toThrow(/line 4, column "stated_by"/);
  });

  it("rejects a missing column, naming it", () => {
    expect(() => parseTable("code,name\nRAA,x\n", "data/trusts.csv", trustsTable)).toThrow(
      /data\/trusts\.csv, line 1: .*expected the header code,name,ods_name.*missing ods_name/,
    );
  });

  it("rejects an extra or renamed column", () => {
    expect(() => parseTable(`${HEADER},extra\n${ROW},x\n`, "data/trusts.csv", trustsTable)).toThrow(/unexpected extra/);
    expect(() =>
      parseTable(`${HEADER.replace("postcode", "post_code")}\n${ROW}\n`, "data/trusts.csv", trustsTable),
    ).toThrow(/missing postcode; unexpected post_code/);
  });

  it("rejects a file separated by semicolons", () => {
    expect(() =>
      parseTable(`${HEADER.replaceAll(",", ";")}\n${ROW.replaceAll(",", ";")}\n`, "data/trusts.csv", trustsTable),
    ).toThrow(/line 1: found .*expected columns separated by ","/);
  });

  it("rejects a row with too many fields", () => {
    expect(() => trusts(`${ROW},x`)).toThrow(/data\/trusts\.csv, line 2: found "10 fields"; expected 9 fields/);
  });

  it("rejects a date in another format, naming file, line and column", () => {
    expect(() => trusts(ROW.replace("2000-04-01", "01/04/2000"))).toThrow(
      'data/trusts.csv, line 2, column "open_date": found "01/04/2000"; expected a date as YYYY-MM-DD',
    );
  });

  it("rejects an impossible date", () => {
    expect(() => trusts(ROW.replace("2000-04-01", "2023-02-29"))).toThrow(/column "open_date": found "2023-02-29"/);
  });

  it("rejects a value outside its list", () => {
    expect(() => trusts(ROW.replace("Y56", "Y99"))).toThrow(/column "region_code": found "Y99"; expected one of "Y56"/);
  });

  it("rejects a duplicate key", () => {
    expect(() => trusts(ROW, ROW)).toThrow(
      /line 3, column "code": found "RAA"; expected a unique code \(already used on line 2\)/,
    );
  });

  it("rejects a required cell left empty", () => {
    expect(() => trusts(ROW.replace("Alpha NHS Trust", ""))).toThrow(
      /column "name": found ""; expected text \(the cell is required\)/,
    );
  });

  it("rejects cells with stray spaces", () => {
    expect(() => trusts(ROW.replace("Alpha NHS Trust", "Alpha NHS Trust "))).toThrow(
      /without leading or trailing spaces/,
    );
  });

  it("rejects numbers written with £, commas or %", () => {
    expect(() => statementWith({ 2: "£91" })).toThrow(/column "value": found "£91"; expected a plain number/);
    expect(() => statementWith({ 2: '"1,234"' })).toThrow(/column "value": found "1,234"/);
    expect(() => statementWith({ 2: "91%" })).toThrow(/column "value": found "91%"/);
  });

  it("rejects negative figures", () => {
    expect(() => statementWith({ 2: "-3" })).toThrow(/column "value": found "-3"; expected .*≥ 0/);
  });

  it("rejects a malformed fact id list", () => {
    expect(() => statementWith({ 11: "F33" })).toThrow(/column "fact_ids": found "F33"/);
  });

  it("lists every problem in the file, not just the first", () => {
    const err = (() => {
      try {
        trusts(ROW.replace("Y56", "Y99"), ROW.replace("RAA", "RBB").replace("2000-04-01", "x"));
      } catch (e) {
        return e as Error;
      }
    })();
    expect(err?.message.split("\n")).toHaveLength(2);
  });
});

describe("sources.json validation", () => {
  const good = {
    id: "wq-1",
    title: "T",
    publisher: "UK Parliament",
    url: "https://example.org/",
    via: null,
    date: "2025-05",
    date_estimated: true,
    date_note: null,
    type: "written_answer",
    uin: "1",
    licence: "OPL-3.0",
    covers: "c",
    confidence: "H",
  };
  it("accepts a good entry", () => {
    expect(parseSources(JSON.stringify([good]), "data/sources.json")).toHaveLength(1);
  });
  it("rejects a non-https URL, an unknown licence and a duplicate id, naming the entry and field", () => {
    const bad = [
      { ...good, url: "javascript:alert(1)" },
      { ...good, licence: "CC0" },
    ];
    expect(() => parseSources(JSON.stringify(bad), "data/sources.json")).toThrow(
      /data\/sources\.json, column "wq-1\.url": found "\\"javascript:alert\(1\)\\""; expected an https:\/\/ URL/,
    );
    expect(() => parseSources(JSON.stringify(bad), "data/sources.json")).toThrow(
      /"wq-1\.licence".*expected one of OGL-3\.0/,
    );
    expect(() => parseSources(JSON.stringify(bad), "data/sources.json")).toThrow(/"wq-1\.id".*expected a unique id/);
  });
  it("rejects broken JSON", () => {
    expect(() => parseSources("[{", "data/sources.json")).toThrow(/data\/sources\.json: expected JSON/);
  });
});
