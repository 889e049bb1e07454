// Lint rules: the recommended JavaScript, TypeScript and Astro sets, checked with types where it pays.
import { defineConfig } from "eslint/config";
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import astro from "eslint-plugin-astro";
import globals from "globals";

export default defineConfig(
  { ignores: ["dist/", ".astro/", "node_modules/", "src/generated/", "public/", "test/fixtures/", ".dist.*/"] },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // Unused names are already type errors (tsconfig noUnused*); one place to fix them is enough.
      "@typescript-eslint/no-unused-vars": "off",
      // Non-null assertions mark places the data step has already validated; they are reviewed, not banned.
      "@typescript-eslint/no-non-null-assertion": "off",
      eqeqeq: ["error", "always"],
      // The data checks look for control characters on purpose: that is how they refuse them.
      "no-control-regex": "off",
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name='localeCompare'][arguments.length<2]",
          message:
            "Compare with compareCodePoints or compareNames (src/lib/order.ts): a bare localeCompare follows the machine's locale.",
        },
      ],
    },
  },
);
