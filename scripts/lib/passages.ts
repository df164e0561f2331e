import type { PassageType } from "../../src/lib/search/engine.ts";
import type { Corpus } from "./corpus.ts";

/**
 * A published passage: a document's title or one of its blocks (heading,
 * paragraph, list item). Passages are what the search finds, what curated
 * data cites, what shared-passage detection compares and what the
 * `passages` collection publishes; gaps are not passages.
 */
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
  /** Year of the document's (stated or inferred) date, or "" when it has none. */
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
