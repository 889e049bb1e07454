import { describe, expect, it } from "vitest";
import {
  candidateFor,
  findHint,
  findTrusts,
  initialsOf,
  normalise,
  otherSpellings,
  packSites,
  unpackSites,
  postcodeOf,
  keyWords,
  siteTerm,
  type Candidate,
} from "./search.ts";

type Site = Parameters<typeof siteTerm>[0];
const trust = (
  code: string,
  name: string,
  o: { postcode?: string; region?: string; names?: string[]; aliases?: string[]; acute?: boolean; sites?: Site[] } = {},
): Candidate =>
  candidateFor({
    code,
    name,
    postcode: o.postcode ?? null,
    names: o.names ?? [],
    places: [...(o.aliases ?? []), o.region ?? ""],
    acute: o.acute ?? true,
    sites: (o.sites ?? []).map(siteTerm),
  });

const TRUSTS = [
  trust("RM1", "Norfolk and Norwich University Hospitals NHS Foundation Trust", {
    postcode: "NR4 7UY",
    region: "East of England",
    names: ["NNUH"],
    aliases: ["Colney"],
  }),
  trust("RMY", "Norfolk and Suffolk NHS Foundation Trust", { postcode: "NR1 2DH", aliases: ["Norwich"], acute: false }),
  trust("REF", "Royal Cornwall Hospitals NHS Trust", {
    postcode: "TR1 3LJ",
    names: ["RCHT", "Royal Cornwall Hospital"],
    aliases: ["Treliske", "Truro"],
  }),
  trust("RR8", "Leeds Teaching Hospitals NHS Trust", {
    postcode: "LS9 7TF",
    names: ["LTHT", "St James's University Hospital"],
  }),
  trust("RGD", "Leeds and York Partnership NHS Foundation Trust", { postcode: "LS7 3JX", acute: false }),
  trust("RY6", "Leeds Community Healthcare NHS Trust", { postcode: "LS11 0DL", acute: false }),
  trust("RNS", "Northampton General Hospital NHS Trust", { postcode: "NN1 5BD" }),
  trust("RGP", "James Paget University Hospitals NHS Foundation Trust", {
    postcode: "NR31 6LA",
    aliases: ["Gorleston", "Great Yarmouth"],
  }),
  trust("RJ1", "Guy's and St Thomas' NHS Foundation Trust", {
    postcode: "SE1 7EH",
    names: ["GSTT", "St Thomas' Hospital"],
  }),
];
const find = (q: string) => findTrusts(q, TRUSTS);

describe("what a reader types", () => {
  it("forgives case, punctuation, accents, & for and, and saint for st", () => {
    expect(normalise("Guy’s & St. Thomas'")).toBe("guys and st thomas");
    expect(normalise("SAINT James's")).toBe("st jamess");
    expect(normalise("Café")).toBe("cafe");
    expect(keyWords("Norfolk & Norwich NHS FT")).toEqual(["norfolk", "norwich"]);
  });

  it("reads a postcode, or its first half, with or without the space", () => {
    expect(postcodeOf("nr4 7uy")).toEqual({ full: "NR47UY", outward: "NR4" });
    expect(postcodeOf("NR47UY")).toEqual({ full: "NR47UY", outward: "NR4" });
    expect(postcodeOf("ls9")).toEqual({ full: "", outward: "LS9" });
    expect(postcodeOf("Leeds")).toBeNull();
  });
});

describe("finding a trust", () => {
  it("finds a trust by its name in short forms: &, and, NHS, FT, a word cut short", () => {
    for (const q of [
      "Norfolk & Norwich",
      "norfolk and norwich",
      "Norfolk and Norwich Hospital",
      "Norfolk & Norwich NHS FT",
      "norf norw uni",
    ]) {
      expect(find(q).codes[0], q).toBe("RM1");
      expect(find(q).kind, q).toBe("match");
    }
  });

  it("finds a trust by an abbreviation, a hospital, a place or a town, and by its code first", () => {
    expect(find("NNUH").codes).toEqual(["RM1"]);
    expect(find("treliske").codes).toEqual(["REF"]);
    expect(find("Truro").codes).toEqual(["REF"]);
    expect(find("rm1").codes[0]).toBe("RM1");
    // A trust named for the place comes before one that is only based there.
    expect(find("Norwich").codes).toEqual(["RM1", "RMY"]);
  });

  it("matches words of one or two letters whole, so 'St' is not 'Stockport'", () => {
    expect(find("St James").codes).toEqual(["RR8"]);
    expect(find("St Thomas").codes).toEqual(["RJ1"]);
    const withStockport = [...TRUSTS, trust("RWJ", "Stockport NHS Foundation Trust", { postcode: "SK2 7JE" })];
    expect(findTrusts("St", withStockport).codes).not.toContain("RWJ");
    expect(findTrusts("Le", TRUSTS).codes).toEqual([]);
    expect(findTrusts("Lee", TRUSTS).codes).toContain("RR8");
  });

  it("finds trusts by the postcode of their headquarters, then its district, then its area", () => {
    expect(find("NR4 7UY")).toEqual({ kind: "postcode", codes: ["RM1"], matched: ["NR47UY"] });
    expect(find("nr47uy")).toMatchObject({ kind: "postcode", codes: ["RM1"] });
    expect(find("LS9 9ZZ")).toMatchObject({ kind: "postcode", codes: ["RR8"], matched: ["LS9"] });
    const area = find("NR2 1AB");
    expect(area).toMatchObject({ kind: "postcode-area", matched: ["NR"] });
    expect([...area.codes].sort()).toEqual(["RGP", "RM1", "RMY"]);
  });

  it("when no trust matches every word, offers the trusts that match the rarest ones, hospitals first", () => {
    const r = find("Leeds General Infirmary");
    expect(r.kind).toBe("partial");
    expect(r.codes).toEqual(["RR8", "RY6", "RGD"]);
    expect(r.matched).toEqual(["leeds"]);
    expect(findHint("Leeds General Infirmary", r)).toBe(
      'Partial match: no trust matches every word of "Leeds General Infirmary". These match "leeds": check the trust\'s page.',
    );
  });

  it("says so, with examples to try, when nothing matches", () => {
    const r = find("Xyzzy");
    expect(r).toEqual({ kind: "none", codes: [], matched: [] });
    expect(findHint("Xyzzy", r)).toMatch(
      /^No trust matches "Xyzzy"\. Try a hospital \(Addenbrooke's\), a town \(Norwich\), a postcode \(NR4 7UY\)/,
    );
  });

  it("shows every trust for an empty query, or one of stop words only", () => {
    expect(find("").kind).toBe("empty");
    expect(find("NHS Trust").codes.length).toBe(TRUSTS.length);
  });
});

describe("finding a trust by its sites", () => {
  const site = (name: string, town: string, postcode: string, note = ""): Site => ({
    name,
    town,
    address: null,
    postcode,
    note,
  });
  const SITES = [
    trust("RGT", "Cambridge University Hospitals NHS Foundation Trust", {
      postcode: "CB2 0QQ",
      sites: [site("Addenbrooke's", "Cambridge", "CB2 0QQ"), site("Rosie Hospital", "Cambridge", "CB2 0QQ")],
    }),
    trust("RX1", "Nottingham University Hospitals NHS Trust", {
      postcode: "NG5 1PB",
      sites: [site("Queen's Medical Centre Campus", "Nottingham", "NG7 2UH")],
    }),
    trust("R0A", "Manchester University NHS Foundation Trust", {
      postcode: "M13 9WL",
      sites: [
        site("Wythenshawe Hospital", "Manchester", "M23 9LT"),
        site("Manchester Royal Infirmary", "Manchester", "M13 9WL"),
      ],
    }),
    trust("RBV", "The Christie NHS Foundation Trust", {
      postcode: "M20 4BX",
      sites: [site("The Christie", "Manchester", "M20 4BX")],
    }),
    trust("RRF", "Wrightington, Wigan and Leigh NHS Foundation Trust", {
      postcode: "WN1 2NN",
      sites: [site("Royal Albert Edward Infirmary", "Wigan", "WN1 2NN")],
    }),
    trust("RXQ", "Buckinghamshire Healthcare NHS Trust", {
      sites: [site("Stoke Mandeville Hospital", "Aylesbury", "HP21 8AL")],
    }),
    trust("RJE", "University Hospitals of North Midlands NHS Trust", {
      sites: [site("Royal Stoke University Hospital", "Stoke-on-Trent", "ST4 6QG")],
    }),
    trust("RVJ", "North Bristol NHS Trust", {
      sites: [
        site(
          "Southmead Hospital",
          "Bristol",
          "BS10 5NB",
          "Southmead Hospital was listed under North Bristol NHS Trust, which closed on 30 June 2026. No successor is recorded.",
        ),
      ],
    }),
    trust("RY3", "Norfolk Community Health and Care NHS Trust", {
      acute: false,
      sites: [site("Norwich Community Hospital", "Norwich", "NR2 3TU")],
    }),
  ];
  const findSite = (q: string) => findTrusts(q, SITES);

  it("finds a hospital that is not a trust's headquarters, with or without the word hospital", () => {
    for (const q of ["Addenbrooke's", "addenbrookes hospital", "ADDENBROOKE'S HOSPITAL"])
      expect(findSite(q), q).toMatchObject({ kind: "match", codes: ["RGT"] });
    expect(findSite("Wythenshawe Hospital")).toMatchObject({ kind: "match", codes: ["R0A"] });
    expect(findSite("Stoke Mandeville")).toMatchObject({ kind: "match", codes: ["RXQ"] });
  });

  it("ranks an exact site name above trusts that share a word of it", () => {
    expect(findSite("Manchester Royal Infirmary").codes[0]).toBe("R0A");
    expect(findSite("Royal Infirmary").codes).not.toContain("RBV");
  });

  it("never picks a trust by hospital, NHS, trust or the like alone", () => {
    for (const q of ["Hospital", "hospitals", "NHS Hospital Trust", "General Infirmary"]) {
      const r = findSite(q);
      expect(r.kind, q).toBe("generic");
      expect(r.codes.length, q).toBe(SITES.length);
      expect(findHint(q, r), q).toMatch(/alone could be any trust/);
    }
    // A word that matches no site, with "hospital", finds nothing rather than every hospital.
    expect(findSite("Xyzzy Hospital")).toMatchObject({ kind: "none", codes: [] });
  });

  it("reads initials of a site's name, as pages print them", () => {
    expect(findSite("QMC")).toMatchObject({ kind: "initials", codes: ["RX1"] });
    expect(findHint("QMC", findSite("QMC"))).toBe(
      '"QMC" taken as initials of Queen\'s Medical Centre Campus, Nottingham NG7 2UH.',
    );
    expect(findSite("MRI").codes).toEqual(["R0A"]);
    expect(initialsOf("Queen's Medical Centre Campus")).toBe("QMCC");
    expect(initialsOf("Addenbrooke's")).toBe("");
  });

  it("finds a site's postcode before a headquarters in the same district", () => {
    expect(findSite("M23 9LT")).toMatchObject({ kind: "postcode", codes: ["R0A"], matched: ["M239LT"] });
    expect(findHint("M23 9LT", findSite("M23 9LT"))).toBe(
      "The hospital or site at M23 9LT: Wythenshawe Hospital, Manchester M23 9LT.",
    );
    expect(findSite("M20 1AA").codes).toEqual(["RBV"]);
  });

  it("says what the records say of a closed trust's former site", () => {
    const r = findSite("Southmead");
    expect(r).toMatchObject({ kind: "match", codes: ["RVJ"] });
    expect(findHint("Southmead", r)).toMatch(/closed on 30 June 2026\. No successor is recorded\.$/);
  });

  it("says partial match when only some words match", () => {
    const r = findSite("Cambridge Xyzzy");
    expect(r.kind).toBe("partial");
    expect(r.codes).toEqual(["RGT"]);
    expect(findHint("Cambridge Xyzzy", r)).toMatch(
      /^Partial match: no trust matches every word of "Cambridge Xyzzy"\./,
    );
  });

  it("puts a trust named for a place before one with a site named for it", () => {
    const withNorwich = [...SITES, trust("RM1", "Norfolk and Norwich University Hospitals NHS Foundation Trust")];
    expect(findTrusts("Norwich", withNorwich).codes).toEqual(["RM1", "RY3"]);
  });
});

describe("other spellings pages print for find in page", () => {
  it("gives a name without its apostrophes, and the initials of a long one", () => {
    expect(otherSpellings("King's Lynn", { initials: false })).toEqual(["Kings Lynn"]);
    expect(otherSpellings("Queen's Medical Centre Campus")).toEqual(["Queens Medical Centre Campus", "QMCC"]);
    expect(otherSpellings("Stoke Mandeville Hospital")).toEqual(["SMH"]);
    expect(otherSpellings("Addenbrooke's")).toEqual(["Addenbrookes"]);
    expect(otherSpellings("Norwich")).toEqual([]);
  });
});

describe("sites as the page carries them", () => {
  it("come back as the finder reads them", () => {
    const parts = [
      { name: "Addenbrooke's", town: "Cambridge", address: "Hills Road", postcode: "CB2 0QQ", note: "A note." },
      { name: "Rosie Hospital", town: null, address: null, postcode: "CB2 0QQ" },
    ];
    expect(unpackSites(packSites(parts))).toEqual(parts.map(siteTerm));
  });
});
