/**
 * The local server behind npm run preview, screenshots and browser tests: as strict as a static host
 * (issue 22, point 6). It serves its folder and nothing beside it, never through a link, answers bad
 * requests with 400 and other methods with 405, and every response carries the security headers.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveDir } from "../../scripts/lib/static-server.ts";
import { headersFile } from "../../src/lib/publish/security.ts";

const base = mkdtempSync(join(tmpdir(), "serve-"));
const root = join(base, "dist");
const SECRET = "secret-outside-dist";
let server: Awaited<ReturnType<typeof serveDir>>;

beforeAll(async () => {
  mkdirSync(join(root, "trusts", "RM1"), { recursive: true });
  mkdirSync(join(root, "evil.com"));
  mkdirSync(join(base, "dist-secret"));
  writeFileSync(join(root, "index.html"), "home");
  writeFileSync(join(root, "404.html"), "not here");
  writeFileSync(join(root, "trusts", "index.html"), "trusts");
  writeFileSync(join(root, "trusts", "RM1", "index.html"), "RM1");
  writeFileSync(join(root, "evil.com", "index.html"), "a folder");
  writeFileSync(join(base, "dist-secret", "x.txt"), SECRET);
  writeFileSync(join(base, "secret.txt"), SECRET);
  symlinkSync(join(base, "secret.txt"), join(root, "link.txt"));
  symlinkSync(join(base, "dist-secret"), join(root, "linked-dir"));
  symlinkSync(join(root, "index.html"), join(root, "inside-link.html"));
  const files = ["index.html", "404.html", "trusts/index.html", "trusts/RM1/index.html", "evil.com/index.html"];
  writeFileSync(join(root, "_headers"), headersFile(files));
  server = await serveDir(root, 0, "/");
});
afterAll(async () => {
  await server.close();
  rmSync(base, { recursive: true, force: true });
});

interface Raw {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A request written byte for byte on a socket, so the target reaches the server exactly as written. */
function raw(method: string, target: string): Promise<Raw> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), "127.0.0.1");
    let text = "";
    socket.setEncoding("latin1");
    socket.on("data", (c: string) => (text += c));
    socket.on("error", reject);
    socket.on("end", () => {
      const [head = "", ...rest] = text.split("\r\n\r\n");
      const [status = "", ...lines] = head.split("\r\n");
      const headers = Object.fromEntries(
        lines.map((l) => [l.slice(0, l.indexOf(":")).toLowerCase(), l.slice(l.indexOf(":") + 1).trim()]),
      );
      resolve({ status: Number(status.split(" ")[1]), headers, body: rest.join("\r\n\r\n") });
    });
    socket.write(`${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`, "latin1");
  });
}

/** The headers no response may lack, errors and redirects included. */
function expectSecurityHeaders(res: Raw, what: string): void {
  expect(res.headers["x-content-type-options"], what).toBe("nosniff");
  expect(res.headers["referrer-policy"], what).toBeTruthy();
  expect(res.headers["content-security-policy"], what).toMatch(/frame-ancestors 'self'/);
}

describe("the preview server", () => {
  it("serves files in its folder and refuses a sibling folder whose name starts the same", async () => {
    expect(await raw("GET", "/")).toMatchObject({ status: 200, body: "home" });
    for (const path of ["/..%2fdist-secret/x.txt", "/../dist-secret/x.txt", "/%2e%2e/dist-secret/x.txt"]) {
      const res = await raw("GET", path);
      expect(res.body, path).not.toContain(SECRET);
      expect(res.status, path).not.toBe(200);
      expectSecurityHeaders(res, path);
    }
  });

  it("answers a path that does not decode with 400, and keeps serving", async () => {
    for (const path of ["/%", "/%E0%A4%A", "/trusts/%ff", "/a%00b"]) {
      const res = await raw("GET", path);
      expect(res.status, path).toBe(400);
      expectSecurityHeaders(res, path);
    }
    expect((await raw("GET", "/")).status).toBe(200);
  });

  it("answers methods other than GET and HEAD with 405 and the methods it allows", async () => {
    for (const method of ["POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE"]) {
      const res = await raw(method, "/");
      expect(res.status, method).toBe(405);
      expect(res.headers.allow, method).toBe("GET, HEAD");
      expectSecurityHeaders(res, method);
    }
    const head = await raw("HEAD", "/trusts/");
    expect(head).toMatchObject({ status: 200, body: "" });
    expect(head.headers["content-length"]).toBe("6");
  });

  it("redirects a folder to its slash form, on this site only, and its page has the policy", async () => {
    const res = await raw("GET", "/trusts?q=RM1");
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe("/trusts/?q=RM1");
    expectSecurityHeaders(res, "redirect");
    expect((await raw("GET", "/trusts/RM1")).headers.location).toBe("/trusts/RM1/");
    // "//evil.com/" would send the reader to another host.
    expect((await raw("GET", "//evil.com")).headers.location).toBe("/evil.com/");
    const page = await raw("GET", "/trusts/");
    expect(page).toMatchObject({ status: 200, body: "trusts" });
    expect(page.headers["content-security-policy"]).toMatch(/default-src 'self'/);
  });

  it("serves nothing through a link, wherever it points", async () => {
    for (const path of ["/link.txt", "/linked-dir/x.txt", "/inside-link.html"]) {
      const res = await raw("GET", path);
      expect(res.status, path).toBe(404);
      expect(res.body, path).not.toContain(SECRET);
      expectSecurityHeaders(res, path);
    }
  });

  it("carries the security headers on a 404 and on a request it cannot parse", async () => {
    const missing = await raw("GET", "/nowhere/");
    expect(missing).toMatchObject({ status: 404, body: "not here" });
    expectSecurityHeaders(missing, "404");
    const garbled = await raw("GET", "/ x y");
    expect(garbled.status).toBe(400);
    expectSecurityHeaders(garbled, "unparsable");
  });

  it("survives any request line: a fuzz of methods and percent-encoded paths", async () => {
    const piece = fc.constantFrom(
      "/",
      "..",
      ".",
      "%",
      "%2",
      "%2e",
      "%2f",
      "%2F",
      "%5c",
      "%00",
      "%ff",
      "%c0%ae",
      "%E2%80%AE",
      "trusts",
      "RM1",
      "index.html",
      "link.txt",
      "linked-dir",
      "dist-secret",
      "x.txt",
      "?",
      "#",
      "//",
      "a",
      "é",
      "\\",
    );
    const method = fc.constantFrom("GET", "HEAD", "POST", "OPTIONS", "get", "BREW");
    await fc.assert(
      fc.asyncProperty(method, fc.array(piece, { maxLength: 8 }), async (m, parts) => {
        const target = "/" + parts.join("");
        const res = await raw(m, target);
        expect([200, 301, 400, 404, 405]).toContain(res.status);
        expect(res.body).not.toContain(SECRET);
        expectSecurityHeaders(res, `${m} ${target}`);
        if (res.headers.location) expect(res.headers.location).toMatch(/^\/(?!\/)/);
      }),
      { numRuns: 300, seed: 22 },
    );
    expect((await raw("GET", "/")).status).toBe(200);
  });
});
