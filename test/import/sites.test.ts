/** The NHS website's hospital list and the ODS site parents → data/sites.csv, on fixtures in the real formats. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  buildSiteRows,
  decodeHospitals,
  inputsFromCommitted,
  parseHospitals,
  parseOdsParents,
  siteInputs,
  siteName,
  type SiteCsvRow,
  type SiteInput,
} from "../../scripts/import/sites.ts";
import type { OdsTrust, Succession } from "../../scripts/import/ods-trusts.ts";
import { parseTable } from "../../src/lib/data/schema.ts";
import { sitesTable } from "../../src/lib/data/tables.ts";
import { toCsv } from "../../src/lib/data/csv.ts";
import { SITE_COLUMNS } from "../../scripts/import/sites.ts";
import { checkSites, sitesByTrust } from "../../src/lib/finder/sites.ts";

const DIR = fileURLToPath(new URL("../fixtures/upstream/ods-sites/", import.meta.url));
const HOSPITALS = "Hospital.csv";
const bytes = () => readFileSync(DIR + HOSPITALS);
const ENGLISH = new Set(["RAA", "RBB", "ROLD", "NEW1A"]);
const keep = (p: string) => ENGLISH.has(p) || /^T[A-Z0-9]{2}$/.test(p);

const trust = (code: string, closeDate: string | null = null): OdsTrust => ({
  code,
  odsName: `${code} NHS TRUST`,
  regionCode: "Y56",
  icbCode: "QAA",
  postcode: "NW1 0PE",
  openDate: "2000-04-01",
  closeDate,
  gor: "H",
});
const succ = (predecessor: string, successor: string, effectiveDate = "2020-04-01"): Succession => ({
  predecessor,
  successor,
  effectiveDate,
});
const input = (code: string, listed: string): SiteInput => ({
  code,
  name: `Site ${code}`,
  town: "Town",
  address: "",
  postcode: "AB1 2CD",
  listed,
  listedName: `${listed} NHS Trust`,
  odsParent: "",
});

describe("reading Hospital.csv", () => {
  it("reads the ¬-separated Windows-1252 file, keeping the rows of English NHS trusts and care trusts", () => {
    const rows = parseHospitals(bytes(), HOSPITALS, keep);
    expect(rows.map((r) => r.code)).toEqual(["RAA01", "RAA02", "RBB05", "ROLD1", "TZZ01"]);
    // 0x92 is a curly apostrophe in Windows-1252; the trust's name after " - " is dropped.
    expect(rows[1]).toMatchObject({ name: "St Mary\u2019s Wing", address: "Low Road, Alphaton", town: "London" });
    expect(rows[2]!.name).toBe("Beta House");
  });

  it("reads the same rows from a copy re-encoded as UTF-8", () => {
    const utf8 = new TextEncoder().encode(decodeHospitals(bytes()));
    expect(parseHospitals(utf8, HOSPITALS, keep)).toEqual(parseHospitals(bytes(), HOSPITALS, keep));
  });

  it("drops the trust's name from either end of a site's name, and nothing else", () => {
    expect(
      siteName(
        "Nottingham University Hospitals NHS Trust - Queen's Medical Centre Campus",
        "Nottingham University Hospitals NHS Trust",
      ),
    ).toBe("Queen's Medical Centre Campus");
    expect(
      siteName("Clatterbridge Cancer Centre - Wirral", "The Clatterbridge Cancer Centre NHS Foundation Trust"),
    ).toBe("Clatterbridge Cancer Centre - Wirral");
    expect(siteName("  The Walton Centre ", "The Walton Centre NHS Foundation Trust")).toBe("The Walton Centre");
  });

  it("stops with the file, line and column of a bad value in a kept row, and ignores other providers' rows", () => {
    const text = decodeHospitals(bytes()).replace("AB1 2CD", "AB12 CD");
    expect(() => parseHospitals(new TextEncoder().encode(text), HOSPITALS, keep)).toThrow(
      'Hospital.csv, line 2, column "Postcode": found "AB12 CD"; expected a UK postcode like CB2 0QQ',
    );
    // The independent provider's row has no postcode, and is not read.
    expect(() => parseHospitals(bytes(), HOSPITALS, keep)).not.toThrow();
  });

  it("refuses a file without the columns it needs, or with a row of the wrong width", () => {
    expect(() => parseHospitals(new TextEncoder().encode("a,b,c\n1,2,3\n"), HOSPITALS, keep)).toThrow(
      /line 1: found "a,b,c"; expected a header of fields separated by "¬" including OrganisationCode, .*\(missing OrganisationCode,/,
    );
    const text = decodeHospitals(bytes()).replace("¬Hill Road¬", "¬Hill Road¬¬");
    expect(() => parseHospitals(new TextEncoder().encode(text), HOSPITALS, keep)).toThrow(
      'Hospital.csv, line 2: found "23 fields"; expected 22 fields, as in the header',
    );
  });

  it("reads ods-parents.json as a map of site codes, and refuses anything else", () => {
    const parents = parseOdsParents(readFileSync(DIR + "ods-parents.json", "utf8"), "ods-parents.json");
    expect(parents.get("RAA01")).toBe("RAA");
    expect(() => parseOdsParents('["RAA01"]', "p.json")).toThrow(/expected a JSON object of site codes/);
    expect(() => parseOdsParents('{"RAA01": 3}', "p.json")).toThrow(
      /column "RAA01": found "3"; expected an ODS site code mapped to an ODS code/,
    );
  });
});

describe("the trust that runs each site now", () => {
  const TRUSTS = [
    trust("RAA"),
    trust("RBB", "2024-10-31"),
    trust("ROLD", "2010-03-31"),
    trust("NEW1A"),
    trust("RCL", "2026-06-30"),
    trust("RSP", "2021-09-30"),
    trust("RXX"),
    trust("RYY"),
  ];
  const SUCC = [
    succ("RBB", "NEW1A", "2024-11-01"),
    succ("ROLD", "RBB", "2010-04-01"),
    succ("RSP", "RXX"),
    succ("RSP", "RYY"),
    succ("RSP", "RYY"),
    succ("001", "016"),
  ];
  const rows = (inputs: SiteInput[]) => buildSiteRows(inputs, TRUSTS, SUCC, "hospitals");
  const one = (listed: string) => rows([input("S0001", listed)])[0]!;

  it("is the listed trust while it is open", () => {
    expect(one("RAA")).toMatchObject({
      trust_code: "RAA",
      basis: "listed",
      listed_trust_closed: "",
      ended_at_code: "",
    });
  });

  it("follows every succession to the open trust, keeping the trust before and when it closed", () => {
    expect(one("ROLD")).toMatchObject({
      trust_code: "NEW1A",
      basis: "successor",
      listed_trust_code: "ROLD",
      listed_trust_name: "Rold NHS Trust",
      listed_trust_closed: "2010-03-31",
    });
  });

  it("names no trust when the last one closed with no successor recorded, and says where it ended", () => {
    expect(one("RCL")).toMatchObject({ trust_code: "", basis: "no_successor", ended_at_code: "RCL" });
  });

  it("names no trust when several successors are recorded and not which took the site, listing them once each", () => {
    expect(one("RSP")).toMatchObject({
      trust_code: "",
      basis: "split",
      ended_at_code: "RSP",
      successor_codes: "RXX;RYY",
    });
  });

  it("follows a care trust, which the ODS trust file does not list, through its succession", () => {
    expect(one("TZZ")).toMatchObject({ trust_code: "TZZ", basis: "listed", listed_trust_name: "TZZ NHS Trust" });
    const moved = buildSiteRows([input("S0001", "TZZ")], TRUSTS, [...SUCC, succ("TZZ", "NEW1A")], "hospitals");
    expect(moved[0]).toMatchObject({ trust_code: "NEW1A", basis: "successor", listed_trust_closed: "" });
  });

  it("writes rows the data step accepts, sorted by code, a code listed twice once, the same every time", () => {
    const inputs = [
      input("S0003", "RSP"),
      input("S0001", "RAA"),
      input("S0002", "RCL"),
      input("S0001", "RBB"),
      input("S0004", "ROLD"),
    ];
    const csv = toCsv(SITE_COLUMNS, rows(inputs));
    expect(toCsv(SITE_COLUMNS, rows(inputs))).toBe(csv);
    const parsed = parseTable(csv, "sites.csv", sitesTable);
    expect(parsed.map((r) => r.code)).toEqual(["S0001", "S0002", "S0003", "S0004"]);
    expect(parsed[0]!.trust_code).toBe("RAA");
    const trustRows = ["RAA", "RBB", "NEW1A", "RCL", "RXX", "RYY"].map((code) => ({
      code,
      close_date: code === "RBB" ? "2024-10-31" : code === "RCL" ? "2026-06-30" : null,
    }));
    expect(
      checkSites(
        parsed,
        trustRows,
        trustRows.map((t) => t.code),
        "sites.csv",
        ["hospitals"],
      ),
    ).toEqual([]);
  });

  it("follows the committed table's sites again when a succession is added", () => {
    const before = rows([input("S0002", "RCL")]);
    const after = buildSiteRows(
      inputsFromCommitted(before as SiteCsvRow[]),
      TRUSTS,
      [...SUCC, succ("RCL", "RAA", "2026-07-01")],
      "hospitals",
    );
    expect(after[0]).toMatchObject({
      code: "S0002",
      trust_code: "RAA",
      basis: "successor",
      listed_trust_code: "RCL",
      listed_trust_closed: "2026-06-30",
    });
  });

  it("keeps what ODS says of each site, or nothing for a code ODS no longer has", () => {
    const parents = parseOdsParents(readFileSync(DIR + "ods-parents.json", "utf8"), "ods-parents.json");
    const inputs = siteInputs(parseHospitals(bytes(), HOSPITALS, keep), parents);
    expect(inputs.map((i) => [i.code, i.odsParent])).toEqual([
      ["RAA01", "RAA"],
      ["RAA02", ""],
      ["RBB05", "RBB"],
      ["ROLD1", ""],
      ["TZZ01", ""],
    ]);
  });
});

describe("the data step's checks of data/sites.csv", () => {
  const HEADER = SITE_COLUMNS.join(",");
  const parse = (...lines: string[]) => parseTable([HEADER, ...lines].join("\n") + "\n", "sites.csv", sitesTable);
  const trusts = [
    { code: "RAA", close_date: null },
    { code: "RCL", close_date: "2026-06-30" },
  ];
  const check = (...lines: string[]) => checkSites(parse(...lines), trusts, ["RAA", "RCL"], "sites.csv", ["hospitals"]);

  it("refuses a trust that has closed as the trust running a site, saying how to mend it", () => {
    expect(check("S0001,A Hospital,Town,,AB1 2CD,RCL,listed,RCL,Rcl NHS Trust,,,,,hospitals")).toEqual([
      expect.objectContaining({
        line: 2,
        column: "trust_code",
        value: "RCL",
        expected: "a trust open now (RCL closed on 2026-06-30): run `npm run data:import` to follow its successions",
      }),
    ]);
  });

  it("refuses an unknown trust, a basis its columns contradict, and an unknown source", () => {
    const problems = check(
      "S0001,A Hospital,Town,,AB1 2CD,RZZ,listed,RZZ,Rzz NHS Trust,,,,,hospitals",
      "S0002,B Hospital,Town,,AB1 2CD,RAA,no_successor,RCL,Rcl NHS Trust,2026-06-30,RCL,,,hospitals",
      "S0003,C Hospital,Town,,AB1 2CD,,split,RCL,Rcl NHS Trust,2026-06-30,RCL,RAA,,elsewhere",
    );
    expect(problems.map((p) => `${p.line} ${p.column}`)).toEqual([
      "2 trust_code",
      "3 trust_code",
      "4 successor_codes",
      "4 source_id",
    ]);
  });

  it("gives each trust the sites it runs, and a closed trust its sites with no successor recorded", () => {
    const rows = parse(
      "S0001,B Hospital,Town,,AB1 2CD,RAA,listed,RAA,Raa NHS Trust,,,,,hospitals",
      "S0002,A Hospital,Town,,AB1 2CD,RAA,successor,ROLD,Old NHS Trust,2010-03-31,,,,hospitals",
      "S0003,Southmead Hospital,Bristol,,BS10 5NB,,no_successor,RCL,Rcl NHS Trust,2026-06-30,RCL,,,hospitals",
      "S0004,Stafford Hospital,Stafford,,ST16 3SA,,no_successor,RJD,Mid Staffordshire NHS Foundation Trust,2017-10-31,RJD,,,hospitals",
    );
    const byTrust = sitesByTrust(rows, (c) => (c === "RAA" || c === "RCL" ? `${c} name` : null));
    expect(byTrust.get("RAA")!.map((s) => [s.name, s.role, s.before?.code ?? null])).toEqual([
      ["A Hospital", "runs", "ROLD"],
      ["B Hospital", "runs", null],
    ]);
    expect(byTrust.get("RCL")!.map((s) => [s.name, s.role])).toEqual([["Southmead Hospital", "ran"]]);
    // A trust closed before the trust list begins has no page: its site is kept apart.
    expect(byTrust.get("")!.map((s) => [s.name, s.before?.name])).toEqual([
      ["Stafford Hospital", "Mid Staffordshire NHS Foundation Trust"],
    ]);
  });
});
