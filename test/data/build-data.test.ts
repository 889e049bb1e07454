import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { releaseDate } from "../../scripts/build-data.ts";
import { runDataStep } from "../helpers/data-step.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const FIXTURE = join(ROOT, "test/fixtures/data");

const workspaces: string[] = [];
afterAll(() => workspaces.forEach((d) => rmSync(d, { recursive: true, force: true })));

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), "epr-data-"));
  workspaces.push(dir);
  cpSync(FIXTURE, join(dir, "data"), { recursive: true });
  return dir;
}
const run = runDataStep;
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const sub of ["gen", "pub"])
    for (const f of readdirSync(join(dir, sub)).sort()) out[`${sub}/${f}`] = readFileSync(join(dir, sub, f), "utf8");
  return out;
}

describe("npm run data", () => {
  it("checks each quoted figure against the stored answer: one changed character stops it with file, row and column", () => {
    const dir = workspace();
    const data = join(dir, "data");
    // A figure from the fixture answer 1841615 ("a further £3 million of funding due to be received this year").
    writeFileSync(
      join(data, "programme.csv"),
      `${readFileSync(join(data, "programme.csv"), "utf8")}P003,funding_planned,2025/26,3,gbp_million,,about,planned,minister,2026-03,2025-10,exact,wq-1,,H,\n`,
    );
    const quotes = (q: string) =>
      writeFileSync(join(data, "answer-quotes.csv"), `figure_id,answer_id,uin,quote\nP003,1841615,,${q}\n`);
    quotes("with a further £3 million of funding due to be received this year");
    expect(run(dir).status).toBe(0);
    expect(
      JSON.parse(readFileSync(join(dir, "gen/site-data.json"), "utf8")).figure_checks.checked.map(
        (c: { figure_id: string }) => c.figure_id,
      ),
    ).toEqual(["P003"]);
    quotes("with a further £3 million of funding due to be received this yeer");
    const result = run(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `${join(data, "answer-quotes.csv")}, line 2, column "quote": found "with a further £3 million of funding due to be received this`,
    );
    expect(result.stderr).toContain("expected words that appear exactly so in answer 1841615");
  });

  it("checks each figure kept with its source's words: the figure and its modality words must be in them", () => {
    const dir = workspace();
    const data = join(dir, "data");
    const quotes = (q: string) =>
      writeFileSync(join(data, "figure-quotes.csv"), `figure_id,source_id,quote\nP001,wq-1,${q}\n`);
    quotes("the programme provided £393 million of capital funding");
    expect(run(dir).status).toBe(0);
    const checks = JSON.parse(readFileSync(join(dir, "gen/site-data.json"), "utf8")).figure_checks;
    expect(checks.quoted.map((c: { figure_id: string }) => c.figure_id)).toEqual(["P001"]);
    expect(checks.unchecked.map((c: { figure_id: string }) => c.figure_id)).not.toContain("P001");
    const before = snapshot(dir);
    // The same sum in the words of a plan: a paid figure may not rest on them.
    quotes("the programme is providing £393 million of capital funding");
    const result = run(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'data/figure-quotes.csv, line 2, column "quote": found "the programme is providing £393 million of capital funding"; expected a paying verb in the past',
    );
    expect(snapshot(dir)).toEqual(before);
  });

  it("refuses a shared care record figure as EPR coverage, and a row with no figure", () => {
    const dir = workspace();
    const data = join(dir, "data");
    const statements = readFileSync(join(data, "statements.csv"), "utf8");
    // "97% of trusts … connected" is about shared care records: under a coverage metric it is refused by its words.
    writeFileSync(
      join(data, "statements.csv"),
      `${statements}S005,share_with_epr,97,percent,all_trusts,2025-06,2025-07,exact,minister,A Minister,wq-1,,H,\n`,
    );
    writeFileSync(
      join(data, "figure-quotes.csv"),
      "figure_id,source_id,quote\nS005,wq-1,97% of trusts and 92% of primary care networks are now connected.\n",
    );
    let result = run(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'data/figure-quotes.csv, line 2, column "quote": found "now connected"; expected words about the share of trusts with an EPR (row S005); these name shared care records',
    );
    expect(result.stderr).toContain(
      "expected words that name an EPR (electronic patient record, EPR): row S005 is about EPRs",
    );
    // A row whose unit is "statement" has no figure and can never be plotted: the table refuses it.
    writeFileSync(join(data, "figure-quotes.csv"), "figure_id,source_id,quote\n");
    writeFileSync(
      join(data, "statements.csv"),
      `${statements}S005,share_with_epr,0,statement,all_trusts,2025-06,2025-07,exact,minister,A Minister,wq-1,,H,\n`,
    );
    result = run(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'statements.csv, line 6, column "unit": found "statement"; expected one of "trusts", "percent"',
    );
  });

  it("writes the page model and every public download", () => {
    const dir = workspace();
    expect(run(dir).status).toBe(0);
    expect(Object.keys(snapshot(dir))).toEqual([
      "gen/answers.json",
      "gen/releases.json",
      "gen/site-data.json",
      "gen/trust-search.json",
      "gen/validation-report.txt",
      "pub/gmpp.csv",
      "pub/parliament-answers.csv",
      "pub/parliament-answers.json",
      "pub/programme.csv",
      "pub/reconciliation.csv",
      "pub/sources.json",
      "pub/statements.csv",
      "pub/targets.csv",
      "pub/trust-events.csv",
      "pub/trusts.csv",
      "pub/trusts.json",
    ]);
    const trustsCsv = readFileSync(join(dir, "pub/trusts.csv"), "utf8").split("\n");
    const header = trustsCsv[0]!.split(",");
    expect(header).toEqual(
      expect.arrayContaining([
        "status_now",
        "status_now_since",
        "status_now_supplier",
        "status_now_source_id",
        "list_date",
        "has_epr_on_list_date",
        "supplier_on_list_date",
      ]),
    );
    const rdd = Object.fromEntries(
      header.map((h, i) => [h, trustsCsv.find((l) => l.startsWith("RDD,"))!.split(",")[i]]),
    );
    // Listed without an EPR on 1 October 2024, live on Epic in June 2025: both are in the row, each with its date.
    expect(rdd).toMatchObject({
      status_now: "epr",
      status_now_as_of: "2026-11-25",
      status_now_since: "2025-06",
      status_now_supplier: "Epic Systems Corporation",
      status_now_source_id: "E003",
      list_date: "2024-10-01",
      has_epr_on_list_date: "no",
      supplier_on_list_date: "",
    });
  });

  it("gives byte-identical output for the same input", () => {
    const a = workspace(),
      b = workspace();
    run(a);
    run(b);
    expect(snapshot(a)).toEqual(snapshot(b));
  });

  it("fails with file, line and column, exits non-zero and leaves the previous output untouched", () => {
    const dir = workspace();
    run(dir);
    const before = snapshot(dir);
    const csv = readFileSync(join(dir, "data/trusts.csv"), "utf8").replace(
      "RCC,Gamma Community NHS Trust,GAMMA COMMUNITY NHS TRUST,Y58,QBB,QBB,BS10 5NB,2000-04-01",
      "RCC,Gamma Community NHS Trust,GAMMA COMMUNITY NHS TRUST,Y58,QBB,QBB,BS10 5NB,1 April 2000",
    );
    writeFileSync(join(dir, "data/trusts.csv"), csv);
    const result = run(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `${join(dir, "data/trusts.csv")}, line 4, column "open_date": found "1 April 2000"; expected a date as YYYY-MM-DD`,
    );
    expect(snapshot(dir)).toEqual(before);
  });

  it("reports problems in several files in one run", () => {
    const dir = workspace();
    writeFileSync(join(dir, "data/regions.csv"), "code,gss_code,name\nY56,E40000003,London\nY56,E40000003,London\n");
    writeFileSync(
      join(dir, "data/targets.csv"),
      readFileSync(join(dir, "data/targets.csv"), "utf8").replace("2026-03-31", "March 2026"),
    );
    const result = run(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/regions\.csv, line 3, column "code"/);
    expect(result.stderr).toMatch(/targets\.csv, line 3, column "target_date"/);
  });

  it("stops at an alias the trust's own record does not bear out, and writes the finder's data when all are good", () => {
    const good = workspace();
    expect(run(good).status).toBe(0);
    const search = JSON.parse(readFileSync(join(good, "gen/trust-search.json"), "utf8"));
    expect(search.RAA.aliases).toEqual([
      { alias: "AHT", kind: "abbreviation" },
      { alias: "Alpha General Hospital", kind: "hospital" },
    ]);
    const dir = workspace();
    writeFileSync(
      join(dir, "data/trust-aliases.csv"),
      readFileSync(join(dir, "data/trust-aliases.csv"), "utf8").replace("RAA,AHT,", "RAA,QEH,"),
    );
    const result = run(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `${join(dir, "data/trust-aliases.csv")}, line 2, column "alias": found "QEH"; expected 2 to 6 letters, each the initial of a word of "Alpha Hospitals NHS Trust", in order`,
    );
  });

  it("checks the written answers too, naming the record and field, in the same run as the CSVs", () => {
    const dir = workspace();
    const file = join(dir, "data/parliament/answers.json");
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace('"date_answered": "2024-09-09"', '"date_answered": "9 September 2024"'),
    );
    writeFileSync(
      join(dir, "data/targets.csv"),
      readFileSync(join(dir, "data/targets.csv"), "utf8").replace("2026-03-31", "March 2026"),
    );
    const result = run(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `${file}, column "[0] id 1726172.date_answered": found "9 September 2024"; expected a date as YYYY-MM-DD`,
    );
    expect(result.stderr).toMatch(/targets\.csv, line 3, column "target_date"/);
  });

  it("dates the release from data/release.json alone, whatever SOURCE_DATE_EPOCH says", () => {
    const [plain, epoch] = [workspace(), workspace()];
    expect(run(plain).status).toBe(0);
    expect(run(epoch, { SOURCE_DATE_EPOCH: "0" }).status).toBe(0);
    expect(snapshot(epoch)).toEqual(snapshot(plain));
    expect(JSON.parse(snapshot(epoch)["gen/site-data.json"]!).release).toEqual({ date: "2026-11-25" });
    expect(releaseDate(join(plain, "data"))).toBe("2026-11-25");
  });

  it("refuses a release date outside the years the data can describe", () => {
    const dir = workspace();
    writeFileSync(join(dir, "data/release.json"), '{ "date": "9999-01-01" }\n');
    expect(() => releaseDate(join(dir, "data"))).toThrow(
      /release\.json, column "date": found "9999-01-01"; expected a date as YYYY-MM-DD in the years 1948 to 2100/,
    );
  });
});
