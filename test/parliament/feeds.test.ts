/** Both Atom feeds are well-formed XML whatever the text, and /answers.xml reads well in a feed reader. */
import { describe, expect, it } from "vitest";
import { answersFeed, atomFeed, xmlText } from "../../src/lib/publish/feed.ts";
import { answersPageModel } from "../../src/lib/parliament/page.ts";
import type { StoredAnswer } from "../../src/lib/parliament/answers.ts";
import { readAtom } from "./atom.ts";
import { answer } from "./fixture.ts";

const QUERY = { answering_body_id: 17, terms: ["electronic patient record", "EPR"], answered_since: "2026-01-01" };
const BASE = "https://owner.example.github.io/nhs-epr-tracker";
/** Every character class XML 1.0 refuses or must escape, and a few it carries as they are. */
const HOSTILE =
  "a\u0000b\u0001c\u0008\u000b\u000c\u001f\u007f\u0085 & < > \" ' ]]> \ud800 \udfff \ufffe \uffff \u202e \u{1f3e5} \u{10ffff}";

/** Stored answers as the page and feed get them, bypassing the data step's checks on purpose. */
const feedOf = (answers: StoredAnswer[]) => answersFeed(answersPageModel(answers, QUERY).answers, BASE);

describe("the feeds are well-formed XML whatever the text", () => {
  it("xmlText leaves no character XML 1.0 forbids", () => {
    expect(readAtom(`<a>${xmlText(HOSTILE)}</a>`).errors).toEqual([]);
    expect(xmlText("A & B <c> ✓ 🏥")).toBe("A &amp; B &lt;c&gt; ✓ 🏥");
  });

  it("/answers.xml parses with hostile text in every field a feed shows", () => {
    const hostile = answer(7, {
      heading: `Heading ${HOSTILE}`,
      question_text: `To ask ${HOSTILE}`,
      asking_member: `Member ${HOSTILE}`,
      answer_html: `<p>Answer ${HOSTILE} about the EPR</p>`,
    });
    const { errors, entries } = readAtom(feedOf([hostile]));
    expect(errors).toEqual([]);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.title).toContain("Heading a\ufffdb\ufffdc");
  });

  it("/changes.xml parses with hostile text in titles and changes", () => {
    const feed = atomFeed([{ date: "2026-11-25", title: `Release ${HOSTILE}`, changes: [HOSTILE, "<b>x</b>"] }], BASE);
    const { errors, entries } = readAtom(feed);
    expect(errors).toEqual([]);
    expect(entries[0]!.content).toContain("&lt;b&gt;x&lt;/b&gt;");
  });

  it("a feed built without escaping would fail this parser (the check can fail)", () => {
    expect(readAtom(`<feed><title>a\u0001b</title></feed>`).errors).not.toEqual([]);
    expect(readAtom(`<feed><title>A & B</title></feed>`).errors).not.toEqual([]);
  });
});

describe("/answers.xml in a feed reader", () => {
  const archived = answer(1914407, {
    uin: null,
    heading: null,
    date_tabled: "2026-06",
    date_answered: null,
    origin: "archive",
    note: "Seeded from the archive.",
    question_text:
      "To ask the Secretary of State for Health and Social Care, with reference to his Department’s press release, what assessment he has made of the compatibility of existing NHS IT systems with the proposed single patient record.",
  });
  const dated = answer(1724029, {
    uin: "2075",
    heading: "NHS: Cybersecurity",
    date_tabled: "2024-07-29",
    date_answered: "2024-09-02",
  });
  const { errors, links, entries } = readAtom(feedOf([archived, dated]));

  it("titles each entry by what was asked, never by a bare id", () => {
    expect(errors).toEqual([]);
    expect(entries.map((e) => e.title)).toEqual([
      "NHS: Cybersecurity",
      "What assessment he has made of the compatibility of existing NHS IT systems with the proposed single…",
    ]);
    for (const e of entries) expect(e.title).not.toMatch(/Parliament id|^Written question/);
  });

  it("links the page a person reads: Parliament's where known, else our own entry, never JSON", () => {
    expect(entries[0]!.links).toEqual([
      { rel: "alternate", href: "https://questions-statements.parliament.uk/written-questions/detail/2024-07-29/2075" },
      { rel: "related", href: `${BASE}/answers/#answer-1724029` },
    ]);
    expect(entries[1]!.links).toEqual([{ rel: "alternate", href: `${BASE}/answers/#answer-1914407` }]);
    for (const l of entries.flatMap((e) => e.links)) expect(l.href).not.toMatch(/\/api\/|\.json\b/);
  });

  it("keeps the base path on every link of its own", () => {
    const own = [...links, ...entries.flatMap((e) => e.links)].filter((l) => !l.href.includes("parliament.uk"));
    expect(own.length).toBe(4);
    for (const l of own) expect(l.href.startsWith(`${BASE}/`)).toBe(true);
  });

  it("dates each entry by its answer, or says in its text that the date is an estimate", () => {
    expect(entries[0]!.updated).toBe("2024-09-02T00:00:00Z");
    expect(entries[0]!.content).toContain("<p>Answered on 2 September 2024.</p>");
    expect(entries[1]!.updated).toBe("2026-06-30T00:00:00Z");
    expect(entries[1]!.content).toContain(
      "<p>Date estimated: the answer date is not in our copy. The question was tabled in June 2026; this entry is dated 30 June 2026, the last day of that month, an estimate.</p>",
    );
  });
});
