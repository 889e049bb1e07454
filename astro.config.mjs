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
  telemetry: false,
});
