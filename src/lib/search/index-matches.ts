/**
 * Which passages match a query, read from the index alone: the positions
 * Pagefind returns for each word of each term (src/lib/search/tokens.ts),
 * placed in passages by the shards' passage tables
 * (src/lib/search/index-layout.ts). No passage text is loaded, so counts and
 * distributions of any size of result cost the index words of the query and
 * the shards of the records they occur in.
 */
import type { SearchData } from "./documents.ts";
import {
  partOf,
  RecordPassages,
  type IndexManifest,
  type IndexShard,
  type ShardDocument,
  type PassageKind,
} from "./index-layout.ts";
import { clauseHolds, positiveTerms, type Clause } from "./query.ts";
import { SENTENCE_END, startsNear, type SearchScope } from "./match.ts";
import { positionLength, termCover, unigram, type WordFamily } from "./tokens.ts";

/** What this module needs of the Pagefind browser API (pagefind.js), started on the first part of the index. */
export interface PagefindApi {
  /**
   * Records that hold the one-word `term`, with each of its positions in
   * each (and of any word it begins, which no word of this index does).
   * Pagefind's quoted search gives only a record's first match, so it is not
   * used.
   */
  search(term: string): Promise<{ results: { id: string; words: number[] }[] } | null>;
  /** Adds the index of another bundle, searched with the others from then on. */
  mergeIndex(indexPath: string): Promise<void>;
}

/** Where a term starts, by record: characters of the record's passages, counted from the record's start. */
export type TermPositions = Map<number, number[]>;

/** The bundles merged into each Pagefind, by address. */
const mergedBundles = new WeakMap<PagefindApi, Map<string, Promise<void>>>();
/** Record numbers by Pagefind id, for each part's list of ids. */
const recordMaps = new WeakMap<readonly (string | null)[], Map<string, number>>();

/** The value `store` keeps for `key` and `subkey`, made by `make` the first time it is asked for. */
function keptIn<K extends object, S, V>(store: WeakMap<K, Map<S, V>>, key: K, subkey: S, make: () => V): V {
  let values = store.get(key);
  if (!values) {
    values = new Map();
    store.set(key, values);
  }
  let value = values.get(subkey);
  if (value === undefined) {
    value = make();
    values.set(subkey, value);
  }
  return value;
}

/** Merges the bundle at `url` into Pagefind once. */
const mergeOnce = (pagefind: PagefindApi, url: string): Promise<void> =>
  keptIn(mergedBundles, pagefind, url, () => pagefind.mergeIndex(url));

/**
 * The records of a part of the index by Pagefind id, once the part is ready
 * to search: the first part is the one Pagefind was started on, any other is
 * merged into it the first time a search needs it.
 */
async function usePart(pagefind: PagefindApi, data: SearchData, manifest: IndexManifest, part: number) {
  const path = manifest.parts[part]?.path ?? "";
  const [ids] = await Promise.all([
    data.partRecords(part),
    part > 0 ? mergeOnce(pagefind, data.siteUrl(path)) : undefined,
  ]);
  let map = recordMaps.get(ids);
  if (!map) {
    map = new Map(ids.flatMap((id, record) => (id === null ? [] : [[id, record] as const])));
    recordMaps.set(ids, map);
  }
  return map;
}

/**
 * Where a term may start, by record: where every bigram of its cover stands
 * at its offset, or for one character where its unigram stands
 * (src/lib/search/tokens.ts). Each word is asked of the part of the index
 * that holds it.
 */
export async function termPositions(pagefind: PagefindApi, data: SearchData, term: string): Promise<TermPositions> {
  const manifest = await data.manifest();
  /** Characters at which a word stands, by record. */
  const charactersOf = async (word: string, family: WordFamily) => {
    const part = partOf(manifest.parts, family, word);
    if (part < 0) return new Map<number, Set<number>>();
    const recordOf = await usePart(pagefind, data, manifest, part);
    const found = new Map<number, Set<number>>();
    for (const { id, words } of (await pagefind.search(word))?.results ?? []) {
      const record = recordOf.get(id);
      if (record !== undefined && words.length > 0) found.set(record, new Set(words));
    }
    return found;
  };
  const sorted = (at: Iterable<number>) => [...new Set(at)].sort((a, b) => a - b);
  if ([...term].length === 1) {
    const found = await charactersOf(unigram(term), "unigram");
    return new Map([...found].map(([record, at]) => [record, sorted(at)]));
  }
  const cover = termCover(term);
  const words = [...new Set(cover.map((entry) => entry.word))];
  const byWord = new Map(
    await Promise.all(words.map(async (word) => [word, await charactersOf(word, "bigram")] as const)),
  );
  const [anchor] = [...cover].sort((a, b) => (byWord.get(a.word)?.size ?? 0) - (byWord.get(b.word)?.size ?? 0));
  const found: TermPositions = new Map();
  if (!anchor) return found;
  for (const [record, at] of byWord.get(anchor.word) ?? []) {
    const starts = [...at]
      .map((character) => character - anchor.offset)
      .filter((start) =>
        cover.every(({ word, offset }) =>
          byWord
            .get(word)
            ?.get(record)
            ?.has(start + offset),
        ),
      );
    if (starts.length > 0) found.set(record, sorted(starts));
  }
  return found;
}

/** A passage with the offsets, within it, of each term that occurs in it. */
export interface PassageTerms {
  document: ShardDocument;
  indexInDocument: number;
  kind: PassageKind;
  terms: Map<string, number[]>;
}

/** Every passage in which some term occurs, by global passage number, with each term's offsets. */
export async function passagesWithTerms(
  pagefind: PagefindApi,
  data: SearchData,
  terms: readonly string[],
): Promise<Map<number, PassageTerms>> {
  const manifest = await data.manifest();
  const found = await Promise.all(
    terms.map(async (term) => [term, await termPositions(pagefind, data, term)] as const),
  );
  const records = new Set(found.flatMap(([, positions]) => [...positions.keys()]));
  const tables = new Map(
    await Promise.all(
      [...records].map(
        async (record) =>
          [
            record,
            recordPassages(await data.shard(Math.floor(record / manifest.recordsPerShard)), manifest, record),
          ] as const,
      ),
    ),
  );
  const passages = new Map<number, PassageTerms>();
  for (const [term, positions] of found) {
    const termLength = positionLength(term);
    for (const [record, starts] of positions) {
      const table = tables.get(record);
      for (const start of starts) {
        const place = table?.at(start);
        if (!place || start + termLength > place.start + place.length) continue;
        let entry = passages.get(place.passage);
        if (!entry) {
          entry = {
            document: place.document,
            indexInDocument: place.indexInDocument,
            kind: place.kind,
            terms: new Map(),
          };
          passages.set(place.passage, entry);
        }
        const offsets = entry.terms.get(term) ?? [];
        offsets.push(start - place.start);
        entry.terms.set(term, offsets);
      }
    }
  }
  return passages;
}

/** Each shard's record tables, built once: a shard is loaded once per site (createSearchData). */
const recordTables = new WeakMap<IndexShard, Map<number, RecordPassages>>();

const recordPassages = (shard: IndexShard, manifest: IndexManifest, record: number): RecordPassages =>
  keptIn(recordTables, shard, record, () => new RecordPassages(shard, manifest, record));

/** Whether two terms stand near each other in a passage, by their offsets in it (see startsNear). */
function nearIn(terms: ReadonlyMap<string, readonly number[]>, a: string, b: string, within: number): boolean {
  return startsNear(terms.get(a) ?? [], positionLength(a), terms.get(b) ?? [], positionLength(b), within);
}

/** Whether a passage's terms satisfy a clause (passage scope). */
export function passageSatisfies(terms: ReadonlyMap<string, readonly number[]>, clause: Clause): boolean {
  return clauseHolds(
    clause,
    (term) => terms.has(term),
    (a, b, within) => nearIn(terms, a, b, within),
  );
}

/** Sentence-final punctuation followed by more of a term: the term then spans two sentences (see sentenceRanges). */
const sentenceEndInside = new RegExp(`${SENTENCE_END}(?=.)`, "su");

/**
 * Whether the index alone decides a clause at sentence scope: one required
 * term, nothing excluded or near, so that a sentence matches exactly where the
 * term occurs without spanning a sentence end. Other clauses at sentence scope
 * are decided on the text of the passages the index names.
 */
export function sentenceDecidable(clause: Clause): boolean {
  return clause.all.length === 1 && clause.none.length === 0 && clause.near.length === 0;
}

export const spansSentences = (term: string) => sentenceEndInside.test(term);

/** A passage the index says matches, and whether its text must still decide (sentence scope). */
export interface IndexMatch {
  document: ShardDocument;
  indexInDocument: number;
  kind: PassageKind;
  /** At sentence scope with a clause the index cannot decide: a candidate the text decides. */
  candidate: boolean;
}

/**
 * The passages that match the clauses at a scope, from the index: exact at
 * passage and document scope and for sentence-decidable clauses; otherwise
 * candidates (every passage where a clause's required and near terms all
 * occur) that the text decides.
 */
export async function indexMatches(
  pagefind: PagefindApi,
  data: SearchData,
  clauses: readonly Clause[],
  scope: SearchScope,
): Promise<IndexMatch[]> {
  const terms = [...new Set(clauses.flatMap((clause) => [...positiveTerms(clause), ...clause.none]))];
  const passages = await passagesWithTerms(pagefind, data, terms);
  const matches: IndexMatch[] = [];
  const keep = (entry: PassageTerms, candidate: boolean) =>
    matches.push({ document: entry.document, indexInDocument: entry.indexInDocument, kind: entry.kind, candidate });
  if (scope === "document") {
    const byDocument = Map.groupBy(passages.values(), (entry) => entry.document[0]);
    for (const entries of byDocument.values()) {
      const satisfied = clauses.filter((clause) =>
        clauseHolds(
          clause,
          (term) => entries.some((entry) => entry.terms.has(term)),
          (a, b, within) => entries.some((entry) => nearIn(entry.terms, a, b, within)),
        ),
      );
      const shown = new Set(satisfied.flatMap(positiveTerms));
      for (const entry of entries) if ([...entry.terms.keys()].some((term) => shown.has(term))) keep(entry, false);
    }
  } else if (scope === "passage") {
    for (const entry of passages.values())
      if (clauses.some((clause) => passageSatisfies(entry.terms, clause))) keep(entry, false);
  } else {
    for (const entry of passages.values()) {
      const decided = clauses.some(
        (clause) =>
          sentenceDecidable(clause) && !spansSentences(clause.all[0] ?? "") && entry.terms.has(clause.all[0] ?? ""),
      );
      const possible = clauses.some(
        (clause) => !sentenceDecidable(clause) && positiveTerms(clause).every((term) => entry.terms.has(term)),
      );
      if (decided) keep(entry, false);
      else if (possible) keep(entry, true);
    }
  }
  return matches.sort((a, b) => a.document[1] + a.indexInDocument - (b.document[1] + b.indexInDocument));
}
