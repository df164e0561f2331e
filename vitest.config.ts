import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/global-setup.ts"],
    // The build test renders the whole site twice.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
