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
  build: { format: "directory", inlineStylesheets: "never" },
  integrations: [mdx()],
  devToolbar: { enabled: false },
  // Scripts go in files of their own, never inline, so a strict Content Security Policy can apply.
  vite: { build: { assetsInlineLimit: 0 } },
});
