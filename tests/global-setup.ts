import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import { projectRoot, SUB_PATH, TEST_SITE_URL } from "./helpers/root.ts";

/** Everything a build reads: a change to any of these files makes the built test sites stale. */
const BUILD_INPUTS = [
  "content",
  "src",
  "scripts",
  "public",
  "astro.config.mjs",
  "package.json",
  "package-lock.json",
  "CHANGELOG.md",
  "tsconfig.json",
];

/** A digest of every build input, by path and content. */
function inputsDigest(): string {
  const hash = createHash("sha256");
  for (const input of BUILD_INPUTS) {
    const full = join(projectRoot, input);
    if (!existsSync(full)) continue;
    const files = input.includes(".")
      ? [full]
      : readdirSync(full, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => join(entry.parentPath, entry.name))
          .sort();
    for (const file of files) hash.update(`${relative(projectRoot, file)}\0`).update(readFileSync(file));
  }
  return hash.digest("hex");
}

/**
 * The two test builds (each in its own process, as Astro reads its
 * configuration from the environment): at the root without a public address,
 * and under a sub-path with one.
 */
const builds = [
  { key: "siteDir", dir: join(".build", "test-site"), env: { SITE_BASE: "/", SITE_URL: "" } },
  {
    key: "subPathSiteDir",
    dir: join(".build", "test-site-sub-path"),
    env: { SITE_BASE: SUB_PATH, SITE_URL: TEST_SITE_URL },
  },
] as const;

async function buildFresh(): Promise<void> {
  const tsx = join(projectRoot, "node_modules", "tsx", "dist", "cli.mjs");
  const digest = inputsDigest();
  for (const { dir, env } of builds) {
    const stamp = join(projectRoot, `${dir}.inputs`);
    if (!process.env["TEST_REBUILD"] && existsSync(stamp) && readFileSync(stamp, "utf8") === digest) continue;
    // process.execPath: the project's pinned Node, which the tests run on, rather than whatever `node` is on PATH.
    await promisify(execFile)(process.execPath, [tsx, "scripts/build.ts"], {
      cwd: projectRoot,
      env: { ...process.env, ...env, ASTRO_OUT_DIR: dir },
    });
  }
  // The ingest may have rewritten generated content: stamp what the sites were built from.
  const built = inputsDigest();
  for (const { dir } of builds) writeFileSync(join(projectRoot, `${dir}.inputs`), built);
}

/** One build per test run, however many projects ask for it. */
const shared = globalThis as { builtTestSites?: Promise<void> };

/**
 * Builds the site at the root and under SUB_PATH for the tiers that test a
 * built site, unless `.build/` already holds builds of exactly the current
 * inputs, as recorded in `<build folder>.inputs` beside each (set
 * TEST_REBUILD=1 to build anyway).
 */
export default async function setup(project: TestProject): Promise<void> {
  shared.builtTestSites ??= buildFresh();
  await shared.builtTestSites;
  for (const { key, dir } of builds) project.provide(key, join(projectRoot, dir));
}

declare module "vitest" {
  export interface ProvidedContext {
    siteDir: string;
    /** The same site built for the base path SUB_PATH and the public address TEST_SITE_URL. */
    subPathSiteDir: string;
  }
}
