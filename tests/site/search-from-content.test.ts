import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { filesBelow } from "../../scripts/lib/site-files.ts";
import { readSearchCorpus } from "../../scripts/lib/search-corpus.ts";
import { writeSearch } from "../../scripts/lib/search-index.ts";
import { SEARCH_ENTITIES_FILE } from "../../src/lib/search/entities.ts";
import { projectRoot, WORD_FILES_FROM } from "../helpers/root.ts";

const siteDir = inject("siteDir");
const scratch = mkdtempSync(join(tmpdir(), "search-from-content-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The files of the search in a built site: Pagefind's bundles, the search data and the entities file. */
const searchFiles = (dir: string) =>
  filesBelow(dir).filter(
    (file) => file.startsWith("pagefind/") || file.startsWith("search-data/") || file === SEARCH_ENTITIES_FILE,
  );

describe("the search, rebuilt from content/ alone", () => {
  it("is byte for byte the search the build wrote", async () => {
    // what the build's search step reads: the generated collections, nothing of the ingest's memory
    const passages = await writeSearch(readSearchCorpus(projectRoot), scratch, WORD_FILES_FROM);
    expect(passages).toBeGreaterThan(0);
    const built = searchFiles(siteDir);
    expect(built).toContain(SEARCH_ENTITIES_FILE);
    expect(searchFiles(scratch)).toEqual(built);
    const differing = built.filter(
      (file) => !readFileSync(join(scratch, file)).equals(readFileSync(join(siteDir, file))),
    );
    expect(differing).toEqual([]);
  }, 120_000);
});
