// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import { parseSiteUrl } from "./src/lib/publish/site-url.ts";

// SITE_URL is where the site is published, path included (https://owner.github.io/nhs-epr-tracker/ for
// a GitHub Pages project site): social cards, the feed and embed codes get absolute addresses, and
// every internal link starts with the path.
const { site, base } = parseSiteUrl(process.env.SITE_URL);

export default defineConfig({
  site,
  base,
  trailingSlash: "always",
  // Pages render while earlier ones are written: with one at a time, a 20,000-page build waited on
  // the disk for half its time. Each page is its own file, so the output does not depend on the order.
  build: { format: "directory", inlineStylesheets: "never", concurrency: 8 },
  integrations: [mdx()],
  devToolbar: { enabled: false },
  // Scripts go in files of their own, never inline, so a strict Content Security Policy can apply.
  vite: { build: { assetsInlineLimit: 0 } },
});
