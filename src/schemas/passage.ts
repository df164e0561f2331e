import { z } from "zod";

/**
 * The passage model and the document fields that the ingest, the pages and
 * the search share: one home for each, imported by the build and by the
 * browser alike (this module imports nothing but zod, which browser code
 * imports only for types).
 */

/** What a passage is: its document's title, or a heading, paragraph or list item of its body. */
export const passageTypes = ["title", "heading", "paragraph", "item"] as const;
export type PassageType = (typeof passageTypes)[number];
export const passageTypeSchema = z.enum(passageTypes);

/**
 * A published passage: a document's title or one of its blocks (heading,
 * paragraph, list item). Passages are what the search finds, what curated
 * data cites, what shared-passage detection compares and what the `passages`
 * collection publishes; gaps are not passages. Document fields are not
 * copied onto it: they are the document's (DocumentFields).
 */
export interface Passage {
  /** Slug of its document. */
  doc: string;
  /** Permalink id: `title` or a block id (`p7`); never changes. */
  id: string;
  type: PassageType;
  text: string;
  /** Position in the document's reading order (0 is the title). */
  position: number;
}

/** How far an editor has checked a document (see src/schemas/editorial.ts), lowest first. */
export const reviewStatuses = ["draft", "proofread", "verified"] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];

/** How precisely a document's date is known. `after`: on or after the date. */
export const datePrecisions = ["year", "month", "day", "after"] as const;
export type DatePrecision = (typeof datePrecisions)[number];

/** A document's date as results, filters and timelines read it. */
export interface DocumentDate {
  /** ISO date at its precision: YYYY, YYYY-MM or YYYY-MM-DD. */
  value: string;
  precision: DatePrecision;
  /** Whether the editor inferred it (a `basis`) rather than the text stating it. */
  inferred: boolean;
}

/** The fields of a document that search results, filters and lists of documents show. */
export interface DocumentFields {
  doc: string;
  /** Its title as lists, results and links name it, told apart from any namesake (src/lib/document-titles.ts). */
  title: string;
  /** Position of the document in the corpus (date order; src/lib/document-order.ts). */
  order: number;
  /** Year of its (stated or inferred) date, or "" when it has none. */
  year: string;
  collection: string;
  date?: DocumentDate | undefined;
  /** Where the document was published, as its editorial data names it. */
  outlet?: string | undefined;
  /** Documents that its editorial data calls copies of the same text. */
  sameText?: string[] | undefined;
  /** The review status of a document not yet verified; absent once verified. */
  status?: Exclude<ReviewStatus, "verified"> | undefined;
}

/** A document with its passages, as the search indexes and shows it. */
export interface SearchDocument extends DocumentFields {
  /** Passages in reading order, the title first: [id, type, text]. */
  passages: [id: string, type: PassageType, text: string][];
}

/** A document without its passages' text (in each of the search's text blocks, src/lib/search/index-layout.ts). */
export interface SearchDocumentHead extends DocumentFields {
  passages: [id: string, type: PassageType][];
}
