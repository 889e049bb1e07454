/**
 * Reads an Atom document the way a strict XML parser does (saxes, well-formedness per XML 1.0): any
 * error is returned, never skipped, with the feed's entries as a feed reader would list them.
 */
import { SaxesParser } from "saxes";

export interface AtomEntry {
  id: string;
  title: string;
  updated: string;
  links: { rel: string; href: string }[];
  /** The entry's content as the reader gets it after XML decoding (HTML for type="html"). */
  content: string;
}

export function readAtom(xml: string): {
  errors: string[];
  links: { rel: string; href: string }[];
  entries: AtomEntry[];
} {
  const parser = new SaxesParser({ xmlns: true });
  const errors: string[] = [];
  const entries: AtomEntry[] = [];
  const links: { rel: string; href: string }[] = [];
  const path: string[] = [];
  let entry: AtomEntry | null = null;
  let text = "";
  parser.on("error", (e) => errors.push(e.message));
  parser.on("opentag", (tag) => {
    path.push(tag.local);
    text = "";
    if (tag.local === "entry") entry = { id: "", title: "", updated: "", links: [], content: "" };
    if (tag.local === "link") {
      const attr = (n: string) => String(tag.attributes[n] && (tag.attributes[n] as { value: string }).value);
      (entry ? entry.links : links).push({ rel: attr("rel"), href: attr("href") });
    }
  });
  parser.on("text", (t) => (text += t));
  parser.on("closetag", (tag) => {
    path.pop();
    if (entry && (tag.local === "id" || tag.local === "title" || tag.local === "updated" || tag.local === "content"))
      entry[tag.local] = text;
    if (tag.local === "entry" && entry) {
      entries.push(entry);
      entry = null;
    }
    text = "";
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    errors.push((e as Error).message);
  }
  if (path.length && !errors.length) errors.push(`unclosed elements: ${path.join(" > ")}`);
  return { errors, links, entries };
}
