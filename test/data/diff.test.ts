import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import {
  diffSite,
  isSiteDiffEmpty,
  releaseTitle,
  summariseSiteDiff,
  type SiteView,
  type StatusView,
  type TrustView,
} from "../../src/lib/data/diff.ts";
import { addRelease, parseChangelog } from "../../src/lib/data/changelog.ts";
import { atomFeed } from "../../src/lib/publish/feed.ts";
import type { StatementRow } from "../../src/lib/data/tables.ts";

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
const edit = (dir: string, file: string, f: (s: string) => string) =>
  writeFileSync(join(dir, file), f(readFileSync(join(dir, file), "utf8")));

/* Hand-made releases of the site's model: a few trusts, two list editions, a report, a figure. */

const LIST_2024 = { source_id: "list-2024", as_of: "2024-10-01", total: 40 };
const LIST_2026 = { source_id: "list-2026", as_of: "2026-11-01", total: 40 };

function status(s: Partial<StatusView> & Pick<StatusView, "status">): StatusView {
  return {
    basis: "list",
    since: LIST_2024.as_of,
    supplier: null,
    source_id: LIST_2024.source_id,
    event_id: null,
    ...s,
  };
}
const onList = (supplier: string | null, edition = LIST_2024): StatusView =>
  status({ status: supplier ? "epr" : "no_epr", supplier, since: edition.as_of, source_id: edition.source_id });

function trust(code: string, name: string, status_now: StatusView, more: Partial<TrustView> = {}): TrustView {
  return {
    code,
    name,
    open_date: "2000-04-01",
    close_date: null,
    merged_into: [],
    took_over: [],
    region_name: "London",
    lists: [],
    status_now,
    ...more,
  };
}

/** A trust on each list edition in turn with these suppliers (null: no EPR), its status resting on the last unless given. */
function listed(code: string, name: string, suppliers: (string | null)[], status_now?: StatusView): TrustView {
  const editions = [LIST_2024, LIST_2026];
  const lists = suppliers.map((supplier, i) => ({
    source_id: editions[i]!.source_id,
    as_of: editions[i]!.as_of,
    has_epr: supplier !== null,
    supplier,
  }));
  return trust(code, name, status_now ?? onList(suppliers.at(-1)!, editions[suppliers.length - 1]), { lists });
}

function statement(s: Partial<StatementRow> & Pick<StatementRow, "id" | "value" | "as_of">): StatementRow {
  return {
    metric: "share_with_epr",
    unit: "percent",
    scope: "secondary_care_trusts",
    stated_on: s.as_of,
    date_basis: s.dates_estimated ? "estimated" : "exact",
    dates_estimated: false,
    stated_by: "minister",
    official: true,
    modality: "measured",
    speaker: null,
    source_id: "wq-2025",
    fact_ids: [],
    confidence: "H",
    note: null,
    ...s,
  };
}

const SHARE_2025 = statement({ id: "S010", value: 91, as_of: "2025-05", dates_estimated: true });

function release(date: string, trusts: TrustView[], more: Partial<SiteView> = {}): SiteView {
  const statements = more.statements ?? [SHARE_2025];
  const share = statements.filter((s) => s.metric === "share_with_epr" && s.official).at(-1)!;
  const by_status = { epr: 0, no_epr: 0, unknown: 0, closed: 0 };
  for (const t of trusts) by_status[t.status_now.status]++;
  return {
    release: { date },
    sources: [
      {
        id: "list-2024",
        title: "Trusts' primary EPR suppliers, 2024",
        publisher: "NHS England",
        date: "2024-10-01",
        date_estimated: false,
      },
      {
        id: "list-2026",
        title: "Trusts' primary EPR suppliers, November 2026",
        publisher: "NHS England",
        date: "2026-11-01",
        date_estimated: false,
      },
      {
        id: "ods-etr-2026",
        title: "NHS Trusts",
        publisher: "NHS England Organisation Data Service",
        date: "2026-11",
        date_estimated: false,
      },
      {
        id: "ods-succ-2026",
        title: "Successor organisations",
        publisher: "NHS England Organisation Data Service",
        date: "2026-11",
        date_estimated: false,
      },
      {
        id: "wq-2025",
        title: "Written question on EPRs, May 2025",
        publisher: "UK Parliament",
        date: "2025-05",
        date_estimated: true,
      },
      {
        id: "wq-2026",
        title: "Written question on digital records, October 2026",
        publisher: "UK Parliament",
        date: "2026-10-20",
        date_estimated: false,
      },
    ],
    list_editions: [LIST_2024],
    trusts,
    status_now: { total: trusts.length, by_status },
    headline: {
      share_with_epr: share,
      deadline: { id: "T001", promise: "Every trust to have an EPR", target_date: "2026-03-31", source_id: "wq-2025" },
    },
    statements,
    targets: [],
    programme: [],
    trust_events: [
      {
        id: "E001",
        ods_code: "RDD",
        event_date: "2025-06",
        event: "go_live",
        supplier: "Epic",
        summary: "Went live.",
        date_inferred: false,
        source_title: "Delta goes live",
        publisher: "Trade News",
        url: "https://example.org/delta",
        confidence: "M",
      },
      {
        id: "E004",
        ods_code: "RHH",
        event_date: "2025-09",
        event: "go_live",
        supplier: "Allscripts",
        summary: "Went live.",
        date_inferred: false,
        source_title: "Hazel goes live",
        publisher: "Trade News",
        url: "https://example.org/hazel",
        confidence: "M",
      },
    ],
    ...more,
  };
}

const goLive = (event_id: string, since: string, supplier: string) =>
  status({ status: "epr", basis: "go_live", since, supplier, source_id: null, event_id });

/** Three trusts listed with Allscripts, one live by a report (Delta), one on Allscripts by a report (Hazel), one without (Elm). */
const before = release("2026-11-25", [
  listed("RA1", "Alder Hospitals NHS Trust", ["Allscripts"]),
  listed("RA2", "Birch NHS Foundation Trust", ["Allscripts"]),
  listed("RA3", "Cedar Community NHS Trust", ["Allscripts"]),
  listed("RDD", "Delta Hospital NHS Foundation Trust", [null], goLive("E001", "2025-06", "Epic")),
  listed("REE", "Elm NHS Trust", [null]),
  listed("RFF", "Fir Mental Health NHS Trust", ["TPP"]),
  listed("RGG", "Gorse NHS Trust", ["Cerner"]),
  listed("RHH", "Hazel NHS Trust", ["System C"], goLive("E004", "2025-09", "Allscripts")),
]);

/**
 * The next release: a new edition renames Allscripts to Altera for every trust it listed with it, still
 * lists Delta (live by a report) as having no EPR and Hazel with its old supplier, and gives Elm an
 * EPR; Gorse is renamed; a new official figure.
 */
function next(opts: { contradiction?: boolean } = {}): SiteView {
  const share2026 = statement({ id: "S011", value: 97, as_of: "2026-10", scope: "all_trusts", source_id: "wq-2026" });
  const delta = opts.contradiction
    ? {
        ...goLive("E001", "2025-06", "Epic"),
        contradictions: [{ source_id: LIST_2026.source_id, as_of: LIST_2026.as_of, has_epr: false, supplier: null }],
      }
    : undefined;
  return release(
    "2026-12-01",
    [
      listed("RA1", "Alder Hospitals NHS Trust", ["Allscripts", "Altera"]),
      listed("RA2", "Birch NHS Foundation Trust", ["Allscripts", "Altera"]),
      listed("RA3", "Cedar Community NHS Trust", ["Allscripts", "Altera"]),
      listed("RDD", "Delta Hospital NHS Foundation Trust", [null, null], delta),
      listed("REE", "Elm NHS Trust", [null, "Nervecentre"]),
      listed("RFF", "Fir Mental Health NHS Trust", ["TPP", "TPP"]),
      listed("RGG", "Gorse and Heather NHS Trust", ["Cerner", "Cerner"]),
      listed("RHH", "Hazel NHS Trust", ["System C", "System C"]),
    ],
    { list_editions: [LIST_2024, LIST_2026], statements: [SHARE_2025, share2026] },
  );
}

describe("diff of what the site says", () => {
  it("finds nothing when nothing the site says changed, even with a new release date", () => {
    expect(isSiteDiffEmpty(diffSite(before, before))).toBe(true);
    expect(isSiteDiffEmpty(diffSite(before, { ...before, release: { date: "2026-12-01" } }))).toBe(true);
    expect(summariseSiteDiff(diffSite(before, before))).toEqual([]);
  });

  it("reports a trust that loses its EPR first, by name, with the evidence's date and source", () => {
    const d = diffSite(before, next());
    expect(d.lost.map((c) => [c.trust.name, c.from.status, c.to.status])).toEqual([
      ["Delta Hospital NHS Foundation Trust", "epr", "no_epr"],
    ]);
    const lines = summariseSiteDiff(d);
    const loss = lines.findIndex((l) => l.startsWith("No longer shown with an EPR:"));
    const gain = lines.findIndex((l) => l.startsWith("Now shown with an EPR:"));
    expect(lines[loss]).toBe(
      "No longer shown with an EPR: Delta Hospital NHS Foundation Trust (RDD): no EPR, by NHS England's list of 1 November 2026; it had been shown with an EPR from Epic, by a go-live in June 2025 reported by Trade News in “Delta goes live”.",
    );
    expect(lines[gain]).toBe(
      "Now shown with an EPR: Elm NHS Trust (REE): no EPR → an EPR from Nervecentre, by NHS England's list of 1 November 2026.",
    );
    expect(loss).toBeLessThan(gain);
    expect(releaseTitle(d)).toContain("1 trust no longer shown with an EPR; 1 trust now shown with an EPR");
  });

  it("gives the counts by status now, old → new, when a reversal changes them", () => {
    const d = diffSite(
      before,
      release(
        "2026-12-01",
        next().trusts.filter((t) => t.code !== "REE"),
      ),
    );
    expect(summariseSiteDiff(d)).toContain(
      "Trusts by status now on 25 November 2026 → 1 December 2026: with an EPR 7 → 6, no EPR reported 1, not known 0, closed 0.",
    );
    // With one trust lost and another gained, the counts stand still: only the names tell.
    expect(diffSite(before, next()).headline.counts.changed).toBe(false);
  });

  it("flags a list edition that contradicts the evidence a status rests on, instead of a silent reversal", () => {
    const d = diffSite(before, next({ contradiction: true }));
    expect(d.lost).toEqual([]);
    expect(summariseSiteDiff(d)).toContain(
      "Flagged, sources disagree: NHS England's list of 1 November 2026 records no EPR for Delta Hospital NHS Foundation Trust (RDD), after a go-live in June 2025 reported by Trade News in “Delta goes live”; the site shows an EPR from Epic.",
    );
    expect(releaseTitle(d)).toContain("1 contradiction flagged");
    // Already flagged in the release before: not new, so not repeated.
    expect(diffSite(next({ contradiction: true }), next({ contradiction: true })).contradicted).toEqual([]);
  });

  it("reports a supplier renamed across a list edition in one line, not one per trust", () => {
    const lines = summariseSiteDiff(diffSite(before, next()));
    expect(lines).toContain(
      "Supplier renamed in NHS England's list of 1 November 2026: Allscripts → Altera (3 trusts).",
    );
    // Hazel was on Allscripts by a report only; the new edition still lists System C: a change of its own.
    expect(lines.filter((l) => l.includes("Allscripts"))).toEqual([
      "Supplier renamed in NHS England's list of 1 November 2026: Allscripts → Altera (3 trusts).",
      "Supplier changed for Hazel NHS Trust (RHH): an EPR from System C, by NHS England's list of 1 November 2026; it had been shown with an EPR from Allscripts, by a go-live in September 2025 reported by Trade News in “Hazel goes live”.",
    ]);
  });

  it("reports each trust when not every trust with that supplier moved, or only one did", () => {
    const partial = next();
    const trusts = partial.trusts.map((t) =>
      t.code === "RA3" ? listed("RA3", t.name, ["Allscripts", "Allscripts"]) : t,
    );
    const lines = summariseSiteDiff(diffSite(before, { ...partial, trusts }));
    expect(lines.filter((l) => l.startsWith("Supplier changed for"))).toEqual([
      "Supplier changed for Alder Hospitals NHS Trust (RA1): an EPR from Allscripts → an EPR from Altera, by NHS England's list of 1 November 2026.",
      "Supplier changed for Birch NHS Foundation Trust (RA2): an EPR from Allscripts → an EPR from Altera, by NHS England's list of 1 November 2026.",
      "Supplier changed for Hazel NHS Trust (RHH): an EPR from System C, by NHS England's list of 1 November 2026; it had been shown with an EPR from Allscripts, by a go-live in September 2025 reported by Trade News in “Hazel goes live”.",
    ]);
    expect(lines.some((l) => l.startsWith("Supplier renamed"))).toBe(false);
    const one = diffSite(before, {
      ...next(),
      trusts: next().trusts.map((t) => (t.code === "RFF" ? listed("RFF", t.name, ["TPP", "Rio"]) : t)),
    });
    expect(one.supplier_renamed.map((r) => r.from)).toEqual(["Allscripts"]);
    expect(one.supplier_changed.map((c) => c.trust.code)).toEqual(["RFF", "RHH"]);
  });

  it("reports a new official figure in words, and the headline it now leads", () => {
    const lines = summariseSiteDiff(diffSite(before, next()));
    expect(lines).toContain(
      "New official figure: share of trusts with an EPR, 97% of trusts (scope not stated), as of October 2026 (Written question on digital records, October 2026).",
    );
    expect(lines[0]).toBe(
      "Headline figure: 91% of secondary care trusts had an EPR as of about May 2025 (Written question on EPRs, May 2025) → 97% of trusts (scope not stated) had an EPR as of October 2026 (Written question on digital records, October 2026).",
    );
  });

  it("words a figure of NHS England's self-assessment as providers, never as all NHS trusts", () => {
    const dma = statement({
      id: "S012",
      value: 99,
      as_of: "2026-10",
      scope: "all_trusts",
      source_id: "wq-2026",
      metric: "dma_share_using_epr",
    });
    const lines = summariseSiteDiff(diffSite(before, { ...before, statements: [SHARE_2025, dma] }));
    expect(lines).toContain(
      "New official figure: share of providers saying they use an EPR (NHS England's self-assessment), 99% of providers, as of October 2026 (Written question on digital records, October 2026).",
    );
  });

  it("reports a revised figure with its old and new value, and ignores a changed note", () => {
    const revised = diffSite(before, { ...before, statements: [{ ...SHARE_2025, value: 92 }] });
    expect(summariseSiteDiff(revised)).toContain(
      "Revised official figure: share of trusts with an EPR, 91% of secondary care trusts → 92% of secondary care trusts, as of about May 2025 (Written question on EPRs, May 2025).",
    );
    expect(diffSite(before, { ...before, statements: [{ ...SHARE_2025, note: "Reworded." }] }).figures).toEqual([]);
  });

  it("reports a renamed trust by its old and new names", () => {
    expect(summariseSiteDiff(diffSite(before, next()))).toContain(
      "Trust renamed: Gorse NHS Trust is now Gorse and Heather NHS Trust (RGG); source: NHS Trusts, November 2026.",
    );
  });

  it("reports a merger as a closure into the successor, and the new trust with its status and evidence", () => {
    const merged = release("2026-12-01", [
      ...before.trusts.filter((t) => t.code !== "RFF" && t.code !== "RA3"),
      trust(
        "RFF",
        "Fir Mental Health NHS Trust",
        status({ status: "closed", basis: "closed", since: "2026-03-31", supplier: "TPP", source_id: null }),
        { merged_into: [{ code: "RZZ", date: "2026-04-01" }] },
      ),
      trust("RA3", "Cedar Community NHS Trust", onList("Allscripts"), {
        merged_into: [{ code: "RZZ", date: "2027-04-01" }],
      }),
      trust(
        "RZZ",
        "Zelkova Partnership NHS Trust",
        status({ status: "epr", basis: "predecessors", since: "2024-10-01", supplier: "TPP", source_id: "list-2024" }),
        { open_date: "2026-04-01", took_over: [{ code: "RFF", date: "2026-04-01" }] },
      ),
    ]);
    const lines = summariseSiteDiff(diffSite(before, merged));
    expect(lines).toContain(
      "Trust closed: Fir Mental Health NHS Trust (RFF), last open on 31 March 2026, merged into Zelkova Partnership NHS Trust (RZZ); source: Successor organisations, November 2026.",
    );
    expect(lines).toContain(
      "Merger recorded: Cedar Community NHS Trust (RA3) into Zelkova Partnership NHS Trust (RZZ) on 1 April 2027; source: Successor organisations, November 2026.",
    );
    expect(lines).toContain(
      "New trust: Zelkova Partnership NHS Trust (RZZ), open from 1 April 2026, taking over Fir Mental Health NHS Trust (RFF); status now an EPR from TPP, by the trusts it took over, on NHS England's list of 1 October 2024 (inferred).",
    );
    // A closure is not a loss of an EPR.
    expect(lines.some((l) => l.startsWith("No longer shown with an EPR"))).toBe(false);
  });

  it("lists new sources, list editions and reports, without restating the report behind a change of status", () => {
    const d = diffSite(
      { ...before, sources: before.sources.filter((s) => s.id !== "wq-2026" && s.id !== "list-2026") },
      next(),
    );
    const lines = summariseSiteDiff(d);
    expect(lines).toContain(
      "New edition of NHS England's list: 1 November 2026, 40 trusts (Trusts' primary EPR suppliers, November 2026).",
    );
    expect(lines).toContain(
      "New source: Written question on digital records, October 2026 (UK Parliament, 20 October 2026).",
    );
    // A list edition is told once, as an edition, not again as a source.
    expect(lines.filter((l) => l.includes("November 2026)"))).toHaveLength(1);

    const event = (id: string, e: Partial<SiteView["trust_events"][number]>) => ({
      ...before.trust_events[0]!,
      id,
      ods_code: "REE",
      ...e,
    });
    const live = event("E002", {
      event: "go_live",
      event_date: "2026-05",
      supplier: "Nervecentre",
      source_title: "Elm goes live",
      publisher: "HTN",
    });
    const contract = event("E003", {
      event: "contract_signed",
      event_date: "2026-09",
      supplier: null,
      summary: "Signed a contract for a new module.",
      source_title: "Elm signs",
      publisher: "Local Paper",
    });
    const after = {
      ...before,
      trusts: before.trusts.map((t) =>
        t.code === "REE"
          ? trust(
              "REE",
              t.name,
              status({
                status: "epr",
                basis: "go_live",
                since: "2026-05",
                supplier: "Nervecentre",
                source_id: null,
                event_id: "E002",
              }),
            )
          : t,
      ),
      trust_events: [...before.trust_events, live, contract],
    };
    const withReports = summariseSiteDiff(diffSite(before, after));
    expect(withReports).toContain(
      "Now shown with an EPR: Elm NHS Trust (REE): no EPR → an EPR from Nervecentre, by a go-live in May 2026 reported by HTN in “Elm goes live”.",
    );
    expect(withReports).toContain(
      "New report on Elm NHS Trust (REE), September 2026: Signed a contract for a new module. (Local Paper, “Elm signs”).",
    );
    expect(withReports.filter((l) => l.includes("Elm goes live"))).toHaveLength(1);
  });

  it("writes for readers: no file name or row id in any line, and the changelog refuses them", () => {
    const lines = summariseSiteDiff(diffSite(before, next()));
    expect(lines.length).toBeGreaterThan(5);
    for (const l of lines) expect(l).not.toMatch(/\.(csv|json)\b|\b[SPTE]\d{3}\b|list-20/);
    expect(() =>
      parseChangelog(JSON.stringify([{ date: "2026-12-01", title: "t", changes: lines }]), "changelog.json"),
    ).not.toThrow();
    expect(() =>
      parseChangelog(
        JSON.stringify([{ date: "2026-12-01", title: "t", changes: ["New in statements.csv: S051"] }]),
        "changelog.json",
      ),
    ).toThrow(
      /column "\[0\]\.changes\[0\]": found "New in statements\.csv: S051"; expected a change in words: words for readers, without a file name \(statements\.csv\)/,
    );
    expect(() =>
      parseChangelog(
        JSON.stringify([{ date: "2026-12-01", title: "t", changes: ["Revised S051."] }]),
        "changelog.json",
      ),
    ).toThrow(/without a row id \(S051\)/);
  });
});

/* The command, on copies of the fixture data folder. */

/** A later release of the fixture data: a trust closes into a new one, a reversal, a gain, a new figure. */
function laterRelease(): string {
  const dir = copy();
  edit(dir, "release.json", () => '{ "date": "2026-12-01" }\n');
  edit(
    dir,
    "trusts.csv",
    (s) =>
      s.replace(
        "RCC,Gamma Community NHS Trust,GAMMA COMMUNITY NHS TRUST,Y58,QBB,QBB,BS10 5NB,2000-04-01,",
        "RCC,Gamma Community NHS Trust,GAMMA COMMUNITY NHS TRUST,Y58,QBB,QBB,BS10 5NB,2000-04-01,2026-03-31",
      ) + "NEW2B,Second New NHS Trust,SECOND NEW NHS TRUST,Y58,QBB,QBB,BS10 5NB,2026-04-01,\n",
  );
  edit(dir, "successions.csv", (s) => s + "RCC,NEW2B,2026-04-01\n");
  edit(dir, "epr-status.csv", (s) =>
    s.replace(
      "RAA,2024-10-01,epr-list,ALPHA HOSPITALS NHS TRUST,acute,yes,Epic Systems Corporation",
      "RAA,2024-10-01,epr-list,ALPHA HOSPITALS NHS TRUST,acute,no,",
    ),
  );
  edit(
    dir,
    "statements.csv",
    (s) =>
      s + "S005,share_with_epr,96,percent,secondary_care_trusts,2026-03,2026-04,exact,minister,A Minister,wq-1,,H,\n",
  );
  return dir;
}
const run = (args: string[], cwd = ROOT) =>
  spawnSync(process.execPath, [join(ROOT, "scripts/diff.ts"), ...args], { encoding: "utf8", cwd });

describe("npm run data:diff", () => {
  it("prints the headline, then each change by trust name, losses first, and --write records them for readers", () => {
    const next = laterRelease();
    const r = run(["--base", copy(), "--data", next, "--write"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const out = r.stdout;
    expect(out).toMatch(
      /^What the site says, data release of 2026-11-25 → 2026-12-01:\n {2}Headline figure: 80% of secondary care trusts had an EPR as of about May 2025 \(.*\) → 96% of secondary care trusts had an EPR as of March 2026 \(.*\)\.\n {2}Trusts by status now on 25 November 2026 → 1 December 2026: with an EPR/,
    );
    expect(out).toContain(
      "  - No longer shown with an EPR: Alpha Hospitals NHS Trust (RAA): no EPR, by NHS England's list of 1 October 2024; it had been shown with an EPR from Epic Systems Corporation, by NHS England's list of 1 October 2024.",
    );
    expect(out).toContain(
      "  - Trust closed: Gamma Community NHS Trust (RCC), last open on 31 March 2026, merged into Second New NHS Trust (NEW2B)",
    );
    expect(out).toContain(
      "  - New trust: Second New NHS Trust (NEW2B), open from 1 April 2026, taking over Gamma Community NHS Trust (RCC)",
    );
    expect(out.indexOf("No longer shown with an EPR")).toBeLessThan(out.indexOf("Trust closed"));
    const log = parseChangelog(readFileSync(join(next, "changelog.json"), "utf8"), "changelog.json");
    expect(log.map((e) => e.date)).toEqual(["2026-12-01", "2026-11-25"]);
    expect(log[0]!.title).toContain("1 trust no longer shown with an EPR");
    expect(log[0]!.changes).toContain(
      "No longer shown with an EPR: Alpha Hospitals NHS Trust (RAA): no EPR, by NHS England's list of 1 October 2024; it had been shown with an EPR from Epic Systems Corporation, by NHS England's list of 1 October 2024.",
    );
    expect(log[0]!.changes.join("\n")).not.toMatch(/statements\.csv|S005/);
  });

  it("compares with data/ as committed at a git revision by default", () => {
    const repo = mkdtempSync(join(tmpdir(), "epr-diff-repo-"));
    dirs.push(repo);
    cpSync(FIXTURE, join(repo, "data"), { recursive: true });
    const git = (...args: string[]) =>
      execFileSync("git", args, {
        cwd: repo,
        encoding: "utf8",
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: "t",
          GIT_AUTHOR_EMAIL: "t@example.org",
          GIT_COMMITTER_NAME: "t",
          GIT_COMMITTER_EMAIL: "t@example.org",
        },
      });
    git("init", "-q");
    git("add", "data");
    git("commit", "-q", "-m", "data");
    expect(run([], repo).stdout).toBe("No changes in the data.\n");
    edit(join(repo, "data"), "trusts.csv", (s) =>
      s.replace("RDD,Delta Hospital NHS Foundation Trust,", "RDD,Delta University Hospital NHS Foundation Trust,"),
    );
    const r = run([], repo);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      "  - Trust renamed: Delta Hospital NHS Foundation Trust is now Delta University Hospital NHS Foundation Trust (RDD)",
    );
  });

  it("fails clearly when the new data is bad", () => {
    const next = copy();
    edit(next, "statements.csv", (s) => s.replace("S004,share_with_epr,80,", "S004,share_with_epr,80%,"));
    const r = run(["--base", copy(), "--data", next]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/statements\.csv, line 5, column "value": found "80%"/);
  });

  it("refuses text from Parliament with control characters or terminal escapes, naming the record, and never prints them", () => {
    const base = copy();
    const next = copy();
    const answers = JSON.parse(readFileSync(join(next, "parliament/answers.json"), "utf8"));
    writeFileSync(join(base, "parliament/answers.json"), JSON.stringify([answers[0]], null, 2) + "\n");
    answers[1].heading = "NHS\u001b[2J\u202eTrusts";
    writeFileSync(join(next, "parliament/answers.json"), JSON.stringify(answers, null, 2) + "\n");
    const r = run(["--base", base, "--data", next]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/answers\.json.*heading/);
    expect(r.stdout + r.stderr).not.toMatch(/[\u001b\u202e]/);
  });

  it("lists new written answers with their figure sentences, records them without, and refuses to overwrite a recorded release", () => {
    const base = copy();
    const next = copy();
    const answers = JSON.parse(readFileSync(join(next, "parliament/answers.json"), "utf8"));
    mkdirSync(join(base, "parliament"), { recursive: true });
    writeFileSync(join(base, "parliament/answers.json"), JSON.stringify([answers[0]], null, 2) + "\n");
    edit(next, "release.json", () => '{ "date": "2026-12-01" }\n');
    const first = run(["--base", base, "--data", next, "--write"]);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(
      "No change to trusts, sources or figures.\nWritten answers:\n  - New answer: Commons question 1841615, tabled 2025-10, answer date not known (https://questions-statements-api.parliament.uk/api/writtenquestions/questions/1841615).\n      figure: “The North-West Anglia NHS Foundation Trust has received approximately £9 million of funding from NHS England to date, with a further £3 million of funding due to be received this year.”",
    );
    const log = parseChangelog(readFileSync(join(next, "changelog.json"), "utf8"), "changelog.json");
    expect(log[0]!.changes).toEqual([
      "New answer: Commons question 1841615, tabled 2025-10, answer date not known (https://questions-statements-api.parliament.uk/api/writtenquestions/questions/1841615).",
    ]);

    const before = readFileSync(join(next, "changelog.json"), "utf8");
    const again = run(["--base", base, "--data", next, "--write"]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(
      /changelog\.json, column "date": found "2026-12-01"; expected no release recorded for 2026-12-01 yet: set a new date in .*release\.json/,
    );
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
    expect(() =>
      parseChangelog(JSON.stringify([{ date: "1 Dec 2026", title: "t", changes: ["c"] }]), "changelog.json"),
    ).toThrow(/changelog\.json, column "\[0\]\.date": found "1 Dec 2026"/);
    expect(() => parseChangelog(JSON.stringify([entry("2026-11-25"), entry("2026-12-01")]), "changelog.json")).toThrow(
      /newest first/,
    );
  });
});

describe("Atom feed", () => {
  it("escapes hostile text in titles and changes", () => {
    const feed = atomFeed(
      [{ date: "2026-12-01", title: "A & <b>bold</b>", changes: ['<script>alert("x")</script>'] }],
      "",
    );
    expect(feed).toContain("<title>A &amp; &lt;b&gt;bold&lt;/b&gt;</title>");
    expect(feed).not.toContain("<script>");
    expect(feed).not.toContain("<b>");
  });
});
