/**
 * npm run build never leaves a half-written dist/ (issue 15, points 1 and 4): the steps build into a
 * staging folder that replaces dist/ only when all of them succeed. Fake steps stand in for astro.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildInto, type BuildStep } from "../../scripts/build.ts";
import { writeCards } from "../../scripts/og-images.ts";
import { wideDrawing } from "../../src/lib/publish/og.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "epr-build-"));
  dirs.push(d);
  return d;
}
/** Every file under `dir` with its text. */
function tree(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [join(e.parentPath, e.name).slice(dir.length + 1), readFileSync(join(e.parentPath, e.name), "utf8")])
      .sort(([a], [b]) => (a! < b! ? -1 : 1)),
  );
}
const write = (name: string, text: string): BuildStep => ({
  name: `writing ${name}`,
  run: (out) => {
    mkdirSync(join(out, name, ".."), { recursive: true });
    writeFileSync(join(out, name), text);
  },
});

describe("npm run build", () => {
  it("replaces dist/ with the new build once every step has succeeded, leaving no staging folder", async () => {
    const root = tempDir();
    const dist = join(root, "dist");
    mkdirSync(dist);
    writeFileSync(join(dist, "stale.html"), "old");
    await buildInto(dist, [write("index.html", "new"), write("og/index.png", "png"), write("_headers", "h")], {
      workDir: root,
    });
    expect(tree(dist)).toEqual({ _headers: "h", "index.html": "new", "og/index.png": "png" });
    expect(readdirSync(root).filter((f) => f !== "node_modules")).toEqual(["dist"]);
  });

  it("leaves the previous dist/ whole when a later step fails, and says which step", async () => {
    const root = tempDir();
    const dist = join(root, "dist");
    await buildInto(dist, [write("index.html", "first"), write("_headers", "h1")], { workDir: root });
    const before = tree(dist);
    const failing: BuildStep = {
      name: "the social cards",
      run: () => {
        throw new Error("SVG data parsing failed");
      },
    };
    await expect(
      buildInto(dist, [write("index.html", "second"), write("og/a.png", "half"), failing, write("_headers", "h2")], {
        workDir: root,
      }),
    ).rejects.toThrow(`build: the social cards failed (SVG data parsing failed); ${dist} was left as it was`);
    expect(tree(dist)).toEqual(before);
    expect(readdirSync(root).filter((f) => f !== "node_modules")).toEqual(["dist"]);
  });

  it("draws a card for a chart with < in an attribute, and names the card that cannot be drawn", async () => {
    const dist = tempDir();
    const spec = (chart: string) => ({
      path: `/og/charts/${chart}.png`,
      title: "T",
      description: "Epic <UK> Ltd",
      chart,
      status: null,
    });
    mkdirSync(join(dist, "og/charts"), { recursive: true });
    // The chart drawing as the build writes it: wideDrawing has escaped the attribute's "<" already.
    writeFileSync(
      join(dist, "og/charts/suppliers.svg"),
      wideDrawing(
        '<svg data-layout="wide" viewBox="0 0 10 10"><g data-tip="Epic <UK> Ltd: 9 trusts."><rect width="5" height="5"></rect></g></svg>',
        "suppliers",
      ),
    );
    expect(await writeCards(dist, [spec("suppliers")], { css: "", release: "2026-11-25" })).toBe(1);
    expect(existsSync(join(dist, "og/charts/suppliers.png"))).toBe(true);

    writeFileSync(
      join(dist, "og/charts/broken.svg"),
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><g><rect></svg>',
    );
    await expect(writeCards(dist, [spec("broken")], { css: "", release: "2026-11-25" })).rejects.toThrow(
      `${join(dist, "/og/charts/broken.png")}: expected a social card that can be drawn (SVG data parsing failed`,
    );
  });
});
