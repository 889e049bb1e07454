/** The local server that browser tests and screenshots use: it serves its folder and nothing beside it. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { serveDir } from "../../scripts/lib/static-server.ts";

const base = mkdtempSync(join(tmpdir(), "serve-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** A raw GET, so the path reaches the server exactly as written (fetch would normalise it). */
const get = (url: string, path: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const u = new URL(url);
    const req = request({ host: u.hostname, port: u.port, path, method: "GET" }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });

describe("static server", () => {
  it("serves files in its folder and refuses a sibling folder whose name starts the same", async () => {
    mkdirSync(join(base, "dist"));
    mkdirSync(join(base, "dist-secret"));
    writeFileSync(join(base, "dist", "index.html"), "home");
    writeFileSync(join(base, "dist-secret", "x.txt"), "secret");
    const server = await serveDir(join(base, "dist"));
    try {
      expect(await get(server.url, "/")).toMatchObject({ status: 200, body: "home" });
      for (const path of ["/..%2fdist-secret/x.txt", "/../dist-secret/x.txt", "/%2e%2e/dist-secret/x.txt"]) {
        const res = await get(server.url, path);
        expect(res.body, path).not.toContain("secret");
        expect(res.status, path).not.toBe(200);
      }
    } finally {
      await server.close();
    }
  });
});
