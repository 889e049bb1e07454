import { defineConfig } from "vitest/config";

/** Browser checks on the built site in Debian's Chromium: run after `npm run build`. */
export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
