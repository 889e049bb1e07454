/** Writes dist/_headers after the build: security headers for every page, framing allowed only for embeds. */
import { writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { headersFile } from "../src/lib/security.ts";
import { listFiles } from "./lib/dist.ts";
import { argValue } from "./lib/io.ts";

const dist = argValue("dist", "dist");
const pages = listFiles(dist, ".html").map((f) => {
  const rel = "/" + relative(dist, f).replace(/\\/g, "/");
  return rel.endsWith("/index.html") ? rel.slice(0, -"index.html".length) : rel;
});
// A directory of per-trust pages gets one wildcard rule rather than hundreds.
const grouped = [...new Set(pages.map((p) => (/^\/trusts\/[^/]+\/$/.test(p) ? "/trusts/*" : p)))];
const file = headersFile(grouped);
writeFileSync(join(dist, "_headers"), file);
console.log(`headers: ${file.split("\n\n").length} rules written to ${join(dist, "_headers")}`);
