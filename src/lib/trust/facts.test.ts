import { describe, expect, it } from "vitest";
import { ICB_SUCCESSIONS_SOURCE_ID, ODS_TRUSTS_SOURCE_ID, type Trust } from "../data/model.ts";
import type { TrustStatus } from "../data/status.ts";
import { pageSourceIds, regionFact, supplierFact } from "./facts.ts";

const STATUS: TrustStatus = {
  status: "epr",
  basis: "list",
  since: "2024-10-01",
  since_basis: "exact",
  supplier: "Epic",
  source_id: "list-2024",
  event_id: null,
  inferred_from: [],
  later_event_ids: [],
  contradictions: [],
};
// Hand-made trusts: only the fields the facts read.
const trust = (over: Partial<Trust> = {}, status: Partial<TrustStatus> = {}): Trust =>
  ({
    code: "RXX",
    status_now: { ...STATUS, ...status },
    list: { source_id: "list-2024", as_of: "2024-10-01", has_epr: true, supplier: "Epic" },
    region_name: "London",
    region_basis: "ods",
    in_ods_trust_list: true,
    icb_at_list: null,
    ...over,
  }) as unknown as Trust;

describe("a trust page's facts", () => {
  it("gives the supplier with what it rests on: the list, a go-live or the trusts taken over", () => {
    expect(supplierFact(trust())).toEqual({ value: "Epic", note: "on NHS England's list of 1 October 2024" });
    expect(supplierFact(trust({}, { basis: "go_live", since: "2025-06", since_basis: "reported" })).note).toMatch(
      /^live since /,
    );
    expect(supplierFact(trust({}, { basis: "predecessors" })).note).toBe("inferred from the trusts it took over");
  });

  it("gives the list's supplier for a trust with no EPR now, and says when none is recorded", () => {
    expect(supplierFact(trust({}, { status: "closed", supplier: null }))).toEqual({
      value: "Epic",
      note: "on NHS England's list of 1 October 2024",
    });
    expect(supplierFact(trust({ list: null }, { status: "no_epr", supplier: null }))).toEqual({
      value: "None recorded",
      note: null,
    });
  });

  it("says how a region was known when the ODS file does not give it, and when it is not known", () => {
    expect(regionFact(trust())).toEqual({ value: "London", note: null });
    expect(regionFact(trust({ region_basis: "successor" })).note).toMatch(/^taken from the trust it merged into/);
    expect(regionFact(trust({ region_name: null })).value).toMatch(/^Not known/);
  });

  it("lists each source the page cites once, in the order first used", () => {
    const history = [
      { date: "2001-04-01", text: "Opened.", source_id: ODS_TRUSTS_SOURCE_ID },
      { date: "2024-10-01", text: "Listed.", source_id: "list-2024" },
    ];
    const board = { code: "QXX", name: "A board", from: null, to: null };
    expect(pageSourceIds(trust({ icb_at_list: board } as unknown as Partial<Trust>), history)).toEqual([
      "list-2024",
      ODS_TRUSTS_SOURCE_ID,
      ICB_SUCCESSIONS_SOURCE_ID,
    ]);
  });
});
