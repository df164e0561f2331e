import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import { join } from "node:path";
import * as pagefind from "pagefind";
import { indexTokens, normalizeForSearch } from "../../src/lib/search/normalize.ts";
import { SEARCH_DATA_DIR, searchDataFile } from "../../src/lib/search/documents.ts";
import type { SearchDocument } from "../../src/lib/search/engine.ts";
import { createUrls } from "../../src/lib/urls.ts";
import type { Passage } from "./passages.ts";

/**
 * A token that separates passages in a document's record. Queries never
 * contain it (normalisation drops whitespace, and U+2029 is whitespace), so a
 * phrase never matches across two passages.
 */
export const PASSAGE_SEPARATOR = indexTokens("\u2029");

/**
 * Writes the exact-search index into `<outDir>/pagefind/` through Pagefind's
 * Node API: one custom record per document, its content one token per
 * normalised character with a separator token between passages, filtered by
 * collection, document and year. Beside it, `<outDir>/search-data/` holds each
 * document's passages (gzip-compressed JSON named by the document's record id,
 * see searchDataFile), which the search page matches exactly once Pagefind has
 * named the records. Both folders are replaced, never added to.
 */
export async function writeSearchIndex(passages: readonly Passage[], outDir: string, base: string): Promise<number> {
  const urls = createUrls(base);
  const documents = searchDocuments(passages);
  const outputPath = join(outDir, "pagefind");
  // Files of an earlier index would be named by records that no longer exist, and their
  // fragments would map URLs to stale record ids; both folders are this function's alone.
  const dataDir = join(outDir, SEARCH_DATA_DIR);
  rmSync(outputPath, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
  const { index, errors } = await pagefind.createIndex({ forceLanguage: "zh-cn" });
  if (!index) throw new Error(`pagefind: ${errors.join("; ")}`);
  try {
    for (const document of documents) {
      const added = await index.addCustomRecord({
        url: urls.speech(document.doc),
        content: document.passages
          .map(([, , text]) => indexTokens(normalizeForSearch(text)))
          .join(` ${PASSAGE_SEPARATOR} `),
        language: "zh-cn",
        meta: { doc: document.doc },
        filters: { collection: [document.collection], document: [document.doc], year: [document.year] },
      });
      if (added.errors.length > 0) throw new Error(`pagefind: ${added.errors.join("; ")}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join("; ")}`);
    // The site uses Pagefind's search API only; its prebuilt interfaces are not shipped.
    for (const name of readdirSync(outputPath)) {
      if (/^pagefind-(.*ui|highlight)\./.test(name)) rmSync(join(outputPath, name));
    }
  } finally {
    await pagefind.close();
  }
  const recordIds = pagefindRecordIds(outputPath);
  mkdirSync(dataDir, { recursive: true });
  for (const document of documents) {
    const recordId = recordIds.get(urls.speech(document.doc));
    if (!recordId) throw new Error(`pagefind: no record was written for ${document.doc}`);
    writeFileSync(join(dataDir, searchDataFile(recordId)), gzipSync(JSON.stringify(document), { level: 9 }));
  }
  return passages.length;
}

/** How Pagefind 1.x stores a record's fragment: gzip of this signature followed by JSON. */
const FRAGMENT_SIGNATURE = "pagefind_dcd";

/**
 * The id Pagefind gave each record, by the record's URL. Pagefind reports a
 * record's id in search results and names its fragment file after it
 * (`fragment/<id>.pf_fragment`); the fragment holds the URL. A fragment in
 * any other format stops the build, since search data named otherwise would
 * never be found.
 */
export function pagefindRecordIds(pagefindDir: string): Map<string, string> {
  const fragmentDir = join(pagefindDir, "fragment");
  const ids = new Map<string, string>();
  for (const name of readdirSync(fragmentDir)) {
    const text = gunzipSync(readFileSync(join(fragmentDir, name))).toString("utf8");
    const id = name.replace(/\.pf_fragment$/, "");
    if (id === name || !text.startsWith(FRAGMENT_SIGNATURE)) {
      throw new Error(
        `pagefind: ${join(fragmentDir, name)} is not a fragment as Pagefind 1.x writes it ` +
          `(gzip of "${FRAGMENT_SIGNATURE}" and JSON); check the installed Pagefind version`,
      );
    }
    const { url } = JSON.parse(text.slice(FRAGMENT_SIGNATURE.length)) as { url: string };
    ids.set(url, id);
  }
  return ids;
}

/** The passages grouped by document, each document's in reading order. */
export function searchDocuments(passages: readonly Passage[]): SearchDocument[] {
  return [...Map.groupBy(passages, (passage) => passage.doc)].flatMap(([doc, ofDocument]) => {
    const ordered = [...ofDocument].sort((a, b) => a.position - b.position);
    const [first] = ordered;
    if (!first) return [];
    const { title, order, year, collection, date, outlet, sameText, status } = first;
    return [
      {
        doc,
        title,
        order,
        year,
        collection,
        ...(date ? { date } : {}),
        ...(outlet ? { outlet } : {}),
        ...(status && status !== "verified" ? { status } : {}),
        sameText,
        passages: ordered.map(
          (passage) => [passage.id, passage.type, passage.text] as SearchDocument["passages"][number],
        ),
      },
    ];
  });
}
