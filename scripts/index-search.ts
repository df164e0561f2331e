/**
 * Index search: writes the search of a built site again from `content/`
 * alone (the generated collections), as the build's search step does.
 *
 *   npm run index-search            (into dist/)
 *   npm run index-search -- DIR     (into another built site)
 *
 * Replaces the site's `pagefind/`, `search-data/` and
 * `data/search-entities.json`; nothing else of the site is touched.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { readSearchCorpus } from "./lib/search-corpus.ts";
import { writeSearch } from "./lib/search-index.ts";

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const site = resolve(process.argv[2] ?? join(root, "dist"));
  if (!existsSync(join(site, "index.html"))) {
    console.error(`index-search: ${site} is not a built site (no index.html); run \`npm run build\` first`);
    process.exitCode = 1;
  } else {
    const passages = await writeSearch(readSearchCorpus(root), site);
    console.log(`index-search: ${passages} passages indexed into ${site}`);
  }
}
