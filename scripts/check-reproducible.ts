/**
 * npm run check:reproducible — builds the site twice from the same sources into two temporary folders,
 * on machines that disagree as much as they can: different locales (Lithuanian sorts "y" between "i"
 * and "j") and time zones a day apart (UTC−10 and UTC+14). It fails unless every file is
 * byte-identical: no timestamps, random ids, ordering drift, locale-dependent sorting or local dates.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { listFiles } from "./lib/dist.ts";
import { buildInto, siteSteps } from "./build.ts";

/** Two build machines. Node reads the locale from these variables through its own ICU data, so no system locale is needed. */
const MACHINES = [
  {
    label: "en_GB.UTF-8, Pacific/Honolulu",
    env: { LANG: "en_GB.UTF-8", LC_ALL: "en_GB.UTF-8", TZ: "Pacific/Honolulu" },
  },
  {
    label: "lt_LT.UTF-8, Pacific/Kiritimati",
    env: { LANG: "lt_LT.UTF-8", LC_ALL: "lt_LT.UTF-8", TZ: "Pacific/Kiritimati" },
  },
] as const;

/** What a child Node sees in an environment: its default collation locale and UTC offset today, in minutes. */
function machineSeenBy(env: NodeJS.ProcessEnv): { locale: string; offset: number } {
  const out = execFileSync(
    process.execPath,
    [
      "-e",
      "console.log(JSON.stringify({ locale: new Intl.Collator().resolvedOptions().locale, offset: new Date().getTimezoneOffset() }))",
    ],
    { env, encoding: "utf8" },
  );
  return JSON.parse(out) as { locale: string; offset: number };
}

async function build(env: NodeJS.ProcessEnv): Promise<Map<string, string>> {
  const root = mkdtempSync(join(tmpdir(), "epr-repro-"));
  const dir = join(root, "dist");
  try {
    await buildInto(dir, siteSteps({ env, output: "pipe" }));
    return new Map(
      listFiles(dir).map((f) => [relative(dir, f), createHash("sha256").update(readFileSync(f)).digest("hex")]),
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const envs = MACHINES.map((m) => ({ ...process.env, ...m.env }));
// The check means nothing if the two machines are not in fact different.
const seen = envs.map(machineSeenBy);
if (seen[0]!.locale === seen[1]!.locale || seen[0]!.offset === seen[1]!.offset) {
  console.error(
    `Reproducibility check cannot run: the two builds would see the same locale or time zone (${JSON.stringify(seen)}).`,
  );
  process.exit(1);
}
const [a, b] = [await build(envs[0]!), await build(envs[1]!)];
const names = [...new Set([...a.keys(), ...b.keys()])].sort();
const differing = names.filter((n) => a.get(n) !== b.get(n));
if (differing.length) {
  console.error(
    `Not reproducible: ${differing.length} of ${names.length} files differ between a build in ${MACHINES[0].label} and one in ${MACHINES[1].label}:\n${differing
      .slice(0, 20)
      .map((n) => `  ${n}`)
      .join("\n")}`,
  );
  process.exit(1);
}
console.log(
  `Reproducible: builds in ${MACHINES[0].label} and ${MACHINES[1].label} gave the same ${names.length} files, byte for byte.`,
);
