import { formatDate } from "../../src/lib/dates.ts";
import { isPublicationTitle } from "../../src/lib/citation.ts";
import { distinctTitles } from "../../src/lib/document-titles.ts";
import type { PassageType, SearchDocument } from "../../src/lib/search/engine.ts";
import type { ReviewStatus } from "../../src/schemas/speech.ts";
import type { Corpus } from "./corpus.ts";

/**
 * A published passage: a document's title or one of its blocks (heading,
 * paragraph, list item). Passages are what the search finds, what curated
 * data cites, what shared-passage detection compares and what the
 * `passages` collection publishes; gaps are not passages.
 */
export interface Passage {
  /** Title of its document, told apart from any namesake (src/lib/document-titles.ts). */
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
  /** The document's (stated or inferred) date, for the time axis of search results. */
  date?: SearchDocument["date"];
  /** The document's outlet, as its editorial data names it. */
  outlet?: string | undefined;
  /** How far an editor has checked its document; verified when absent. */
  status?: ReviewStatus | undefined;
  /** Slugs of the documents its editorial data calls copies of the same text. */
  sameText?: string[] | undefined;
}

/**
 * Each document's title as lists, results and citations name it: with its
 * container or outlet when another document has the same title
 * (src/lib/document-titles.ts).
 */
function documentTitles(corpus: Corpus): Map<string, string> {
  return distinctTitles(
    corpus.documents.map((document) => {
      const container = corpus.documents.find(
        (candidate) => candidate.slug === document.relations.find((relation) => relation.type === "part-of")?.target,
      );
      return {
        slug: document.slug,
        title: document.title.text,
        container: container && { title: container.title.text, label: document.fields.label?.text },
        outlet: document.outlet && {
          name: document.outlet.value,
          isPublication: isPublicationTitle(document.outletKind),
        },
        date: document.date && formatDate(document.date.value, document.date.precision),
      };
    }),
  );
}

/** Every passage of the corpus as published, in corpus and reading order. */
export function passagesOf(corpus: Corpus): Passage[] {
  const titles = documentTitles(corpus);
  return corpus.documents.flatMap((document) => {
    const common = {
      title: titles.get(document.slug) ?? document.title.text,
      doc: document.slug,
      order: document.order,
      year: document.date?.value.slice(0, 4) ?? "",
      collection: "speeches",
      date: document.date && {
        value: document.date.value,
        precision: document.date.precision,
        inferred: Boolean(document.date.basis),
      },
      outlet: document.outlet?.value,
      status: document.status,
      sameText: document.relations
        .filter((relation) => relation.type === "same-text-as")
        .map((relation) => relation.target),
    };
    const blocks = document.blocks.filter((block) => block.type !== "gap");
    // An editorial title is the editor's words: shown as the title, never published or searched as text.
    const title = document.title.basis === undefined ? [document.title.text] : [];
    return [
      ...title.map((text) => ({ ...common, id: "title", type: "title" as const, text, position: 0 })),
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
