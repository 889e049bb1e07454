/** A stored answer made here for the tests of test/parliament, valid unless a test breaks a rule. */
import { answerUrl, type StoredAnswer } from "../../src/lib/parliament/answers.ts";
import { htmlToText } from "../../src/lib/parliament/text.ts";

/** A stored answer made here, consistent with every rule unless a test breaks one. */
export function answer(id: number, over: Partial<StoredAnswer> = {}): StoredAnswer {
  const html = over.answer_html ?? `<p>Answer ${id} about the electronic patient record.</p>`;
  const base = { id, uin: String(id), date_tabled: "2026-01-05", ...over };
  return {
    house: "Commons",
    date_answered: "2026-01-12",
    date_corrected: null,
    asking_member_id: 1,
    asking_member: "A Member",
    answering_member_id: 2,
    answering_member: "A Minister",
    answering_body_id: 17,
    answering_body: "Department of Health and Social Care",
    heading: "Medical Records",
    question_text: "To ask the Secretary of State for Health and Social Care, how many trusts have an EPR.",
    answer_truncated: false,
    is_holding: false,
    is_correction: false,
    is_withdrawn: false,
    api_url: `https://questions-statements-api.parliament.uk/api/writtenquestions/questions/${id}`,
    terms: ["electronic patient record"],
    origin: "service",
    note: null,
    ...base,
    url: over.url ?? answerUrl(base),
    answer_html: html,
    answer_text: over.answer_text ?? htmlToText(html),
  } as StoredAnswer;
}
