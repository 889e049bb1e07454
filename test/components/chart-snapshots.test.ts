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
import { responsive } from "../../src/lib/charts/shared.ts";
import { coverageOverTimeModel } from "../../src/lib/charts/coverage-over-time/model.ts";
import { stackedBarsModel } from "../../src/lib/charts/stacked-bars/model.ts";
import { deadlineSlippageModel } from "../../src/lib/charts/deadline-slippage/model.ts";
import { trustTimelineModel } from "../../src/lib/charts/trust-timeline/model.ts";
import { statement, target } from "../../src/lib/charts/test-fixtures/rows.ts";
import type { Followup } from "../../src/lib/data/followup.ts";

const statements = [statement({ id: "S1", value: 86, as_of: "2022-06" }), statement({ id: "S2", value: 90, as_of: "2023-11" }), statement({ id: "S3", value: 94, as_of: "2025-03", official: false })];
const targets = [target({ id: "T1", announced_on: "2022-06-29", target_date: "2025-03-31" }), target({ id: "T2", announced_on: "2023-07", target_date: "2026-03-31" })];
const counts = [
  { key: "Y56", label: "London", total: 10, with_epr: 10, without_epr: 0 },
  { key: "Y60", label: "Midlands", total: 12, with_epr: 9, without_epr: 3 },
];
const followups: Followup[] = [
  {
    code: "RAA", name: "Alpha NHS Trust", category: "live_before_deadline", go_live: "2025-06", supplier: null,
    events: [{ id: "E1", ods_code: "RAA", event_date: "2025-06", event: "go_live", supplier: null, summary: "Went live.", date_inferred: false, source_title: "t", publisher: "p", url: "https://example.org/", confidence: "M" }],
  },
  { code: "RBB", name: "Beta NHS Trust", category: "no_update", go_live: null, supplier: null, events: [] },
];

const render = async (component: Parameters<AstroContainer["renderToString"]>[0], props: Record<string, unknown>) =>
  (await (await AstroContainer.create()).renderToString(component, { props })).replace(/></g, ">\n<");

describe("chart drawings", () => {
  it("coverage over time", async () => {
    const models = responsive((width) => coverageOverTimeModel(statements, targets, { width, today: "2026-11-25" }));
    await expect(await render(CoverageOverTime, { id: "c", models })).toMatchFileSnapshot("__snapshots__/coverage-over-time.svg.html");
  });

  it("stacked bars", async () => {
    const models = responsive((width) => stackedBarsModel(counts, { width, categoryName: "Region" }));
    await expect(await render(StackedBars, { id: "b", models })).toMatchFileSnapshot("__snapshots__/stacked-bars.svg.html");
  });

  it("deadline slippage", async () => {
    const models = responsive((width) => deadlineSlippageModel(targets, { width, today: "2026-11-25" }));
    await expect(await render(DeadlineSlippage, { id: "d", models })).toMatchFileSnapshot("__snapshots__/deadline-slippage.svg.html");
  });

  it("trust timeline", async () => {
    const models = responsive((width) => trustTimelineModel(followups, { width, start: "2021-01-01", end: "2026-11-25", deadlines: [{ date: "2026-03-31", label: "Deadline" }] }));
    await expect(await render(TrustTimeline, { id: "t", models })).toMatchFileSnapshot("__snapshots__/trust-timeline.svg.html");
  });
});
