/** Every chart's finding sentence, on data where the answer is known: leaders, ties and zeros. */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readDataDir } from "../../../scripts/build-data.ts";
import { buildSiteData, type CoverageCount } from "../data/model.ts";
import { buildCharts, joinNames, regionFinding, supplierFinding, typeFinding } from "./catalogue.ts";

const FIXTURE = fileURLToPath(new URL("../../../test/fixtures/data", import.meta.url));
const count = (label: string, total: number, without: number): CoverageCount => ({
  key: label,
  label,
  total,
  with_epr: total - without,
  without_epr: without,
});
const DAY = "2026-11-25";

describe("finding sentences", () => {
  it("names the region with the most trusts without an EPR, wherever it is in the list", () => {
    const regions = [
      count("London", 34, 0),
      count("South West", 20, 3),
      count("Midlands", 39, 7),
      count("North West", 30, 2),
    ];
    expect(regionFinding(regions, DAY)).toBe(
      "Midlands had the most trusts with no EPR reported on 25 November 2026: 7 of its 39",
    );
    expect(regionFinding([...regions].reverse(), DAY)).toBe(
      "Midlands had the most trusts with no EPR reported on 25 November 2026: 7 of its 39",
    );
    // A changed leader changes the sentence.
    expect(regionFinding([count("London", 34, 9), ...regions.slice(1)], DAY)).toMatch(
      /^London had the most .*: 9 of its 34$/,
    );
  });

  it("names every region in a tie, and says so when no region has one", () => {
    expect(
      regionFinding([count("South West", 20, 3), count("East of England", 18, 3), count("London", 34, 1)], DAY),
    ).toBe("South West and East of England had the most trusts with no EPR reported on 25 November 2026: 3 each");
    expect(regionFinding([count("London", 34, 0), count("South West", 20, 0)], DAY)).toBe(
      "No region had a trust with no EPR reported on 25 November 2026",
    );
  });

  it("says which types of trust had none, largest first", () => {
    expect(typeFinding([count("Acute", 130, 17), count("Community", 13, 0)], DAY)).toBe(
      "All 17 trusts with no EPR reported on 25 November 2026 were acute trusts",
    );
    expect(typeFinding([count("Community", 13, 1), count("Acute", 130, 5), count("Ambulance", 10, 0)], DAY)).toBe(
      "5 acute and 1 community trusts had no EPR reported on 25 November 2026",
    );
    expect(typeFinding([count("Acute", 130, 0)], DAY)).toBe(
      "Every trust open on 25 November 2026 had an EPR reported, or its status is not known",
    );
  });

  it("names the largest supplier and the next, with ties", () => {
    const s = (supplier: string, trusts: number) => ({
      supplier,
      trusts,
      by_type: { acute: trusts, mental_health: 0, mental_health_community: 0, community: 0, ambulance: 0 },
    });
    expect(
      supplierFinding([s("TPP", 27), s("Oracle Cerner Corporation", 30), s("The Access Group", 23)], 80, DAY),
    ).toBe(
      "Oracle Cerner supplied the most trusts on 25 November 2026: 30 of the 80 with an EPR; TPP came next with 27",
    );
    expect(
      supplierFinding([s("TPP", 27), s("Epic Systems Corporation", 27), s("Dedalus Healthcare Ltd", 9)], 63, DAY),
    ).toBe("TPP and Epic Systems supplied the most trusts on 25 November 2026: 27 each, of the 63 with an EPR");
    expect(
      supplierFinding([s("TPP", 30), s("Epic Systems Corporation", 9), s("Dedalus Healthcare Ltd", 9)], 48, DAY),
    ).toBe(
      "TPP supplied the most trusts on 25 November 2026: 30 of the 48 with an EPR; Epic Systems and Dedalus Healthcare came next with 9 each",
    );
    expect(supplierFinding([], 0, DAY)).toBe("No trust open on 25 November 2026 had an EPR supplier on record");
  });

  it("joins names as a reader would", () => {
    expect([joinNames([]), joinNames(["A"]), joinNames(["A", "B"]), joinNames(["A", "B", "C"])]).toEqual([
      "",
      "A",
      "A and B",
      "A, B and C",
    ]);
  });
});

describe("the catalogue built from fixture data", () => {
  const site = buildSiteData(readDataDir(FIXTURE)).site;
  const charts = buildCharts(site);
  const title = (id: string) => charts.find((c) => c.id === id)!.title;

  it("builds every chart once, each with sources and an as-of date", () => {
    expect(charts.map((c) => c.id)).toEqual([
      "coverage-over-time",
      "coverage-by-region",
      "coverage-by-type",
      "icb-map",
      "deadline-slippage",
      "trusts-without-epr-timeline",
      "suppliers",
      "suppliers-by-type",
      "programme-ratings",
      "programme-whole-life-cost",
      "programme-funding",
    ]);
    for (const c of charts) {
      expect(c.sources.length, c.id).toBeGreaterThan(0);
      expect(c.asOf, c.id).toMatch(/^\d{4}(-\d{2}){0,2}$/);
    }
  });

  it("states each finding from the data: the trust that went live counts as having an EPR now", () => {
    expect(title("coverage-over-time")).toBe(
      "Official figures put coverage at 80% in about May 2025, against a promise of 100% by 31 March 2026",
    );
    expect(title("coverage-by-region")).toBe("No region had a trust with no EPR reported on 25 November 2026");
    expect(title("coverage-by-type")).toBe(
      "Every trust open on 25 November 2026 had an EPR reported, or its status is not known",
    );
    expect(title("icb-map")).toBe(
      "On NHS England's list of 1 October 2024, 1 of the 2 integrated care boards then in force had at least one trust without an EPR",
    );
    expect(title("suppliers")).toBe(
      "Epic Systems supplied the most trusts on 25 November 2026: 2 of the 3 with an EPR; TPP came next with 1",
    );
    expect(title("trusts-without-epr-timeline")).toBe(
      "1 of the 1 went live before 31 March 2026, according to published reports",
    );
    expect(charts.find((c) => c.id === "coverage-over-time")!.asOfEstimated).toBe(true);
  });

  it("dates the whole-life cost chart by its latest figure, not the release", () => {
    const wlc = charts.find((c) => c.id === "programme-whole-life-cost")!;
    expect(wlc.asOf).toBe("2023-03-31");
    expect(wlc.asOfEstimated).toBe(false);
    // A later figure from a copy whose as-at month was assumed: "about" that month.
    const assumed = {
      ...site.programme[0]!,
      id: "P009",
      measure: "whole_life_cost" as const,
      period: "2025/26",
      value: 2080.52,
      as_of: "2026-03",
      date_basis: "estimated" as const,
      dates_estimated: true,
    };
    const later = buildCharts({ ...site, programme: [...site.programme, assumed] }).find(
      (c) => c.id === "programme-whole-life-cost",
    )!;
    expect(later.asOf).toBe("2026-03");
    expect(later.asOfEstimated).toBe(true);
  });
});
