import type { DatePrecision } from "../dates.ts";
import type { Range } from "./kwic.ts";
import { readerNumbers } from "../passage-numbers.ts";
import { matchDocument, matchPassage, type SearchScope } from "./match.ts";
import type { SearchSort } from "./address.ts";
import { indexTokens, normalizeForSearch } from "./normalize.ts";
import { parseQuery, positiveTerms, type Clause, type QueryProblem } from "./query.ts";

/**
 * Exact phrase search over Pagefind. The index holds one record per document
 * whose content is one token per normalised character (see indexTokens), with
 * a separator token between passages (title, headings, paragraphs, list
 * items), filtered by collection, document and year. The longest term of the
 * query is searched as a quoted phrase of tokens, which Pagefind matches at
 * consecutive positions, so never across a separator; the records it matches
 * are the documents that contain it. A query with alternatives (`A | B`)
 * searches the longest term of each and takes the union. The candidates'
 * passages are then fetched (one small file per document, named by its record
 * id, cached) and matched here (src/lib/search/match.ts) at the scope asked
 * for: a result satisfies the query within one sentence, one passage or one
 * document, never across two passages unless the scope is the document.
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
  /** The document's date: ISO at its precision, and whether the editor inferred it. */
  date?: { value: string; precision: DatePrecision; inferred: boolean } | undefined;
  /** Where the document was published, as its editorial data names it. */
  outlet?: string | undefined;
  /** Documents that are copies of the same text. */
  sameText?: string[] | undefined;
  /** The review status of a document not yet verified (src/schemas/editorial.ts); absent once verified. */
  status?: "draft" | "proofread" | undefined;
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
  /** With reprints merged: the identical passages of other copies of the text, counted here once. */
  alsoIn?: { doc: string; title: string; id: string; number: number; type: PassageType }[];
}

export interface DocumentGroup {
  doc: string;
  title: string;
  order: number;
  year: string;
  collection: string;
  date?: SearchDocument["date"];
  outlet?: string | undefined;
  sameText?: string[] | undefined;
  /** The review status of a document not yet verified. */
  status?: SearchDocument["status"];
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
  | { kind: "invalid"; problem: QueryProblem }
  | {
      kind: "results";
      terms: string[];
      clauses: Clause[];
      scope: SearchScope;
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
  scope: SearchScope = "passage",
): Promise<SearchOutcome> {
  const query = parseQuery(raw);
  if (query.kind !== "query") return query;
  const pagefindFilters: Record<string, string> = {};
  if (filters.collection) pagefindFilters["collection"] = filters.collection;
  if (filters.document) pagefindFilters["document"] = filters.document;
  if (filters.year) pagefindFilters["year"] = filters.year;
  // Each result names a document's record, and its id names the document's search-data file:
  // no filter or fragment file is needed to know which documents to load.
  const recordIds: string[] = [];
  for (const clause of query.clauses) {
    const anchor = positiveTerms(clause).reduce((longest, term) => (term.length > longest.length ? term : longest));
    const response = await pagefind.search(`"${indexTokens(anchor)}"`, { filters: pagefindFilters });
    for (const { id } of response?.results ?? []) if (!recordIds.includes(id)) recordIds.push(id);
  }
  const matching = { clauses: query.clauses, scope };
  const groups = await loadGroups(loadDocument, matching, recordIds.slice(0, DOCUMENTS_PER_STEP));
  return {
    kind: "results",
    terms: query.terms,
    ...matching,
    groups: rankGroups(groups),
    pending: recordIds.slice(DOCUMENTS_PER_STEP),
    total: countPassages(groups),
  };
}

/** What a document is matched against: the query's clauses at a scope. */
export interface Matching {
  clauses: readonly Clause[];
  scope: SearchScope;
}

/** Loads documents and keeps, in each, exactly the passages that match at the scope. */
export async function loadGroups(
  loadDocument: DocumentLoader,
  matching: Matching,
  recordIds: readonly string[],
): Promise<DocumentGroup[]> {
  const documents = await Promise.all(recordIds.map(loadDocument));
  return documents.flatMap((document) => {
    const numbers = readerNumbers(document.passages.map(([id, type]) => ({ id, type })));
    const { clauses, scope } = matching;
    // At document scope the whole document is matched once; otherwise each passage on its own.
    const inDocument =
      scope === "document"
        ? matchDocument(
            document.passages.map(([, , text]) => text),
            clauses,
          )
        : undefined;
    const passages = document.passages.flatMap(([id, type, text], position) => {
      const occurrences = scope === "document" ? (inDocument?.get(position) ?? []) : matchPassage(text, clauses, scope);
      return occurrences.length > 0 ? [{ id, type, number: numbers.get(id) ?? 0, text, position, occurrences }] : [];
    });
    if (passages.length === 0) return [];
    const { doc, title, order, year, collection, date, outlet, sameText, status } = document;
    return [{ doc, title, order, year, collection, date, outlet, sameText, ...(status ? { status } : {}), passages }];
  });
}

/**
 * The next step of a search's results: the next DOCUMENTS_PER_STEP pending
 * documents loaded and ranked after those already shown (which keep their
 * places), the total recounted. Nothing pending gives the same results.
 */
export async function loadMoreResults(loadDocument: DocumentLoader, results: SearchResults): Promise<SearchResults> {
  if (results.pending.length === 0) return results;
  const added = await loadGroups(loadDocument, results, results.pending.slice(0, DOCUMENTS_PER_STEP));
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

/**
 * Documents in the order asked for: `rank` is the ranking rule; `oldest`
 * and `newest` order by the (stated or inferred) date, undated documents
 * last, then by the ranking rule; `hits` by matching passages, then corpus
 * order. Passages keep their reading order.
 */
export function sortGroups(groups: readonly DocumentGroup[], sort: SearchSort): DocumentGroup[] {
  const ranked = rankGroups([...groups]);
  const place = new Map(ranked.map((group, index) => [group, index]));
  const byRank = (a: DocumentGroup, b: DocumentGroup) => (place.get(a) ?? 0) - (place.get(b) ?? 0);
  const dated = (a: DocumentGroup, b: DocumentGroup, direction: 1 | -1) => {
    if (!a.date || !b.date) return (a.date ? 0 : 1) - (b.date ? 0 : 1);
    return direction * a.date.value.localeCompare(b.date.value);
  };
  switch (sort) {
    case "rank":
      return ranked;
    case "oldest":
      return [...ranked].sort((a, b) => dated(a, b, 1) || byRank(a, b));
    case "newest":
      return [...ranked].sort((a, b) => dated(a, b, -1) || byRank(a, b));
    case "hits":
      return [...ranked].sort((a, b) => b.passages.length - a.passages.length || a.order - b.order);
  }
}

/**
 * Results with reprints merged: a passage identical (after normalisation) to
 * one of a copy of the same text shown earlier is counted once, at the first
 * place, which lists the other. Documents left without a passage drop out.
 */
export function mergeReprints(groups: readonly DocumentGroup[]): DocumentGroup[] {
  /** The passages kept so far, by document and normalised text. */
  const kept = new Map<string, PassageHit>();
  const keyOf = (doc: string, text: string) => `${doc}\u0000${text}`;
  const merged: DocumentGroup[] = [];
  for (const group of groups) {
    const passages: PassageHit[] = [];
    for (const passage of group.passages) {
      const text = normalizeForSearch(passage.text);
      const earlier = (group.sameText ?? []).map((doc) => kept.get(keyOf(doc, text))).find(Boolean);
      if (earlier) {
        earlier.alsoIn = [
          ...(earlier.alsoIn ?? []),
          { doc: group.doc, title: group.title, id: passage.id, number: passage.number, type: passage.type },
        ];
        continue;
      }
      const copy = { ...passage };
      passages.push(copy);
      // The first passage with this text in the document stands for it.
      if (!kept.has(keyOf(group.doc, text))) kept.set(keyOf(group.doc, text), copy);
    }
    if (passages.length > 0) merged.push({ ...group, passages });
  }
  return merged;
}

/** How results are shown: their order, and whether reprints are merged. */
export interface Arrangement {
  sort: SearchSort;
  mergeReprints: boolean;
}

/** Results in the order asked for, reprints merged if asked, the total recounted. */
export function arrangeResults(results: SearchResults, arrangement: Arrangement): SearchResults {
  const ranked = rankGroups([...results.groups]);
  const groups = sortGroups(arrangement.mergeReprints ? mergeReprints(ranked) : ranked, arrangement.sort);
  return { ...results, groups, total: countPassages(groups) };
}
