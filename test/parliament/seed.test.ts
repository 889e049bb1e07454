/**
 * The one-off seed of data/parliament/answers.json from the archive layout, on fixture files made of a few
 * real records (trimmed to a handful) in that layout.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { ARCHIVE_FILES, seedAnswers } from "../../scripts/seed-parliament.ts";
import { parseAnswers, serializeAnswers } from "../../src/lib/parliament/answers.ts";
import type { AnswersQuery } from "../../src/lib/parliament/query.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const FIXTURES = join(ROOT, "test/fixtures/parliament-wq");
const QUERY: AnswersQuery = {
  answering_body_id: 17,
  terms: ["electronic patient record", "electronic health record", "EPR", "Frontline Digitisation"],
  answered_since: "2023-09-01",
};
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), "epr-seed-"));
  dirs.push(d);
  return d;
};
const files = (dir = FIXTURES) =>
  Object.fromEntries(
    Object.entries(ARCHIVE_FILES).map(([k, f]) => [
      k,
      { file: join(dir, f), text: readFileSync(join(dir, f), "utf8") },
    ]),
  ) as Parameters<typeof seedAnswers>[0];

describe("seed of answers.json from the archive", () => {
  const answers = seedAnswers(files(), QUERY);
  const byId = new Map(answers.map((a) => [a.id, a]));

  it("keeps the health department's answers that mention a term, and nothing else", () => {
    // 1674596 and 1669573 are environment answers about Extended Producer Responsibility (EPR);
    // 1820115 is a health holding answer about something else; 1850704 has no answer in the archive.
    expect(answers.map((a) => a.id)).toEqual([1724029, 1726172, 1841615, 1850703]);
    expect(() => parseAnswers(serializeAnswers(answers), "answers.json")).not.toThrow();
  });

  it("takes full texts from the longform file, and marks a list text cut short", () => {
    expect(byId.get(1726172)!.answer_truncated).toBe(false);
    expect(byId.get(1726172)!.answer_html.startsWith("<p>")).toBe(true);
    const cut = byId.get(1724029)!;
    expect(cut.answer_truncated).toBe(true);
    expect(cut.answer_text).toContain("93% of NHS trusts have an electronic patient record (EPR)");
    expect(cut.note).toMatch(/Only the start of the answer is in the archive/);
    expect(cut.url).toBe("https://questions-statements.parliament.uk/written-questions/detail/2024-07-29/2075");
  });

  it("keeps an answer found only in the longform file with what is known, and says what is not", () => {
    const a = byId.get(1841615)!;
    expect(a).toMatchObject({
      uin: null,
      date_tabled: "2025-10",
      date_answered: null,
      house: "Commons",
      answering_body_id: 17,
      origin: "archive",
    });
    expect(a.url).toBe("https://questions-statements-api.parliament.uk/api/writtenquestions/questions/1841615");
    expect(a.note).toMatch(/lacks the UIN, the dates/);
    expect(a.answer_text).toContain("£9 million");
  });

  it("keeps a question the list saw unanswered when the longform file has its answer, without an answer date", () => {
    expect(byId.get(1850703)).toMatchObject({
      uin: "89751",
      date_tabled: "2025-11-11",
      date_answered: null,
      is_holding: false,
    });
  });

  it("runs as a script: same bytes twice, and refuses to replace answers read from the service", () => {
    const out = join(temp(), "answers.json");
    const run = (...extra: string[]) =>
      spawnSync(
        process.execPath,
        [
          join(ROOT, "scripts/seed-parliament.ts"),
          "--from",
          FIXTURES,
          "--out",
          out,
          "--query",
          join(ROOT, "data/parliament/query.json"),
          ...extra,
        ],
        { encoding: "utf8" },
      );
    expect(run().status).toBe(0);
    const first = readFileSync(out);
    expect(run().status).toBe(0);
    expect(readFileSync(out).equals(first)).toBe(true);

    const fetched = parseAnswers(first.toString(), out).map((a) =>
      a.id === 1726172 ? { ...a, origin: "service" as const, note: null } : a,
    );
    writeFileSync(out, serializeAnswers(fetched));
    const refused = run();
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/1 answers read from the service.*--force/);
    expect(run("--force").status).toBe(0);
  });

  it("fails on a bad record naming the file, the record and the field, and writes nothing", () => {
    const dir = temp();
    cpSync(FIXTURES, dir, { recursive: true });
    const list = JSON.parse(readFileSync(join(dir, ARCHIVE_FILES.list), "utf8"));
    list[2].record.value.dateTabled = "11/11/2025";
    writeFileSync(join(dir, ARCHIVE_FILES.list), JSON.stringify(list));
    const out = join(temp(), "answers.json");
    const r = spawnSync(process.execPath, [join(ROOT, "scripts/seed-parliament.ts"), "--from", dir, "--out", out], {
      encoding: "utf8",
      cwd: ROOT,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `${join(dir, ARCHIVE_FILES.list)} [2].record.value, column "dateTabled": found "11/11/2025"`,
    );
    expect(() => readFileSync(out)).toThrow();
  });
});
