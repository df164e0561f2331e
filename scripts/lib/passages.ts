import { documentTitlesIn } from "../../src/lib/document-titles.ts";
import type { Passage } from "../../src/schemas/passage.ts";
import type { Corpus } from "./corpus.ts";

/**
 * Each document's title as lists, results and citations name it: with its
 * container or outlet when another document has the same title
 * (src/lib/document-titles.ts).
 */
export function citeTitles(corpus: Corpus): Map<string, string> {
  return documentTitlesIn(corpus.documents, "zh-CN");
}

export type { Passage };

/** Every passage of the corpus as published, in corpus and reading order. */
export function passagesOf(corpus: Corpus): Passage[] {
  return corpus.documents.flatMap((document) => {
    const blocks = document.blocks.filter((block) => block.type !== "gap");
    // An editorial title is the editor's words: shown as the title, never published or searched as text.
    const title = document.title.basis === undefined ? [document.title.text] : [];
    return [
      ...title.map((text) => ({ doc: document.slug, id: "title", type: "title" as const, text, position: 0 })),
      ...blocks.map((block, index) => ({
        doc: document.slug,
        id: block.id,
        type: block.type as Passage["type"],
        text: block.text,
        position: index + 1,
      })),
    ];
  });
}
