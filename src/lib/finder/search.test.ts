import { describe, expect, it } from "vitest";
import { candidateFor, findHint, findTrusts, normalise, postcodeOf, queryTokens, type Candidate } from "./search.ts";

const trust = (
  code: string,
  name: string,
  o: { postcode?: string; region?: string; board?: string; aliases?: string[]; acute?: boolean } = {},
): Candidate =>
  candidateFor({
    code,
    name,
    postcode: o.postcode ?? null,
    region: o.region ?? null,
    board: o.board ?? null,
    aliases: o.aliases ?? [],
    acute: o.acute ?? true,
  });

const TRUSTS = [
  trust("RM1", "Norfolk and Norwich University Hospitals NHS Foundation Trust", {
    postcode: "NR4 7UY",
    region: "East of England",
    aliases: ["NNUH", "Colney"],
  }),
  trust("RMY", "Norfolk and Suffolk NHS Foundation Trust", { postcode: "NR1 2DH", aliases: ["Norwich"], acute: false }),
  trust("REF", "Royal Cornwall Hospitals NHS Trust", {
    postcode: "TR1 3LJ",
    aliases: ["RCHT", "Royal Cornwall Hospital", "Treliske", "Truro"],
  }),
  trust("RR8", "Leeds Teaching Hospitals NHS Trust", {
    postcode: "LS9 7TF",
    aliases: ["LTHT", "St James's University Hospital"],
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
    aliases: ["GSTT", "St Thomas' Hospital"],
  }),
];
const find = (q: string) => findTrusts(q, TRUSTS);

describe("what a reader types", () => {
  it("forgives case, punctuation, accents, & for and, and saint for st", () => {
    expect(normalise("Guy’s & St. Thomas'")).toBe("guys and st thomas");
    expect(normalise("SAINT James's")).toBe("st jamess");
    expect(normalise("Café")).toBe("cafe");
    expect(queryTokens("Norfolk & Norwich NHS FT")).toEqual(["norfolk", "norwich"]);
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
    expect(find("nr47uy")).toMatchObject({ kind: "match", codes: ["RM1"] });
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
      'No trust matches every word of "Leeds General Infirmary". These match "leeds": a hospital is run by a trust, often under another name, so check the trust\'s page.',
    );
  });

  it("says so, with examples to try, when nothing matches", () => {
    const r = find("Xyzzy");
    expect(r).toEqual({ kind: "none", codes: [], matched: [] });
    expect(findHint("Xyzzy", r)).toMatch(
      /^No trust matches "Xyzzy"\. Try .*a town \(Norwich\), a hospital \(Treliske\), a postcode \(NR4 7UY\)/,
    );
  });

  it("shows every trust for an empty query, or one of stop words only", () => {
    expect(find("").kind).toBe("empty");
    expect(find("NHS Trust").codes.length).toBe(TRUSTS.length);
  });
});
