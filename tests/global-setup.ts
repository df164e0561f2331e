import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import { projectRoot, SUB_PATH, TEST_SITE_URL, WORD_FILES_FROM } from "./helpers/root.ts";

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

type BuildKey = "siteDir" | "subPathSiteDir" | "offlineSiteDir";

/**
 * The test builds, each in its own process (Astro reads its configuration
 * from the environment), and the projects that use each: at the root without
 * a public address; under a sub-path with one; and with the offline cache,
 * which only the browser tier opens. Every variable a build reads is set, so
 * the shell's own settings change none of them.
 */
const builds: readonly { key: BuildKey; dir: string; env: Record<string, string>; projects: readonly string[] }[] = [
  {
    key: "siteDir",
    dir: join(".build", "test-site"),
    env: { SITE_BASE: "/", SITE_URL: "", SERVICE_WORKER: "", SEARCH_WORD_FILES_FROM: String(WORD_FILES_FROM) },
    projects: ["site", "browser", "sweep"],
  },
  {
    key: "subPathSiteDir",
    dir: join(".build", "test-site-sub-path"),
    env: {
      SITE_BASE: SUB_PATH,
      SITE_URL: TEST_SITE_URL,
      SERVICE_WORKER: "",
      SEARCH_WORD_FILES_FROM: String(WORD_FILES_FROM),
    },
    projects: ["site", "browser"],
  },
  {
    key: "offlineSiteDir",
    dir: join(".build", "test-site-offline"),
    env: { SITE_BASE: "/", SITE_URL: "", SERVICE_WORKER: "on", SEARCH_WORD_FILES_FROM: String(WORD_FILES_FROM) },
    projects: ["browser"],
  },
];

/**
 * Whether the build in `dir` is of the current inputs, as recorded beside
 * it in `<dir>.inputs` (the inputs' digest, then the TEST_RUN of the run
 * that made it). With TEST_REBUILD=1 a build counts only when this same run
 * made it: `npm test` (scripts/test.ts) gives all its steps one TEST_RUN.
 */
function isCurrent(dir: string, digest: string): boolean {
  const stamp = join(projectRoot, `${dir}.inputs`);
  if (!existsSync(join(projectRoot, dir)) || !existsSync(stamp)) return false;
  const [builtFrom, builtIn] = readFileSync(stamp, "utf8").split("\n");
  if (builtFrom !== digest) return false;
  const run = process.env["TEST_RUN"];
  return !process.env["TEST_REBUILD"] || (run !== undefined && run !== "" && builtIn === run);
}

async function buildUnlessCurrent({ dir, env }: (typeof builds)[number]): Promise<void> {
  if (isCurrent(dir, inputsDigest())) return;
  const tsx = join(projectRoot, "node_modules", "tsx", "dist", "cli.mjs");
  // process.execPath: the project's pinned Node, which the tests run on, rather than whatever `node` is on PATH.
  await promisify(execFile)(process.execPath, [tsx, "scripts/build.ts"], {
    cwd: projectRoot,
    env: { ...process.env, ...env, ASTRO_OUT_DIR: dir },
  });
  // The build's ingest may have rewritten generated content: stamp what the site was built from.
  writeFileSync(join(projectRoot, `${dir}.inputs`), `${inputsDigest()}\n${process.env["TEST_RUN"] ?? ""}`);
}

/**
 * Each build at most once per process, one after another: every build runs
 * the ingest, which writes the project's generated content.
 */
const shared = globalThis as { testBuilds?: Map<BuildKey, Promise<void>>; lastTestBuild?: Promise<void> };

function built(build: (typeof builds)[number]): Promise<void> {
  shared.testBuilds ??= new Map();
  let done = shared.testBuilds.get(build.key);
  if (!done) {
    done = (shared.lastTestBuild ?? Promise.resolve()).then(() => buildUnlessCurrent(build));
    shared.lastTestBuild = done.catch(() => undefined);
    shared.testBuilds.set(build.key, done);
  }
  return done;
}

/**
 * Builds the sites the project tests into `.build/`, unless a build of
 * exactly the current inputs is there already (TEST_REBUILD=1: unless this
 * run made it), and provides their folders.
 */
export default async function setup(project: TestProject): Promise<void> {
  for (const build of builds) {
    if (!build.projects.includes(project.name)) continue;
    await built(build);
    project.provide(build.key, join(projectRoot, build.dir));
  }
}

declare module "vitest" {
  export interface ProvidedContext {
    siteDir: string;
    /** The same site built for the base path SUB_PATH and the public address TEST_SITE_URL. */
    subPathSiteDir: string;
    /** The same site built with the offline cache (SERVICE_WORKER=on); for the browser tier only. */
    offlineSiteDir: string;
  }
}
