import type { DocumentFields, PassageType, SearchDocument } from "../../schemas/passage.ts";
import type { Range } from "./kwic.ts";
import { readerNumbers } from "../passage-numbers.ts";
import { matchDocumentHits, matchPassageHits, type SearchScope } from "./match.ts";
import type { SearchFilters, SearchSort } from "./address.ts";
import { normalizeForSearch } from "./normalize.ts";
import { parseQuery, type Clause, type QueryProblem } from "./query.ts";
import { indexMatches, SearchIndex, type DocumentMatches, type PagefindApi } from "./index-matches.ts";
import { PASSAGE_KINDS, unpackFlags, type ShardDocument } from "./index-layout.ts";
import { yearDistribution, type YearCount } from "./distribution.ts";

/**
 * Exact phrase search over Pagefind. Which passages match, and so every
 * count and distribution of the results, comes from the index alone
 * (src/lib/search/index-matches.ts); a document's text is loaded only to
 * show it (DOCUMENTS_PER_STEP documents at a time, and of each only the text
 * blocks of the passages the index names), and the occurrences to mark are
 * found in that text (src/lib/search/match.ts). At sentence scope,
 * a clause the index cannot decide is decided on the text of the passages
 * the index names.
 */

export { SearchIndex, type PagefindApi };

/**
 * Loads the document with a given ordinal and `size` passages, with the text
 * of the passages at `positions` (numbers in reading order, 0 the title) and
 * "" for the others; `lengths`, where given, are those passages' lengths as
 * the index counts them, which their text must have (SearchData.document).
 */
export type DocumentLoader = (
  ordinal: number,
  positions: readonly number[],
  size: number,
  lengths?: readonly number[],
) => Promise<SearchDocument>;

export interface PassageHit {
  id: string;
  type: PassageType;
  text: string;
  /** Position in the document's reading order (0 is the title). */
  position: number;
  /** Reader number (src/lib/passage-numbers.ts): what the page shows beside the passage. */
  number: number;
  /** What to mark: the hits' ranges of the original text, touching or overlapping ones merged. */
  occurrences: Range[];
  /** What satisfied the query (src/lib/search/match.ts), one concordance line each: sentences, terms or near pairs. */
  spans: Range[];
  /** Hits in the passage (src/lib/search/match.ts): what the counts of occurrences add up. */
  hits: number;
  /** With reprints merged: the identical passages of other copies of the text, counted here once. */
  alsoIn?: { doc: string; title: string; id: string; number: number; type: PassageType }[];
}

/** A matching document as the results show it: its fields, and its matching passages. */
export interface DocumentGroup extends DocumentFields {
  passages: PassageHit[];
}

/** A document to load for display: which one, where its matches are, and its length. */
export interface DocumentToShow {
  ordinal: number;
  /** The matching passages' numbers in reading order, 0 the title. */
  positions: number[];
  /** The matching passages' normalised lengths in index positions, as the shards record them. */
  lengths: number[];
  /** Passages in the document. */
  size: number;
}

/** A matching document, as the index counts it. */
export interface DocumentCount extends DocumentToShow {
  year: string;
  /** Matching passages. */
  passages: number;
  /** Hits in them. */
  occurrences: number;
}

export type SearchOutcome =
  | { kind: "empty" }
  | { kind: "too-long"; length: number }
  | { kind: "invalid"; problem: QueryProblem }
  /** A filter names what the edition does not hold (an address with year=1999): no count, which would be another search's. */
  | { kind: "unknown-filter"; filter: keyof SearchFilters; value: string }
  | {
      kind: "results";
      terms: string[];
      clauses: Clause[];
      scope: SearchScope;
      /** The documents shown so far, in the order asked for. */
      groups: DocumentGroup[];
      /** Ordinals of the matching documents not loaded yet, in the order asked for. */
      pending: number[];
      /** Matching passages in every document, reprints merged if asked. */
      total: number;
      /** Hits (src/lib/search/match.ts) in those passages. */
      occurrences: number;
      /** Every matching document with its count, in the order asked for. */
      documents: DocumentCount[];
      /** Matching passages and documents per year. */
      years: YearCount[];
      /**
       * With reprints merged (a passage identical in two copies of one text shown and counted once): every
       * matching document that has copies, as merging them all in the order asked for leaves it; absent otherwise.
       */
      merged?: ReadonlyMap<string, DocumentGroup> | undefined;
    };

/** An outcome with results: the documents loaded so far and those still pending. */
export type SearchResults = Extract<SearchOutcome, { kind: "results" }>;

/** Documents whose passages are loaded at once; the reader can load more. */
export const DOCUMENTS_PER_STEP = 12;

/** How a search is narrowed and its results arranged. */
export interface SearchOptions {
  filters?: SearchFilters | undefined;
  scope?: SearchScope | undefined;
  sort?: SearchSort | undefined;
  mergeReprints?: boolean | undefined;
}

/** A document's matches from the index, with what ordering needs. */
interface DocumentHits {
  entry: ShardDocument;
  year: string;
  matches: DocumentMatches;
  /** Ranking tier: 0 when the title matches, 1 a heading, 2 otherwise. */
  tier: number;
}

/** The least of the numbers, or `empty` for none (Math.min would spread a long array onto the stack). */
function least(values: readonly number[], empty: number): number {
  let found = empty;
  for (const value of values) if (value < found) found = value;
  return found;
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/**
 * Runs a query on a site's index (SearchIndex: Pagefind, the site's search
 * data, and what is kept from earlier searches).
 */
export async function searchPassages(
  index: SearchIndex,
  raw: string,
  options: SearchOptions = {},
): Promise<SearchOutcome> {
  const { data } = index;
  const { filters = {}, scope = "passage", sort = "rank", mergeReprints: merge = false } = options;
  const query = parseQuery(raw);
  if (query.kind !== "query") return query;
  const manifest = await data.manifest();
  const matching = { clauses: query.clauses, scope };
  const slugs = filters.document ? await data.slugs() : [];
  const unknown = unknownFilter(filters, { collection: manifest.collections, document: slugs, year: manifest.years });
  if (unknown) return { kind: "unknown-filter", ...unknown };
  const wanted = (entry: ShardDocument) =>
    (!filters.collection || manifest.collections[unpackFlags(entry[4]).collection] === filters.collection) &&
    (!filters.year || manifest.years[entry[3]] === filters.year) &&
    (!filters.document || slugs[entry[0]] === filters.document);
  const hits = new Map<number, DocumentHits>();
  for (const matches of await indexMatches(index, query.clauses, scope)) {
    if (!wanted(matches.document)) continue;
    const year = manifest.years[matches.document[3]] ?? "";
    hits.set(matches.document[0], { entry: matches.document, year, matches, tier: 2 });
  }
  const loadDocument: DocumentLoader = data.document;
  await decideCandidates(loadDocument, query.clauses, hits);
  for (const entry of hits.values()) entry.tier = least(entry.matches.kinds, PASSAGE_KINDS.length - 1);
  const ordered = orderDocuments([...hits.values()], sort);
  const counts = new Map(
    ordered.map((entry) => [
      entry.entry[0],
      { passages: entry.matches.positions.length, occurrences: sum(entry.matches.hits) },
    ]),
  );
  const merged = merge ? await countMergedReprints(loadDocument, matching, ordered, counts) : undefined;
  const documents = ordered
    .map((entry) => ({
      ...toShow(entry),
      year: entry.year,
      passages: counts.get(entry.entry[0])?.passages ?? 0,
      occurrences: counts.get(entry.entry[0])?.occurrences ?? 0,
    }))
    .filter((entry) => entry.passages > 0);
  const ordinals = documents.map((entry) => entry.ordinal);
  const groups = await loadGroups(loadDocument, matching, documents.slice(0, DOCUMENTS_PER_STEP));
  return {
    kind: "results",
    terms: query.terms,
    ...matching,
    groups: asMerged(groups, merged),
    pending: ordinals.slice(DOCUMENTS_PER_STEP),
    total: documents.reduce((sum, entry) => sum + entry.passages, 0),
    occurrences: documents.reduce((sum, entry) => sum + entry.occurrences, 0),
    documents,
    years: yearDistribution(documents, manifest),
    merged,
  };
}

/**
 * The first filter whose value is none of the values the index knows for it,
 * or undefined when every filter set is known. An empty value is no filter.
 */
export function unknownFilter(
  filters: SearchFilters,
  known: Record<keyof SearchFilters, readonly string[]>,
): { filter: keyof SearchFilters; value: string } | undefined {
  for (const filter of ["collection", "document", "year"] as const) {
    const value = filters[filter];
    if (value && !known[filter].includes(value)) return { filter, value };
  }
  return undefined;
}

/** Sentence-scope candidates the index could not decide, decided on their documents' text. */
async function decideCandidates(
  loadDocument: DocumentLoader,
  clauses: readonly Clause[],
  hits: Map<number, DocumentHits>,
): Promise<void> {
  const undecided = [...hits].filter(([, entry]) => entry.matches.candidates.length > 0);
  const texts = await Promise.all(
    undecided.map(([ordinal, { entry, matches }]) =>
      loadDocument(
        ordinal,
        matches.candidates.map((at) => matches.positions[at] ?? 0),
        entry[2],
        matches.candidates.map((at) => matches.lengths[at] ?? 0),
      ),
    ),
  );
  undecided.forEach(([ordinal, entry], index) => {
    const document = texts[index];
    const { positions, lengths, kinds, hits: found, candidates } = entry.matches;
    const candidate = new Set(candidates);
    const decided: DocumentMatches = {
      ...entry.matches,
      positions: [],
      lengths: [],
      kinds: [],
      hits: [],
      candidates: [],
    };
    positions.forEach((position, at) => {
      let count = found[at] ?? 0;
      if (candidate.has(at)) {
        const text = document?.passages[position]?.[2] ?? "";
        const { ranges, hits: inText } = matchPassageHits(text, clauses, "sentence");
        if (ranges.length === 0) return;
        count = inText;
      }
      decided.positions.push(position);
      decided.lengths.push(lengths[at] ?? 0);
      decided.kinds.push(kinds[at] ?? 0);
      decided.hits.push(count);
    });
    entry.matches = decided;
    if (decided.positions.length === 0) hits.delete(ordinal);
  });
}

/** What loading a matching document to show it needs (loadGroups): its matching passages' numbers in reading order. */
const toShow = ({ entry, matches }: DocumentHits): DocumentToShow => ({
  ordinal: entry[0],
  positions: matches.positions,
  lengths: matches.lengths,
  size: entry[2],
});

/** Documents in the order asked for (documentOrdering); corpus order is date order, undated documents last. */
function orderDocuments(documents: DocumentHits[], sort: SearchSort): DocumentHits[] {
  const compare = documentOrdering(sort);
  const keyOf = ({ entry, tier, matches }: DocumentHits): OrderKey => ({
    order: entry[0],
    tier,
    hits: matches.positions.length,
    date: unpackFlags(entry[4]).dated ? entry[0] : undefined,
  });
  return documents.sort((a, b) => compare(keyOf(a), keyOf(b)));
}

/**
 * With reprints merged, a passage identical to one of a copy of the same
 * text shown earlier counts once (mergeReprints): the matching documents
 * that have copies are loaded, merged in the order shown, and their counts
 * set to what is left. Returns the merged groups by document.
 */
async function countMergedReprints(
  loadDocument: DocumentLoader,
  matching: Matching,
  ordered: readonly DocumentHits[],
  counts: Map<number, { passages: number; occurrences: number }>,
): Promise<Map<string, DocumentGroup>> {
  const withCopies = ordered.filter((entry) => unpackFlags(entry.entry[4]).hasCopies).map(toShow);
  if (withCopies.length === 0) return new Map();
  const groups = await loadGroups(loadDocument, matching, withCopies);
  const kept = new Map(mergeReprints(groups).map((group) => [group.doc, group]));
  groups.forEach((group, index) => {
    const ordinal = withCopies[index]?.ordinal;
    const passages = kept.get(group.doc)?.passages ?? [];
    if (ordinal !== undefined) {
      counts.set(ordinal, {
        passages: passages.length,
        occurrences: passages.reduce((sum, passage) => sum + passage.hits, 0),
      });
    }
  });
  return kept;
}

/**
 * Loaded groups as shown: with reprints merged, a document that has copies
 * as the merge left it (countMergedReprints), so that a kept passage names
 * every copy it stands for, loaded or not; a copy merged away entirely is
 * not listed. Without merging, the groups as loaded.
 */
function asMerged(groups: DocumentGroup[], merged: ReadonlyMap<string, DocumentGroup> | undefined): DocumentGroup[] {
  if (!merged) return groups;
  return groups.flatMap((group) => {
    if ((group.sameText ?? []).length === 0) return [group];
    const kept = merged.get(group.doc);
    return kept ? [kept] : [];
  });
}

/** What a document is matched against: the query's clauses at a scope. */
export interface Matching {
  clauses: readonly Clause[];
  scope: SearchScope;
}

/**
 * Loads documents, each with the text of the passages the index found a
 * match in, and keeps in each exactly the passages that match at the scope.
 */
export async function loadGroups(
  loadDocument: DocumentLoader,
  matching: Matching,
  wanted: readonly DocumentToShow[],
): Promise<DocumentGroup[]> {
  const documents = await Promise.all(
    wanted.map(({ ordinal, positions, size, lengths }) => loadDocument(ordinal, positions, size, lengths)),
  );
  return documents.flatMap((document) => {
    const numbers = readerNumbers(document.passages.map(([id, type]) => ({ id, type })));
    const { clauses, scope } = matching;
    // At document scope the whole document is matched once; otherwise each passage on its own.
    const inDocument =
      scope === "document"
        ? matchDocumentHits(
            document.passages.map(([, , text]) => text),
            clauses,
          )
        : undefined;
    const passages = document.passages.flatMap(([id, type, text], position) => {
      const {
        ranges: occurrences,
        spans,
        hits,
      } = scope === "document"
        ? (inDocument?.get(position) ?? { ranges: [], spans: [], hits: 0 })
        : matchPassageHits(text, clauses, scope);
      return occurrences.length > 0
        ? [{ id, type, number: numbers.get(id) ?? 0, text, position, occurrences, spans, hits }]
        : [];
    });
    if (passages.length === 0) return [];
    const { doc, title, order, year, collection, date, outlet, sameText, status } = document;
    return [{ doc, title, order, year, collection, date, outlet, sameText, ...(status ? { status } : {}), passages }];
  });
}

/**
 * The next step of a search's results: the next DOCUMENTS_PER_STEP pending
 * documents loaded after those already shown, in the order asked for, with
 * reprints merged if the search asked for it (asMerged). Nothing pending
 * gives the same results.
 */
export async function loadMoreResults(loadDocument: DocumentLoader, results: SearchResults): Promise<SearchResults> {
  if (results.pending.length === 0) return results;
  const byOrdinal = new Map(results.documents.map((entry) => [entry.ordinal, entry]));
  const next = results.pending.slice(0, DOCUMENTS_PER_STEP).flatMap((ordinal) => byOrdinal.get(ordinal) ?? []);
  const added = asMerged(await loadGroups(loadDocument, results, next), results.merged);
  return { ...results, groups: [...results.groups, ...added], pending: results.pending.slice(DOCUMENTS_PER_STEP) };
}

/** What the ordering rule reads of a document. */
export interface OrderKey {
  /** Position in the corpus. */
  order: number;
  /** 0 when the title matches, 1 a heading, 2 otherwise. */
  tier: number;
  /** Matching passages. */
  hits: number;
  /** A key in date order (an ISO date, or a position in a corpus ordered by date); absent when undated. */
  date?: string | number | undefined;
}

/**
 * Documents in the order asked for, as the search page states it: `rank`
 * is the ranking rule (documents whose title matches first, then those with
 * a matching heading, then the rest; within each tier more matching
 * passages first, then corpus order); `oldest` and `newest` order by date,
 * undated documents last, then by the ranking rule; `hits` by matching
 * passages, then corpus order.
 */
export function documentOrdering(sort: SearchSort): (a: OrderKey, b: OrderKey) => number {
  const byRank = (a: OrderKey, b: OrderKey) => a.tier - b.tier || b.hits - a.hits || a.order - b.order;
  const byDate = (direction: 1 | -1) => (a: OrderKey, b: OrderKey) => {
    if (a.date === undefined || b.date === undefined)
      return (a.date === undefined ? 1 : 0) - (b.date === undefined ? 1 : 0) || byRank(a, b);
    const compared =
      typeof a.date === "number" && typeof b.date === "number"
        ? a.date - b.date
        : String(a.date).localeCompare(String(b.date));
    return direction * compared || byRank(a, b);
  };
  switch (sort) {
    case "rank":
      return byRank;
    case "oldest":
      return byDate(1);
    case "newest":
      return byDate(-1);
    case "hits":
      return (a, b) => b.hits - a.hits || a.order - b.order;
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
