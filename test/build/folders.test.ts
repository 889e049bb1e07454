/**
 * A build owns its folders (issue 22, point 5): one build at a time in a checkout, nothing left behind
 * by a killed build, never a lost dist/, a dist/ on another file system, and nothing published through
 * a link. Fake steps stand in for the data step and astro.
 */
import { spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { buildInto, LOCK_FILE, moveBeside, refuseOddFiles, siteSteps, type BuildStep } from "../../scripts/build.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "epr-folders-"));
  dirs.push(d);
  return d;
}
/** The id of a process that has ended. */
const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid!;
const write = (name: string, text: string): BuildStep => ({
  name: `writing ${name}`,
  run: (out) => {
    mkdirSync(join(out, name, ".."), { recursive: true });
    writeFileSync(join(out, name), text);
  },
});

describe("a build in a checkout", () => {
  it("runs one build at a time, so two builds started together each publish their own data", async () => {
    const work = tempDir();
    // As the data step writes src/generated/ and astro reads it later: state every build shares.
    const steps = (label: string): BuildStep[] => [
      { name: "the data step", run: () => writeFileSync(join(work, "generated.json"), label) },
      {
        name: "astro build",
        run: async (out) => {
          await sleep(60);
          mkdirSync(out, { recursive: true });
          writeFileSync(join(out, "index.html"), readFileSync(join(work, "generated.json")));
        },
      },
    ];
    const [a, b] = [join(work, "a"), join(work, "b")];
    await Promise.all([buildInto(a, steps("A"), { workDir: work }), buildInto(b, steps("B"), { workDir: work })]);
    expect(readFileSync(join(a, "index.html"), "utf8")).toBe("A");
    expect(readFileSync(join(b, "index.html"), "utf8")).toBe("B");
    expect(existsSync(join(work, LOCK_FILE))).toBe(false);
  });

  it("fails naming the lock when a running build holds it past the wait", async () => {
    const work = tempDir();
    const lock = join(work, LOCK_FILE);
    mkdirSync(join(lock, ".."), { recursive: true });
    writeFileSync(lock, JSON.stringify({ pid: process.pid, started: "2026-01-01T00:00:00.000Z" }));
    await expect(
      buildInto(join(work, "dist"), [write("index.html", "x")], { workDir: work, lockWaitMs: 100 }),
    ).rejects.toThrow(`build: another build (process ${process.pid}, started 2026-01-01T00:00:00.000Z) holds ${lock}`);
    expect(existsSync(join(work, "dist"))).toBe(false);
    expect(existsSync(lock)).toBe(true);
  });

  it("takes over the lock of a build that was killed", async () => {
    const work = tempDir();
    const lock = join(work, LOCK_FILE);
    mkdirSync(join(lock, ".."), { recursive: true });
    writeFileSync(lock, JSON.stringify({ pid: deadPid(), started: "2026-01-01T00:00:00.000Z" }));
    await buildInto(join(work, "dist"), [write("index.html", "x")], { workDir: work, lockWaitMs: 100 });
    expect(readFileSync(join(work, "dist/index.html"), "utf8")).toBe("x");
    expect(existsSync(lock)).toBe(false);
  });
});

describe("what a killed build leaves", () => {
  it("is removed at the next build, but a running build's folders are not", async () => {
    const work = tempDir();
    const site = tempDir();
    const dist = join(site, "dist");
    mkdirSync(dist);
    const dead = deadPid();
    const alive = spawn(process.execPath, ["-e", "setTimeout(() => {}, 20000)"]);
    try {
      const left = [
        join(work, `.dist.staging-${dead}`),
        join(site, `.dist.old-${dead}`),
        join(site, `.dist.incoming-${dead}`),
        join(site, `.dist.staging-${dead}`),
      ];
      const running = join(site, `.dist.incoming-${alive.pid}`);
      for (const d of [...left, running]) mkdirSync(d);
      await buildInto(dist, [write("index.html", "new")], { workDir: work });
      for (const d of left) expect(existsSync(d), d).toBe(false);
      expect(existsSync(running)).toBe(true);
      expect(readdirSync(work).filter((f) => f !== "node_modules")).toEqual([]);
    } finally {
      alive.kill();
    }
  });

  it("puts the previous dist/ back when a build was killed between its two renames", async () => {
    const work = tempDir();
    const site = tempDir();
    const dist = join(site, "dist");
    // The state after `dist/ → .dist.old-<pid>` and before the new build was renamed into place.
    const old = join(site, `.dist.old-${deadPid()}`);
    mkdirSync(old);
    writeFileSync(join(old, "index.html"), "previous");
    const failing: BuildStep = {
      name: "astro build",
      run: () => {
        throw new Error("out of memory");
      },
    };
    await expect(buildInto(dist, [failing], { workDir: work })).rejects.toThrow("astro build failed");
    expect(readFileSync(join(dist, "index.html"), "utf8")).toBe("previous");
    expect(readdirSync(site)).toEqual(["dist"]);
  });
});

describe("a dist/ elsewhere", () => {
  it("is built in the checkout, where astro renames its files into place, then moved beside dist/", async () => {
    const work = tempDir();
    const dist = join(tempDir(), "dist");
    let out = "";
    await buildInto(
      dist,
      [
        {
          name: "astro build",
          run: (o) => {
            out = o;
            mkdirSync(o);
            // astro moves its prerendered assets out of .astro/ by renaming.
            mkdirSync(join(work, ".astro"), { recursive: true });
            writeFileSync(join(work, ".astro", "a.css"), "css");
            renameSync(join(work, ".astro", "a.css"), join(o, "a.css"));
          },
        },
      ],
      { workDir: work },
    );
    expect(out.startsWith(work)).toBe(true);
    expect(readFileSync(join(dist, "a.css"), "utf8")).toBe("css");
    expect(readdirSync(join(dist, ".."))).toEqual(["dist"]);
  });

  it("on another file system is copied when a rename cannot cross to it", () => {
    const from = join(tempDir(), "build");
    const to = join(tempDir(), ".dist.incoming-1");
    mkdirSync(join(from, "trusts/RM1"), { recursive: true });
    writeFileSync(join(from, "trusts/RM1/index.html"), "RM1");
    const exdev = () => {
      throw Object.assign(new Error("EXDEV: cross-device link not permitted"), { code: "EXDEV" });
    };
    moveBeside(from, to, exdev);
    expect(readFileSync(join(to, "trusts/RM1/index.html"), "utf8")).toBe("RM1");
    expect(existsSync(from)).toBe(false);
  });
});

describe("links", () => {
  it("are never published: a build holding one is refused, naming it, and dist/ is left as it was", async () => {
    const work = tempDir();
    const dist = join(work, "dist");
    await buildInto(dist, [write("index.html", "first")], { workDir: work });
    const link: BuildStep = { name: "copying public/", run: (out) => symlinkSync("/etc/passwd", join(out, "x.txt")) };
    await expect(buildInto(dist, [write("index.html", "second"), link], { workDir: work })).rejects.toThrow(
      `build: ${join(dist, "x.txt")} is a symbolic link; expected only regular files and folders`,
    );
    expect(readdirSync(dist)).toEqual(["index.html"]);
    expect(readFileSync(join(dist, "index.html"), "utf8")).toBe("first");
  });

  it("under public/ stop the build before astro copies what they point at", () => {
    const pub = tempDir();
    mkdirSync(join(pub, "embed"));
    writeFileSync(join(pub, "favicon.svg"), "<svg/>");
    symlinkSync("../../.git/config", join(pub, "embed", "x.txt"));
    expect(() => refuseOddFiles(pub)).toThrow(
      `${join(pub, "embed", "x.txt")} is a symbolic link; expected only regular files and folders`,
    );
    const names = siteSteps().map((s) => s.name);
    expect(names.indexOf("the check of public/")).toBeGreaterThan(-1);
    expect(names.indexOf("the check of public/")).toBeLessThan(names.indexOf("astro build"));
  });
});
