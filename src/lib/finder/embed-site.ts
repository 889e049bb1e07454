/** The finder embed from the site's data: one place for its title, data and fixed height, for its page and the embeds page. */
import { site, source } from "../site.ts";
import { compareNames } from "../order.ts";
import { formatDate } from "../data/dates.ts";
import { siteTrustCard } from "../trust/card-site.ts";
import { finderEntry } from "./page-data.ts";
import { finderFallbackHeight, packFinder, type FinderEntry } from "./embed-data.ts";
import { findHint, siteTerm } from "./search.ts";

export const FINDER_TITLE = "Does your hospital have an EPR?";
export const FINDER_PATH = "/embed/finder/";

const trustName = new Map(site.trusts.map((t) => [t.code, t.name]));
const nameOf = (code: string) => trustName.get(code) ?? code;

/** Every trust, as /trusts/ lists them, with its answer. */
export const finderEntries: FinderEntry[] = [...site.trusts]
  .sort((a, b) => compareNames(a.name, b.name))
  .map((t) => finderEntry(t, nameOf, siteTrustCard(t)));

export const finderData = (): string => packFinder(finderEntries);

const hospitals = source("nhs-website-hospitals");
const mergers = source("ods-succ-2026");
/** The footer's sources, in words; the page links each. */
export const finderSources = { hospitals, mergers, statusDate: formatDate(site.status_now.as_of) };

/** The embed code's fixed height: the tallest answer, with the longest hint it can have, at common widths. */
export function finderHeight(): number {
  const partial = findHint("A hospital that is not in the list", {
    kind: "partial",
    codes: ["", ""],
    matched: ["hospital", "not", "list"],
  })!;
  const longest = (texts: string[]) => texts.reduce((a, b) => (b.length > a.length ? b : a), partial);
  return finderFallbackHeight(finderEntries, {
    title: FINDER_TITLE,
    // The hint, and the line naming the hospital it was found by, counted as one paragraph.
    hint: (e) => longest(e.sites.map((s) => `${s.note ?? ""} Found by its hospital or site: ${siteTerm(s).label}`)),
    more: `${site.trusts.length} more trusts match. See every match`,
    footer: `Status on ${finderSources.statusDate}, each with its source · Hospitals: ${hospitals.publisher} (read from a third party's copy), about 2021; mergers: ${mergers.publisher} · Open Government Licence v3.0 · Every trust on NHS EPR Tracker`,
  });
}
