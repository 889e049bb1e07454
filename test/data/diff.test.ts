import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { readDataDir } from "../../scripts/build-data.ts";
import { diffData, isEmpty, summariseDiff } from "../../src/lib/data/diff.ts";
import { addRelease, parseChangelog } from "../../src/lib/data/changelog.ts";
import { atomFeed } from "../../src/lib/feed.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const FIXTURE = join(ROOT, "test/fixtures/data");
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), "epr-diff-"));
  dirs.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}
const edit = (dir: string, file: string, f: (s: string) => string) => writeFileSync(join(dir, file), f(readFileSync(join(dir, file), "utf8")));

/** A later release of the fixture data: a trust closes, one changes supplier, one gets an EPR, a figure is revised and one added. */
function laterRelease(): string {
  const dir = copy();
  edit(dir, "trusts.csv", (s) => s.replace("RCC,Gamma Community NHS Trust,GAMMA COMMUNITY NHS TRUST,Y58,QBB,QBB,BS10 5NB,2000-04-01,", "RCC,Gamma Community NHS Trust,GAMMA COMMUNITY NHS TRUST,Y58,QBB,QBB,BS10 5NB,2000-04-01,2026-03-31") + "NEW2B,Second New NHS Trust,SECOND NEW NHS TRUST,Y58,QBB,QBB,BS10 5NB,2026-04-01,\n");
  edit(dir, "epr-status.csv", (s) => s.replace("RAA,2024-10-01,epr-list,ALPHA HOSPITALS NHS TRUST,acute,yes,Epic Systems Corporation", "RAA,2024-10-01,epr-list,ALPHA HOSPITALS NHS TRUST,acute,yes,Oracle Cerner Corporation").replace("RDD,2024-10-01,epr-list,DELTA HOSPITAL NHS FOUNDATION TRUST,acute,no,", "RDD,2024-10-01,epr-list,DELTA HOSPITAL NHS FOUNDATION TRUST,acute,yes,Epic Systems Corporation"));
  edit(dir, "successions.csv", (s) => s + "RCC,NEW2B,2026-04-01\n");
  edit(dir, "statements.csv", (s) => s.replace("S002,trusts_without_epr,1,", "S002,trusts_without_epr,0,").replace("S001,trusts_with_epr,4,", "S001,trusts_with_epr,5,") + "S005,share_with_epr,96,percent,secondary_care_trusts,2026-03,2026-04,no,yes,A Minister,wq-1,,H,\n");
  return dir;
}

describe("data diff", () => {
  it("finds nothing when nothing changed", () => {
    expect(isEmpty(diffData(readDataDir(FIXTURE), readDataDir(FIXTURE)))).toBe(true);
  });

  it("reports trusts opened, closed and merged, status and supplier changes, and figures added or revised", () => {
    const diff = diffData(readDataDir(FIXTURE), readDataDir(laterRelease()));
    expect(summariseDiff(diff)).toEqual([
      "Trust added: Second New NHS Trust (NEW2B), opened 2026-04-01.",
      "Trust closed: Gamma Community NHS Trust (RCC), on 2026-03-31.",
      "Merger: RCC became part of NEW2B on 2026-04-01.",
      "EPR status of RDD: no EPR → EPR.",
      "Supplier of RAA: Epic Systems Corporation → Oracle Cerner Corporation.",
      "Supplier of RDD: none → Epic Systems Corporation.",
      "New in statements.csv: S005, share_with_epr = 96 percent as of 2026-03 (wq-1).",
      "Revised in statements.csv: S001, trusts_with_epr = 4 trusts as of 2025-05 (wq-1) → trusts_with_epr = 5 trusts as of 2025-05 (wq-1).",
      "Revised in statements.csv: S002, trusts_without_epr = 1 trusts as of 2025-05 (wq-1) → trusts_without_epr = 0 trusts as of 2025-05 (wq-1).",
    ]);
  });

  it("npm run data:diff prints the changes and --write records them in the changelog under the release date", () => {
    const base = copy();
    const next = laterRelease();
    edit(next, "release.json", () => '{ "date": "2026-12-01" }\n');
    const out = execFileSync(process.execPath, [join(ROOT, "scripts/diff.ts"), "--base", base, "--data", next, "--write"], { encoding: "utf8" });
    expect(out).toContain("9 changes:");
    expect(out).toContain("  - EPR status of RDD: no EPR → EPR.");
    const log = parseChangelog(readFileSync(join(next, "changelog.json"), "utf8"), "changelog.json");
    expect(log.map((e) => e.date)).toEqual(["2026-12-01", "2026-11-25"]);
    expect(log[0]!.changes).toHaveLength(9);
  });

  it("data:diff fails clearly when the new data is bad", () => {
    const next = copy();
    edit(next, "statements.csv", (s) => s.replace("S004,share_with_epr,80,", "S004,share_with_epr,80%,"));
    const r = spawnSync(process.execPath, [join(ROOT, "scripts/diff.ts"), "--base", copy(), "--data", next], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/statements\.csv, line 5, column "value": found "80%"/);
  });
});

describe("data diff: every kind of change", () => {
  it("reports renames, region and ICB moves, NHS England's list rows in and out, its date and trust types, and new events", () => {
    const next = copy();
    edit(next, "trusts.csv", (s) =>
      s.replace("RAA,Alpha Hospitals NHS Trust,ALPHA HOSPITALS NHS TRUST,Y56,QAA,QAA,", "RAA,Alpha University Hospitals NHS Trust,ALPHA UNIVERSITY HOSPITALS NHS TRUST,Y58,QAA,QBB,")
        .replace(/^RBB,.*\n/m, ""),
    );
    edit(next, "epr-status.csv", (s) =>
      s.replaceAll("2024-10-01,epr-list", "2025-04-01,epr-list")
        .replace("RCC,2025-04-01,epr-list,GAMMA COMMUNITY NHS TRUST,community,", "RCC,2025-04-01,epr-list,GAMMA COMMUNITY NHS TRUST,mental_health_community,")
        .replace(/^RBB,.*\n/m, "") + "REE,2025-04-01,epr-list,EPSILON NHS TRUST,ambulance,yes,Cleric\n",
    );
    edit(next, "trust-events.csv", (s) => s + "E004,RDD,2025-07,other,,Opened a new ward.,no,Delta news,Trade News,https://example.org/delta-ward,M\n");
    expect(summariseDiff(diffData(readDataDir(FIXTURE), readDataDir(next)))).toEqual([
      "New in trust-events.csv: E004, RDD other on 2025-07.",
      "Trust no longer in the trust list: Beta Mental Health NHS Trust (RBB).",
      "Renamed: RAA, Alpha Hospitals NHS Trust → Alpha University Hospitals NHS Trust.",
      "Region of RAA: Y56 → Y58.",
      "ICB from April 2026 of RAA: QAA → QBB.",
      "Date of NHS England's list: 2024-10-01 → 2025-04-01.",
      "Added to NHS England's list: EPSILON NHS TRUST (REE), ambulance, EPR from Cleric.",
      "Removed from NHS England's list: BETA MENTAL HEALTH NHS TRUST (RBB).",
      "Trust type of RCC in NHS England's list: community → mental_health_community.",
    ]);
  });

  it("lists new written answers with their figure sentences, records them without, and refuses to overwrite a recorded release", () => {
    const base = copy();
    const next = copy();
    const file = join(next, "parliament/answers.json");
    const answers = JSON.parse(readFileSync(file, "utf8"));
    writeFileSync(join(base, "parliament/answers.json"), JSON.stringify([answers[0]], null, 2) + "\n");
    edit(next, "release.json", () => '{ "date": "2026-12-01" }\n');
    const run = () => spawnSync(process.execPath, [join(ROOT, "scripts/diff.ts"), "--base", base, "--data", next, "--write"], { encoding: "utf8" });
    const first = run();
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("1 changes:\n  - New answer: Commons question 1841615, tabled 2025-10, answer date not known (https://questions-statements-api.parliament.uk/api/writtenquestions/questions/1841615).\n      figure: “The North-West Anglia NHS Foundation Trust has received approximately £9 million of funding from NHS England to date, with a further £3 million of funding due to be received this year.”");
    const log = parseChangelog(readFileSync(join(next, "changelog.json"), "utf8"), "changelog.json");
    expect(log[0]!.changes).toEqual(["New answer: Commons question 1841615, tabled 2025-10, answer date not known (https://questions-statements-api.parliament.uk/api/writtenquestions/questions/1841615)."]);

    const before = readFileSync(join(next, "changelog.json"), "utf8");
    const again = run();
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/changelog\.json, column "date": found "2026-12-01"; expected no release recorded for 2026-12-01 yet: set a new date in .*release\.json/);
    expect(readFileSync(join(next, "changelog.json"), "utf8")).toBe(before);
  });
});

describe("changelog", () => {
  const entry = (date: string) => ({ date, title: "t", changes: ["c"] });
  it("keeps releases newest first, one per date, and folds very long lists", () => {
    const long = { date: "2026-12-01", title: "t", changes: Array.from({ length: 100 }, (_, i) => `change ${i}`) };
    const log = addRelease([entry("2026-11-25")], long);
    expect(log.map((e) => e.date)).toEqual(["2026-12-01", "2026-11-25"]);
    expect(log[0]!.changes.at(-1)).toBe("… and 40 more changes.");
    expect(addRelease(log, entry("2026-12-01"))).toHaveLength(2);
  });

  it("rejects a release without a valid date, and releases out of order", () => {
    expect(() => parseChangelog(JSON.stringify([{ date: "1 Dec 2026", title: "t", changes: ["c"] }]), "changelog.json")).toThrow(/changelog\.json, column "\[0\]\.date": found "1 Dec 2026"/);
    expect(() => parseChangelog(JSON.stringify([entry("2026-11-25"), entry("2026-12-01")]), "changelog.json")).toThrow(/newest first/);
  });
});

describe("Atom feed", () => {
  it("escapes hostile text in titles and changes", () => {
    const feed = atomFeed([{ date: "2026-12-01", title: "A & <b>bold</b>", changes: ['<script>alert("x")</script>'] }], "");
    expect(feed).toContain("<title>A &amp; &lt;b&gt;bold&lt;/b&gt;</title>");
    expect(feed).not.toContain("<script>");
    expect(feed).not.toContain("<b>");
  });
});
