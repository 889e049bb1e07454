/** answers.json gets the text rules every other input gets: each refused character named with file, record and field. */
import { describe, expect, it } from "vitest";
import { parseAnswers, serializeAnswers, type StoredAnswer } from "../../src/lib/parliament/answers.ts";
import { readServiceQuestion } from "../../src/lib/parliament/service.ts";
import { answer } from "./fixture.ts";

const FILE = "data/parliament/answers.json";
const parse = (records: unknown[]) => () => parseAnswers(JSON.stringify(records), FILE);

describe("answers.json: characters", () => {
  const cases: [string, string, RegExp][] = [
    ["a control character", "\u0007", /control characters \(U\+0007/],
    ["a bidirectional override", "\u202e", /bidirectional control characters \(U\+202E/],
    ["a zero-width space", "\u200b", /format characters \(U\+200B/],
    ["a soft hyphen", "\u00ad", /format characters \(U\+00AD/],
    ["a non-character", "\ufdd0", /non-characters \(U\+FDD0/],
    ["a plane-16 non-character", "\u{10ffff}", /non-characters \(U\+10FFFF/],
    ["a lone surrogate", "\ud800", /unpaired surrogates/],
  ];
  for (const [what, ch, message] of cases)
    for (const field of ["heading", "question_text", "asking_member", "note"] as const)
      it(`refuses ${what} in ${field}, naming the record and field`, () => {
        const bad = answer(20, { [field]: `Electronic ${ch}records` } as Partial<StoredAnswer>);
        expect(parse([answer(10), bad])).toThrow(
          new RegExp(
            `data/parliament/answers\\.json, column "\\[1\\] id 20\\.${field}".*expected text without .*${message.source}`,
          ),
        );
      });

  it("refuses a character the answer's HTML only names by entity, once its plain text holds it", () => {
    const html = "<p>Ninety-three per cent&#7; of trusts.</p>";
    expect(parse([answer(10, { answer_html: html })])).toThrow(
      /\[0\] id 10\.answer_text.*control characters \(U\+0007/,
    );
  });

  it("checks every search term in the list", () => {
    expect(parse([answer(10, { terms: ["EPR", "E\u200dPR"] })])).toThrow(/\[0\] id 10\.terms.*format characters/);
  });

  it("accepts ordinary text: accents, curly quotes, £, no-break spaces, emoji", () => {
    const ok = answer(10, { heading: "Médical “Records” £9.7m\u00a0— 🏥" });
    expect(parseAnswers(serializeAnswers([ok]), FILE)[0]!.heading).toBe(ok.heading);
  });
});

describe("answers.json: UINs", () => {
  it("refuses a full-width UIN, naming its NFKC form, and anything that is not a UIN", () => {
    expect(parse([answer(10, { uin: "９００２" })])).toThrow(
      /column "\[0\] id 10\.uin": found "９００２"; expected the UIN in plain digits \("9002", its NFKC form\)/,
    );
    expect(parse([answer(10, { uin: "12 34" })])).toThrow(/\.uin".*a UIN such as 2075 or HL7395/);
    expect(parseAnswers(serializeAnswers([answer(10, { uin: "HL7395" })]), FILE)[0]!.uin).toBe("HL7395");
  });

  it("normalises a full-width UIN from the service to plain digits, so the connector stores the comparable form", () => {
    const q = readServiceQuestion(
      {
        id: 9002,
        uin: "９００２",
        house: "Commons",
        dateTabled: "2026-01-05T00:00:00",
        dateAnswered: "2026-01-12T00:00:00",
        questionText: "To ask the Secretary of State for Health and Social Care, how many trusts have an EPR.",
        answerText: "<p>An answer.</p>",
        answeringBodyId: 17,
        answeringBodyName: "Department of Health and Social Care",
      },
      "test",
    );
    expect(q.uin).toBe("9002");
  });
});
