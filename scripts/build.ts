/**
 * npm run build [-- --dist <dir>] [-- --data <dir>]: the data step, astro build, the social cards and _headers.
 *
 * A build owns its folders. It holds a lock in the checkout (LOCK_FILE) for its whole run, because every
 * build in one checkout shares src/generated/, public/data/ and .astro/: a second build waits for the
 * first (saying so, and naming the lock), and takes over a lock whose process has died. It builds into a
 * staging folder in the checkout, beside .astro/, since astro moves its files there by renaming. Only
 * when every step has succeeded, and the staging folder holds nothing but regular files and folders,
 * does it take dist/'s place, so a failing step (a card that cannot be drawn, a full disk) leaves the
 * previous dist/ whole.
 *
 * The swap is two renames beside dist/: dist/ to .dist.old-<pid>, then the new build to dist/. Node has
 * no atomic exchange of two folders, so a process killed between the two leaves no dist/ for an
 * instant; the next build (and npm run preview) starts by renaming that .dist.old-<pid> back, so the
 * previous build is never lost. A dist/ on another file system is reached by copying the build beside it
 * first, then the same two renames. Staging and old folders left by builds that were killed are removed
 * at the next build. (A symbolic link swapped by rename would be atomic, but a dist/ that is a link is
 * followed or refused unpredictably by the tools that upload it.)
 */
import { execFileSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
  closeSync,
} from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { notRegular } from "./lib/dist.ts";
import { argValue } from "./lib/io.ts";

export interface BuildStep {
  name: string;
  /** Builds into `out`; throws on failure. */
  run(out: string): void | Promise<void>;
}

export class BuildError extends Error {}

/** The lock every build in a checkout holds; git-ignored, like the card cache beside it. */
export const LOCK_FILE = "node_modules/.cache/nhs-epr-tracker/build.lock";

export interface BuildFolders {
  /** Where the staging folder and the lock live: the checkout (the current folder) unless told. */
  workDir?: string;
  /** The lock file, relative to workDir; LOCK_FILE unless told. */
  lockFile?: string;
  /** How long to wait for another build's lock before failing, in ms (20 minutes unless told). */
  lockWaitMs?: number;
}

/** Whether a process with this id is running (EPERM: it is, but not ours). */
export function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

interface LockHolder {
  pid: number;
  started: string;
}

function readHolder(lock: string): LockHolder | null {
  try {
    const h = JSON.parse(readFileSync(lock, "utf8")) as Partial<LockHolder>;
    return typeof h.pid === "number" && typeof h.started === "string" ? { pid: h.pid, started: h.started } : null;
  } catch {
    return null;
  }
}

/**
 * Take the checkout's build lock, waiting while a running build holds it. A lock whose process has
 * died (a build killed with SIGKILL) or that cannot be read is taken over. Returns the release function.
 */
export async function acquireLock(lock: string, waitMs: number): Promise<() => void> {
  mkdirSync(dirname(lock), { recursive: true });
  const deadline = Date.now() + waitMs;
  let told = false;
  for (;;) {
    try {
      const fd = openSync(lock, "wx");
      writeSync(fd, JSON.stringify({ pid: process.pid, started: new Date().toISOString() }) + "\n");
      closeSync(fd);
      return () => rmSync(lock, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    let holder = readHolder(lock);
    // Unreadable: a build writing it this instant, or one killed before it could; look again shortly.
    if (!holder) await sleep(50);
    holder ??= readHolder(lock);
    if (!holder || !isRunning(holder.pid)) {
      // Its build died without removing it. Removed only if it is still the same lock, so two builds
      // taking over at once cannot remove each other's.
      const again = readHolder(lock);
      if (again?.pid === holder?.pid && again?.started === holder?.started) rmSync(lock, { force: true });
      continue;
    }
    if (Date.now() >= deadline)
      throw new BuildError(
        `build: another build (process ${holder.pid}, started ${holder.started}) holds ${lock}; ` +
          `wait for it to finish, or stop it (delete the lock only if no build is running)`,
      );
    if (!told) {
      console.error(
        `build: waiting for the build that holds ${lock} (process ${holder.pid}, started ${holder.started})`,
      );
      told = true;
    }
    await sleep(Math.min(250, Math.max(10, deadline - Date.now())));
  }
}

/** Folders in `dir` named `.<name>.<kind>-<pid>`, with their kind and pid. */
function leftovers(dir: string, name: string, kinds: string[]): { path: string; kind: string; pid: number }[] {
  if (!existsSync(dir)) return [];
  const prefix = `.${name}.`;
  return readdirSync(dir).flatMap((f) => {
    const m = f.startsWith(prefix) ? /^([a-z]+)-(\d+)$/.exec(f.slice(prefix.length)) : null;
    return m && kinds.includes(m[1]!) ? [{ path: join(dir, f), kind: m[1]!, pid: Number(m[2]) }] : [];
  });
}

/**
 * Undo what a build killed part-way left: a dist/ that was renamed away but not replaced is put back
 * (the previous build, whole), and staging, incoming and old folders of builds no longer running are
 * removed. Returns what it did, one line each.
 */
export function recoverDist(dist: string, workDir = "."): string[] {
  const target = resolve(dist);
  const done: string[] = [];
  const beside = leftovers(dirname(target), basename(target), ["old", "staging", "incoming"]);
  const work = leftovers(resolve(workDir), "dist", ["staging"]);
  const dead = [...beside, ...work].filter((l) => !isRunning(l.pid));
  if (!existsSync(target)) {
    const old = dead.find((l) => l.kind === "old");
    if (old) {
      renameSync(old.path, target);
      done.push(`put back ${target} from ${old.path}, left by a build stopped while replacing it`);
    }
  }
  for (const l of dead) {
    if (!existsSync(l.path)) continue;
    rmSync(l.path, { recursive: true, force: true });
    done.push(`removed ${l.path}, left by a build that was stopped`);
  }
  return done;
}

/** Move a finished build to `to` on dist/'s file system: a rename, or a copy when the two differ. */
export function moveBeside(from: string, to: string, rename: (from: string, to: string) => void = renameSync): void {
  try {
    rename(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EXDEV") throw e;
    try {
      cpSync(from, to, { recursive: true, errorOnExist: true, force: false, verbatimSymlinks: true });
    } catch (copyError) {
      rmSync(to, { recursive: true, force: true });
      throw copyError;
    }
    rmSync(from, { recursive: true, force: true });
  }
}

/** Replace `dist` with `ready` (on the same file system) in two renames, putting the old dist back if the second fails. */
function swapIn(ready: string, dist: string): void {
  const old = join(dirname(dist), `.${basename(dist)}.old-${process.pid}`);
  const hadDist = existsSync(dist);
  if (hadDist) renameSync(dist, old);
  try {
    renameSync(ready, dist);
  } catch (e) {
    if (hadDist) renameSync(old, dist);
    throw e;
  }
  if (hadDist) rmSync(old, { recursive: true, force: true });
}

/** Fails naming the first link, pipe or device under `dir`: astro would copy whatever a link points at. */
export function refuseOddFiles(dir: string): void {
  const odd = notRegular(dir)[0];
  if (odd) throw new Error(`${odd.path} is ${odd.kind}; expected only regular files and folders`);
}

/** Run every step into a staging folder, then swap it in for `dist`; on failure, dist is untouched. */
export async function buildInto(dist: string, steps: BuildStep[], folders: BuildFolders = {}): Promise<void> {
  const target = resolve(dist);
  const workDir = resolve(folders.workDir ?? ".");
  const release = await acquireLock(join(workDir, folders.lockFile ?? LOCK_FILE), folders.lockWaitMs ?? 20 * 60_000);
  // In the checkout, beside .astro/, because astro renames its output into place; hidden, so nothing serves it.
  const staging = join(workDir, `.dist.staging-${process.pid}`);
  // On dist/'s file system, so the final rename cannot fail for crossing one.
  const ready =
    dirname(target) === workDir ? staging : join(dirname(target), `.${basename(target)}.incoming-${process.pid}`);
  try {
    for (const line of recoverDist(target, workDir)) console.error(`build: ${line}`);
    rmSync(staging, { recursive: true, force: true });
    if (ready !== staging) rmSync(ready, { recursive: true, force: true });
    for (const step of steps) {
      try {
        await step.run(staging);
      } catch (e) {
        throw new BuildError(
          `build: ${step.name} failed${e instanceof Error && e.message ? ` (${e.message.split("\n")[0]})` : ""}; ${dist} was left as it was`,
        );
      }
    }
    const odd = notRegular(staging);
    if (odd.length)
      throw new BuildError(
        `build: ${join(dist, relative(staging, odd[0]!.path))} is ${odd[0]!.kind}; expected only regular files and folders in a build (nothing is published through a link); ${dist} was left as it was`,
      );
    mkdirSync(dirname(target), { recursive: true });
    if (ready !== staging) moveBeside(staging, ready);
    swapIn(ready, target);
  } finally {
    rmSync(staging, { recursive: true, force: true });
    rmSync(ready, { recursive: true, force: true });
    release();
  }
}

export interface SiteStepOptions {
  /** The data folder the data step reads (data/ unless told). */
  dataDir?: string;
  /** The environment every step runs in: the reproducibility check varies locale and time zone here. */
  env?: NodeJS.ProcessEnv;
  /** "inherit" shows each step's output; "pipe" keeps it quiet (the reproducibility check). */
  output?: "inherit" | "pipe";
}

/**
 * Names Vite and Astro fill import.meta.env with. A value inherited from whatever started the build
 * would override the build's own (vitest sets BASE_URL=/ and DEV=1, which undid SITE_URL's base
 * path), so the steps never see them; NODE_ENV likewise is the build's to set.
 */
const RESERVED_ENV = ["BASE_URL", "MODE", "DEV", "PROD", "SSR", "SITE", "ASSETS_PREFIX", "NODE_ENV"];

/** The site's build steps, each a child process of this Node, so they all see the same environment. */
export function siteSteps(opts: SiteStepOptions = {}): BuildStep[] {
  const env: NodeJS.ProcessEnv = { ...(opts.env ?? process.env), ASTRO_TELEMETRY_DISABLED: "1" };
  for (const name of RESERVED_ENV) delete env[name];
  const output = opts.output ?? "inherit";
  const node = (args: string[]) => execFileSync(process.execPath, args, { stdio: ["ignore", output, output], env });
  return [
    { name: "the data step", run: () => void node(["scripts/build-data.ts", "--data", opts.dataDir ?? "data"]) },
    { name: "the check of public/", run: () => refuseOddFiles("public") },
    { name: "astro build", run: (out) => void node(["node_modules/astro/bin/astro.mjs", "build", "--outDir", out]) },
    { name: "the social cards", run: (out) => void node(["scripts/og-images.ts", "--dist", out]) },
    { name: "the headers file", run: (out) => void node(["scripts/headers.ts", "--dist", out]) },
  ];
}

if (import.meta.main) {
  const dist = argValue("dist", "dist");
  try {
    await buildInto(dist, siteSteps({ dataDir: argValue("data", "data") }));
  } catch (e) {
    // Each step has printed its own error; this line says what it means for dist/.
    console.error(e instanceof BuildError ? e.message : e);
    process.exit(1);
  }
}
