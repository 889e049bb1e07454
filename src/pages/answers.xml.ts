/** /answers.xml: an Atom feed of ministers' written answers on electronic patient records. */
import type { APIRoute } from "astro";
import { answersPage } from "../lib/parliament/site.ts";
import { answersFeed } from "../lib/publish/feed.ts";
import { urlPrefix } from "../lib/publish/paths.ts";

// urlPrefix keeps the base path of a project site (SITE_URL with a path), not only the origin.
export const GET: APIRoute = ({ site: siteUrl }) =>
  new Response(answersFeed(answersPage.answers, urlPrefix(siteUrl)), {
    headers: { "content-type": "application/atom+xml; charset=utf-8" },
  });
