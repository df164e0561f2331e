/**
 * Which passages match a query, read from the index alone: the positions
 * Pagefind returns for each word of each term (src/lib/search/tokens.ts),
 * placed in passages by the shards' passage tables
 * (src/lib/search/index-layout.ts). No passage text is loaded, so counts and
 * distributions of any size of result cost the index words of the query and
 * the shards of the records they occur in.
 */
import { BoundedCache } from "./bounded-cache.ts";
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
import {
  hitsOf,
  holdsIn,
  markedStarts,
  SENTENCE_END,
  startsNear,
  type SearchScope,
  type StartsReader,
} from "./match.ts";
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

/** Where a word stands in each record that holds it: characters from the record's start, ascending. */
type WordPositions = Map<number, Int32Array>;

/**
 * How many word positions a SearchIndex keeps from earlier searches (4 bytes
 * each, so at most 16 MB): the index does not change while the page is open,
 * and a researcher's queries share words, the common ones of which cost the
 * most (Pagefind takes about a microsecond over each position).
 */
export const CACHED_WORD_POSITIONS = 4_000_000;

/** How many positions a word's positions hold, as the cache counts them. */
const positionCount = (found: WordPositions) => [...found.values()].reduce((sum, at) => sum + at.length, 0);

/**
 * One site's index, read through one Pagefind and the site's search data,
 * and everything kept from earlier searches: the bundles merged into
 * Pagefind, each part's record numbers, word positions (bounded), and the
 * passage tables of each record. Create one per search session; two are
 * independent.
 */
export class SearchIndex {
  readonly #bundles = new Map<string, Promise<void>>();
  readonly #recordNumbers = new Map<number, Promise<Map<string, number>>>();
  readonly #words = new BoundedCache<string, Promise<WordPositions>>(CACHED_WORD_POSITIONS);
  readonly #tables = new WeakMap<IndexShard, Map<number, RecordPassages>>();
  readonly #wordFiles = new WeakMap<IndexManifest, ReadonlySet<string>>();

  constructor(
    readonly pagefind: PagefindApi,
    readonly data: SearchData,
  ) {}

  /**
   * The records of a part of the index by Pagefind id, once the part is
   * ready to search: the first part is the one Pagefind was started on, any
   * other is merged into it the first time a search needs it. A failure is
   * not kept, so the next search tries again.
   */
  #usePart(manifest: IndexManifest, part: number): Promise<Map<string, number>> {
    let ready = this.#recordNumbers.get(part);
    if (!ready) {
      const path = manifest.parts[part]?.path ?? "";
      ready = Promise.all([
        this.data.partRecords(part),
        part > 0 ? this.#merge(this.data.siteUrl(path)) : undefined,
      ]).then(([ids]) => new Map(ids.flatMap((id, record) => (id === null ? [] : [[id, record] as const]))));
      ready.catch(() => this.#recordNumbers.delete(part));
      this.#recordNumbers.set(part, ready);
    }
    return ready;
  }

  /** Merges the bundle at `url` into Pagefind once. */
  #merge(url: string): Promise<void> {
    let merged = this.#bundles.get(url);
    if (!merged) {
      merged = this.pagefind.mergeIndex(url);
      merged.catch(() => this.#bundles.delete(url));
      this.#bundles.set(url, merged);
    }
    return merged;
  }

  /** Whether the manifest lists `word` as one in a word file of its own rather than in Pagefind. */
  #inWordFile(manifest: IndexManifest, word: string): boolean {
    let words = this.#wordFiles.get(manifest);
    if (!words) {
      words = new Set(manifest.wordFiles);
      this.#wordFiles.set(manifest, words);
    }
    return words.has(word);
  }

  /**
   * Where a word of the index stands, by record: read from its word file if
   * it has one, else asked of the Pagefind part that holds it, or kept from
   * an earlier search. A failed search is not kept.
   */
  wordPositions(manifest: IndexManifest, word: string, family: WordFamily): Promise<WordPositions> {
    const search = async () => {
      if (this.#inWordFile(manifest, word)) return this.data.wordPositions(word);
      const found: WordPositions = new Map();
      const part = partOf(manifest.parts, family, word);
      if (part < 0) return found;
      const recordOf = await this.#usePart(manifest, part);
      for (const { id, words } of (await this.pagefind.search(word))?.results ?? []) {
        const record = recordOf.get(id);
        if (record !== undefined && words.length > 0) found.set(record, Int32Array.from(words).sort());
      }
      return found;
    };
    return this.#words.getSettled(word, search, positionCount);
  }

  /** A record's passage table, built once from its shard. */
  recordPassages(shard: IndexShard, manifest: IndexManifest, record: number): RecordPassages {
    let tables = this.#tables.get(shard);
    if (!tables) {
      tables = new Map();
      this.#tables.set(shard, tables);
    }
    let table = tables.get(record);
    if (!table) {
      table = new RecordPassages(shard, manifest, record);
      tables.set(record, table);
    }
    return table;
  }
}

/** Whether the ascending `positions` hold `position`. */
function holds(positions: Int32Array, position: number): boolean {
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const at = positions[middle] ?? 0;
    if (at === position) return true;
    if (at < position) low = middle + 1;
    else high = middle;
  }
  return false;
}

/** The distinct values of ascending positions, as numbers. */
function distinct(positions: Iterable<number>): number[] {
  const values: number[] = [];
  for (const position of positions) if (values.at(-1) !== position) values.push(position);
  return values;
}

/**
 * Where a term may start, by record: where every bigram of its cover stands
 * at its offset, or for one character where its unigram stands
 * (src/lib/search/tokens.ts). Starts are ascending.
 */
export async function termPositions(index: SearchIndex, term: string): Promise<TermPositions> {
  const manifest = await index.data.manifest();
  if ([...term].length === 1) {
    const found = await index.wordPositions(manifest, unigram(term), "unigram");
    return new Map([...found].map(([record, at]) => [record, distinct(at)]));
  }
  const cover = termCover(term);
  const words = [...new Set(cover.map((entry) => entry.word))];
  const byWord = new Map(
    await Promise.all(words.map(async (word) => [word, await index.wordPositions(manifest, word, "bigram")] as const)),
  );
  const [anchor, ...others] = [...cover].sort(
    (a, b) => (byWord.get(a.word)?.size ?? 0) - (byWord.get(b.word)?.size ?? 0),
  );
  const found: TermPositions = new Map();
  if (!anchor) return found;
  for (const [record, at] of byWord.get(anchor.word) ?? []) {
    const around = others.map(({ word, offset }) => ({ offset, at: byWord.get(word)?.get(record) }));
    if (around.some((entry) => !entry.at)) continue;
    const starts: number[] = [];
    for (const character of at) {
      const start = character - anchor.offset;
      if (starts.at(-1) !== start && around.every((entry) => entry.at && holds(entry.at, start + entry.offset)))
        starts.push(start);
    }
    if (starts.length > 0) found.set(record, starts);
  }
  return found;
}

/** A passage with the offsets, within it, of each term that occurs in it. */
export interface PassageTerms {
  document: ShardDocument;
  indexInDocument: number;
  kind: PassageKind;
  /** The passage's normalised length in index positions. */
  length: number;
  /** The offsets of each term in the passage, by the term's place in the list asked for; absent where it does not occur. */
  offsets: (number[] | undefined)[];
}

/**
 * Every passage in which some term occurs, in reading order (global passage
 * number), with each term's offsets. A common word occurs in most passages,
 * so this makes one entry per passage and nothing per occurrence, and takes
 * the records in order so that nothing needs sorting but a record's own
 * passages when several terms are asked.
 */
export async function passagesWithTerms(index: SearchIndex, terms: readonly string[]): Promise<PassageTerms[]> {
  const manifest = await index.data.manifest();
  const found = await Promise.all(terms.map((term) => termPositions(index, term)));
  const records = [...new Set(found.flatMap((positions) => [...positions.keys()]))].sort((a, b) => a - b);
  const tables = await Promise.all(
    records.map(async (record) =>
      index.recordPassages(await index.data.shard(Math.floor(record / manifest.recordsPerShard)), manifest, record),
    ),
  );
  const termLengths = terms.map(positionLength);
  const passages: PassageTerms[] = [];
  records.forEach((record, recordIndex) => {
    const table = tables[recordIndex];
    if (!table) return;
    /** The record's passages with terms, by their number in the record. */
    const inRecord = new Map<number, PassageTerms>();
    found.forEach((positions, termIndex) => {
      const starts = positions.get(record);
      const termLength = termLengths[termIndex] ?? 0;
      // Starts ascend, so each passage is looked up once, at its first start.
      let index = -1;
      let end = -1;
      let entry: PassageTerms | undefined;
      for (const start of starts ?? []) {
        if (start >= end) {
          index = table.indexAt(start);
          if (index < 0) break;
          end = table.endOf(index);
          entry = inRecord.get(index);
        }
        if (start + termLength > end) continue;
        if (!entry) {
          const place = table.place(index);
          if (!place) continue;
          entry = {
            document: place.document,
            indexInDocument: place.indexInDocument,
            kind: place.kind,
            length: place.length,
            offsets: [],
          };
          inRecord.set(index, entry);
        }
        const offset = start - table.startOf(index);
        const offsets = entry.offsets[termIndex];
        if (offsets) offsets.push(offset);
        else entry.offsets[termIndex] = [offset];
      }
    });
    // One term's passages were met in order; several terms' need sorting within the record.
    const indexes = terms.length > 1 ? [...inRecord.keys()].sort((a, b) => a - b) : inRecord.keys();
    for (const index of indexes) {
      const entry = inRecord.get(index);
      if (entry) passages.push(entry);
    }
  });
  return passages;
}

/** How a clause reads a passage's terms, for the terms asked of passagesWithTerms in this order. */
interface TermReader {
  has(entry: PassageTerms, term: string): boolean;
  /** The passage's terms as match.ts reads a unit: each term's starts and length in index positions. */
  startsIn(entry: PassageTerms): StartsReader;
  /** Whether two terms stand near each other in the passage, by their offsets in it (see startsNear). */
  near(entry: PassageTerms, a: string, b: string, within: number): boolean;
}

function termReader(terms: readonly string[]): TermReader {
  const placeOf = new Map(terms.map((term, index) => [term, index]));
  const offsets = (entry: PassageTerms, term: string) => entry.offsets[placeOf.get(term) ?? -1];
  return {
    has: (entry, term) => offsets(entry, term) !== undefined,
    startsIn: (entry) => ({ starts: (term) => offsets(entry, term) ?? [], length: positionLength }),
    near: (entry, a, b, within) =>
      startsNear(offsets(entry, a) ?? [], positionLength(a), offsets(entry, b) ?? [], positionLength(b), within),
  };
}

/** Whether a passage's terms satisfy a clause (passage scope). */
function passageSatisfies(reader: TermReader, entry: PassageTerms, clause: Clause): boolean {
  return holdsIn(reader.startsIn(entry), clause);
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
  /** The passage's normalised length in index positions, which its text must have. */
  length: number;
  /** At sentence scope with a clause the index cannot decide: a candidate the text decides. */
  candidate: boolean;
  /** Its hits (src/lib/search/match.ts), from the index; 0 for a candidate, whose text counts them. */
  hits: number;
}

/**
 * The passages that match the clauses at a scope, from the index: exact at
 * passage and document scope and for sentence-decidable clauses; otherwise
 * candidates (every passage where a clause's required and near terms all
 * occur) that the text decides. In reading order (global passage number).
 */
export async function indexMatches(
  index: SearchIndex,
  clauses: readonly Clause[],
  scope: SearchScope,
): Promise<IndexMatch[]> {
  const terms = [...new Set(clauses.flatMap((clause) => [...positiveTerms(clause), ...clause.none]))];
  const passages = await passagesWithTerms(index, terms);
  const reader = termReader(terms);
  const matches: IndexMatch[] = [];
  // A kept passage's hits are its marked starts (src/lib/search/match.ts) under the clauses it satisfies.
  const keep = (entry: PassageTerms, candidate: boolean, satisfied: readonly Clause[] = []) =>
    matches.push({
      document: entry.document,
      indexInDocument: entry.indexInDocument,
      kind: entry.kind,
      length: entry.length,
      candidate,
      hits: hitsOf(markedStarts(satisfied, reader.startsIn(entry))),
    });
  if (scope === "document") {
    const byDocument = Map.groupBy(passages, (entry) => entry.document[0]);
    for (const entries of byDocument.values()) {
      const satisfied = clauses.filter((clause) =>
        clauseHolds(
          clause,
          (term) => entries.some((entry) => reader.has(entry, term)),
          (a, b, within) => entries.some((entry) => reader.near(entry, a, b, within)),
        ),
      );
      if (satisfied.length === 0) continue;
      // A passage is shown when it holds a mark: a required term, or a near pair that stands near in it.
      for (const entry of entries)
        if (markedStarts(satisfied, reader.startsIn(entry)).size > 0) keep(entry, false, satisfied);
    }
  } else if (scope === "passage") {
    for (const entry of passages) {
      const satisfied = clauses.filter((clause) => passageSatisfies(reader, entry, clause));
      if (satisfied.length > 0) keep(entry, false, satisfied);
    }
  } else {
    for (const entry of passages) {
      const decided = clauses.filter(
        (clause) =>
          sentenceDecidable(clause) && !spansSentences(clause.all[0] ?? "") && reader.has(entry, clause.all[0] ?? ""),
      );
      const possible = clauses.some(
        (clause) => !sentenceDecidable(clause) && positiveTerms(clause).every((term) => reader.has(entry, term)),
      );
      // A passage another clause may match in some sentence is the text's to decide, and to count.
      if (possible) keep(entry, true);
      else if (decided.length > 0) keep(entry, false, decided);
    }
  }
  return matches;
}
