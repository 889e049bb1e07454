/**
 * npm run data:seed-answers -- --from <folder> [--out data/parliament/answers.json] [--query data/parliament/query.json] [--force]
 *
 * One-off: builds data/parliament/answers.json from an archive of Parliament's written questions service
 * in mySociety's layout (the shared upstream folder parliament-wq/), before the connector has ever run:
 *
 *   commons-questions-epr.json  [{month_file, commit, record: {value, links}}]  list items, answers cut short
 *   commons-2025-11-full.json   [{value, links}]                                one whole month of list items
 *   commons-longform-epr.json   {"<id>": {file, question_text, answer_text}}     full texts by Parliament id
 *
 * Keeps answers from the configured department that mention a configured term, with the full text where the
 * archive has it. What the archive lacks (dates, UINs, members' names) is left empty and said in `note`; the
 * next `npm run data:answers` fetches every archive record again from the service and fills it in.
 * Same folder in, same bytes out. Refuses to replace answers already read from the service unless --force.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { DataError } from "../src/lib/data/errors.ts";
import { parseJson } from "../src/lib/data/json.ts";
import { answerUrl, apiUrl, parseAnswers, serializeAnswers, type StoredAnswer } from "../src/lib/parliament/answers.ts";
import { parseQuery, type AnswersQuery } from "../src/lib/parliament/query.ts";
import { isTruncated, readServiceQuestion, recordFields, type ServiceQuestion } from "../src/lib/parliament/service.ts";
import { htmlToText, matchedTerms } from "../src/lib/parliament/text.ts";
import { argValue, readText, runMain, writeAllAtomically } from "./lib/io.ts";

export const ARCHIVE_FILES = {
  list: "commons-questions-epr.json",
  month: "commons-2025-11-full.json",
  longform: "commons-longform-epr.json",
} as const;

/** The department a question is addressed to, read from its opening words (the archive's texts carry no id). */
const HEALTH_ADDRESSEE = /^To ask the Secretary of State for Health and Social Care\b/;
const HEALTH = { id: 17, name: "Department of Health and Social Care" };

interface Longform {
  file: string;
  question_text: string | null;
  answer_text: string | null;
}

function readList(text: string, file: string, wrapped: boolean): ServiceQuestion[] {
  const data = parseJson(text, file);
  if (!Array.isArray(data))
    throw new DataError([
      { file, expected: wrapped ? "a JSON array of {month_file, commit, record}" : "a JSON array of {value, links}" },
    ]);
  return data.map((item, i) => {
    const record = wrapped ? (item as { record?: unknown } | null)?.record : item;
    const value = (record as { value?: unknown } | null)?.value;
    return readServiceQuestion(value, `${file} [${i}]${wrapped ? ".record" : ""}.value`);
  });
}

function readLongform(text: string, file: string): Map<number, Longform> {
  const data = parseJson(text, file);
  if (typeof data !== "object" || data === null || Array.isArray(data))
    throw new DataError([{ file, expected: "an object of {file, question_text, answer_text} keyed by Parliament id" }]);
  const out = new Map<number, Longform>();
  for (const [key, v] of Object.entries(data)) {
    const e = v as Partial<Longform> | null;
    if (!/^\d+$/.test(key))
      throw new DataError([{ file, column: key, expected: "a Parliament id (digits) as the key" }]);
    if (typeof e?.file !== "string" || !/\/\d{4}-\d{2}\.sqlite$/.test(e.file))
      throw new DataError([
        {
          file,
          column: `${key}.file`,
          value: JSON.stringify(e?.file),
          expected: "the archive file, ending YYYY-MM.sqlite",
        },
      ]);
    for (const f of ["question_text", "answer_text"] as const) {
      if (e[f] !== null && typeof e[f] !== "string")
        throw new DataError([{ file, column: `${key}.${f}`, value: JSON.stringify(e[f]), expected: "text or null" }]);
    }
    out.set(Number(key), { file: e.file, question_text: e.question_text ?? null, answer_text: e.answer_text ?? null });
  }
  return out;
}

const text = (s: string | null | undefined) => (s && s.trim() !== "" ? s : null);

/** Our words for what an archive record lacks. */
function archiveNote(missing: string[], monthFromFile: boolean, truncated: boolean): string {
  const parts = [
    missing.length
      ? `Seeded from mySociety's archive of Parliament's written questions, which lacks ${joinWords(missing)}.`
      : "Seeded from mySociety's archive of Parliament's written questions.",
  ];
  if (monthFromFile) parts.push("The month tabled is the month of the archive file the text came from.");
  if (truncated) parts.push("Only the start of the answer is in the archive.");
  parts.push("The next refresh reads the record again from Parliament.");
  return parts.join(" ");
}

function joinWords(items: string[]): string {
  return items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

function listed(
  missing: string[],
  q: { askingMemberName: string | null; answeringMemberName: string | null; dateAnswered: string | null },
): string[] {
  const out = [...missing];
  if (!q.dateAnswered) out.push("the answer date");
  if (!q.askingMemberName || !q.answeringMemberName) out.push("the members' names");
  return out;
}

/** Every stored answer the archive yields, by id. Pure: the three files come in as text. */
export function seedAnswers(
  files: Record<keyof typeof ARCHIVE_FILES, { text: string; file: string }>,
  query: AnswersQuery,
): StoredAnswer[] {
  const longform = readLongform(files.longform.text, files.longform.file);
  const records = new Map<number, ServiceQuestion>();
  // The month file first, then the EPR list, so the same id from both keeps the later-saved copy.
  for (const q of readList(files.month.text, files.month.file, false)) records.set(q.id, q);
  for (const q of readList(files.list.text, files.list.file, true)) records.set(q.id, q);

  const out = new Map<number, StoredAnswer>();
  for (const q of records.values()) {
    if (q.answeringBodyId !== query.answering_body_id) continue;
    const full = longform.get(q.id);
    const answerHtml = text(full?.answer_text) ?? text(q.answerText);
    if (!answerHtml) continue;
    const questionText = (text(full?.question_text) ?? q.questionText).trim();
    const answerText = htmlToText(answerHtml);
    const terms = matchedTerms(query.terms, [q.heading, questionText, answerText]);
    if (terms.length === 0 || answerText === "") continue;
    const truncated = !text(full?.answer_text) && isTruncated({ answerText: answerHtml, questionText: "" });
    const missing = listed([], q);
    out.set(q.id, {
      ...recordFields(q, { question_text: questionText, answer_html: answerHtml, answer_text: answerText }),
      answer_truncated: truncated,
      // The service marks a question unanswered until the answer is saved; an answer found later is not a holding one.
      is_holding: q.dateAnswered ? q.answerIsHolding : false,
      terms,
      origin: "archive",
      note: missing.length || truncated ? archiveNote(missing, false, truncated) : null,
    });
  }

  // Texts with no list record: only the id, the texts and the archive file's month are known.
  for (const [id, full] of longform) {
    if (records.has(id) || out.has(id)) continue;
    const questionText = text(full.question_text)?.trim();
    const answerHtml = text(full.answer_text);
    if (!questionText || !answerHtml || query.answering_body_id !== HEALTH.id || !HEALTH_ADDRESSEE.test(questionText))
      continue;
    const answerText = htmlToText(answerHtml);
    const terms = matchedTerms(query.terms, [questionText, answerText]);
    if (terms.length === 0 || answerText === "") continue;
    const month = /(\d{4}-\d{2})\.sqlite$/.exec(full.file)![1]!;
    out.set(id, {
      id,
      uin: null,
      house: "Commons",
      date_tabled: month,
      date_answered: null,
      date_corrected: null,
      asking_member_id: null,
      asking_member: null,
      answering_member_id: null,
      answering_member: null,
      answering_body_id: HEALTH.id,
      answering_body: HEALTH.name,
      heading: null,
      question_text: questionText,
      answer_html: answerHtml,
      answer_text: answerText,
      answer_truncated: false,
      is_holding: false,
      is_correction: false,
      is_withdrawn: false,
      url: answerUrl({ id, uin: null, date_tabled: month }),
      api_url: apiUrl(id),
      terms,
      origin: "archive",
      note: archiveNote(
        [
          "the UIN",
          "the dates",
          "the heading",
          "the members' names",
          "the department (read here from whom the question is addressed to)",
        ],
        true,
        false,
      ),
    });
  }
  return [...out.values()].sort((a, b) => a.id - b.id);
}

if (import.meta.main) {
  await runMain(() => {
    const from = argValue("from", "");
    if (!from)
      throw new DataError([{ file: "--from", expected: "the archive folder, e.g. --from /path/to/parliament-wq" }]);
    const outFile = argValue("out", "data/parliament/answers.json");
    const queryFile = argValue("query", "data/parliament/query.json");
    const query = parseQuery(readText(queryFile), queryFile);
    if (existsSync(outFile) && !process.argv.includes("--force")) {
      const existing = parseAnswers(readText(outFile), outFile);
      const fetched = existing.filter((a) => a.origin === "service").length;
      if (fetched > 0)
        throw new DataError([
          {
            file: outFile,
            value: `${fetched} answers read from the service`,
            expected: "no answers from the service: the seed would drop them (add --force to replace the file anyway)",
          },
        ]);
    }
    const read = (key: keyof typeof ARCHIVE_FILES) => ({
      file: join(from, ARCHIVE_FILES[key]),
      text: readText(join(from, ARCHIVE_FILES[key])),
    });
    const answers = seedAnswers({ list: read("list"), month: read("month"), longform: read("longform") }, query);
    writeAllAtomically({ [outFile]: serializeAnswers(answers) });
    const undated = answers.filter((a) => !a.date_answered).length;
    console.log(
      `${outFile}: ${answers.length} answers (${undated} without an answer date in the archive, ${answers.filter((a) => a.answer_truncated).length} cut short)`,
    );
  });
}
