import { defineConfig } from "vitest/config";

/**
 * Four tiers, fastest first, that `npm test` runs (see tests/README.md), and
 * the sweep, which CI runs after them. Only `site`, `browser` and `sweep`
 * build the site, once per run and only when an input changed
 * (tests/global-setup.ts).
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
        test: {
          name: "ingest",
          include: ["tests/ingest/**/*.test.ts"],
          // Each file runs the ingest, on one core; two files at a time use both of a two-core machine.
          maxWorkers: 2,
          testTimeout: 60_000,
        },
      },
      {
        extends: false,
        test: {
          name: "site",
          include: ["tests/site/**/*.test.ts"],
          globalSetup: ["tests/global-setup.ts"],
          // Files read the builds and serve them from memory; two at a time use both of a two-core machine.
          maxWorkers: 2,
          // tests/site/add-source.test.ts builds a copy of the project.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: false,
        test: {
          name: "browser",
          // Concurrent tests (axe on one page of each template) share two cores with Chromium.
          maxConcurrency: 3,
          include: ["tests/browser/**/*.test.ts"],
          globalSetup: ["tests/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: false,
        test: {
          name: "sweep",
          // Concurrent tests (axe on every page) share two cores with Chromium.
          maxConcurrency: 3,
          include: ["tests/sweep/**/*.test.ts"],
          globalSetup: ["tests/global-setup.ts"],
          // tests/sweep/rebuild.test.ts builds the site once more.
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
