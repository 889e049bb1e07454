/**
 * npm run preview (or npm start): serve the built site in dist/ at http://127.0.0.1:4321/ with the
 * security headers a static host would apply from dist/_headers. PORT changes the port; Ctrl+C stops it.
 */
import { existsSync } from "node:fs";
import { recoverDist } from "./build.ts";
import { serveDir } from "./lib/static-server.ts";

// A build killed while swapping dist/ leaves the previous one beside it: put it back first.
for (const line of recoverDist("dist")) console.error(`serve: ${line}`);
if (!existsSync("dist/index.html")) {
  console.error("serve: dist/ has no built site; run `npm run build` first.");
  process.exit(1);
}
const port = Number(process.env.PORT ?? 4321);
const server = await serveDir("dist", port);
console.log(`serve: the built site is at ${server.url}/ (Ctrl+C to stop)`);
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => void server.close().then(() => process.exit(0)));
