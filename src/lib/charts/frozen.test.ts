/**
 * Every chart's words on the real data of one release, frozen: title, subtitle, notes and the summary
 * read to screen readers. A change in a finding or its wording shows up as a diff to review
 * (update with vitest -u), as Observable Plot does for its drawings.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readDataDir } from "../../../scripts/build-data.ts";
import { buildSiteData } from "../data/model.ts";
import { buildCharts } from "./catalogue.ts";

const FROZEN = fileURLToPath(new URL("../../../test/fixtures/frozen-2026-11-25", import.meta.url));

describe("chart findings on the frozen release of 25 November 2026", () => {
  it("states the same findings, in the same words", async () => {
    const charts = buildCharts(buildSiteData(readDataDir(FROZEN)).site);
    const words = charts.map((c) => ({
      id: c.id,
      title: c.title,
      subtitle: c.subtitle,
      notes: c.notes,
      asOf: c.asOf,
      summary: { narrow: c.models.narrow.summary, wide: c.models.wide.summary },
    }));
    await expect(JSON.stringify(words, null, 2) + "\n").toMatchFileSnapshot(
      "../../../test/components/__snapshots__/frozen-findings.json",
    );
  });
});
