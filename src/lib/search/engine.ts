import { findOccurrences, type Range } from "./kwic.ts";
import { indexTokens } from "./normalize.ts";
import { parseQuery } from "./query.ts";

/**
 * Exact phrase search over Pagefind. The index holds one record per passage
 * (title, heading, paragraph, list item) whose content is one token per
 * normalised character (see indexTokens). The longest term of the query is
 * searched as a quoted phrase of tokens, which Pagefind matches at
 * consecutive positions: every passage containing it, and only those up to
 * tokens that spell no text. Each candidate is then verified against its own
 * text for every term, so a result always contains every term and a match
 * never crosses a passage boundary.
 */

/** What this module needs of the Pagefind browser API (pagefind.js). */
export interface PagefindApi {
  search(term: string): Promise<{ results: readonly PagefindResult[] } | null>;
}
export interface PagefindResult {
  id: string;
  data(): Promise<{ meta: Readonly<Record<string, string | undefined>> }>;
}

/** The metadata each passage record carries (all values are strings in Pagefind). */
export interface PassageMeta {
  /** Title of the document. */
  title: string;
  /** Slug of the document. */
  doc: string;
  /** Block id within the document, or `title`. */
  id: string;
  type: "title" | "heading" | "paragraph" | "item";
  /** The passage as published. */
  text: string;
  /** Position of the passage in its document (0 is the title). */
  position: string;
  /** Position of the document in the corpus. */
  order: string;
  year: string;
  collection: string;
}

export interface PassageHit {
  id: string;
  type: PassageMeta["type"];
  text: string;
  position: number;
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
  | { kind: "results"; terms: string[]; groups: DocumentGroup[]; total: number };

/** Candidates whose data is fetched at once; more would open too many requests together. */
const FETCH_BATCH = 64;

export async function searchPassages(
  pagefind: PagefindApi,
  raw: string,
  filters: SearchFilters = {},
): Promise<SearchOutcome> {
  const query = parseQuery(raw);
  if (query.kind !== "terms") return query;
  const anchor = query.terms.reduce((longest, term) => (term.length > longest.length ? term : longest));
  const response = await pagefind.search(`"${indexTokens(anchor)}"`);
  const candidates = response?.results ?? [];

  const groups = new Map<string, DocumentGroup>();
  for (let start = 0; start < candidates.length; start += FETCH_BATCH) {
    const batch = await Promise.all(candidates.slice(start, start + FETCH_BATCH).map((result) => result.data()));
    for (const { meta } of batch) {
      const passage = meta as unknown as PassageMeta;
      if (filters.collection && passage.collection !== filters.collection) continue;
      if (filters.document && passage.doc !== filters.document) continue;
      if (filters.year && passage.year !== filters.year) continue;
      const occurrences = findOccurrences(passage.text, query.terms);
      if (occurrences.length === 0) continue;
      let group = groups.get(passage.doc);
      if (!group) {
        group = {
          doc: passage.doc,
          title: passage.title,
          order: Number(passage.order),
          year: passage.year,
          collection: passage.collection,
          passages: [],
        };
        groups.set(passage.doc, group);
      }
      group.passages.push({
        id: passage.id,
        type: passage.type,
        text: passage.text,
        position: Number(passage.position),
        occurrences,
      });
    }
  }
  const ranked = rankGroups([...groups.values()]);
  return {
    kind: "results",
    terms: query.terms,
    groups: ranked,
    total: ranked.reduce((sum, group) => sum + group.passages.length, 0),
  };
}

const typeRank: Record<PassageMeta["type"], number> = { title: 0, heading: 1, paragraph: 2, item: 2 };

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
