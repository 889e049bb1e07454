import { describe, expect, it } from "vitest";
import type { TrustCard } from "../trust/card.ts";
import { answerCard, finderFallbackHeight, packFinder, unpackFinder, type FinderEntry } from "./embed-data.ts";
import { candidateFor, findHint, findTrusts, siteTerm, type SiteParts } from "./search.ts";

const card = (name: string, over: Partial<TrustCard> = {}): TrustCard => ({
  kicker: "Does this trust have an EPR?",
  name,
  status: "Has an EPR",
  statusClass: "status status-epr",
  statusDate: "7 December 2026",
  sentence: `${name} had an EPR on NHS England's list of 1 October 2024 </script>.`,
  deadline: "The deadline was 31 March 2026.",
  sources: [
    { roles: ["deadline"], title: "Plan", rest: "DHSC, 2024", url: "https://example.org/plan", copied_by: null },
    {
      roles: ["status", "verdict"],
      title: "List",
      rest: "NHS England, 1 October 2024",
      url: "https://example.org/list",
      copied_by: "regulate-tech/nhstech",
    },
  ],
  ...over,
});

const entry = (
  code: string,
  name: string,
  o: { postcode?: string; places?: string[]; acute?: boolean; sites?: SiteParts[]; card?: TrustCard } = {},
): FinderEntry => {
  const { sites: _, ...candidate } = candidateFor({
    code,
    name,
    names: [],
    places: o.places ?? [],
    postcode: o.postcode ?? null,
    acute: o.acute ?? true,
  });
  return { candidate, sites: o.sites ?? [], card: answerCard(code, o.card ?? card(name)) };
};

const ENTRIES = [
  entry("RGT", "Cambridge University Hospitals NHS Foundation Trust", {
    postcode: "CB2 0QQ",
    sites: [
      { name: "Addenbrooke's Hospital", town: "Cambridge", address: "Hills Road, Cambridge", postcode: "CB2 0QQ" },
      { name: "Rosie Hospital", town: "Cambridge", address: "Robinson Way", postcode: "CB2 0SW" },
    ],
  }),
  entry("RXQ", "Buckinghamshire Healthcare NHS Trust", {
    sites: [{ name: "Stoke Mandeville Hospital", town: "Aylesbury", address: "Mandeville Road", postcode: "HP21 8AL" }],
  }),
  entry("RJE", "University Hospitals of North Midlands NHS Trust", {
    places: ["Stoke-on-Trent"],
    sites: [
      {
        name: "Royal Stoke University Hospital",
        town: "Stoke-on-Trent",
        address: "Newcastle Road",
        postcode: "ST4 6QG",
      },
    ],
  }),
  entry("RVJ", "North Bristol NHS Trust", {
    sites: [
      {
        name: "Southmead Hospital",
        town: "Bristol",
        address: "Southmead Road, Westbury-on-Trym",
        postcode: "BS10 5NB",
        note: "Southmead Hospital was listed under North Bristol NHS Trust, which closed on 30 June 2026. No successor is recorded, so who runs it now is not known here.",
      },
    ],
    card: card("North Bristol NHS Trust", { status: "Closed", statusClass: "status status-closed", sources: [] }),
  }),
];
const direct = ENTRIES.map((e) => ({ ...e.candidate, sites: e.sites.map(siteTerm) }));

describe("the embedded finder's data", () => {
  it("finds exactly what the finder on /trusts/ finds, with the same hint", () => {
    const { candidates } = unpackFinder(packFinder(ENTRIES));
    for (const q of [
      "Addenbrooke's",
      "Addenbrooke's Hospital",
      "Hills Road",
      "robinson way cambridge",
      "Stoke Mandeville",
      "Stoke",
      "westbury",
      "Southmead",
      "CB2 0QQ",
      "CB2",
      "hospital",
      "Leeds",
      "",
    ]) {
      const [a, b] = [findTrusts(q, candidates), findTrusts(q, direct)];
      expect(a.codes, q).toEqual(b.codes);
      expect(findHint(q, a), q).toEqual(findHint(q, b));
    }
  });

  it("keeps only the address words its name and town do not already give", () => {
    const { candidates } = unpackFinder(packFinder(ENTRIES));
    expect(candidates[0]!.sites[0]!.place).toBe("cambridge hills road");
    expect(candidates[0]!.sites[0]!.label).toBe("Addenbrooke's Hospital, Cambridge CB2 0QQ");
  });

  it("answers with the card's dated status and the source of that status", () => {
    const { cards } = unpackFinder(packFinder(ENTRIES));
    expect(cards.get("RGT")).toEqual({
      code: "RGT",
      name: "Cambridge University Hospitals NHS Foundation Trust",
      status: "Has an EPR",
      statusClass: "status status-epr",
      statusDate: "7 December 2026",
      sentence:
        "Cambridge University Hospitals NHS Foundation Trust had an EPR on NHS England's list of 1 October 2024 </script>.",
      source: {
        title: "List",
        url: "https://example.org/list",
        rest: "NHS England, 1 October 2024, as copied by regulate-tech/nhstech",
      },
    });
    expect(cards.get("RVJ")!.source).toBeNull();
  });

  it("can never close the script element that carries it", () => {
    expect(packFinder(ENTRIES)).not.toContain("<");
  });

  it("gives a fixed height that grows with the longest hint and answer", () => {
    const frame = {
      title: "Does your hospital have an EPR?",
      hint: () => "",
      more: "2 more trusts match.",
      footer: "Sources",
    };
    const base = finderFallbackHeight(ENTRIES, frame);
    expect(base).toBeGreaterThan(200);
    expect(
      finderFallbackHeight(ENTRIES, { ...frame, hint: () => "A long note about a closed trust. ".repeat(8) }),
    ).toBeGreaterThan(base);
  });
});
