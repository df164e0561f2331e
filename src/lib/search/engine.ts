import { findOccurrences, type Range } from "./kwic.ts";
import { readerNumbers } from "../passage-numbers.ts";
import { indexTokens } from "./normalize.ts";
import { parseQuery } from "./query.ts";

/**
 * Exact phrase search over Pagefind. The index holds one record per document
 * whose content is one token per normalised character (see indexTokens), with
 * a separator token between passages (title, headings, paragraphs, list
 * items), filtered by collection, document and year. The longest term of the
 * query is searched as a quoted phrase of tokens, which Pagefind matches at
 * consecutive positions, so never across a separator; the records it matches
 * are the documents that contain it. Their passages are then fetched (one
 * small file per document, named by its record id, cached) and matched here,
 * passage by passage, for every term: a result always contains every term and
 * never spans two passages.
 */

/** What this module needs of the Pagefind browser API (pagefind.js). */
export interface PagefindApi {
  /**
   * Ids of the records that match `term`, best first; records of equal score
   * (every exact match) in the order they were indexed, which is corpus order.
   */
  search(term: string, options?: { filters?: Record<string, string> }): Promise<{ results: { id: string }[] } | null>;
}

export type PassageType = "title" | "heading" | "paragraph" | "item";

/** A document's passages as the search reads them (`search-data/<record id>.json.gz`). */
export interface SearchDocument {
  doc: string;
  title: string;
  /** Position of the document in the corpus. */
  order: number;
  year: string;
  collection: string;
  /** Passages in reading order, the title first: [id, type, text]. */
  passages: [id: string, type: PassageType, text: string][];
}

/** Loads the passages of the document indexed as the Pagefind record `recordId`. */
export type DocumentLoader = (recordId: string) => Promise<SearchDocument>;

export interface PassageHit {
  id: string;
  type: PassageType;
  text: string;
  /** Position in the document's reading order (0 is the title). */
  position: number;
  /** Reader number (src/lib/passage-numbers.ts): what the page shows beside the passage. */
  number: number;
  occurrences: Range[];
}

export interface DocumentGroup {
  doc: string;
  title: string;
  order: number;
  year: string;
  collection: string;
  passages: PassageHit[];
}

export interface SearchFilters {
  collection?: string | undefined;
  document?: string | undefined;
  year?: string | undefined;
}

export type SearchOutcome =
  | { kind: "empty" }
  | { kind: "too-long"; length: number }
  | {
      kind: "results";
      terms: string[];
      groups: DocumentGroup[];
      /** Record ids of documents that contain the longest term but are not loaded yet, in Pagefind's order. */
      pending: string[];
      /** Matching passages in the loaded documents. */
      total: number;
    };

/** An outcome with results: the documents loaded so far and those still pending. */
export type SearchResults = Extract<SearchOutcome, { kind: "results" }>;

/** Documents whose passages are loaded at once; the reader can load more. */
export const DOCUMENTS_PER_STEP = 12;

export async function searchPassages(
  pagefind: PagefindApi,
  loadDocument: DocumentLoader,
  raw: string,
  filters: SearchFilters = {},
): Promise<SearchOutcome> {
  const query = parseQuery(raw);
  if (query.kind !== "terms") return query;
  const anchor = query.terms.reduce((longest, term) => (term.length > longest.length ? term : longest));
  const pagefindFilters: Record<string, string> = {};
  if (filters.collection) pagefindFilters["collection"] = filters.collection;
  if (filters.document) pagefindFilters["document"] = filters.document;
  if (filters.year) pagefindFilters["year"] = filters.year;
  const phrase = `"${indexTokens(anchor)}"`;
  // Each result names a document's record, and its id names the document's search-data file:
  // no filter or fragment file is needed to know which documents to load.
  const response = await pagefind.search(phrase, { filters: pagefindFilters });
  const recordIds = (response?.results ?? []).map((result) => result.id);
  const groups = await loadGroups(loadDocument, query.terms, recordIds.slice(0, DOCUMENTS_PER_STEP));
  return {
    kind: "results",
    terms: query.terms,
    groups: rankGroups(groups),
    pending: recordIds.slice(DOCUMENTS_PER_STEP),
    total: countPassages(groups),
  };
}

/** Loads documents and keeps, in each, exactly the passages that contain every term. */
export async function loadGroups(
  loadDocument: DocumentLoader,
  terms: readonly string[],
  recordIds: readonly string[],
): Promise<DocumentGroup[]> {
  const documents = await Promise.all(recordIds.map(loadDocument));
  return documents.flatMap((document) => {
    const numbers = readerNumbers(document.passages.map(([id, type]) => ({ id, type })));
    const passages = document.passages.flatMap(([id, type, text], position) => {
      const occurrences = findOccurrences(text, terms);
      return occurrences.length > 0 ? [{ id, type, number: numbers.get(id) ?? 0, text, position, occurrences }] : [];
    });
    if (passages.length === 0) return [];
    const { doc, title, order, year, collection } = document;
    return [{ doc, title, order, year, collection, passages }];
  });
}

/**
 * The next step of a search's results: the next DOCUMENTS_PER_STEP pending
 * documents loaded and ranked after those already shown (which keep their
 * places), the total recounted. Nothing pending gives the same results.
 */
export async function loadMoreResults(loadDocument: DocumentLoader, results: SearchResults): Promise<SearchResults> {
  if (results.pending.length === 0) return results;
  const added = await loadGroups(loadDocument, results.terms, results.pending.slice(0, DOCUMENTS_PER_STEP));
  const groups = [...results.groups, ...rankGroups(added)];
  return { ...results, groups, pending: results.pending.slice(DOCUMENTS_PER_STEP), total: countPassages(groups) };
}

export function countPassages(groups: readonly DocumentGroup[]): number {
  return groups.reduce((sum, group) => sum + group.passages.length, 0);
}

const typeRank: Record<PassageType, number> = { title: 0, heading: 1, paragraph: 2, item: 2 };

/**
 * The ranking rule, as the search page states it: documents whose title
 * matches come first, then those with a matching heading, then the rest; within
 * each tier, documents with more matching passages first, then corpus order.
 * Within a document, passages keep their reading order.
 */
export function rankGroups(groups: DocumentGroup[]): DocumentGroup[] {
  const tier = (group: DocumentGroup) => Math.min(...group.passages.map((passage) => typeRank[passage.type]));
  for (const group of groups) group.passages.sort((a, b) => a.position - b.position);
  return groups.sort((a, b) => tier(a) - tier(b) || b.passages.length - a.passages.length || a.order - b.order);
}
