/** The modality vocabulary in words, on every surface that words a figure: each value, then properties over all rows. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DATE_BASES,
  MODALITIES,
  PROGRAMME_MODALITIES,
  STATED_BY,
  TARGET_MODALITIES,
  type Modality,
} from "../data/modality.ts";
import { PROGRAMME_MEASURES, STATEMENT_METRICS, statementModality, TARGET_KINDS } from "../data/tables.ts";
import { fundingWords, programmeLabel } from "./programme.ts";
import { promiseWithModality } from "../charts/deadline-slippage/model.ts";
import { targetWhoWords } from "../charts/coverage-over-time/model.ts";
import { target } from "../charts/test-fixtures/rows.ts";
import {
  madeWhenWords,
  modalityTag,
  modalityVerb,
  moneyForTrustsWords,
  noneFoundWords,
  statedWhenWords,
  targetAnnouncedWords,
  targetDoneWords,
  targetStanceWords,
  whenWords,
} from "./modality.ts";

/**
 * The words that claim a thing happened, was paid or was set: only measured, paid and target may use them
 * ("not yet set" and "not set" deny it, so they are allowed).
 */
const STRONG = /\bpaid\b|\bspent\b|(?<!not )(?<!not yet )\bset\b|\bSet by\b|\brecorded\b|\bmeasured\b/;
const WEAK: readonly Modality[] = ["planned", "forecast", "restated_target"];

describe("each modality in words", () => {
  const expected: Record<Modality, { verb: string; money: string; tag: string }> = {
    measured: { verb: "was recorded", money: "recorded for trusts", tag: "measured" },
    planned: { verb: "was planned or allocated", money: "planned for trusts", tag: "planned or allocated" },
    paid: { verb: "was paid", money: "paid to trusts", tag: "paid or spent" },
    forecast: { verb: "was expected", money: "expected for trusts", tag: "forecast" },
    target: { verb: "was set as a target", money: "set as a target for trusts", tag: "target" },
    restated_target: {
      verb: "was restated with a weaker test",
      money: "restated as a target for trusts",
      tag: "restated target, weaker test",
    },
  };
  for (const m of MODALITIES)
    it(`${m}: its verb, its money label and its tag`, () => {
      expect(modalityVerb(m)).toBe(expected[m].verb);
      expect(moneyForTrustsWords(m)).toBe(expected[m].money);
      expect(modalityTag(m)).toBe(expected[m].tag);
    });

  it("programme money, on the programme table and the funding chart", () => {
    const row = (modality: (typeof PROGRAMME_MODALITIES)[number]) => ({
      measure: "funding_to_trusts_total" as const,
      modality,
      stated_by: "minister" as const,
    });
    expect(PROGRAMME_MODALITIES.map((m) => programmeLabel(row(m)))).toEqual([
      "Total recorded for trusts",
      "Total planned for trusts",
      "Total paid to trusts",
      "Total expected for trusts",
    ]);
    expect(PROGRAMME_MODALITIES.map((m) => fundingWords(row(m)))).toEqual([
      "recorded for trusts, as a minister put it",
      "planned for trusts, as a minister put it",
      "paid to trusts, as a minister put it",
      "expected for trusts, as a minister put it",
    ]);
  });

  it("targets, in the target list, the slippage chart and the coverage chart", () => {
    const t = (modality: (typeof TARGET_MODALITIES)[number]) =>
      target({
        id: "T1",
        announced_on: "2025-11-28",
        announced_by: "X",
        target_date: "2026-03-31",
        kind: "epr_or_in_progress",
        modality,
      });
    expect(TARGET_MODALITIES.map((m) => targetAnnouncedWords(t(m)))).toEqual([
      "set by X on 28 November 2025",
      "restated by X on 28 November 2025 with a weaker test (an EPR or one being put in)",
      "planned by X on 28 November 2025, not yet set",
    ]);
    expect(TARGET_MODALITIES.map((m) => targetStanceWords(t(m)))).toEqual([
      "",
      "restated with a weaker test (an EPR or one being put in)",
      "planned, not yet set",
    ]);
    expect(TARGET_MODALITIES.map((m) => promiseWithModality(t(m)).split(":")[0])).toEqual([
      "Every trust with an EPR or installing one by Mar 2026",
      "Restated with a weaker test",
      "Planned, not set",
    ]);
    expect(TARGET_MODALITIES.map((m) => targetWhoWords([t(m)]))).toEqual([
      "Set by X (28 November 2025).",
      "Restated by X on 28 November 2025 with a weaker test (an EPR or one being put in).",
      "Planned by X on 28 November 2025, not yet set.",
    ]);
  });

  it("statements: a forecast_ metric is a forecast, every other a measured figure", () => {
    for (const metric of STATEMENT_METRICS)
      expect(statementModality(metric)).toBe(metric.startsWith("forecast_") ? "forecast" : "measured");
  });

  it("dates: exact plain, inferred and estimated 'about', reported 'by' with what the date is", () => {
    expect(DATE_BASES.map((b) => whenWords("2025-06", b))).toEqual([
      "June 2025",
      "about June 2025",
      "about June 2025",
      "by June 2025",
    ]);
    expect(DATE_BASES.map((b) => madeWhenWords("2025-02-11", b))).toEqual([
      "11 February 2025",
      "about 11 February 2025",
      "about 11 February 2025",
      "by 11 February 2025 (the date of a report of it)",
    ]);
    expect(DATE_BASES.map((b) => statedWhenWords("2025", b))).toEqual([
      "in 2025",
      "in about 2025",
      "in about 2025",
      "by 2025 (the date of a report of it)",
    ]);
  });

  it("an absence is what our sources lack, up to a date", () => {
    expect(noneFoundWords("2026-11-25")).toBe("none found in our sources up to 25 November 2026");
  });
});

describe("no weaker statement in stronger words", () => {
  const isoDate = fc
    .tuple(fc.integer({ min: 2000, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
    .map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
  const day = fc.oneof(
    isoDate,
    isoDate.map((d) => d.slice(0, 7)),
    isoDate.map((d) => d.slice(0, 4)),
  );
  // Who said it may itself contain any words ("Department for planning"), so it is kept to a plain name.
  const who = fc.constantFrom("A Minister", "The department", "NHS England board");

  it("no planned or forecast sum is worded paid, spent, set or recorded, whoever stated it", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PROGRAMME_MEASURES),
        fc.constantFrom(...PROGRAMME_MODALITIES),
        fc.constantFrom(...STATED_BY),
        (measure, modality, stated_by) => {
          const words = `${programmeLabel({ measure, modality })} ${fundingWords({ measure, modality, stated_by })}`;
          if (WEAK.includes(modality) && measure.startsWith("funding_to_trusts")) expect(words).not.toMatch(STRONG);
          if (modality !== "paid") expect(words).not.toMatch(/\bpaid\b/);
        },
      ),
    );
  });

  it("no restated or planned target is worded as set, on any surface that words targets", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TARGET_MODALITIES),
        fc.constantFrom(...TARGET_KINDS),
        day,
        who,
        (modality, kind, announced_on, announced_by) => {
          const t = target({ id: "T1", announced_on, announced_by, target_date: "2026-03-31", kind, modality });
          const words = [
            targetAnnouncedWords(t),
            targetDoneWords(t),
            targetStanceWords(t),
            promiseWithModality(t),
            targetWhoWords([t]),
          ];
          if (modality === "target") expect(words[0]).toMatch(/^set by /);
          else for (const w of words) expect(w).not.toMatch(STRONG);
        },
      ),
    );
  });

  it("no forecast or planned modality borrows the verb, money words or tag of a measured, paid or set one", () => {
    fc.assert(
      fc.property(fc.constantFrom(...WEAK), (m) => {
        for (const w of [modalityVerb(m), moneyForTrustsWords(m), modalityTag(m)]) expect(w).not.toMatch(STRONG);
      }),
    );
  });

  it("an inferred or estimated date is never printed plain", () => {
    fc.assert(
      fc.property(day, fc.constantFrom(...DATE_BASES), (d, basis) => {
        const words = [whenWords(d, basis), madeWhenWords(d, basis), statedWhenWords(d, basis)];
        if (basis === "inferred" || basis === "estimated") for (const w of words) expect(w).toMatch(/about /);
        if (basis === "reported") for (const w of words) expect(w).toMatch(/^by /);
        if (basis === "exact") for (const w of words) expect(w).not.toMatch(/about|^by /);
      }),
    );
  });
});
