/**
 * Writes <dist>/_headers after the build: headers for every path, a Content Security Policy for every
 * file, framing allowed only for embeds. Paths carry the base path SITE_URL gives, as the pages do.
 */
import { writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { headersFile } from "../src/lib/publish/security.ts";
import { parseSiteUrl } from "../src/lib/publish/site-url.ts";
import { listFiles } from "./lib/dist.ts";
import { argValue, runMain } from "./lib/io.ts";

await runMain(() => {
  const dist = argValue("dist", "dist");
  const files = listFiles(dist).map((f) => relative(dist, f).replace(/\\/g, "/"));
  const file = headersFile(files, parseSiteUrl(process.env.SITE_URL).base);
  writeFileSync(join(dist, "_headers"), file);
  console.log(`headers: ${file.split("\n\n").length} rules written to ${join(dist, "_headers")}`);
});
