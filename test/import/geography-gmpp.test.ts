import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildGeography, shortIcbName } from "../../scripts/import/geography.ts";
import { extractGmppRow, parseMoney } from "../../scripts/import/gmpp.ts";

const fixtureText = (p: string) => readFileSync(new URL(`../fixtures/upstream/${p}`, import.meta.url), "utf8");
const fixtureBytes = (p: string) => new Uint8Array(readFileSync(new URL(`../fixtures/upstream/${p}`, import.meta.url)));
const ICB_FILE = "ons-icb-names-2024/icb_names_codes_dec_2024.csv";
const HEX_FILE = "odi-hexmap-icb/nhs-icb-2022.hexjson";

describe("ICB and region importer", () => {
  it("joins ICB names to hex positions and regions on the ODS code", () => {
    const { icbs, regions } = buildGeography(fixtureText(ICB_FILE), ICB_FILE, fixtureText(HEX_FILE), HEX_FILE);
    expect(icbs).toEqual([
      {
        code: "QAA",
        gss_code: "E54000001",
        name: "NHS North, Central Integrated Care Board",
        short_name: "North, Central",
        region_code: "Y56",
        hex_q: "1",
        hex_r: "1",
      },
      {
        code: "QBB",
        gss_code: "E54000002",
        name: "NHS West Integrated Care Board",
        short_name: "West",
        region_code: "Y58",
        hex_q: "0",
        hex_r: "0",
      },
    ]);
    // The hexmap's trailing space in a region name is tidied.
    expect(regions.map((r) => r.name)).toEqual(["London", "South West"]);
  });

  it("shortens ICB names for labels", () => {
    expect(shortIcbName("NHS Cheshire and Merseyside Integrated Care Board")).toBe("Cheshire and Merseyside");
  });

  it("rejects an ICB that has no hex, naming both files", () => {
    const icb = fixtureText(ICB_FILE) + "E54000003,QCC,NHS Extra Integrated Care Board,3\n";
    expect(() => buildGeography(icb, ICB_FILE, fixtureText(HEX_FILE), HEX_FILE)).toThrow(
      /nhs-icb-2022\.hexjson, column "hexes": found "QCC"; expected a hex for ICB QCC \(listed on line 4/,
    );
  });

  it("finds no hex for a code such as constructor or __proto__, instead of Object's own properties", () => {
    for (const code of ["constructor", "__proto__", "toString"]) {
      const icb = fixtureText(ICB_FILE).replace("QBB", code);
      expect(() => buildGeography(icb, ICB_FILE, fixtureText(HEX_FILE), HEX_FILE), code).toThrow(
        `${ICB_FILE}, line 3, column "ICB24CDH": found "${code}"; expected an ODS ICB code of 3 to 5 capital letters or digits`,
      );
    }
    const hexes = fixtureText(HEX_FILE).replace('"QBB"', '"QCC"');
    expect(() =>
      buildGeography(
        fixtureText(ICB_FILE).replace("QBB", "QCC").replace("QAA", "QDD"),
        ICB_FILE,
        hexes.replace('"QAA"', '"constructor"'),
        HEX_FILE,
      ),
    ).toThrow(/found "QDD"; expected a hex for ICB QDD/);
  });

  it("rejects a hex position far off the map (q = 1e6)", () => {
    const hexes = fixtureText(HEX_FILE).replace('"q":1,', '"q":1e6,');
    expect(() => buildGeography(fixtureText(ICB_FILE), ICB_FILE, hexes, HEX_FILE)).toThrow(
      /nhs-icb-2022\.hexjson, column "hexes\.QAA": expected q and r \(whole numbers from -50 to 50\)/,
    );
  });

  it("rejects a names file without the code column", () => {
    expect(() => buildGeography("CODE,NAME\nQAA,x\n", ICB_FILE, fixtureText(HEX_FILE), HEX_FILE)).toThrow(
      /line 1.*expected columns ICB24CD, ICB24CDH, ICB24NM/,
    );
  });
});

describe("GMPP importer", () => {
  it("reads the 2022 layout: Windows-1252, £ with commas, ISO dates, a repeated rating column", () => {
    const row = extractGmppRow(
      fixtureBytes("gmpp-ipa-compiled-rauschgold/uk_2022.csv"),
      "uk_2022.csv",
      "Frontline Digitisation",
      "gmpp-2022",
    );
    expect(row).toEqual({
      report_year: "2022",
      data_as_of: "2022-03-31",
      project_id: "DHSC_0071_2122-Q1",
      project_name: "Frontline Digitisation",
      delivery_confidence: "Amber",
      start_date: "2021-04-01",
      end_date: "2025-03-31",
      fy_baseline_gbp_m: "320",
      fy_forecast_gbp_m: "320",
      whole_life_cost_gbp_m: "2610",
      source_id: "gmpp-2022",
    });
  });

  it("reads the 2023 layout: plain numbers, dotted day-first dates, the rating in the second column", () => {
    const row = extractGmppRow(
      fixtureBytes("gmpp-ipa-compiled-rauschgold/uk_2023.csv"),
      "uk_2023.csv",
      "Frontline Digitisation",
      "gmpp-2023",
    );
    expect(row).toMatchObject({
      delivery_confidence: "Red",
      start_date: "2021-04-01",
      end_date: "2025-03-31",
      whole_life_cost_gbp_m: "1982",
      fy_baseline_gbp_m: "474.9",
    });
  });

  it("parses money written either way, and refuses anything else", () => {
    expect(parseMoney("£2,610")).toBe("2610");
    expect(parseMoney("474.9")).toBe("474.9");
    expect(parseMoney("n/a")).toBeNull();
    expect(parseMoney("-5")).toBeNull();
    // More digits than a double holds would come out as "Infinity".
    expect(parseMoney("9".repeat(400))).toBeNull();
    expect(parseMoney("£1234567890123456")).toBeNull();
    expect(parseMoney("123456789012345")).toBe("123456789012345");
  });

  it("names the file, line and column of an amount too long to be a number", () => {
    const text = fixtureText("gmpp-ipa-compiled-rauschgold/uk_2023.csv").replace(";1982;", `;${"9".repeat(400)};`);
    expect(() =>
      extractGmppRow(new TextEncoder().encode(text), "uk_2023.csv", "Frontline Digitisation", "gmpp-2023"),
    ).toThrow(
      /uk_2023\.csv, line 2, column "wlc_baseline_incl_NCG": found "9{59}…" \(400 characters\); expected an amount/,
    );
  });

  it("rejects a file without the project, and a comma-separated file", () => {
    const bytes = fixtureBytes("gmpp-ipa-compiled-rauschgold/uk_2022.csv");
    expect(() => extractGmppRow(bytes, "uk_2022.csv", "No Such Project", "x")).toThrow(
      /column "project_name": found "No Such Project"; expected exactly one row for this project \(found 0\)/,
    );
    const commas = new TextEncoder().encode("year,project_number,project_name\n2022,X,Y\n");
    expect(() => extractGmppRow(commas, "uk.csv", "Y", "x")).toThrow(
      /uk\.csv, line 1.*expected columns separated by ";"/,
    );
  });
});
