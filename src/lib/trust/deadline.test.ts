import { describe, expect, it } from "vitest";
import type { TrustStatus } from "../data/status.ts";
import type { TrustEventRow } from "../data/tables.ts";
import { deadlineCheck, type DeadlineCheckInput } from "./deadline.ts";

// Hand-made trusts, judged against a deadline of 31 March 2026 on a release of 1 December 2026.
const STRICT = { target_date: "2026-03-31", kind: "epr_coverage" } as const;
const WEAKER = { target_date: "2026-03-31", kind: "epr_or_in_progress" } as const;
const NO_EPR: TrustStatus = {
  status: "no_epr",
  basis: "list",
  since: "2024-10-01",
  since_basis: "exact",
  supplier: null,
  source_id: "list-2024",
  event_id: null,
  inferred_from: [],
  later_event_ids: [],
  contradictions: [],
};
const LISTED_NONE = [{ source_id: "list-2024", as_of: "2024-10-01", has_epr: false, supplier: null }];
let n = 0;
const ev = (event: TrustEventRow["event"], event_date: string, supplier: string | null = null): TrustEventRow => ({
  id: `E${String(++n).padStart(3, "0")}`,
  ods_code: "RXX",
  event_date,
  event,
  supplier,
  summary: "A report.",
  date_inferred: false,
  source_title: `Report ${n}`,
  publisher: "Trade News",
  url: `https://example.org/${n}`,
  confidence: "M",
});
const check = (deadline: DeadlineCheckInput["deadline"], over: Partial<DeadlineCheckInput> = {}) =>
  deadlineCheck({
    deadline,
    release: "2026-12-01",
    status: NO_EPR,
    lists: LISTED_NONE,
    events: [],
    open_date: "1994-04-01",
    last_day: null,
    ...over,
  });

describe("a trust against the deadline, by the deadline's own test", () => {
  it("states the weaker test, and does not call a trust mid-procurement at the deadline late", () => {
    const procuring = ev("procurement_started", "2025-06");
    const c = check(WEAKER, { events: [procuring] });
    expect(c.definition).toBe(
      "The government's deadline for every trust to have an EPR, or to be putting one in, was 31 March 2026.",
    );
    expect(c.verdict).toBe("met");
    expect(c.sentence).not.toMatch(/missed/);
    expect(c.events).toEqual([procuring]);
  });

  it("by the strict test, the same trust is not called on time, and a reported delay is a reported miss", () => {
    const procuring = ev("procurement_started", "2025-06");
    const strict = check(STRICT, { events: [procuring] });
    expect(strict.definition).toBe("The government's deadline for every trust to have an EPR was 31 March 2026.");
    expect(strict.verdict).toBe("not_known");
    const delayed = ev("go_live_delayed", "2026-02-10");
    const late = check(STRICT, { events: [procuring, delayed] });
    expect([late.verdict, late.events]).toEqual(["missed", [delayed]]);
    // The same delay by the weaker test shows one being put in: the definition and verdict agree.
    expect(check(WEAKER, { events: [procuring, delayed] }).verdict).toBe("met");
  });

  it("counts a go-live up to the deadline day itself, and cites it", () => {
    const live = ev("go_live", "2026-03-31", "Epic");
    for (const d of [STRICT, WEAKER]) {
      const c = check(d, { events: [live] });
      expect([c.verdict, c.events]).toEqual(["met", [live]]);
    }
    const after = ev("go_live", "2026-04-01", "Epic");
    expect(check(STRICT, { events: [after] }).verdict).toBe("missed");
    // Live after the deadline, with no report of work before it: by the weaker test, not known.
    expect(check(WEAKER, { events: [after] }).verdict).toBe("not_known");
  });

  it("counts work reported only after the deadline as no evidence for it", () => {
    const c = check(WEAKER, { events: [ev("supplier_selected", "2026-04")] });
    expect([c.verdict, c.events]).toEqual(["not_known", []]);
  });

  it("rests on the list where the list recorded an EPR before the deadline", () => {
    const lists = [{ source_id: "list-2024", as_of: "2024-10-01", has_epr: true, supplier: "Cerner" }];
    const c = check(STRICT, { lists, status: { ...NO_EPR, status: "epr", supplier: "Cerner" } });
    expect([c.verdict, c.source_id]).toEqual(["met", "list-2024"]);
    expect(c.sentence).toContain("recorded an EPR from Cerner");
  });

  it("gives no verdict before the deadline has passed, nor for a trust not open on the day", () => {
    const before = check(WEAKER, { release: "2026-03-31" });
    expect([before.verdict, before.sentence]).toEqual(["not_passed", null]);
    expect(before.definition).toMatch(/ is 31 March 2026\.$/);
    expect(check(WEAKER, { open_date: "2026-07-01" }).verdict).toBe("not_a_trust");
    expect(check(WEAKER, { last_day: "2025-03-31" }).verdict).toBe("not_a_trust");
  });

  it("says plainly when no report settles it, naming the test", () => {
    expect(check(WEAKER).sentence).toBe(
      "No report found says it had an EPR or was putting one in by then, or that it had not.",
    );
    expect(check(STRICT).sentence).toBe("No report found says it had an EPR by then, or that it had not.");
  });
});
