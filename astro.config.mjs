// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";

export default defineConfig({
  // Set SITE_URL when deploying so social cards and feeds get absolute URLs.
  site: process.env.SITE_URL || undefined,
  trailingSlash: "always",
  build: { format: "directory", inlineStylesheets: "never" },
  integrations: [mdx()],
  devToolbar: { enabled: false },
  // Scripts go in files of their own, never inline, so a strict Content Security Policy can apply.
  vite: { build: { assetsInlineLimit: 0 } },
});
