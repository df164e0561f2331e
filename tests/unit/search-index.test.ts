import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { decodeSearchData, SEARCH_DATA_DIR, searchDataFile } from "../../src/lib/search/documents.ts";
import type { Passage } from "../../scripts/lib/passages.ts";
import { pagefindRecordIds, writeSearchIndex } from "../../scripts/lib/search-index.ts";

const work = mkdtempSync(join(tmpdir(), "search-index-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function passage(doc: string, order: number, id: string, text: string, position: number): Passage {
  const type = id === "title" ? "title" : "paragraph";
  return { title: `${doc} 题`, doc, id, type, text, position, order, year: "2023", collection: "speeches" };
}

describe("the search index as written", () => {
  it("names each document's search data after the Pagefind record that search results report", async () => {
    const passages = [
      passage("first", 0, "title", "first 题", 0),
      passage("first", 0, "p1", "网络强国建设", 1),
      passage("second", 1, "title", "second 题", 0),
      passage("second", 1, "p1", "数字中国", 1),
    ];
    const outDir = join(work, "site");
    // an earlier index in the same folder leaves nothing behind
    await writeSearchIndex([passage("stale", 2, "title", "stale 题", 0)], outDir, "/corpus/");
    await writeSearchIndex(passages, outDir, "/corpus/");
    const ids = pagefindRecordIds(join(outDir, "pagefind"));
    expect([...ids.keys()].sort()).toEqual(["/corpus/speeches/first/", "/corpus/speeches/second/"]);
    const files = readdirSync(join(outDir, SEARCH_DATA_DIR)).sort();
    expect(files).toEqual([...ids.values()].map(searchDataFile).sort());
    for (const [url, id] of ids) {
      const document = await decodeSearchData(
        new Uint8Array(readFileSync(join(outDir, SEARCH_DATA_DIR, searchDataFile(id)))),
      );
      expect(url).toBe(`/corpus/speeches/${document.doc}/`);
    }
  });

  it("stops with the file's name when a fragment is not in the format it reads", () => {
    const pagefindDir = join(work, "bad", "pagefind");
    mkdirSync(join(pagefindDir, "fragment"), { recursive: true });
    writeFileSync(join(pagefindDir, "fragment", "zh-cn_0000000.pf_fragment"), gzipSync('{"url":"/a/"}'));
    expect(() => pagefindRecordIds(pagefindDir)).toThrow(
      /zh-cn_0000000\.pf_fragment is not a fragment as Pagefind 1\.x writes it/,
    );
  });
});
