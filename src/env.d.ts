/// <reference types="astro/client" />

// Lets plain TypeScript (tsc, tests) import .astro components; Astro's own compiler types them in builds.
declare module "*.astro" {
  import type { AstroComponentFactory } from "astro/runtime/server/index.js";
  const Component: AstroComponentFactory;
  export default Component;
}
