import { execFile } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import { buildSite } from "../scripts/build.ts";
import { projectRoot, SUB_PATH } from "./helpers/root.ts";

/**
 * Builds the site once for every test that needs a built site, at the root
 * and, in a separate process (the base is read from the environment when
 * Astro loads its configuration), under a sub-path.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const siteDir = join(projectRoot, ".build", "test-site");
  const subPathDir = join(projectRoot, ".build", "test-site-sub-path");
  for (const dir of [siteDir, subPathDir]) rmSync(dir, { recursive: true, force: true });
  await buildSite(projectRoot, siteDir);
  // process.execPath: the project's pinned Node, which the tests run on, rather than whatever `node` is on PATH.
  const tsx = join(projectRoot, "node_modules", "tsx", "dist", "cli.mjs");
  await promisify(execFile)(process.execPath, [tsx, "scripts/build.ts"], {
    cwd: projectRoot,
    env: { ...process.env, SITE_BASE: SUB_PATH, ASTRO_OUT_DIR: ".build/test-site-sub-path" },
  });
  project.provide("siteDir", siteDir);
  project.provide("subPathSiteDir", subPathDir);
  return () => {
    for (const dir of [siteDir, subPathDir]) rmSync(dir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    siteDir: string;
    /** The same site built for the base path SUB_PATH. */
    subPathSiteDir: string;
  }
}
