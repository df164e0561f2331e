import { defineConfig } from "vitest/config";

/**
 * Four tiers, fastest first (see tests/README.md). Only `site` and `browser`
 * build the site, once per run and only when an input changed (tests/global-setup.ts).
 */
export default defineConfig({
  test: {
    projects: [
      {
        extends: false,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"] },
      },
      {
        extends: false,
        test: { name: "ingest", include: ["tests/ingest/**/*.test.ts"], testTimeout: 60_000 },
      },
      {
        extends: false,
        test: {
          name: "site",
          include: ["tests/site/**/*.test.ts"],
          globalSetup: ["tests/global-setup.ts"],
          // The byte-identity test builds the site once more.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: false,
        test: {
          name: "browser",
          // Concurrent tests (the accessibility sweep) share two cores with Chromium.
          maxConcurrency: 3,
          include: ["tests/browser/**/*.test.ts"],
          globalSetup: ["tests/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
