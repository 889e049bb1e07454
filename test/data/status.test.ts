/** The status timeline rules, each on a few hand-made rows whose answer can be checked by eye. */
import { describe, expect, it } from "vitest";
import {
  eventsShown,
  statusOn,
  statusResolver,
  sameSupplier,
  type TrustLife,
  type TrustStatus,
} from "../../src/lib/data/status.ts";
import { buildTrusts, changeSinceList, type TrustTables } from "../../src/lib/data/trusts.ts";
import type { EprStatusRow, TrustEventRow, TrustRow } from "../../src/lib/data/tables.ts";

const list = (
  code: string,
  as_of: string,
  has_epr: boolean,
  supplier: string | null = null,
  source_id = "list-2024",
): EprStatusRow => ({
  code,
  as_of,
  source_id,
  name_in_source: `${code} NHS TRUST`,
  trust_type: "acute",
  has_epr,
  supplier,
});
const event = (
  id: string,
  ods_code: string,
  event_date: string,
  ev: TrustEventRow["event"],
  supplier: string | null = null,
): TrustEventRow => ({
  id,
  ods_code,
  event_date,
  event: ev,
  supplier,
  summary: "Fixture.",
  date_inferred: false,
  source_title: "T",
  publisher: "Trade News",
  url: "https://example.org/x",
  confidence: "M",
});
const life = (code: string, p: Partial<TrustLife> = {}): TrustLife => ({
  code,
  open_date: "2000-04-01",
  close_date: null,
  merged_into: [],
  took_over: [],
  ...p,
});
const noOthers = () => {
  throw new Error("not asked");
};
const TODAY = "2026-11-25";

describe("status on a day, from a trust's own evidence", () => {
  it("a go-live after a no-EPR list entry makes the status 'has an EPR', dated from the go-live", () => {
    const s = statusOn(
      {
        life: life("RAA"),
        lists: [list("RAA", "2024-10-01", false)],
        events: [event("E1", "RAA", "2025-06", "go_live", "Meditech")],
        statusOf: noOthers,
        release: TODAY,
      },
      TODAY,
    );
    expect(s).toMatchObject({
      status: "epr",
      basis: "go_live",
      since: "2025-06",
      supplier: "Meditech",
      event_id: "E1",
      source_id: null,
    });
  });

  it("before the go-live's month is over, the list still decides", () => {
    const input = {
      life: life("RAA"),
      lists: [list("RAA", "2024-10-01", false)],
      events: [event("E1", "RAA", "2025-06", "go_live", "Meditech")],
      statusOf: noOthers,
      release: TODAY,
    };
    expect(statusOn(input, "2025-06-15")).toMatchObject({ status: "no_epr", basis: "list", since: "2024-10-01" });
    expect(statusOn(input, "2025-06-30")).toMatchObject({ status: "epr", basis: "go_live" });
  });

  it("a go-live on another supplier's system changes the supplier; one on the same system does not move since-when", () => {
    const change = statusOn(
      {
        life: life("RBB"),
        lists: [list("RBB", "2024-10-01", true, "System C Healthcare Ltd")],
        events: [event("E2", "RBB", "2025-11", "go_live", "Oracle Cerner Corporation")],
        statusOf: noOthers,
        release: TODAY,
      },
      TODAY,
    );
    expect(change).toMatchObject({
      status: "epr",
      basis: "go_live",
      supplier: "Oracle Cerner Corporation",
      since: "2025-11",
    });
    const same = statusOn(
      {
        life: life("RCC"),
        lists: [list("RCC", "2024-10-01", true, "Nervecentre Software Ltd")],
        events: [event("E3", "RCC", "2025-11-03", "go_live", "Nervecentre Software Ltd")],
        statusOf: noOthers,
        release: TODAY,
      },
      TODAY,
    );
    expect(same).toMatchObject({ basis: "list", since: "2024-10-01", supplier: "Nervecentre Software Ltd" });
  });

  it("plans, contracts and delays after the evidence do not change the status but are listed as later reports", () => {
    const s = statusOn(
      {
        life: life("RDD"),
        lists: [list("RDD", "2024-10-01", false)],
        events: [
          event("E4", "RDD", "2023-12", "supplier_selected", "Epic"),
          event("E5", "RDD", "2025-01-22", "go_live_planned", "Epic"),
          event("E6", "RDD", "2026-03", "go_live_delayed"),
        ],
        statusOf: noOthers,
        release: TODAY,
      },
      TODAY,
    );
    expect(s).toMatchObject({ status: "no_epr", basis: "list", later_event_ids: ["E5", "E6"] });
  });

  it("with two editions of the list the later one decides", () => {
    const lists = [list("REE", "2024-10-01", false), list("REE", "2026-04-01", true, "Epic", "list-2026")];
    expect(statusOn({ life: life("REE"), lists, events: [], statusOf: noOthers, release: TODAY }, TODAY)).toMatchObject(
      { status: "epr", since: "2026-04-01", source_id: "list-2026", supplier: "Epic" },
    );
    expect(
      statusOn({ life: life("REE"), lists, events: [], statusOf: noOthers, release: TODAY }, "2025-01-01"),
    ).toMatchObject({ status: "no_epr", source_id: "list-2024" });
  });

  it("a later list that still records no EPR, or the old supplier, after a go-live is kept as a contradiction, not followed", () => {
    const noEpr = statusOn(
      {
        life: life("REE"),
        lists: [list("REE", "2024-10-01", false), list("REE", "2026-11-01", false, null, "list-2026")],
        events: [event("E7", "REE", "2025-06", "go_live", "Epic")],
        statusOf: noOthers,
        release: TODAY,
      },
      TODAY,
    );
    expect(noEpr).toMatchObject({
      status: "epr",
      basis: "go_live",
      event_id: "E7",
      since: "2025-06",
      contradictions: [{ source_id: "list-2026", as_of: "2026-11-01", has_epr: false, supplier: null }],
    });
    const oldSupplier = statusOn(
      {
        life: life("RFF"),
        lists: [
          list("RFF", "2024-10-01", true, "System C Healthcare Ltd"),
          list("RFF", "2026-11-01", true, "System C Healthcare Ltd", "list-2026"),
        ],
        events: [event("E8", "RFF", "2025-11", "go_live", "Oracle Cerner Corporation")],
        statusOf: noOthers,
        release: TODAY,
      },
      TODAY,
    );
    expect(oldSupplier).toMatchObject({
      status: "epr",
      supplier: "Oracle Cerner Corporation",
      contradictions: [{ supplier: "System C Healthcare Ltd" }],
    });
    const agrees = statusOn(
      {
        life: life("RGG"),
        lists: [
          list("RGG", "2024-10-01", false),
          list("RGG", "2026-11-01", true, "Epic Systems Corporation", "list-2026"),
        ],
        events: [event("E9", "RGG", "2025-06", "go_live", "Epic")],
        statusOf: noOthers,
        release: TODAY,
      },
      TODAY,
    );
    expect(agrees).toMatchObject({ status: "epr", basis: "go_live", since: "2025-06", contradictions: [] });
  });

  it("a list and a go-live of the same day: the go-live stands", () => {
    const s = statusOn(
      {
        life: life("RHH"),
        lists: [list("RHH", "2025-06-30", false)],
        events: [event("E10", "RHH", "2025-06", "go_live", "Epic")],
        statusOf: noOthers,
        release: TODAY,
      },
      TODAY,
    );
    expect(s).toMatchObject({ status: "epr", basis: "go_live", contradictions: [] });
  });

  it("a go-live with no supplier named ends 'no EPR', and leaves an EPR's supplier and date as they were", () => {
    const fromNone = statusOn(
      {
        life: life("RII"),
        lists: [list("RII", "2024-10-01", false)],
        events: [event("E11", "RII", "2025-06", "go_live")],
        statusOf: noOthers,
        release: TODAY,
      },
      TODAY,
    );
    expect(fromNone).toMatchObject({ status: "epr", basis: "go_live", supplier: null, since: "2025-06" });
    const rollout = statusOn(
      {
        life: life("RJJ"),
        lists: [list("RJJ", "2024-10-01", true, "TPP")],
        events: [event("E12", "RJJ", "2025-06", "go_live")],
        statusOf: noOthers,
        release: TODAY,
      },
      TODAY,
    );
    expect(rollout).toMatchObject({ status: "epr", basis: "list", supplier: "TPP", since: "2024-10-01" });
  });

  it("a go-live dated only to the release month counts on the release date, not before the month is over", () => {
    const input = {
      life: life("RKK"),
      lists: [list("RKK", "2024-10-01", false)],
      events: [event("E13", "RKK", "2026-11", "go_live", "Epic")],
      statusOf: noOthers,
      release: TODAY,
    };
    expect(statusOn(input, TODAY)).toMatchObject({ status: "epr", basis: "go_live" });
    expect(statusOn(input, "2026-11-24")).toMatchObject({ status: "no_epr" });
  });

  it("a closed trust is 'closed' from the day after its last open day, and had its status until then", () => {
    const input = {
      life: life("RFF", { close_date: "2026-03-31" }),
      lists: [list("RFF", "2024-10-01", true, "TPP")],
      events: [],
      statusOf: noOthers,
      release: TODAY,
    };
    expect(statusOn(input, "2026-03-31")).toMatchObject({ status: "epr", supplier: "TPP" });
    expect(statusOn(input, "2026-04-01")).toMatchObject({ status: "closed", basis: "closed", since: "2026-03-31" });
  });

  it("a care trust outside ODS closes the day before it merged into its successor", () => {
    const s = statusOn(
      {
        life: life("TZZ", { open_date: null, merged_into: [{ code: "NEW1A", date: "2024-11-01" }] }),
        lists: [list("TZZ", "2024-10-01", true, "TPP")],
        events: [],
        statusOf: noOthers,
        release: TODAY,
      },
      TODAY,
    );
    expect(s).toMatchObject({ status: "closed", since: "2024-10-31" });
  });

  it("tells a change of supplier from a wider roll-out by the supplier's first word", () => {
    expect(sameSupplier("Oracle Cerner Corporation", "Oracle")).toBe(true);
    expect(sameSupplier("System C Healthcare Ltd", "Oracle Cerner Corporation")).toBe(false);
    expect(sameSupplier(null, "Epic")).toBe(false);
  });
});

describe("trusts that opened after the list", () => {
  const inputs = (preds: [string, boolean][]) =>
    new Map<string, { life: TrustLife; lists: EprStatusRow[]; events: TrustEventRow[]; release: string }>([
      ...preds.map(
        ([code, has]): [
          string,
          { life: TrustLife; lists: EprStatusRow[]; events: TrustEventRow[]; release: string },
        ] => [
          code,
          {
            life: life(code, { close_date: "2024-10-31", merged_into: [{ code: "NEW1A", date: "2024-11-01" }] }),
            lists: [list(code, "2024-10-01", has, has ? "TPP" : null)],
            events: [],
            release: TODAY,
          },
        ],
      ),
      [
        "NEW1A",
        {
          life: life("NEW1A", {
            open_date: "2024-11-01",
            took_over: preds.map(([code]) => ({ code, date: "2024-11-01" })),
          }),
          lists: [],
          events: [],
          release: TODAY,
        },
      ],
    ]);

  it("have an EPR inferred, and say from whom, only when every trust they took over had one", () => {
    const s = statusResolver(
      inputs([
        ["RBB", true],
        ["RCC", true],
      ]),
    )("NEW1A", TODAY);
    expect(s).toMatchObject({ status: "epr", basis: "predecessors", since: "2024-10-01", supplier: "TPP" });
    expect(s.inferred_from.map((p) => p.code)).toEqual(["RBB", "RCC"]);
  });

  it("are 'not known' when any trust they took over had none", () => {
    expect(
      statusResolver(
        inputs([
          ["RBB", true],
          ["RDD", false],
        ]),
      )("NEW1A", TODAY),
    ).toMatchObject({ status: "unknown", basis: "none" });
  });

  it("are 'not known' with no predecessors and no evidence", () => {
    expect(
      statusResolver(
        new Map([
          ["K0N6A", { life: life("K0N6A", { open_date: "2026-06-01" }), lists: [], events: [], release: TODAY }],
        ]),
      )("K0N6A", TODAY),
    ).toMatchObject({ status: "unknown" });
  });

  it("survive a succession loop without hanging", () => {
    const loop = new Map([
      [
        "RXA",
        {
          life: life("RXA", { took_over: [{ code: "RXB", date: "2025-01-01" }] }),
          lists: [],
          events: [],
          release: TODAY,
        },
      ],
      [
        "RXB",
        {
          life: life("RXB", { took_over: [{ code: "RXA", date: "2025-01-01" }] }),
          lists: [],
          events: [],
          release: TODAY,
        },
      ],
    ]);
    expect(statusResolver(loop)("RXA", TODAY).status).toBe("unknown");
  });
});

describe("trusts joined with their boards", () => {
  const ods = (code: string, icb: string, icb2026: string, close: string = ""): TrustRow =>
    ({
      code,
      name: `${code} NHS Trust`,
      ods_name: `${code} NHS TRUST`,
      region_code: "Y56",
      icb_code: icb,
      icb_code_2026: icb2026,
      postcode: "NW1 0PE",
      open_date: "2000-04-01",
      close_date: close || null,
    }) as TrustRow;
  const tables: TrustTables = {
    trusts: [ods("RAA", "QAA", "Z9B2Z"), ods("RBB", "QAA", "Z9B2Z", "2026-03-31"), ods("RCC", "QBB", "QBB")],
    successions: [],
    eprStatus: [list("RAA", "2024-10-01", true, "TPP"), list("RBB", "2024-10-01", true, "TPP")],
    trustEvents: [],
    icbs: [
      {
        code: "QAA",
        gss_code: "E54000001",
        name: "NHS North Central London Integrated Care Board",
        short_name: "North Central London",
        region_code: "Y56",
        hex_q: 0,
        hex_r: 0,
      },
      {
        code: "QBB",
        gss_code: "E54000002",
        name: "NHS West Integrated Care Board",
        short_name: "West",
        region_code: "Y56",
        hex_q: 1,
        hex_r: 0,
      },
    ],
    icbSuccessions: [
      {
        predecessor_code: "QAA",
        successor_code: "Z9B2Z",
        successor_name: "NHS West and North London Integrated Care Board",
        date: "2026-04-01",
        kind: "merger",
      },
    ],
    regions: [{ code: "Y56", gss_code: "E40000003", name: "London" }],
  };
  const trusts = buildTrusts(tables, TODAY);
  const t = (code: string) => trusts.find((x) => x.code === code)!;

  it("shows the board now, with its start, and the board on the list's date with its end", () => {
    expect(t("RAA").icb).toEqual({ code: "Z9B2Z", name: "West and North London", from: "2026-04-01", until: null });
    expect(t("RAA").icb_at_list).toEqual({
      code: "QAA",
      name: "North Central London",
      from: null,
      until: "2026-03-31",
    });
    expect(t("RCC").icb_at_list).toBeNull();
  });

  it("never gives a trust that closed before the new board a board it did not belong to", () => {
    expect(t("RBB").icb).toMatchObject({ code: "QAA", until: "2026-03-31" });
    expect(t("RBB").icb_at_list).toBeNull();
    expect(t("RBB").status_now.status).toBe("closed");
    expect(t("RBB").status_at_close).toMatchObject({ status: "epr", supplier: "TPP" });
  });

  it("with an edition made after the boards changed, the board on the list's date is the new one, and the map's board stays the 2022 one", () => {
    const later = buildTrusts(
      { ...tables, eprStatus: [...tables.eprStatus, list("RAA", "2026-11-01", true, "TPP", "list-2026")] },
      TODAY,
    );
    const raa = later.find((x) => x.code === "RAA")!;
    expect(raa.icb_at_list).toBeNull();
    expect(raa.icb_2022).toMatchObject({ code: "QAA" });
    // A trust that closed before that edition is dated by its own, earlier entry.
    expect(later.find((x) => x.code === "RBB")!.icb_at_list).toBeNull();
  });

  it("gives the list's name only when it differs from ODS's by more than letter case", () => {
    const named = (name_in_source: string) =>
      buildTrusts(
        { ...tables, eprStatus: [{ ...list("RCC", "2024-10-01", true, "TPP"), name_in_source }] },
        TODAY,
      ).find((x) => x.code === "RCC")!;
    expect(named("Rcc Nhs Trust").name_in_epr_list).toBeNull();
    expect(named("RCC Hospitals NHS Trust").name_in_epr_list).toBe("RCC Hospitals NHS Trust");
  });
});

describe("what later evidence changed of a list entry", () => {
  const entry = (has_epr: boolean, supplier: string | null) => ({
    source_id: "l",
    as_of: "2024-10-01",
    has_epr,
    supplier,
  });
  const now = (status: "epr" | "no_epr" | "closed", supplier: string | null): TrustStatus => ({
    status,
    basis: "list",
    since: null,
    since_basis: "exact",
    supplier,
    source_id: null,
    event_id: null,
    inferred_from: [],
    later_event_ids: [],
    contradictions: [],
  });
  it("tells a status change from a supplier change, and counts neither for a closed or unlisted trust", () => {
    expect(changeSinceList({ list: entry(false, null), status_now: now("epr", "Meditech") })).toBe("status");
    expect(
      changeSinceList({
        list: entry(true, "System C Healthcare Ltd"),
        status_now: now("epr", "Oracle Cerner Corporation"),
      }),
    ).toBe("supplier");
    expect(
      changeSinceList({ list: entry(true, "Nervecentre Software Ltd"), status_now: now("epr", "Nervecentre") }),
    ).toBeNull();
    expect(changeSinceList({ list: entry(true, "TPP"), status_now: now("closed", "TPP") })).toBeNull();
    expect(changeSinceList({ list: null, status_now: now("epr", "TPP") })).toBeNull();
  });
});

describe("which events a trust shows", () => {
  it("leaves out those that restate a list edition, and keeps the rest oldest first", () => {
    const events = [
      event("E3", "RAA", "2025-06", "go_live"),
      event("E1", "RAA", "2024-10-01", "listed_no_epr"),
      event("E2", "RAA", "2024-10-01", "other"),
      event("E4", "RAA", "2024-10-02", "other"),
    ];
    expect(eventsShown(events, [{ as_of: "2024-10-01" }]).map((x) => x.id)).toEqual(["E4", "E3"]);
  });
});
