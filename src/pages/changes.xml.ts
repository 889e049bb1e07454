/** /changes.xml: an Atom feed of data releases, so readers and newsrooms can follow updates. */
import type { APIRoute } from "astro";
import { site } from "../lib/site.ts";
import { atomFeed } from "../lib/publish/feed.ts";
import { urlPrefix } from "../lib/publish/paths.ts";

export const GET: APIRoute = ({ site: siteUrl }) =>
  new Response(atomFeed(site.changelog, urlPrefix(siteUrl)), {
    headers: { "content-type": "application/atom+xml; charset=utf-8" },
  });
