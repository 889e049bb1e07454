import { getViteConfig } from "astro/config";

// Astro's Vite config lets tests render .astro components (escaping checks) as well as plain modules.
export default getViteConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["test/browser/**"],
  },
});
