/**
 * npm run check:reproducible — builds the site twice from the same sources into two temporary folders
 * and fails unless every file is byte-identical: no timestamps, random ids or ordering drift.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { listFiles } from "./lib/dist.ts";

function build(): { dir: string; files: Map<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), "epr-repro-"));
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" };
  execFileSync(process.execPath, ["scripts/build-data.ts"], { stdio: "pipe", env });
  execFileSync(process.execPath, ["node_modules/astro/bin/astro.mjs", "build", "--outDir", dir], { stdio: "pipe", env });
  execFileSync(process.execPath, ["scripts/og-images.ts", "--dist", dir], { stdio: "pipe", env });
  execFileSync(process.execPath, ["scripts/headers.ts", "--dist", dir], { stdio: "pipe", env });
  const files = new Map(listFiles(dir).map((f) => [relative(dir, f), createHash("sha256").update(readFileSync(f)).digest("hex")]));
  return { dir, files };
}

const a = build();
const b = build();
const names = [...new Set([...a.files.keys(), ...b.files.keys()])].sort();
const differing = names.filter((n) => a.files.get(n) !== b.files.get(n));
rmSync(a.dir, { recursive: true, force: true });
rmSync(b.dir, { recursive: true, force: true });
if (differing.length) {
  console.error(`Not reproducible: ${differing.length} of ${names.length} files differ between two builds:\n${differing.slice(0, 20).map((n) => `  ${n}`).join("\n")}`);
  process.exit(1);
}
console.log(`Reproducible: two builds gave the same ${names.length} files, byte for byte.`);
