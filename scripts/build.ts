/**
 * Build: ingest, then render the site, then swap it into dist/.
 *
 *   npm run build
 *
 * The site is rendered into a staging folder and replaces dist/ only when
 * every step has succeeded, so a failed build leaves the previous dist/ intact.
 * A build that was stopped leaves its staging folder; the next build removes it.
 * Without SITE_BASE the pages' links are relative, so the one dist/ works at
 * the root, under any sub-path and from the file system; SITE_BASE (for
 * example /corpus/) builds absolute paths under that sub-path instead.
 */
import { existsSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "astro";

// No usage data leaves this machine; the build makes no request to any other origin.
process.env.ASTRO_TELEMETRY_DISABLED = "1";
import { ingest } from "./ingest.ts";
import { InputError } from "./lib/issues.ts";
import { readSearchCorpus } from "./lib/search-corpus.ts";
import { writeSearch } from "./lib/search-index.ts";
import { preloadModuleImports } from "./lib/module-preload.ts";
import { relativizeSite } from "./lib/relative-links.ts";
import { writeServiceWorker } from "./lib/service-worker.ts";
import { removeStaleWorkFolders, workFolder } from "./lib/work-folders.ts";

/** The base path pages are built under (SITE_BASE, `/` without it), ending in `/`. */
function siteBase(): string {
  const base = process.env.SITE_BASE ?? "/";
  return base.endsWith("/") ? base : `${base}/`;
}

/** Without SITE_BASE (or with `/`), one build serves any path; with it, pages keep absolute paths under that base. */
function relocatable(): boolean {
  return siteBase() === "/";
}

/** Astro's content store, below the cacheDir of astro.config.mjs. */
const CONTENT_STORE = ".astro/cache/data-store.json";

/** The folders a build writes beside `dist/`: the new site, and the previous one while they are swapped. */
const BUILD_WORK_FOLDERS = ["staging", "previous"] as const;

export async function buildSite(root: string, outDir = join(root, "dist")): Promise<void> {
  // 0. remove what an interrupted build left beside dist/ (its process no longer runs)
  removeStaleWorkFolders(outDir, BUILD_WORK_FOLDERS);
  // 1. ingest: sources and editorial data to content collections
  const { corpus } = ingest(root);
  // 1b. Astro keeps parsed entries in its content store, which it renews when the text of
  // src/content.config.ts changes but not when a schema that file imports does: a changed
  // schema would be served entries parsed by the old one, so every build parses afresh.
  rmSync(join(root, CONTENT_STORE), { force: true });
  // 2. render the site into a staging folder
  const staging = workFolder(outDir, "staging");
  rmSync(staging, { recursive: true, force: true });
  try {
    await build({ root, outDir: staging, logLevel: "warn" });
    // 2a. each page fetches the chunks its scripts import at once, not a round trip per level of imports
    await preloadModuleImports(staging, siteBase());
    // 2b. without SITE_BASE, make every page's links relative, so that the build works at any path
    if (relocatable()) relativizeSite(staging);
    // 3. the search: index, search data and entities, from the generated collections alone
    await writeSearch(readSearchCorpus(root), staging);
    // 3b. with SERVICE_WORKER=on, the offline cache, its version a digest of everything above
    if (process.env.SERVICE_WORKER === "on") writeServiceWorker(staging);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  // 4. swap the new site in
  const previous = workFolder(outDir, "previous");
  if (existsSync(outDir)) renameSync(outDir, previous);
  renameSync(staging, outDir);
  rmSync(previous, { recursive: true, force: true });
  console.log(`build: ${corpus.documents.length} documents rendered and indexed into ${outDir}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL("..", import.meta.url));
  try {
    await buildSite(root, process.env.ASTRO_OUT_DIR ? join(root, process.env.ASTRO_OUT_DIR) : undefined);
  } catch (error) {
    if (error instanceof InputError) {
      console.error(`build stopped; dist/ is unchanged.\n${error.message}`);
    } else {
      console.error("build stopped; dist/ is unchanged.");
      console.error(error);
    }
    process.exitCode = 1;
  }
}
