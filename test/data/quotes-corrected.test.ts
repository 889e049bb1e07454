/** The data step follows corrections: a quoted answer corrected after its figure's date is flagged, in the data and for the page. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { htmlToText } from "../../src/lib/parliament/text.ts";
import { runDataStep } from "../helpers/data-step.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("npm run data: quotations and corrections", () => {
  it("flags a quoted answer corrected after the figure's date, in site-data.json and in its warnings; refuses a denied quotation", () => {
    const dir = mkdtempSync(join(tmpdir(), "epr-quotes-"));
    dirs.push(dir);
    const data = join(dir, "data");
    cpSync(join(ROOT, "test/fixtures/data"), data, { recursive: true });
    // A figure from the fixture answer 1841615, stated in October 2025.
    writeFileSync(
      join(data, "programme.csv"),
      `${readFileSync(join(data, "programme.csv"), "utf8")}P003,funding_planned,2025/26,3,gbp_million,,about,planned,minister,2026-03,2025-10,exact,wq-1,,H,\n`,
    );
    const quote = (q: string) =>
      writeFileSync(join(data, "answer-quotes.csv"), `figure_id,answer_id,uin,quote\nP003,1841615,,${q}\n`);
    quote("with a further £3 million of funding due to be received this year");
    const file = join(data, "parliament/answers.json");
    const answers = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>[];
    const i = answers.findIndex((a) => a.id === 1841615);
    const corrected = { ...answers[i]!, is_correction: true, date_corrected: "2026-01-15" };
    writeFileSync(
      file,
      JSON.stringify(
        answers.map((a, k) => (k === i ? corrected : a)),
        null,
        2,
      ) + "\n",
    );
    const run = () => runDataStep(dir);
    const ok = run();
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(
      /Figure P003 quotes answer 1841615, which was corrected on 2026-01-15, after the figure's date \(2025-10\)/,
    );
    const site = JSON.parse(readFileSync(join(dir, "gen/site-data.json"), "utf8"));
    expect(site.figure_checks.checked).toEqual([
      expect.objectContaining({ figure_id: "P003", answer_corrected_on: "2026-01-15" }),
    ]);
    expect(site.warnings).toContainEqual(expect.objectContaining({ kind: "quoted_answer_corrected" }));

    // The correction now denies the words quoted: the figure is refused, not kept as checked.
    const html =
      "<p>It is untrue that the trust is to receive £3 million, with a further £3 million of funding due to be received this year.</p>";
    const denied = { ...corrected, answer_html: html, answer_text: htmlToText(html) };
    writeFileSync(
      file,
      JSON.stringify(
        answers.map((a, k) => (k === i ? denied : a)),
        null,
        2,
      ) + "\n",
    );
    const refused = run();
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(
      /answer-quotes\.csv, line 2, column "quote".*states, not denies \(the sentence it stands in says "untrue"/,
    );
  });
});
