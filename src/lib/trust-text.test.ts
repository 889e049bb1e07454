/** The dated status sentences of trust pages, on fixture trusts whose story is known. */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readDataDir } from "../../scripts/build-data.ts";
import { buildSiteData } from "./data/model.ts";
import {
  contradictionSentences,
  statusAtCloseSentence,
  statusLabel,
  statusSentence,
  type TextContext,
} from "./trust-text.ts";
import { trustHistory } from "./trust-history.ts";

const FIXTURE = fileURLToPath(new URL("../../test/fixtures/data", import.meta.url));
const site = buildSiteData(readDataDir(FIXTURE)).site;
const t = (code: string) => site.trusts.find((x) => x.code === code)!;
const nameOf = (code: string) => t(code)?.name ?? code;
const ctx: TextContext = { nameOf, eventOf: (id) => site.trust_events.find((e) => e.id === id) };

describe("trust status sentences", () => {
  it("a go-live after a no-EPR list entry: present tense for the go-live, past tense for the list", () => {
    expect(statusLabel(t("RDD"))).toBe("Has an EPR");
    expect(statusSentence(t("RDD"), ctx)).toBe(
      "Has an EPR from Epic Systems Corporation, live since June 2025, as reported by Trade News; NHS England's list of 1 October 2024 had recorded none.",
    );
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
      "NHS England's list of 1 November 2026 still recorded no EPR, after the go-live reported for June 2025. This site keeps the go-live, a dated report of one event, and shows the list's entry here rather than following it.",
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
});
