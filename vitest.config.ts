import { getViteConfig } from "astro/config";

// Astro's Vite config lets tests render .astro components (escaping checks) as well as plain modules.
export default getViteConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["test/browser/**"],
    // Many tests run the data step or git as a child process; on a busy two-core machine one can take
    // longer than vitest's 5 s default without anything being wrong. Times are never asserted.
    testTimeout: 60_000,
  },
});
