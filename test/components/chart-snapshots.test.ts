/**
 * Every chart component rendered to SVG from small fixed inputs and compared with a saved file, as
 * Observable Plot does: a change in the drawing shows up as a reviewable diff (update with vitest -u).
 */
import { experimental_AstroContainer as AstroContainer } from "astro/container";
import { describe, expect, it } from "vitest";
import CoverageOverTime from "../../src/components/charts/CoverageOverTime.astro";
import StackedBars from "../../src/components/charts/StackedBars.astro";
import DeadlineSlippage from "../../src/components/charts/DeadlineSlippage.astro";
import TrustTimeline from "../../src/components/charts/TrustTimeline.astro";
import SupplierBars from "../../src/components/charts/SupplierBars.astro";
import IcbHexmap from "../../src/components/charts/IcbHexmap.astro";
import GmppRatings from "../../src/components/charts/GmppRatings.astro";
import MoneyBars from "../../src/components/charts/MoneyBars.astro";
import { responsive } from "../../src/lib/charts/shared.ts";
import { coverageOverTimeModel } from "../../src/lib/charts/coverage-over-time/model.ts";
import { stackedBarsModel } from "../../src/lib/charts/stacked-bars/model.ts";
import { deadlineSlippageModel } from "../../src/lib/charts/deadline-slippage/model.ts";
import { trustTimelineModel } from "../../src/lib/charts/trust-timeline/model.ts";
import { supplierBarsModel } from "../../src/lib/charts/supplier-bars/model.ts";
import { icbHexmapModel } from "../../src/lib/charts/icb-hexmap/model.ts";
import { gmppRatingsModel } from "../../src/lib/charts/gmpp-ratings/model.ts";
import { moneyBarsModel, wholeLifeCostItems } from "../../src/lib/charts/money-bars/model.ts";
import { gmpp, programme, statement, target } from "../../src/lib/charts/test-fixtures/rows.ts";
import type { IcbRow } from "../../src/lib/data/tables.ts";
import type { Followup } from "../../src/lib/data/followup.ts";

const statements = [
  statement({ id: "S1", value: 86, as_of: "2022-06" }),
  statement({ id: "S2", value: 90, as_of: "2023-11" }),
  statement({ id: "S3", value: 94, as_of: "2025-03", official: false }),
];
const targets = [
  target({ id: "T1", announced_on: "2022-06-29", target_date: "2025-03-31" }),
  target({ id: "T2", announced_on: "2023-07", target_date: "2026-03-31" }),
];
const counts = [
  { key: "Y56", label: "London", total: 10, with_epr: 10, without_epr: 0 },
  { key: "Y60", label: "Midlands", total: 12, with_epr: 9, without_epr: 3 },
];
const followups: Followup[] = [
  {
    code: "RAA",
    name: "Alpha NHS Trust",
    category: "live_before_deadline",
    go_live: "2025-06",
    live_from: "2025-06-30",
    supplier: null,
    events: [
      {
        id: "E1",
        ods_code: "RAA",
        event_date: "2025-06",
        event: "go_live",
        supplier: null,
        summary: "Went live.",
        date_inferred: false,
        source_title: "t",
        publisher: "p",
        url: "https://example.org/",
        confidence: "M",
      },
    ],
  },
  {
    code: "RBB",
    name: "Beta NHS Trust",
    category: "no_update",
    go_live: null,
    live_from: null,
    supplier: null,
    events: [],
  },
];

const render = async (component: Parameters<AstroContainer["renderToString"]>[0], props: Record<string, unknown>) =>
  (await (await AstroContainer.create()).renderToString(component, { props })).replace(/></g, ">\n<");

const suppliers = [
  {
    supplier: "Oracle Cerner Corporation",
    trusts: 3,
    by_type: { acute: 3, mental_health: 0, mental_health_community: 0, community: 0, ambulance: 0 },
  },
  {
    supplier: "TPP",
    trusts: 2,
    by_type: { acute: 0, mental_health: 1, mental_health_community: 0, community: 1, ambulance: 0 },
  },
];
const icbs: IcbRow[] = [
  {
    code: "QAA",
    gss_code: "E54000001",
    name: "NHS North Integrated Care Board",
    short_name: "North",
    region_code: "Y63",
    hex_q: 1,
    hex_r: 1,
  },
  {
    code: "QBB",
    gss_code: "E54000002",
    name: "NHS South Integrated Care Board",
    short_name: "South",
    region_code: "Y58",
    hex_q: 0,
    hex_r: 0,
  },
];
const icbCounts = [
  { key: "QAA", label: "North", total: 3, with_epr: 1, without_epr: 2 },
  { key: "QBB", label: "South", total: 2, with_epr: 2, without_epr: 0 },
];
const gmppRows = [
  gmpp({ report_year: "2022", delivery_confidence: "Amber", whole_life_cost_gbp_m: 2610 }),
  gmpp({ report_year: "2023", delivery_confidence: "Red", whole_life_cost_gbp_m: 1982 }),
];
const programmeRows = [
  programme({
    id: "P1",
    measure: "delivery_confidence",
    unit: "rating",
    rating: "Amber",
    period: "2025/26",
    as_of: "2026-03",
  }),
  programme({ id: "P2", measure: "whole_life_cost", value: 2080.52, period: "2025/26", as_of: "2026-03" }),
];

describe("chart drawings", () => {
  it("coverage over time", async () => {
    const models = responsive((width) => coverageOverTimeModel(statements, targets, { width, today: "2026-11-25" }));
    await expect(await render(CoverageOverTime, { id: "c", models })).toMatchFileSnapshot(
      "__snapshots__/coverage-over-time.svg.html",
    );
  });

  it("stacked bars", async () => {
    const models = responsive((width) => stackedBarsModel(counts, { width, categoryName: "Region" }));
    await expect(await render(StackedBars, { id: "b", models })).toMatchFileSnapshot(
      "__snapshots__/stacked-bars.svg.html",
    );
  });

  it("deadline slippage", async () => {
    const models = responsive((width) => deadlineSlippageModel(targets, { width, today: "2026-11-25" }));
    await expect(await render(DeadlineSlippage, { id: "d", models })).toMatchFileSnapshot(
      "__snapshots__/deadline-slippage.svg.html",
    );
  });

  it("trust timeline", async () => {
    const models = responsive((width) =>
      trustTimelineModel(followups, {
        width,
        start: "2021-01-01",
        end: "2026-11-25",
        deadlines: [{ date: "2026-03-31", label: "Deadline" }],
      }),
    );
    await expect(await render(TrustTimeline, { id: "t", models })).toMatchFileSnapshot(
      "__snapshots__/trust-timeline.svg.html",
    );
  });

  it("supplier bars", async () => {
    const models = responsive((width) => supplierBarsModel(suppliers, { width, byType: true }));
    await expect(await render(SupplierBars, { id: "s", models })).toMatchFileSnapshot(
      "__snapshots__/supplier-bars.svg.html",
    );
  });

  it("ICB hex map", async () => {
    const models = responsive((width) => icbHexmapModel(icbs, icbCounts, { width }));
    await expect(await render(IcbHexmap, { id: "h", models })).toMatchFileSnapshot("__snapshots__/icb-hexmap.svg.html");
  });

  it("delivery confidence ratings", async () => {
    const models = responsive((width) => gmppRatingsModel(gmppRows, programmeRows, { width }));
    await expect(await render(GmppRatings, { id: "r", models })).toMatchFileSnapshot(
      "__snapshots__/gmpp-ratings.svg.html",
    );
  });

  it("money bars", async () => {
    const models = responsive((width) =>
      moneyBarsModel(wholeLifeCostItems(gmppRows, programmeRows), { width, measure: "Whole-life cost" }),
    );
    await expect(await render(MoneyBars, { id: "m", models })).toMatchFileSnapshot("__snapshots__/money-bars.svg.html");
  });
});
