import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import * as pagefind from "pagefind";
import { indexTokens, normalizeForSearch } from "../../src/lib/search/normalize.ts";
import { SEARCH_DATA_DIR, searchDataFile } from "../../src/lib/search/documents.ts";
import type { PassageType, SearchDocument } from "../../src/lib/search/engine.ts";
import { createUrls } from "../../src/lib/urls.ts";
import type { Corpus } from "./corpus.ts";

/** A searchable passage: a document title or a published block. */
export interface Passage {
  /** Title of its document. */
  title: string;
  /** Slug of its document. */
  doc: string;
  /** Block id, or `title`. */
  id: string;
  type: PassageType;
  text: string;
  /** Position in the document's reading order (0 is the title). */
  position: number;
  /** Position of the document in the corpus. */
  order: number;
  year: string;
  collection: string;
}

/** Every passage of the corpus as published, in corpus and reading order. */
export function passagesOf(corpus: Corpus): Passage[] {
  return corpus.documents.flatMap((document) => {
    const common = {
      title: document.title.text,
      doc: document.slug,
      order: document.order,
      year: document.date?.value.slice(0, 4) ?? "",
      collection: "speeches",
    };
    const blocks = document.blocks.filter((block) => block.type !== "gap");
    return [
      { ...common, id: "title", type: "title" as const, text: document.title.text, position: 0 },
      ...blocks.map((block, index) => ({
        ...common,
        id: block.id,
        type: block.type as Passage["type"],
        text: block.text,
        position: index + 1,
      })),
    ];
  });
}

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
 * document's passages (gzip-compressed JSON, see searchDataFile), which the
 * search page matches exactly once Pagefind has named the documents.
 */
export async function writeSearchIndex(passages: readonly Passage[], outDir: string, base: string): Promise<number> {
  const urls = createUrls(base);
  const documents = searchDocuments(passages);
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
    const outputPath = join(outDir, "pagefind");
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join("; ")}`);
    // The site uses Pagefind's search API only; its prebuilt interfaces are not shipped.
    for (const name of readdirSync(outputPath)) {
      if (/^pagefind-(.*ui|highlight)\./.test(name)) rmSync(join(outputPath, name));
    }
  } finally {
    await pagefind.close();
  }
  const dataDir = join(outDir, SEARCH_DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  for (const document of documents) {
    writeFileSync(join(dataDir, searchDataFile(document.doc)), gzipSync(JSON.stringify(document), { level: 9 }));
  }
  return passages.length;
}

/** The passages grouped by document, each document's in reading order. */
export function searchDocuments(passages: readonly Passage[]): SearchDocument[] {
  return [...Map.groupBy(passages, (passage) => passage.doc)].flatMap(([doc, ofDocument]) => {
    const ordered = [...ofDocument].sort((a, b) => a.position - b.position);
    const [first] = ordered;
    if (!first) return [];
    const { title, order, year, collection } = first;
    return [
      {
        doc,
        title,
        order,
        year,
        collection,
        passages: ordered.map(
          (passage) => [passage.id, passage.type, passage.text] as SearchDocument["passages"][number],
        ),
      },
    ];
  });
}
