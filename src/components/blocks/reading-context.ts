import type { CitedEdition } from "../../lib/citation.ts";
import type { PassageNotes } from "../../lib/document-view.ts";
import type { PageContext } from "../../lib/page-context.ts";
import { passageAnchor } from "../../lib/passage-numbers.ts";

/** The page a block of a document's body is rendered on: its language and the notes of the document's passages. */
export interface ReadingContext {
  page: PageContext;
  notes: PassageNotes;
  /** This edition, as citations name it. */
  edition: CitedEdition;
}

/** The reading context the document page has set; a block outside a document page is a bug. */
export function readingContext(locals: App.Locals): ReadingContext {
  if (!locals.reading) throw new Error("block components render only inside a document page's body");
  return locals.reading;
}

/** A block's anchor on the page, from its reader number (`para3`); the block's id stays an anchor on its number link. */
export function blockAnchor(notes: PassageNotes, id: string): string {
  const numbered = notes.numbers.get(id);
  if (!numbered) throw new Error(`no passage ${notes.slug}#${id}`);
  return passageAnchor(numbered);
}
