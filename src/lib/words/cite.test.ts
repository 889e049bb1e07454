import { describe, expect, it } from "vitest";
import type { Source } from "../data/sources.ts";
import { isOfficial, publishersInOrder, shortPublisherList } from "./cite.ts";

const src = (id: string, publisher: string, type: Source["type"], licence: Source["licence"]): Source => ({
  id,
  title: id,
  publisher,
  url: `https://example.org/${id}`,
  via: null,
  date: "2025-01-01",
  date_estimated: false,
  date_note: null,
  type,
  uin: null,
  licence,
  covers: "x",
  confidence: "H",
});
const hsj = src("a", "HSJ", "news", "not-stated");
const dh1 = src("b", "Digital Health", "news", "not-stated");
const dh2 = src("c", "Digital Health", "news", "not-stated");
const parl = src("d", "UK Parliament", "written_answer", "OPL-3.0");
const nhse = src("e", "NHS England", "dataset", "not-stated");
const hex = src("f", "Open Innovations", "dataset", "MIT");

describe("citations name official sources first", () => {
  it("counts government, NHS and Parliament as official, and trade press and third-party data as not", () => {
    expect([hsj, parl, nhse, hex].map(isOfficial)).toEqual([false, true, true, false]);
  });

  it("orders publishers official first, then by how many sources each gave", () => {
    expect(publishersInOrder([hsj, dh1, dh2, nhse, parl, parl])).toEqual([
      "UK Parliament",
      "NHS England",
      "Digital Health",
      "HSJ",
    ]);
  });

  it("names two and counts the rest", () => {
    expect(shortPublisherList([hsj, dh1, nhse, parl, hex])).toBe("NHS England, UK Parliament and 3 more");
    expect(shortPublisherList([hsj, nhse, parl])).toBe("NHS England, UK Parliament and HSJ");
    expect(shortPublisherList([nhse])).toBe("NHS England");
  });
});
