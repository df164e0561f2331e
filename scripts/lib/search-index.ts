import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import * as pagefind from "pagefind";
import { indexTokens, normalizeForSearch } from "../../src/lib/search/normalize.ts";
import type { PassageMeta } from "../../src/lib/search/engine.ts";
import { createUrls } from "../../src/lib/urls.ts";
import type { Corpus } from "./corpus.ts";

/** A searchable passage: a document title or a published block. */
export interface Passage extends Omit<PassageMeta, "position" | "order"> {
  position: number;
  order: number;
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
 * Writes the exact-search index into `<outDir>/pagefind/` through Pagefind's
 * Node API: one custom record per passage, its content one token per
 * normalised character, its published text and place in the metadata.
 */
export async function writeSearchIndex(passages: readonly Passage[], outDir: string, base: string): Promise<number> {
  const urls = createUrls(base);
  const { index, errors } = await pagefind.createIndex({ forceLanguage: "zh-cn" });
  if (!index) throw new Error(`pagefind: ${errors.join("; ")}`);
  try {
    for (const passage of passages) {
      const meta: Record<keyof PassageMeta, string> = {
        title: passage.title,
        doc: passage.doc,
        id: passage.id,
        type: passage.type,
        text: passage.text,
        position: String(passage.position),
        order: String(passage.order),
        year: passage.year,
        collection: passage.collection,
      };
      const added = await index.addCustomRecord({
        url: urls.block(passage.doc, passage.id),
        content: indexTokens(normalizeForSearch(passage.text)),
        language: "zh-cn",
        meta,
        filters: { collection: [passage.collection], document: [passage.doc], year: [passage.year] },
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
  return passages.length;
}
