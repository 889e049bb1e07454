/**
 * Hostile and malformed input: what a spreadsheet edited by people, or someone with bad intent, could
 * put in a cell. Each is handled or rejected with the file, line and column; property tests check that
 * any text survives the CSV round trip unchanged.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { neutraliseFormula, parseCsv, toCsv } from "../../src/lib/data/csv.ts";
import { parseTable } from "../../src/lib/data/schema.ts";
import { programmeTable, statementRow, statementsTable, trustsTable } from "../../src/lib/data/tables.ts";
import { checkReferences, checkStatementTotals } from "../../src/lib/data/checks.ts";
import { readDataDir } from "../../scripts/build-data.ts";
import { fileURLToPath } from "node:url";
import { tidyTrustName } from "../../src/lib/data/names.ts";
import { escapeXml } from "../../src/lib/text.ts";

const FIXTURE = fileURLToPath(new URL("../fixtures/data", import.meta.url));
const HEADER = "code,name,ods_name,region_code,icb_code,icb_code_2026,postcode,open_date,close_date";
const row = (name: string) => `RAA,${name},ALPHA NHS TRUST,Y56,QAA,QAA,NW1 0PE,2000-04-01,`;
/** A one-trust trusts.csv written by our own serialiser, with the given name. */
const trustCsv = (name: string) =>
  toCsv(HEADER.split(","), [
    {
      code: "RAA",
      name,
      ods_name: "ALPHA NHS TRUST",
      region_code: "Y56",
      icb_code: "QAA",
      icb_code_2026: "QAA",
      postcode: "NW1 0PE",
      open_date: "2000-04-01",
      close_date: "",
    },
  ]);

describe("CSV round trip (property)", () => {
  it("any table of any text reads back exactly as written", () => {
    const cell = fc.string({ unit: "grapheme", maxLength: 30 }).filter((s) => s === s.trim() && !/^\uFEFF/.test(s));
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 8 }), (rows) => {
        const columns = ["a", "b", "c"];
        const csv = toCsv(
          columns,
          rows.map(([a, b, c]) => ({ a, b, c })),
        );
        const parsed = parseCsv(csv, "t.csv");
        expect(parsed.header).toEqual(columns);
        // A row of three empty cells is still a row: nothing is dropped or merged.
        expect(parsed.rows.map((r) => r.cells)).toEqual(rows.map((r) => [...r]));
      }),
      { numRuns: 300 },
    );
  });

  it("schema-valid rows survive parse → serialise → parse with the same values", () => {
    // Names pass the gate's rules for names (Latin letters in their plain form), so they are drawn from
    // Latin letters with accents, digits, spaces and the punctuation CSV must quote.
    const unit = fc.constantFrom(..."aZéŵŷÆøß0 ,;\"'<>&-()’—\t£".split(""), "\r\n");
    const name = fc.string({ unit, minLength: 1, maxLength: 40 }).filter((s) => s === s.trim());
    fc.assert(
      fc.property(name, (n) => {
        expect(parseTable(trustCsv(n), "t.csv", trustsTable)[0]!.name).toBe(n);
      }),
      { numRuns: 300 },
    );
  });
});

describe("hostile text in data", () => {
  it("keeps markup, quotes and non-ASCII names as text: Welsh, accents, <script>", () => {
    const names = [
      'Betsi Cadwaladr "University" Health Board',
      "Ysbyty Gwynedd ŵ ŷ",
      "Hôpital Sainte-Thérèse",
      "<script>alert(1)</script>",
    ];
    for (const n of names) expect(parseTable(trustCsv(n), "t.csv", trustsTable)[0]!.name).toBe(n);
  });

  it("leaves names that are already mixed case alone, and tidies upper case without touching markup", () => {
    expect(tidyTrustName("YSBYTY  GWYNEDD ")).toBe("Ysbyty Gwynedd");
    expect(tidyTrustName("<SCRIPT>ALERT(1)</SCRIPT> NHS TRUST")).toBe("<script>alert(1)</script> NHS Trust");
  });

  it("neutralises cells a spreadsheet would run as formulas in public CSVs", () => {
    for (const f of ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1"])
      expect(neutraliseFormula(f)).toBe(`'${f}`);
    expect(neutraliseFormula("Royal Devon")).toBe("Royal Devon");
    const csv = toCsv(["name", "value"], [{ name: "=cmd|' /C calc'!A0", value: -5 }], { safeForSpreadsheets: true });
    expect(csv).toBe("name,value\n'=cmd|' /C calc'!A0,-5\n");
  });

  it("escapes text for XML in the feed", () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
  });

  it("rejects control characters hidden in a cell", () => {
    expect(() => parseTable(`${HEADER}\n${row("Alpha\u0007 NHS Trust")}\n`, "data/trusts.csv", trustsTable)).toThrow(
      /line 2, column "name".*without control characters/,
    );
  });

  it("rejects a total that does not match its parts, percentages over 100, and negative money", () => {
    const S =
      "id,metric,value,unit,scope,as_of,stated_on,date_basis,stated_by,speaker,source_id,fact_ids,confidence,note";
    expect(() =>
      parseTable(
        `${S}\nS001,share_with_epr,-1,percent,secondary_care_trusts,2025,2025,exact,minister,,wq-1,,H,\n`,
        "s.csv",
        statementsTable,
      ),
    ).toThrow(/column "value": found "-1"/);
    expect(() =>
      parseTable(
        `${S}\nS001,share_with_epr,"1,000",percent,secondary_care_trusts,2025,2025,exact,minister,,wq-1,,H,\n`,
        "s.csv",
        statementsTable,
      ),
    ).toThrow(/found "1,000"/);
    // Counts from one answer that do not add up to its total.
    const counts = parseTable(
      `${S}\nS001,trusts_with_epr,187,trusts,secondary_care_trusts,2025-05,2025-05,exact,minister,,wq-1,,H,\nS002,trusts_without_epr,20,trusts,secondary_care_trusts,2025-05,2025-05,exact,minister,,wq-1,,H,\nS003,trusts_in_scope,206,trusts,secondary_care_trusts,2025-05,2025-05,exact,minister,,wq-1,,H,\n`,
      "s.csv",
      statementsTable,
    ).map(statementRow);
    expect(checkStatementTotals(counts)[0]).toMatchObject({
      value: "187 + 20",
      expected: expect.stringContaining("add up to its total of 206"),
    });
    // A share that disagrees with the counts beside it by more than a point.
    const share = parseTable(
      `${S}\nS004,share_with_epr,95,percent,secondary_care_trusts,2025-05,2025-05,exact,minister,,wq-1,,H,\n`,
      "s.csv",
      statementsTable,
    ).map(statementRow);
    expect(checkStatementTotals([...counts.filter((r) => r.id !== "S002"), ...share])[0]).toMatchObject({
      value: "95%",
      expected: expect.stringContaining("within 1 point of 187/206"),
    });
    // A percentage over 100 passes the column check (it is a number) but not the cross-file check.
    const input = readDataDir(FIXTURE);
    input.statements[3] = { ...input.statements[3]!, value: 101 };
    expect(checkReferences(input)).toContainEqual(
      expect.objectContaining({
        column: "value",
        value: "101",
        expected: expect.stringContaining("a percentage from 0 to 100"),
      }),
    );
    // Negative money.
    const P =
      "id,measure,period,value,unit,rating,bound,modality,stated_by,as_of,stated_on,date_basis,source_id,fact_ids,confidence,note";
    expect(() =>
      parseTable(
        `${P}\nP001,fy_budget,2021/22,-321.8,gbp_million,,exact,planned,department,2022-03-31,2022-07,exact,gmpp-2022,,H,\n`,
        "p.csv",
        programmeTable,
      ),
    ).toThrow(/column "value": found "-321.8"; expected .*≥ 0/);
  });
});
