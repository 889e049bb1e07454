/** The dated status sentences of trust pages, on fixture trusts whose story is known. */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readDataDir } from "../../../scripts/build-data.ts";
import { buildSiteData } from "../data/model.ts";
import {
  boardPeriodWords,
  contradictionSentences,
  statusEvidenceWords,
  restsOnWords,
  statusAtCloseSentence,
  statusLabel,
  statusSentence,
  type TextContext,
} from "./text.ts";
import { trustHistory } from "./history.ts";

const FIXTURE = fileURLToPath(new URL("../../../test/fixtures/data", import.meta.url));
const site = buildSiteData(readDataDir(FIXTURE)).site;
const t = (code: string) => site.trusts.find((x) => x.code === code)!;
const nameOf = (code: string) => t(code)?.name ?? code;
const ctx: TextContext = { nameOf, eventOf: (id) => site.trust_events.find((e) => e.id === id) };

describe("a trust's board period", () => {
  it("ends a closed trust's board at the trust's own last day, not the board's", () => {
    // RAP and RRP closed in 2024; their board closed on 31 March 2026.
    const board = { from: null, until: "2026-03-31" };
    expect(boardPeriodWords(board, "2024-03-31")).toBe(" (until 31 March 2024, the trust's last day)");
    expect(boardPeriodWords(board, "2024-03-31")).not.toContain("2026");
    expect(boardPeriodWords(board, null)).toBe(" (until 31 March 2026)");
    expect(boardPeriodWords({ from: "2026-04-01", until: null }, null)).toBe(" (since 1 April 2026)");
    // A board that ended before the trust did keeps its own end.
    expect(boardPeriodWords({ from: null, until: "2022-06-30" }, "2024-03-31")).toBe(" (until 30 June 2022)");
  });
});

describe("trust status sentences", () => {
  it("a go-live after a no-EPR list entry: present tense for the go-live, past tense for the list", () => {
    expect(statusLabel(t("RDD"))).toBe("Has an EPR");
    // The fixture's go-live date was inferred (date_inferred yes): never printed plain.
    expect(statusSentence(t("RDD"), ctx)).toBe(
      "Has an EPR from Epic Systems Corporation, live since about June 2025, as reported by Trade News; NHS England's list of 1 October 2024 had recorded none.",
    );
    expect(restsOnWords(t("RDD").status_now)).toBe("A reported go-live, about June 2025");
    expect(statusEvidenceWords(t("RDD").status_now)).toBe("about June 2025 (go-live report)");
    const read = { ...t("RDD"), status_now: { ...t("RDD").status_now, since_basis: "exact" as const } };
    expect(statusSentence(read, ctx)).toContain("live since June 2025, as reported");
    expect(statusEvidenceWords(read.status_now)).toBe("June 2025 (go-live report)");
  });

  it("a later edition that still records no EPR: the sentence names the entry the go-live followed, and the disagreement is said apart", () => {
    const rdd = t("RDD");
    const later = { source_id: "list-2026", as_of: "2026-11-01", has_epr: false, supplier: null };
    const contradicted = {
      ...rdd,
      lists: [...rdd.lists, later],
      list: later,
      status_now: { ...rdd.status_now, contradictions: [later] },
    };
    expect(statusSentence(contradicted, ctx)).toContain("; NHS England's list of 1 October 2024 had recorded none.");
    expect(contradictionSentences(contradicted.status_now)).toEqual([
      "NHS England's list of 1 November 2026 still recorded no EPR, after the go-live reported for about June 2025. This site keeps the go-live, a dated report of one event, and shows the list's entry here rather than following it.",
    ]);
    expect(contradictionSentences(rdd.status_now)).toEqual([]);
  });

  it("a list entry with no later news is dated to the list", () => {
    expect(statusSentence(t("RAA"), ctx)).toBe(
      "Had an EPR from Epic Systems Corporation on NHS England's list of 1 October 2024; no later report of a change was found.",
    );
  });

  it("a closed trust: closed, when, and where it went; what it had, in the past tense", () => {
    expect(statusLabel(t("RBB"))).toBe("Closed");
    expect(statusSentence(t("RBB"), ctx)).toBe(
      "Closed: its last day as a trust was 31 October 2024. It merged into New Mental Health NHS Trust on 1 November 2024 (see that trust for its EPR now).",
    );
    expect(statusAtCloseSentence(t("RBB"))).toBe("NHS England's list of 1 October 2024 recorded an EPR from TPP.");
  });

  it("a trust newer than the list says its status is inferred, from whom, and when it opened", () => {
    expect(statusLabel(t("NEW1A"))).toBe("Has an EPR (inferred)");
    expect(statusSentence(t("NEW1A"), ctx)).toBe(
      'No EPR status of its own has been published. It opened on 1 November 2024, after NHS England\'s list of 1 October 2024; every trust it took over had an EPR on that list: Beta Mental Health NHS Trust (TPP) and Zeta Care NHS Trust (TPP). "Has an EPR" is inferred from them.',
    );
  });

  it("dates a takeover as a takeover, and the board change with the board's dates", () => {
    const history = trustHistory(t("NEW1A"), nameOf);
    expect(history.map((h) => `${h.date}: ${h.text}`)).toEqual([
      "2024-11-01: The trust opened, taking over from Beta Mental Health NHS Trust and Zeta Care NHS Trust.",
    ]);
    expect(trustHistory(t("TZZ"), nameOf).map((h) => `${h.date}: ${h.text}`)).toEqual([
      "2024-10-01: NHS England's list recorded TPP as its main EPR supplier.",
      "2024-10-31: Its last day as a trust: it became part of New Mental Health NHS Trust on 1 November 2024.",
    ]);
  });

  it("a care trust outside the ODS trust file: its inferred last day and its assumed opening are said on its page", () => {
    // TZZ: not in the trust file; only the successor file dates its merger.
    expect(statusSentence(t("TZZ"), ctx)).toBe(
      "Closed: it merged into New Mental Health NHS Trust on 1 November 2024 (see that trust for its EPR now). It is not in the ODS trust file, so its last day as a trust, 31 October 2024, is inferred as the day before.",
    );
    // The same trust with no merger recorded is counted as open, and its sentence says why.
    const zeta = t("RBB");
    const assumed = {
      ...t("TZZ"),
      merged_into: [],
      in_ods_trust_list: false,
      status_now: { ...zeta.status_now, status: "epr" as const, basis: "list" as const, since: "2024-10-01" },
    };
    expect(statusSentence(assumed, ctx)).toMatch(
      /no later report of a change was found\. It is not in the ODS trust file and no closure or merger is recorded for it, so it is counted as open\.$/,
    );
    expect(statusSentence(t("RAA"), ctx)).not.toContain("counted as open");
  });

  it("cites a closed trust's merger to the successor file that records it, and its last day to the trust file", () => {
    const history = trustHistory(t("RBB"), nameOf);
    const merger = history.find((h) => h.text.includes("New Mental Health NHS Trust"))!;
    expect(merger).toEqual({
      date: "2024-11-01",
      text: "It became part of New Mental Health NHS Trust.",
      source_id: "ods-succ-2026",
    });
    expect(history.find((h) => h.text === "Its last day as a trust.")).toEqual({
      date: "2024-10-31",
      text: "Its last day as a trust.",
      source_id: "ods-etr-2026",
    });
  });
});
