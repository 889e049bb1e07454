import { describe, expect, it } from "vitest";
import {
  decodeEntities,
  figureSentences,
  hasFigure,
  htmlToText,
  matchedTerms,
  sentences,
  termPattern,
} from "../../src/lib/parliament/text.ts";

describe("htmlToText", () => {
  it("gives one line per paragraph, decodes entities and turns non-breaking spaces into spaces", () => {
    const html =
      "<p>We are on course to ensure that 93% of NHS trusts have an electronic patient record&nbsp;(EPR).</p><p>Funding of &pound;2.3&#160;million &amp; more&#8230;</p>";
    expect(htmlToText(html)).toBe(
      "We are on course to ensure that 93% of NHS trusts have an electronic patient record (EPR).\nFunding of £2.3 million & more…",
    );
  });

  it("puts list items and table rows on lines of their own, cells separated by a space", () => {
    const html =
      "<ul><li>One</li><li>Two</li></ul><table><tbody><tr><td><p><strong>Year</strong></p></td><td>2023</td></tr><tr><td>Trusts</td><td>20</td></tr></tbody></table>";
    expect(htmlToText(html)).toBe("One\nTwo\nYear\n2023\nTrusts 20");
  });

  it("breaks lines at <br>, drops comments, scripts and empty paragraphs, and collapses spaces", () => {
    expect(htmlToText("<p>First<br/>second  \n  line</p><!-- note --><script>x()</script><p> </p><p>&nbsp;</p>")).toBe(
      "First\nsecond line",
    );
  });

  it("is deterministic", () => {
    const html = "<p>A &lsquo;quote&rsquo; &mdash; and &#x2019;s</p>";
    expect(htmlToText(html)).toBe(htmlToText(html));
    expect(htmlToText(html)).toBe("A ‘quote’ — and ’s");
  });

  it("leaves unknown entities and impossible code points as written", () => {
    expect(decodeEntities("&unknown; &#xD800; &#0; &#65;")).toBe("&unknown; &#xD800; &#0; A");
  });
});

describe("figures", () => {
  it("counts percentages, money and counts, not dates, years, financial years or references", () => {
    expect(hasFigure("93% of NHS trusts have an EPR.")).toBe(true);
    expect(hasFigure("NHS England has provided £9.7 million to date.")).toBe(true);
    expect(hasFigure("It is being used across 50 organisations.")).toBe(true);
    expect(hasFigure("Ninety per cent of trusts.")).toBe(true);
    expect(hasFigure("I refer the Hon. Member to the answer I gave on 20 October 2025 to Question 81534.")).toBe(false);
    expect(hasFigure("In 2022/23 and by March 2026, under the 10 Year Health Plan, see page 329 and NHS 111.")).toBe(
      false,
    );
  });

  it("splits sentences and keeps those with figures, in order", () => {
    const text =
      "The Department does not hold this. In 2022/23, the programme provided £393 million to 159 trusts.\nAs of 2 September 2024 we are on course. Over 2,000 ambassadors were recruited.";
    expect(sentences(text)).toHaveLength(4);
    expect(figureSentences(text)).toEqual([
      "In 2022/23, the programme provided £393 million to 159 trusts.",
      "Over 2,000 ambassadors were recruited.",
    ]);
  });
});

describe("search terms", () => {
  it("match whole words, any case, with plurals, across spaces", () => {
    expect(termPattern("electronic patient record").test("new Electronic  Patient Records systems")).toBe(true);
    expect(termPattern("EPR").test("trusts' EPRs")).toBe(true);
    expect(termPattern("EPR").test("an (EPR) system")).toBe(true);
    expect(termPattern("EPR").test("EPRX funding")).toBe(false);
    expect(termPattern("EPR").test("XEPR")).toBe(false);
    expect(termPattern("a.b").test("axb")).toBe(false);
  });

  it("reports the configured terms a text mentions, in configured order", () => {
    expect(
      matchedTerms(
        ["electronic patient record", "EPR", "Frontline Digitisation"],
        [null, "the frontline digitisation programme", "an EPR"],
      ),
    ).toEqual(["EPR", "Frontline Digitisation"]);
    expect(matchedTerms(["EPR"], ["nothing here"])).toEqual([]);
  });
});
