/**
 * The release rehearsal's rules on small tables and pages. The whole rehearsal, which builds a copy of
 * the site, is in test/release/rehearsal.test.ts.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseEtr, parseSucc } from "../../scripts/import/ods-trusts.ts";
import {
  editionRows,
  etrReport,
  nextId,
  pickScenario,
  records,
  renamedSupplier,
  succReport,
  withRow,
  withSource,
  type TrustStatus,
  shiftDates,
} from "../../scripts/rehearse/scenario.ts";
import {
  pageText,
  sentences,
  staleEditionSentences,
  staleLatestSentences,
  textOfClass,
} from "../../scripts/rehearse/site.ts";
import { networkGuard, startOds, startParliament } from "../../scripts/rehearse/stand-ins.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

const TRUSTS = records(
  [
    "code,name,ods_name,region_code,icb_code,icb_code_2026,postcode,open_date,close_date",
    "RAA,Alpha NHS Trust,ALPHA NHS TRUST,Y56,QAA,QAA,NW1 0PE,2000-04-01,",
    "RBB,Beta NHS Foundation Trust,BETA NHS FOUNDATION TRUST,Y56,QAA,QAA,NW1 0PF,2000-04-01,",
    "RCC,Gamma NHS Trust,GAMMA NHS TRUST,Y56,QBB,QBB,NW1 0PG,2000-04-01,",
    "RDD,Delta NHS Trust,DELTA NHS TRUST,Y56,QBB,QBB,NW1 0PH,2000-04-01,",
    "REE,Epsilon NHS Trust,EPSILON NHS TRUST,Y56,QBB,QBB,NW1 0PJ,2000-04-01,",
    "RFF,Old NHS Trust,OLD NHS TRUST,Y56,QAA,QAA,NW1 0PK,2000-04-01,2024-03-31",
    "RGG,Gee NHS Trust,GEE NHS TRUST,Y56,QCC,QCC,NW1 0PL,2000-04-01,",
    "RJJ,Jay NHS Trust,JAY NHS TRUST,Y56,QAA,QAA,NW1 0PM,2000-04-01,",
    "RKK,Kay NHS Trust,KAY NHS TRUST,Y56,QCC,QCC,NW1 0PN,2000-04-01,",
  ].join("\n"),
  "trusts.csv",
);
// RHH is listed but not an ODS trust here; the 2023 row is an older edition, never copied.
const STATUS = records(
  [
    "code,as_of,source_id,name_in_source,trust_type,has_epr,supplier",
    "RAA,2024-10-01,list-2024,ALPHA NHS TRUST,acute,no,",
    "RBB,2024-10-01,list-2024,BETA NHS FOUNDATION TRUST,acute,yes,Big Supplier Ltd",
    "RCC,2024-10-01,list-2024,GAMMA NHS TRUST,mental_health,no,",
    "RDD,2024-10-01,list-2024,DELTA NHS TRUST,acute,yes,Small Supplier Ltd",
    "REE,2024-10-01,list-2024,EPSILON NHS TRUST,community,yes,Small Supplier Ltd",
    "RGG,2024-10-01,list-2024,GEE NHS TRUST,acute,no,",
    "RHH,2024-10-01,list-2024,AITCH NHS TRUST,ambulance,yes,Big Supplier Ltd",
    "RKK,2024-10-01,list-2024,KAY NHS TRUST,acute,no,",
    "RAA,2023-01-01,list-2023,ALPHA NHS TRUST,acute,no,",
  ].join("\n"),
  "epr-status.csv",
);
const status = (code: string, s: string, basis: string, supplier: string | null = null): TrustStatus => ({
  code,
  name: code,
  status_now: { status: s, basis, supplier },
});
const SITE = [
  status("RAA", "no_epr", "list"),
  status("RBB", "epr", "list"),
  status("RCC", "epr", "go_live"),
  status("RDD", "epr", "list"),
  status("REE", "epr", "list"),
  status("RGG", "no_epr", "list"),
  status("RJJ", "epr", "list"),
  status("RKK", "epr", "go_live", "Third Supplier plc"),
];
const ODS = { change_date: "2026-12-01", new_trust: { code: "Q1N2W", ods_name: "NEW COMMUNITY NHS TRUST" } };

describe("the rehearsal's scenario, chosen from the data by rules", () => {
  const picks = pickScenario(TRUSTS, STATUS, SITE, { ods: ODS });

  it("picks distinct open trusts for each change, by the rule each change needs", () => {
    expect(picks.stillNoEpr).toBe("RCC");
    expect(picks.caughtUp).toEqual([{ code: "RKK", supplier: "Third Supplier plc" }]);
    // The commonest supplier (ties by name) is the one gained; the other with two trusts is renamed.
    expect(picks.gains).toEqual([
      { code: "RAA", supplier: "Big Supplier Ltd" },
      { code: "RGG", supplier: "Big Supplier Ltd" },
    ]);
    expect(picks.supplierRename).toEqual({ from: "Small Supplier Ltd", to: "Small Supplier Limited" });
    // BETA is a foundation trust already; DELTA is the first unused open trust named "… NHS TRUST".
    expect(picks.rename).toEqual({ code: "RDD", from: "DELTA NHS TRUST", to: "DELTA NHS FOUNDATION TRUST" });
    // Into a trust of the same board; RFF is closed.
    expect(picks.merger).toEqual({ code: "RBB", into: "RJJ", date: "2026-12-01" });
    expect(picks.newTrust).toMatchObject({ code: "Q1N2W", region_code: "Y56", icb_code_2026: "QAA" });
  });

  it("refuses data it cannot make the scenario from, saying what is missing", () => {
    expect(() =>
      pickScenario(
        TRUSTS,
        STATUS,
        SITE.map((t) => ({ ...t, status_now: { ...t.status_now, basis: "list" } })),
        { ods: ODS },
      ),
    ).toThrow(/no listed trust with a go-live/);
    expect(() =>
      pickScenario(TRUSTS, STATUS, SITE, { ods: { ...ODS, new_trust: { ...ODS.new_trust, code: "RAA" } } }),
    ).toThrow(/RAA is taken/);
  });

  it("renames a supplier as a company would", () => {
    expect(renamedSupplier("System C Healthcare Ltd")).toBe("System C Healthcare Limited");
    expect(renamedSupplier("Meditech Group Limited")).toBe("Meditech Group Ltd");
    expect(renamedSupplier("Epic Systems Corporation")).toBe("Epic Systems Corporation UK");
  });

  it("writes ODS reports the importer reads, with the rename, the merger and the new trust", () => {
    const etr = parseEtr(etrReport(TRUSTS, { picks, changeDate: ODS.change_date }), "etr.csv");
    expect(etr).toHaveLength(TRUSTS.length + 1);
    expect(etr.find((t) => t.code === "RDD")!.odsName).toBe("DELTA NHS FOUNDATION TRUST");
    expect(etr.find((t) => t.code === "RBB")!.closeDate).toBe("2026-11-30");
    expect(etr.find((t) => t.code === "RFF")!.closeDate).toBe("2024-03-31");
    expect(etr.find((t) => t.code === "Q1N2W")).toMatchObject({
      openDate: "2026-12-01",
      closeDate: null,
      icbCode: "QAA",
    });
    expect(parseEtr(etrReport(TRUSTS), "etr.csv").find((t) => t.code === "RDD")!.odsName).toBe("DELTA NHS TRUST");
    const succ = parseSucc(
      succReport([{ predecessor_code: "RFF", successor_code: "RAA", effective_date: "2024-04-01" }], picks),
      "succ.csv",
    );
    expect(succ).toEqual([
      { predecessor: "RBB", successor: "RJJ", effectiveDate: "2026-12-01" },
      { predecessor: "RFF", successor: "RAA", effectiveDate: "2024-04-01" },
    ]);
    // Older successions the committed sites followed: a closed trust to the trust running its site, a split to each.
    const sites = records(
      [
        "code,trust_code,basis,listed_trust_code,listed_trust_name,listed_trust_closed,successor_codes",
        "ROLD01,RAA,successor,ROLD,Old NHS Trust,2019-09-30,",
        "RSPL01,,split,RSPL,Split NHS Trust,2021-09-30,RAA;RBB",
        "RAA01,RAA,listed,RAA,Alpha NHS Trust,,",
      ].join("\n"),
      "sites.csv",
    );
    // The closed trusts they name are in the etr report too, closed, with no region, so no trust list keeps them.
    const closed = parseEtr(etrReport(TRUSTS, undefined, sites), "etr.csv").filter(
      (t) => !TRUSTS.some((x) => x.code === t.code),
    );
    expect(closed.map((t) => [t.code, t.regionCode, t.closeDate])).toEqual([
      ["ROLD", null, "2019-09-30"],
      ["RSPL", null, "2021-09-30"],
    ]);
    expect(parseSucc(succReport([], undefined, sites), "succ.csv")).toEqual([
      { predecessor: "ROLD", successor: "RAA", effectiveDate: "2019-10-01" },
      { predecessor: "RSPL", successor: "RAA", effectiveDate: "2021-10-01" },
      { predecessor: "RSPL", successor: "RBB", effectiveDate: "2021-10-01" },
    ]);
  });

  it("lays out the new edition from the latest one, with the gains, the rename and the contradicting row", () => {
    const rows = editionRows(STATUS, picks);
    expect(rows[0]).toEqual(["Organisation Code", "Organisation", "Trust Type (Primary)", "Supplier (Primary EPR)"]);
    expect(rows.slice(1)).toEqual([
      ["RAA", "ALPHA NHS TRUST", "Acute", "Big Supplier Ltd"],
      ["RBB", "BETA NHS FOUNDATION TRUST", "Acute", "Big Supplier Ltd"],
      ["RCC", "GAMMA NHS TRUST", "Mental Health", "No EPR"],
      ["RDD", "DELTA NHS TRUST", "Acute", "Small Supplier Limited"],
      ["REE", "EPSILON NHS TRUST", "Community", "Small Supplier Limited"],
      ["RGG", "GEE NHS TRUST", "Acute", "Big Supplier Ltd"],
      ["RHH", "AITCH NHS TRUST", "Ambulance", "Big Supplier Ltd"],
      ["RKK", "KAY NHS TRUST", "Acute", "Third Supplier plc"],
    ]);
  });

  it("adds hand-made rows as the data dictionary says: next id, sorted, the file's own fields", () => {
    expect(nextId(records("id,x\nS001,a\nS009,b\nP010,c\n", "s.csv"), "S")).toBe("S010");
    expect(withRow('id,x\nS001,a\nS003,"b,c"\n', "s.csv", { id: "S002", x: "d" })).toBe(
      'id,x\nS001,a\nS002,d\nS003,"b,c"\n',
    );
    const sources = JSON.stringify([
      { id: "b", type: "dataset", date_note: null },
      { id: "d", type: "written_answer", uin: "1" },
    ]);
    expect(JSON.parse(withSource(sources, { id: "c", type: "dataset", extra: 1 }))).toEqual([
      { id: "b", type: "dataset", date_note: null },
      { id: "c", type: "dataset", date_note: null },
      { id: "d", type: "written_answer", uin: "1" },
    ]);
  });
});

describe("reading the built site", () => {
  it("gives the text a reader sees, in sentences, blocks apart", () => {
    const html = `<title>T</title><p class="lede">It is 95% &amp; rising. Next <a href="/x">one</a>.</p><dl><dt>Rests on</dt><dd>A list</dd></dl><script>var a="No. Way."</script>`;
    expect(sentences(pageText(html))).toEqual(["T", "It is 95% & rising.", "Next one.", "Rests on", "A list"]);
    expect(textOfClass(html, "p", "lede")).toBe("It is 95% & rising. Next one.");
    expect(textOfClass(html, "p", "missing")).toBeNull();
  });

  it("flags the old edition's metadata in a sentence about the new edition, or about no edition, and no other", () => {
    const page = (text: string) => [{ page: "/x/", text }];
    const old = { as_of: "2024-10-01", boards: 42 };
    const fresh = { as_of: "2026-11-30" };
    const flagged = (text: string) => staleEditionSentences(page(text), old, fresh).map((s) => s.sentence);
    expect(flagged("Its sheet is dated 30 November 2026; its file name says 1 January 2024.")).toHaveLength(1);
    expect(flagged("NHS England's list (the list's date is uncertain: see sources)")).toHaveLength(1);
    expect(
      flagged("On the list of 30 November 2026, 15 of the 42 integrated care boards then in force had one."),
    ).toHaveLength(1);
    expect(
      flagged("The list of 1 October 2024 has a file name that says 1 January 2024, so its date is uncertain."),
    ).toEqual([]);
    expect(
      flagged("On the list of 1 October 2024, 15 of the 42 integrated care boards then in force had one."),
    ).toEqual([]);
    expect(
      flagged("On the list of 30 November 2026, 12 of the 36 integrated care boards then in force had one."),
    ).toEqual([]);
  });

  it("flags a sentence that calls an older figure the latest official one", () => {
    const pages = [
      { page: "/", text: "The latest official figure is 91% of trusts.\nThe latest official figure is 95% of trusts." },
      { page: "/coverage/", text: "Earlier counts put it at 91%. The latest official count is not a share." },
    ];
    expect(staleLatestSentences(pages, "95%").map((s) => [s.page, s.sentence])).toEqual([
      ["/", "The latest official figure is 91% of trusts."],
    ]);
  });
});

describe("the stand-ins", () => {
  it("ODS sends each report as CSV, 503 during an outage and 404 for a report it does not have", async () => {
    const ods = await startOds({ etr: '"RAA","A"\n' });
    const etr = `${ods.url}/api/getReport?report=etr`;
    try {
      const ok = await fetch(etr);
      expect([ok.status, ok.headers.get("content-type"), await ok.text()]).toEqual([200, "text/csv", '"RAA","A"\n']);
      ods.setOutage(true);
      expect((await fetch(etr)).status).toBe(503);
      ods.setOutage(false);
      expect((await fetch(etr)).status).toBe(200);
      expect((await fetch(`${ods.url}/api/getReport?report=succ`)).status).toBe(404);
    } finally {
      await ods.close();
    }
  });

  it("Parliament throttles the first list request, then sends fewer records a page than asked, and members on their own host", async () => {
    const records = JSON.parse(readFileSync(join(ROOT, "test/fixtures/rehearsal/questions.json"), "utf8"));
    const p = await startParliament(records, {
      members: { 4444: "Minister B" },
      expandable: [],
      page_size: 2,
      retry_after_seconds: 1,
    });
    const list = `${p.api.url}/api/writtenquestions/questions?searchTerm=electronic+patient+record&take=100&skip=0`;
    try {
      const first = await fetch(list);
      expect([first.status, first.headers.get("retry-after")]).toEqual([429, "1"]);
      const page = (await (await fetch(list)).json()) as { totalResults: number; results: unknown[] };
      expect([page.results.length, page.totalResults]).toEqual([2, 4]);
      expect((await fetch(`${p.members.url}/api/Members/4444`)).status).toBe(200);
      expect((await fetch(`${p.members.url}/api/Members/5999`)).status).toBe(404);
      expect((await fetch(`${p.api.url}/api/Members/4444`)).status).toBe(404);
    } finally {
      await p.close();
    }
  });

  it("the network guard refuses every host name but localhost, and logs it", () => {
    const dir = mkdtempSync(join(tmpdir(), "epr-guard-"));
    try {
      writeFileSync(join(dir, "guard.mjs"), networkGuard(join(dir, "log")));
      const probe = `import dns from "node:dns"; for (const h of ["localhost", "example.org"]) dns.lookup(h, (e) => console.log(h, e ? e.code : "ok"));`;
      const r = spawnSync(process.execPath, ["--import", join(dir, "guard.mjs"), "--input-type=module", "-e", probe], {
        encoding: "utf8",
      });
      expect(r.stdout.split("\n").sort()).toEqual(["", "example.org ENOTFOUND", "localhost ok"]);
      expect(readFileSync(join(dir, "log"), "utf8")).toBe("example.org\n");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the rehearsal after a later real release", () => {
  it("moves every fixture date on by the days since the release it was written after, keeping their order", () => {
    const moved = shiftDates({ day: "2026-11-30", at: "2026-12-01T00:00:00", month: "2026-11", name: "2026 list" }, 40);
    expect(moved).toEqual({ day: "2027-01-09", at: "2027-01-10T00:00:00", month: "2026-12", name: "2026 list" });
    expect(shiftDates({ day: "2026-11-30" }, 0)).toEqual({ day: "2026-11-30" });
  });
});
