import { describe, expect, it } from "vitest";
import { fundingWords, programmeLabel, programmeOpening } from "./programme.ts";
import { programme } from "../charts/test-fixtures/rows.ts";

// £2bn for trusts "through to 2025/26": a minister's words of a plan ("is providing"), answer date inferred.
const twoBillion = programme({
  id: "P017",
  measure: "funding_to_trusts_total",
  value: 2000,
  modality: "planned",
  stated_by: "minister",
  as_of: "2026-03-31",
  stated_on: "2025",
  date_basis: "inferred",
});

describe("the programme's money in words", () => {
  it("calls a planned total planned, and only a paid one paid", () => {
    expect(programmeLabel(twoBillion)).toBe("Total planned for trusts");
    expect(programmeLabel({ ...twoBillion, modality: "paid" })).toBe("Total paid to trusts");
    expect(programmeLabel({ measure: "funding_to_trusts_capital", modality: "paid" })).toBe("Capital paid to trusts");
    expect(programmeLabel({ measure: "whole_life_cost", modality: "planned" })).toBe("Whole-life cost");
  });

  it("says whose framing a chart label keeps: a minister's written answer is not NHS England's", () => {
    // £440m for 2022/23, in a minister's written answer (UIN 190388).
    const p022 = {
      measure: "funding_to_trusts_total" as const,
      modality: "paid" as const,
      stated_by: "minister" as const,
    };
    expect(fundingWords(p022)).toBe("paid to trusts, as a minister put it");
    expect(fundingWords({ ...p022, stated_by: "nhs_england" })).toBe("paid to trusts, as NHS England put it");
  });

  it("speaks of the programme in the past once the period of its money has ended, and of the £2bn as a plan", () => {
    const [first, second] = programmeOpening(twoBillion, "2026-11-25");
    expect(first).toBe(
      "NHS England's Frontline Digitisation programme paid trusts to buy and improve electronic patient records, with money for trusts planned up to March 2026.",
    );
    expect(first).not.toContain("pays");
    expect(second).toBe("A minister said in about 2025 that £2bn would go to trusts up to March 2026.");
    expect(second).not.toMatch(/paid|NHS England/);
    expect(programmeOpening(twoBillion, "2025-06-01")[0]).toContain("programme pays trusts");
  });
});
