/**
 * The home page's deadline answer for a site's data, with the inputs put together as
 * src/pages/index.astro puts them, for tests on the built site and on the frozen release.
 */
import type { SiteData } from "../../src/lib/data/model.ts";
import { deadlineAnswer, type DeadlineAnswer } from "../../src/lib/words/deadline-answer.ts";

export function siteDeadlineAnswer(site: SiteData): DeadlineAnswer {
  const h = site.headline;
  return deadlineAnswer({
    release: site.release.date,
    deadline: {
      date: h.deadline.target_date,
      weaker: h.deadline.kind === "epr_or_in_progress",
      announcedOn: h.deadline.announced_on,
    },
    statements: site.statements,
    followup: site.followup,
    listCaveat: site.list_editions.find((e) => e.source_id === site.followup.list_source_id)?.date_caveat ?? null,
    publisherOf: (id) => site.sources.find((s) => s.id === id)!.publisher,
  });
}
