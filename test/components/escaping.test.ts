/** Text from data is escaped wherever a component prints it: a hostile source or title stays text. */
import { experimental_AstroContainer as AstroContainer } from "astro/container";
import { describe, expect, it } from "vitest";
import SourceCite from "../../src/components/SourceCite.astro";
import Figure from "../../src/components/charts/Figure.astro";
import type { Source } from "../../src/lib/data/sources.ts";

const hostile = '<script>alert("x")</script>';
const source: Source = {
  id: "evil",
  title: `Title ${hostile}`,
  publisher: `Pub "quoted" & <b>`,
  url: 'https://example.org/?a=1&b="2"',
  via: null,
  date: "2025-05",
  date_estimated: false,
  date_note: null,
  type: "news",
  uin: null,
  licence: "not-stated",
  covers: "c",
  confidence: "L",
};

describe("escaping in components", () => {
  it("prints a hostile source title, publisher and URL as text", async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(SourceCite, { props: { source } });
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain('href="https://example.org/?a=1&amp;b=&quot;2&quot;"');
  });

  it("prints a hostile chart title, table cell and note as text", async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(Figure, {
      props: {
        id: "x",
        title: hostile,
        sources: [source],
        asOf: "2025-05",
        table: { columns: [hostile], rows: [[hostile, 1]] },
        notes: hostile,
      },
    });
    expect(html).not.toMatch(/<script>alert/);
    expect((html.match(/&lt;script&gt;/g) ?? []).length).toBeGreaterThanOrEqual(4);
  });
});
