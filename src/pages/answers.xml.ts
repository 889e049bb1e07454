/** /answers.xml: an Atom feed of ministers' written answers on electronic patient records. */
import type { APIRoute } from "astro";
import { answersPage } from "../lib/parliament/site.ts";
import { answersFeed } from "../lib/feed.ts";

export const GET: APIRoute = ({ site: siteUrl }) =>
  new Response(answersFeed(answersPage.answers, siteUrl ? siteUrl.origin : ""), {
    headers: { "content-type": "application/atom+xml; charset=utf-8" },
  });
