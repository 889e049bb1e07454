/** The built feeds, read as a feed reader reads them: well-formed XML, titled, linked and dated for a person. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { AnswersPageModel } from "../../src/lib/parliament/page.ts";
import { readAtom } from "../parliament/atom.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const read = (p: string) => readFileSync(join(ROOT, "dist", p), "utf8");

describe("the built feeds", () => {
  it("/changes.xml is well-formed XML", () => {
    const { errors, entries } = readAtom(read("changes.xml"));
    expect(errors).toEqual([]);
    expect(entries.length).toBeGreaterThan(0);
  });

  it("/answers.xml: every answer, titled by what was asked, linking a page to read, dated or marked as estimated", () => {
    const model = JSON.parse(readFileSync(join(ROOT, "src/generated/answers.json"), "utf8")) as AnswersPageModel;
    const { errors, entries } = readAtom(read("answers.xml"));
    expect(errors).toEqual([]);
    expect(entries).toHaveLength(model.answers.length);
    for (const e of entries) {
      expect(e.title).not.toMatch(/Parliament id|^Written question/);
      expect(e.links.length).toBeGreaterThan(0);
      for (const l of e.links) expect(l.href, e.id).not.toMatch(/\/api\/|\.json\b/);
      expect(e.content, e.id).toMatch(/^<p>(Answered on \d+ \w+ \d{4}\.|Date estimated: )/);
    }
  });
});
