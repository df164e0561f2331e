// @ts-check
import js from "@eslint/js";
import astro from "eslint-plugin-astro";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", ".astro/", ".build/", "node_modules/", "content/", "dist.*/", "**/*.staging-*/"] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", Buffer: "readonly" } },
  },
  {
    // Plain scripts served as they are, run by the browser before the page's modules.
    files: ["public/**/*.js"],
    languageOptions: {
      globals: {
        document: "readonly",
        localStorage: "readonly",
        location: "readonly",
        URL: "readonly",
        navigator: "readonly",
        addEventListener: "readonly",
      },
    },
  },
);
