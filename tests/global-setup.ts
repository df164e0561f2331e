import { rmSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { buildSite } from "../scripts/build.ts";
import { projectRoot } from "./helpers/root.ts";

/** Builds the site once for every test that needs a built site. */
export default async function setup(project: TestProject): Promise<() => void> {
  const siteDir = join(projectRoot, ".build", "test-site");
  rmSync(siteDir, { recursive: true, force: true });
  await buildSite(projectRoot, siteDir);
  project.provide("siteDir", siteDir);
  return () => rmSync(siteDir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    siteDir: string;
  }
}
