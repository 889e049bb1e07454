/** answers.json's checks and bytes, the /answers/ page model and its words, the answers' diff and feed. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { newestFirst, parseAnswers, serializeAnswers } from "../../src/lib/parliament/answers.ts";
import { diffAnswers, summariseAnswersDiff } from "../../src/lib/parliament/diff.ts";
import { answersPageModel } from "../../src/lib/parliament/page.ts";
import { parseQuery, serializeQuery } from "../../src/lib/parliament/query.ts";
import { answeredLine } from "../../src/lib/parliament/words.ts";
import { answersFeed } from "../../src/lib/publish/feed.ts";
import { answer } from "./fixture.ts";

const QUERY = { answering_body_id: 17, terms: ["electronic patient record", "EPR"], answered_since: "2026-01-01" };

describe("answers.json", () => {
  it("round-trips in a fixed order and byte for byte", () => {
    const text = serializeAnswers([answer(30), answer(10), answer(20)]);
    expect(parseAnswers(text, "answers.json").map((a) => a.id)).toEqual([10, 20, 30]);
    expect(serializeAnswers(parseAnswers(text, "answers.json"))).toBe(text);
  });

  it("names the record and field of every problem", () => {
    const bad = [
      answer(10, { date_answered: "12/01/2026" }),
      { ...answer(20), extra: 1 },
      answer(30, { answer_text: "Not the plain text" }),
    ];
    expect(() => parseAnswers(JSON.stringify(bad), "data/parliament/answers.json")).toThrow(
      /data\/parliament\/answers\.json, column "\[0\] id 10\.date_answered": found "12\/01\/2026"; expected a date as YYYY-MM-DD[\s\S]*"\[1\] id 20\.extra"[\s\S]*"\[2\] id 30\.answer_text": found "Not the plain text"; expected the plain text of answer_html/,
    );
    expect(() => parseAnswers(JSON.stringify([answer(20), answer(10)]), "a.json")).toThrow(/ids unique and ascending/);
    expect(() => parseAnswers(JSON.stringify([answer(10, { url: "https://example.org/" })]), "a.json")).toThrow(
      /column "\[0\] id 10\.url".*expected https:\/\/questions-statements\.parliament\.uk\/written-questions\/detail\/2026-01-05\/10/,
    );
  });

  it("the repository's answers.json and query.json pass their checks", () => {
    const root = fileURLToPath(new URL("../..", import.meta.url));
    const answers = parseAnswers(readFileSync(`${root}/data/parliament/answers.json`, "utf8"), "answers.json");
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.every((a) => a.answering_body_id === 17)).toBe(true);
    const queryText = readFileSync(`${root}/data/parliament/query.json`, "utf8");
    expect(serializeQuery(parseQuery(queryText, "query.json"))).toBe(queryText);
  });

  it("query.json: terms, department and start date checked", () => {
    expect(() =>
      parseQuery(
        JSON.stringify({ answering_body_id: 0, terms: ["EPR", "epr"], answered_since: "2026-13-01", more: 1 }),
        "query.json",
      ),
    ).toThrow(
      /column "answering_body_id"[\s\S]*column "terms".*each term once[\s\S]*column "answered_since"[\s\S]*column "more"/,
    );
  });
});

describe("the answers page", () => {
  it("lists dated answers newest first, then undated ones by the month tabled, saying so", () => {
    const list = [
      answer(1, { date_answered: "2025-03-01", date_tabled: "2025-02-20" }),
      answer(2, { uin: null, date_tabled: "2025-10", date_answered: null }),
      answer(3, { date_answered: "2025-11-02", date_tabled: "2025-10-28" }),
      answer(4, { uin: null, date_tabled: "2024-01", date_answered: null }),
    ];
    // The undated answer tabled in October 2025 may be later than answer 1, so it is never ranked among the dated.
    expect(newestFirst(list).map((a) => a.id)).toEqual([3, 1, 2, 4]);
    const model = answersPageModel(list, QUERY);
    expect(model.answers.map((a) => a.date_estimated)).toEqual([false, false, true, true]);
    expect(answeredLine(model.answers[2]!)).toBe(
      "Answer date not in our copy; tabled in October 2025 (the month of the archive file it came from)",
    );
    expect(model.undated_latest_tabled).toBe("2025-10");
  });

  it("puts forward the last answer with a figure about EPRs, leaving out holding answers", () => {
    const list = [
      answer(1, {
        date_answered: "2025-03-03",
        date_tabled: "2025-02-20",
        answer_html: "<p>93% of trusts have an EPR. More soon.</p>",
      }),
      answer(2, {
        date_answered: "2025-06-10",
        date_tabled: "2025-06-01",
        answer_html: "<p>We are working with trusts on their electronic patient record.</p>",
      }),
      answer(3, {
        date_answered: "2025-07-01",
        date_tabled: "2025-06-20",
        answer_html: "<p>I will reply as soon as possible.</p>",
        is_holding: true,
      }),
    ];
    const model = answersPageModel(list, QUERY);
    expect(model.latest_id).toBe(2);
    expect(model.last_figure).toEqual({ id: 1, sentences: ["93% of trusts have an EPR."], later_without: 1 });
    expect(answersPageModel(list, QUERY).checked_to).toBe("2026-01-01");
    expect(answersPageModel([answer(1, { origin: "archive" })], QUERY).checked_to).toBeNull();
  });

  it("feeds every answer as escaped HTML, linking Parliament's page", () => {
    const model = answersPageModel(
      [answer(7, { heading: "A & <b>", answer_html: "<p>Text <script>x</script>&amp; more</p>" })],
      QUERY,
    );
    const feed = answersFeed(model.answers, "https://example.org");
    expect(feed).toContain("<title>A &amp; &lt;b&gt;</title>");
    expect(feed).toContain(
      '<link rel="alternate" type="text/html" href="https://questions-statements.parliament.uk/written-questions/detail/2026-01-05/7"/>',
    );
    expect(feed).not.toMatch(/<script|<b>/);
    expect(feed).toContain("<updated>2026-01-12T00:00:00Z</updated>");
    expect(feed).toContain("Answered on 12 January 2026.");
  });
});

describe("answers diff", () => {
  it("lists new, corrected, completed and withdrawn answers with their figure sentences, and counts fill-ins", () => {
    const before = [
      answer(1),
      answer(2, { answer_html: "<p>40% of trusts have an EPR.</p>" }),
      answer(3, {
        answer_html: "<p>We are on course to ensure that 93% of trusts du...</p>",
        answer_truncated: true,
        origin: "archive",
        note: "cut",
      }),
      answer(4, {
        uin: null,
        date_tabled: "2025-10",
        date_answered: null,
        asking_member: null,
        answering_member: null,
        origin: "archive",
        note: "lacks",
      }),
      answer(5),
    ];
    const after = [
      answer(1),
      answer(2, {
        answer_html: "<p>41% of trusts have an EPR.</p>",
        is_correction: true,
        date_corrected: "2026-02-01",
      }),
      answer(3, {
        answer_html: "<p>We are on course to ensure that 93% of trusts during 2024 have one. 20 trusts have none.</p>",
      }),
      answer(4, { date_tabled: "2025-10-20", date_answered: "2025-10-27" }),
      answer(5, { is_withdrawn: true }),
      answer(6, { answer_html: "<p>£9.7 million has been provided to date.</p>" }),
    ];
    const lines = summariseAnswersDiff(diffAnswers(before, after), { figures: true });
    expect(lines).toEqual([
      "Corrected answer: Commons UIN 2, corrected 2026-02-01, asked by A Member, answered by A Minister: Medical Records (https://questions-statements.parliament.uk/written-questions/detail/2026-01-05/2).",
      "    figure: “41% of trusts have an EPR.”",
      "Full text of an answer held only in part: Commons UIN 3, answered 2026-01-12, asked by A Member, answered by A Minister: Medical Records (https://questions-statements.parliament.uk/written-questions/detail/2026-01-05/3).",
      "    figure: “We are on course to ensure that 93% of trusts during 2024 have one.”",
      "    figure: “20 trusts have none.”",
      "Question withdrawn: Commons UIN 5, answered 2026-01-12, asked by A Member, answered by A Minister: Medical Records (https://questions-statements.parliament.uk/written-questions/detail/2026-01-05/5).",
      "New answer: Commons UIN 6, answered 2026-01-12, asked by A Member, answered by A Minister: Medical Records (https://questions-statements.parliament.uk/written-questions/detail/2026-01-05/6).",
      "    figure: “£9.7 million has been provided to date.”",
      "Details filled in from Parliament for 1 answer seeded from the archive (dates, UINs, members).",
    ]);
    expect(summariseAnswersDiff(diffAnswers(before, after), { figures: false })).toHaveLength(5);
    expect(diffAnswers(after, after)).toEqual({ changes: [], filled_in: [] });
  });

  it("reports a holding answer replaced by a full one, a changed text and a removal", () => {
    const holding = answer(1, { is_holding: true, answer_html: "<p>I will reply as soon as possible.</p>" });
    const d = diffAnswers(
      [holding, answer(2), answer(3)],
      [answer(1, { date_answered: "2026-01-20" }), answer(2, { answer_html: "<p>Different words, about an EPR.</p>" })],
    );
    expect(d.changes.map((c) => [c.kind, c.answer.id])).toEqual([
      ["answered_in_full", 1],
      ["text_changed", 2],
      ["removed", 3],
    ]);
  });
});
