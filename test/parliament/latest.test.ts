/** "What did a minister say last?": the figures put forward, the latest answer's words, titles and member names. */
import { describe, expect, it } from "vitest";
import { eprFigures } from "../../src/lib/parliament/figures.ts";
import { parseMembers } from "../../src/lib/parliament/members.ts";
import { answersPageModel } from "../../src/lib/parliament/page.ts";
import { latestWord, questionWords, title } from "../../src/lib/parliament/words.ts";
import { answer } from "./fixture.ts";

const TERMS = ["electronic patient record", "EPR", "Frontline Digitisation"];
const QUERY = { answering_body_id: 17, terms: TERMS, answered_since: "2026-01-01" };

describe("the figures put forward", () => {
  it("keeps figures about EPR coverage, deadlines and the programme's money", () => {
    const text = [
      "Notably, we are on course to ensure that 93% of NHS trusts have an electronic patient record (EPR) system by the end of this year.",
      "In 2022/23, the Frontline Digitisation programme provided £393 million of capital funding to 159 trusts.",
      "Every trust is expected to have an EPR by March 2026.",
    ].join("\n");
    expect(eprFigures(text, TERMS).map((f) => f.kinds)).toEqual([
      ["coverage", "deadline"],
      ["coverage", "money"],
      ["deadline"],
    ]);
  });

  it("leaves out other numbers in answers that mention EPRs", () => {
    const text = [
      "The A&E demand forecasting tool is available to all NHS trusts and is currently being used across 50 organisations.",
      "We are not undertaking work on interoperability with existing NHS electronic patient records.",
      "It was broadly looking to align new electronic patient record (EPR) systems to HIMSS level 5, out of 7.",
      "The Accelerating Reform Fund provides £42.6 million to support unpaid carers.",
    ].join("\n");
    expect(eprFigures(text, TERMS)).toEqual([]);
  });

  it("takes the topic from the paragraph: money in a paragraph about the EPR counts, in another paragraph not", () => {
    const text = [
      "NHS England is supporting the trust to procure an Electronic Patient Record. NHS England has provided £9.7 million to date.",
      "As part of digitising adult social care, £2.3 million supported 13,000 people.",
    ].join("\n");
    expect(eprFigures(text, TERMS).map((f) => f.sentence)).toEqual(["NHS England has provided £9.7 million to date."]);
  });
});

describe("the latest answer", () => {
  const dated = answer(1, {
    date_answered: "2024-09-09",
    date_tabled: "2024-08-30",
    uin: "3489",
    asking_member: null,
    asking_member_id: 5171,
    answering_member: null,
    answering_member_id: 4444,
    answer_html: "<p>The Frontline Digitisation programme is working with all providers.</p>",
  });
  const withFigure = answer(2, {
    date_answered: "2024-09-02",
    date_tabled: "2024-07-29",
    uin: "2075",
    asking_member: null,
    asking_member_id: 4131,
    answer_html: "<p>We are on course to ensure that 93% of NHS trusts have an EPR by the end of this year.</p>",
  });
  const undatedFigure = answer(3, {
    uin: "89751",
    date_tabled: "2025-11-11",
    date_answered: null,
    heading: null,
    question_text:
      "To ask the Secretary of State for Health and Social Care, pursuant to the Answer of 23 October 2025 to Question 81534, what steps he has taken to provide funding for its EPR.",
    answer_html:
      "<p>NHS England is supporting the trust to procure an Electronic Patient Record. It has provided £9.7 million.</p>",
  });
  const members = new Map([[4131, "Jim Shannon"]]);

  it("leads with the latest dated answer: date, minister, asker, UIN and its figure or the lack of one", () => {
    const words = latestWord(answersPageModel([dated, withFigure, undatedFigure], QUERY, members))!;
    expect(words.latest).toMatchObject({
      id: 1,
      label: "The latest answer with a known date",
      when: "9 September 2024",
      date_estimated: false,
      uin: "Commons UIN 3489",
      minister: "member no. 4444 (name not in our copy), for the Department of Health and Social Care",
      asker: "member no. 5171 (name not in our copy)",
      figures: null,
      no_figure: "It gave no figure on EPR coverage, deadlines or the programme's money.",
    });
    expect(words.lastFigure!.intro).toBe(
      "The last figure on EPR coverage, deadlines or the programme's money in a dated answer was given on 2 September 2024; the one dated answer after it gives none.",
    );
    expect(words.lastFigure!.answer).toMatchObject({ asker: "Jim Shannon", uin: "Commons UIN 2075" });
    expect(words.lastFigure!.answer.figures).toEqual([
      "We are on course to ensure that 93% of NHS trusts have an EPR by the end of this year.",
    ]);
    // The undated answer is not ranked among the dated, but the reader is told it may be later, and what it gave.
    expect(words.undated).toBe(
      "1 of the 3 answers have no answer date in our copy; they are listed after the dated ones, and the latest of them was tabled on 11 November 2025, so some may be more recent than the answer above. The most recently tabled of them to give a figure on EPR coverage, deadlines or the programme's money was tabled on 11 November 2025 (Commons UIN 89751): “It has provided £9.7 million.”",
    );
  });

  it("marks the date as an estimate when no answer has a known date", () => {
    const words = latestWord(answersPageModel([undatedFigure], QUERY))!;
    expect(words.latest.label).toBe("The latest answer in our data, by date tabled");
    expect(words.latest.date_estimated).toBe(true);
    expect(words.latest.when).toBe(
      "Not in our copy; the question was tabled on 11 November 2025, so the answer came then or later (an estimate)",
    );
    expect(words.latest.figures).toEqual(["It has provided £9.7 million."]);
    expect(words.lastFigure).toBeNull();
    expect(latestWord(answersPageModel([], QUERY))).toBeNull();
  });

  it("says so when no answer gives such a figure", () => {
    expect(latestWord(answersPageModel([dated], QUERY))!.noFigure).toBe(
      "None of the answers in our data gives a figure on EPR coverage, deadlines or the programme's money.",
    );
  });

  it("prefers the name Parliament gave over the table's", () => {
    const named = answer(4, { asking_member_id: 4131, asking_member: "Mr Jim Shannon" });
    expect(answersPageModel([named], QUERY, members).answers[0]!.asking_member).toBe("Mr Jim Shannon");
  });
});

describe("titles", () => {
  it("uses the heading, else what was asked in the question's own words, never a bare id", () => {
    expect(title({ heading: "NHS: Cybersecurity", question_text: "To ask …" })).toBe("NHS: Cybersecurity");
    expect(
      questionWords(
        "To ask the Secretary of State for Health and Social Care, pursuant to the Answer of 20 October 2025 to Question 77257 on North West Anglia NHS Foundation Trust: Medical Records, by when the outline business case would need to be approved.",
      ),
    ).toBe("By when the outline business case would need to be approved");
    const long = questionWords(
      "To ask the Secretary of State for Health and Social Care, with reference to his Department’s press release entitled 20,000 fewer A&E visits, what assessment he has made of the compatibility of existing NHS IT systems with the proposed single patient record.",
    );
    expect(long).toBe(
      "What assessment he has made of the compatibility of existing NHS IT systems with the proposed single…",
    );
    expect(long.length).toBeLessThanOrEqual(101);
    expect(questionWords("To ask His Majesty's Government what plans they have for EPRs?")).toBe(
      "What plans they have for EPRs",
    );
  });
});

describe("data/parliament/members.csv", () => {
  it("reads names by id and refuses bad rows with line and column", () => {
    const csv = "member_id,name,source\n4131,Jim Shannon,mySociety\n";
    expect(parseMembers(csv, "members.csv").get(4131)).toBe("Jim Shannon");
    expect(() => parseMembers(`${csv}4131,Someone Else,x\n`, "members.csv")).toThrow(
      /line 3, column "member_id".*unique/,
    );
    expect(() => parseMembers("member_id,name,source\n12,Jim\u200bShannon,x\n", "members.csv")).toThrow(
      /members\.csv, line 2, column "name".*format characters/,
    );
  });
});
