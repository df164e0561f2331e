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
  packedKind,
  packedLength,
  partOf,
  RecordPassages,
  type IndexManifest,
  type IndexShard,
  type ShardDocument,
} from "./index-layout.ts";
import { positiveTerms, type Clause } from "./query.ts";
import {
  clausesHeldTogether,
  hitsOf,
  holdsIn,
  markedStarts,
  SENTENCE_END,
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

/** Where a term starts, by record: characters of the record's passages, counted from the record's start, ascending. */
export type TermPositions = Map<number, Int32Array>;

/** Where a word stands in each record that holds it: characters from the record's start, ascending. */
type WordPositions = Map<number, Int32Array>;

/**
 * How many word positions a SearchIndex keeps from earlier searches (4 bytes
 * each, so at most 16 MB): the index does not change while the page is open,
 * and a researcher's queries share words, the common ones of which cost the
 * most (Pagefind takes about a microsecond over each position).
 */
export const CACHED_WORD_POSITIONS = 4_000_000;

/** How many positions a word's positions hold: what the cache counts, and what picks a term's leading word. */
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
        if (record !== undefined && words.length > 0) found.set(record, ascendingDistinct(words));
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

/** Positions as Pagefind returns them, ascending, each once. */
function ascendingDistinct(words: readonly number[]): Int32Array {
  const sorted = Int32Array.from(words).sort();
  let count = 0;
  for (let index = 0; index < sorted.length; index += 1) {
    if (count === 0 || sorted[index] !== sorted[count - 1]) sorted[count++] = sorted[index] ?? 0;
  }
  return sorted.slice(0, count);
}

/**
 * The first index of ascending `values`, from `from` on, whose value is at
 * least `target` (`values.length` when none is): a galloping search, so that
 * walking a long list to many targets in order costs little more than the
 * shorter of the two.
 */
function advanceTo(values: Int32Array, from: number, target: number): number {
  if (from >= values.length || (values[from] ?? 0) >= target) return from;
  let low = from;
  let step = 1;
  let high = from + 1;
  while (high < values.length && (values[high] ?? 0) < target) {
    low = high;
    step *= 2;
    high = from + step;
  }
  high = Math.min(high, values.length);
  // Invariant: values[low] < target, and values[high] >= target or high is the end.
  while (low + 1 < high) {
    const middle = (low + high) >>> 1;
    if ((values[middle] ?? 0) < target) low = middle;
    else high = middle;
  }
  return high;
}

/**
 * Where a term may start, by record: where every bigram of its cover stands
 * at its offset, or for one character where its unigram stands
 * (src/lib/search/tokens.ts). Starts are ascending and distinct. The cover's
 * word with the fewest positions leads, and each other word is checked only
 * at the places the leader names, by galloping search.
 */
export async function termPositions(index: SearchIndex, term: string): Promise<TermPositions> {
  const manifest = await index.data.manifest();
  if ([...term].length === 1) return index.wordPositions(manifest, unigram(term), "unigram");
  const cover = termCover(term);
  const words = [...new Set(cover.map((entry) => entry.word))];
  const byWord = new Map(
    await Promise.all(words.map(async (word) => [word, await index.wordPositions(manifest, word, "bigram")] as const)),
  );
  const sizes = new Map([...byWord].map(([word, found]) => [word, positionCount(found)]));
  const [anchor, ...others] = [...cover].sort((a, b) => (sizes.get(a.word) ?? 0) - (sizes.get(b.word) ?? 0));
  const found: TermPositions = new Map();
  if (!anchor) return found;
  for (const [record, at] of byWord.get(anchor.word) ?? []) {
    const lists: { offset: number; at: Int32Array; next: number }[] = [];
    for (const { word, offset } of others) {
      const positions = byWord.get(word)?.get(record);
      if (positions) lists.push({ offset, at: positions, next: 0 });
    }
    if (lists.length < others.length) continue;
    const starts = new Int32Array(at.length);
    let count = 0;
    candidates: for (const position of at) {
      const start = position - anchor.offset;
      for (const list of lists) {
        const target = start + list.offset;
        list.next = advanceTo(list.at, list.next, target);
        // Targets ascend with the leader's positions: past a list's end, no later place can hold the term.
        if (list.next >= list.at.length) break candidates;
        if (list.at[list.next] !== target) continue candidates;
      }
      starts[count] = start;
      count += 1;
    }
    if (count > 0) found.set(record, starts.slice(0, count));
  }
  return found;
}

/** A passage with the starts, within its record, of each term that occurs in it (document scope). */
interface PassageTerms {
  document: ShardDocument;
  /** The passage's number in the document's reading order. */
  position: number;
  /** Its length and kind as its shard packs them (packPassage). */
  packed: number;
  /** The starts of each term in the passage, in record characters, by the term's place in the list asked for; absent where it does not occur. */
  offsets: (Int32Array | undefined)[];
}

/**
 * Each passage of one record in which some term occurs, as visitPassages
 * hands it over: one object reused for every passage, so that a term in
 * hundreds of thousands of passages makes nothing per passage.
 */
export interface PassageVisit {
  table: RecordPassages;
  /** The passage's number within the record (RecordPassages.indexAt). */
  index: number;
  /** Each term's starts in the record (ascending), by the term's place in the list asked for. */
  starts: (Int32Array | undefined)[];
  /** Where the passage's starts of each term begin in `starts`; `to[t] === from[t]` when the term is not in the passage. */
  from: Int32Array;
  to: Int32Array;
}

/**
 * The runs of a term's starts in a record's passages, as triples: the
 * passage's number in the record, and the first and one-past-last index in
 * `starts` of the term's starts in it. A start whose term would run past its
 * passage's end is left out (a match never spans two passages, since a
 * bigram does not).
 */
function passageRuns(starts: Int32Array, termLength: number, table: RecordPassages): Int32Array {
  // At most one run per passage, and per start.
  const runs = new Int32Array(3 * Math.min(starts.length, table.size));
  let length = 0;
  let index = -1;
  let end = -1;
  for (let at = 0; at < starts.length; at += 1) {
    const start = starts[at] ?? 0;
    if (start >= end) {
      index = table.indexAt(start);
      if (index < 0) break;
      end = table.endOf(index);
    }
    if (start + termLength > end) continue;
    if (length > 0 && runs[length - 3] === index && runs[length - 1] === at) runs[length - 1] = at + 1;
    else {
      runs[length] = index;
      runs[length + 1] = at;
      runs[length + 2] = at + 1;
      length += 3;
    }
  }
  return runs.subarray(0, length);
}

const noRuns = new Int32Array();

/**
 * Calls `visit` for every passage in which some term occurs, in reading order
 * (global passage number), with each term's starts in it (PassageVisit,
 * reused: read it during the call only). Records are taken in order and a
 * record's passages merged from each term's runs, so nothing is sorted.
 */
export async function visitPassages(
  index: SearchIndex,
  terms: readonly string[],
  visit: (passage: PassageVisit) => void,
): Promise<void> {
  const manifest = await index.data.manifest();
  const found = await Promise.all(terms.map((term) => termPositions(index, term)));
  const records = [...new Set(found.flatMap((positions) => [...positions.keys()]))].sort((a, b) => a - b);
  const tables = await Promise.all(
    records.map(async (record) =>
      index.recordPassages(await index.data.shard(Math.floor(record / manifest.recordsPerShard)), manifest, record),
    ),
  );
  const termLengths = terms.map(positionLength);
  const from = new Int32Array(terms.length);
  const to = new Int32Array(terms.length);
  records.forEach((record, recordIndex) => {
    const table = tables[recordIndex];
    if (!table) return;
    const starts = found.map((positions) => positions.get(record));
    const runs = starts.map((at, term) => (at ? passageRuns(at, termLengths[term] ?? 0, table) : noRuns));
    const next = new Int32Array(terms.length);
    const visiting: PassageVisit = { table, index: -1, starts, from, to };
    for (;;) {
      // The next passage: the least passage number at the head of any term's runs.
      let passage = -1;
      for (let term = 0; term < runs.length; term += 1) {
        const run = runs[term] ?? noRuns;
        const head = next[term] ?? 0;
        if (head < run.length && (passage < 0 || (run[head] ?? 0) < passage)) passage = run[head] ?? 0;
      }
      if (passage < 0) break;
      for (let term = 0; term < runs.length; term += 1) {
        const run = runs[term] ?? noRuns;
        const head = next[term] ?? 0;
        if (head < run.length && run[head] === passage) {
          from[term] = run[head + 1] ?? 0;
          to[term] = run[head + 2] ?? 0;
          next[term] = head + 3;
        } else {
          from[term] = 0;
          to[term] = 0;
        }
      }
      visiting.index = passage;
      visit(visiting);
    }
  });
}

/**
 * How the clauses read a visited passage's terms, for the terms asked of
 * visitPassages in this order. Clauses without NEAR are decided and counted
 * from each term's count of starts alone, making nothing per passage.
 */
class ClauseReader {
  readonly #placeOf: Map<string, number>;
  readonly #all: number[][];
  readonly #none: number[][];
  /** Terms counted for the passage being read: the stamp of the last passage that counted each. */
  readonly #counted: Int32Array;
  #stamp = 0;

  constructor(
    terms: readonly string[],
    readonly clauses: readonly Clause[],
  ) {
    this.#placeOf = new Map(terms.map((term, index) => [term, index]));
    this.#all = clauses.map((clause) => clause.all.map((term) => this.place(term)));
    this.#none = clauses.map((clause) => clause.none.map((term) => this.place(term)));
    this.#counted = new Int32Array(terms.length);
  }

  place(term: string): number {
    return this.#placeOf.get(term) ?? -1;
  }

  count(visit: PassageVisit, place: number): number {
    return (visit.to[place] ?? 0) - (visit.from[place] ?? 0);
  }

  has(visit: PassageVisit, term: string): boolean {
    return this.count(visit, this.place(term)) > 0;
  }

  /** The passage's terms as match.ts reads a unit: each term's starts and length in index positions. */
  startsIn(visit: PassageVisit): StartsReader {
    return {
      starts: (term) => {
        const place = this.place(term);
        return visit.starts[place]?.subarray(visit.from[place], visit.to[place]) ?? [];
      },
      length: positionLength,
    };
  }

  /** Whether the passage satisfies clause number `clause` (passage scope). */
  satisfies(visit: PassageVisit, clause: number): boolean {
    const of = this.clauses[clause];
    if (!of) return false;
    if (of.near.length > 0) return holdsIn(this.startsIn(visit), of);
    for (const place of this.#all[clause] ?? []) if (this.count(visit, place) === 0) return false;
    for (const place of this.#none[clause] ?? []) if (this.count(visit, place) > 0) return false;
    return true;
  }

  /** Hits of the passage under the clauses numbered in `satisfied`, all of which it satisfies (src/lib/search/match.ts). */
  hits(visit: PassageVisit, satisfied: readonly number[]): number {
    for (const clause of satisfied) {
      if ((this.clauses[clause]?.near.length ?? 0) > 0) {
        const clauses = satisfied.flatMap((number) => this.clauses[number] ?? []);
        return hitsOf(markedStarts(clauses, this.startsIn(visit)));
      }
    }
    // Without NEAR, a passage's marks are every start of each required term, each term once.
    this.#stamp += 1;
    let hits = 0;
    for (const clause of satisfied) {
      for (const place of this.#all[clause] ?? []) {
        if (this.#counted[place] === this.#stamp) continue;
        this.#counted[place] = this.#stamp;
        hits += this.count(visit, place);
      }
    }
    return hits;
  }
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

/**
 * A document's passages the index says match, in reading order: each one's
 * number in the document, length, kind and hits, and whether the text must
 * still decide it (sentence scope). One entry per document and arrays of
 * numbers, so that a result of hundreds of thousands of passages makes an
 * object per document, not per passage.
 */
export interface DocumentMatches {
  document: ShardDocument;
  /** Each passage's number in the document's reading order (0 is the title). */
  positions: number[];
  /** Each passage's normalised length in index positions, which its text must have. */
  lengths: number[];
  /** Each passage's kind, as its index in PASSAGE_KINDS. */
  kinds: number[];
  /** Each passage's hits (src/lib/search/match.ts), from the index; 0 for a candidate, whose text counts them. */
  hits: number[];
  /** Where in `positions` the candidates stand: passages a clause the index cannot decide may match (sentence scope), which the text decides. */
  candidates: number[];
}

/** Collects matching passages, given in reading order, into DocumentMatches. */
class DocumentCollector {
  readonly documents: DocumentMatches[] = [];
  #last: DocumentMatches | undefined;

  add(document: ShardDocument, position: number, packed: number, hits: number, candidate: boolean): void {
    let entry = this.#last;
    if (entry?.document[0] !== document[0]) {
      entry = { document, positions: [], lengths: [], kinds: [], hits: [], candidates: [] };
      this.documents.push(entry);
      this.#last = entry;
    }
    if (candidate) entry.candidates.push(entry.positions.length);
    entry.positions.push(position);
    entry.lengths.push(packedLength(packed));
    entry.kinds.push(packedKind(packed));
    entry.hits.push(hits);
  }

  /** Adds the visited passage (visitPassages). */
  addVisited(visit: PassageVisit, hits: number, candidate: boolean): void {
    const document = visit.table.documentAt(visit.index);
    if (!document) return;
    const position = visit.table.passageNumber(visit.index) - document[1];
    this.add(document, position, visit.table.packedAt(visit.index), hits, candidate);
  }
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
): Promise<DocumentMatches[]> {
  const terms = [...new Set(clauses.flatMap((clause) => [...positiveTerms(clause), ...clause.none]))];
  const reader = new ClauseReader(terms, clauses);
  const matches = new DocumentCollector();
  // A kept passage's hits are its marked starts (src/lib/search/match.ts) under the clauses it satisfies.
  const keep = (visit: PassageVisit, candidate: boolean, satisfied: readonly number[]) =>
    matches.addVisited(visit, candidate ? 0 : reader.hits(visit, satisfied), candidate);
  const satisfied: number[] = [];
  if (scope === "passage") {
    await visitPassages(index, terms, (visit) => {
      satisfied.length = 0;
      for (let clause = 0; clause < clauses.length; clause += 1)
        if (reader.satisfies(visit, clause)) satisfied.push(clause);
      if (satisfied.length > 0) keep(visit, false, satisfied);
    });
  } else if (scope === "sentence") {
    const decidable = clauses.map((clause) => sentenceDecidable(clause) && !spansSentences(clause.all[0] ?? ""));
    await visitPassages(index, terms, (visit) => {
      satisfied.length = 0;
      let possible = false;
      clauses.forEach((clause, number) => {
        if (decidable[number]) {
          if (reader.has(visit, clause.all[0] ?? "")) satisfied.push(number);
        } else if (!sentenceDecidable(clause) && positiveTerms(clause).every((term) => reader.has(visit, term))) {
          possible = true;
        }
      });
      // A passage another clause may match in some sentence is the text's to decide, and to count.
      if (possible) keep(visit, true, []);
      else if (satisfied.length > 0) keep(visit, false, satisfied);
    });
  } else {
    // At document scope a document's passages decide together: each is kept with its terms' starts until its document is read whole.
    const passages: PassageTerms[] = [];
    await visitPassages(index, terms, (visit) => {
      const document = visit.table.documentAt(visit.index);
      if (!document) return;
      passages.push({
        document,
        position: visit.table.passageNumber(visit.index) - document[1],
        packed: visit.table.packedAt(visit.index),
        offsets: terms.map((_, term) =>
          (visit.to[term] ?? 0) > (visit.from[term] ?? 0)
            ? visit.starts[term]?.subarray(visit.from[term], visit.to[term])
            : undefined,
        ),
      });
    });
    documentMatches(passages, terms, clauses, matches);
  }
  return matches.documents;
}

/** Adds to `matches` the passages that match at document scope, from every passage holding a term with its terms' starts. */
function documentMatches(
  passages: readonly PassageTerms[],
  terms: readonly string[],
  clauses: readonly Clause[],
  matches: DocumentCollector,
): void {
  const placeOf = new Map(terms.map((term, index) => [term, index]));
  const startsIn = (entry: PassageTerms): StartsReader => ({
    starts: (term) => entry.offsets[placeOf.get(term) ?? -1] ?? [],
    length: positionLength,
  });
  for (const entries of Map.groupBy(passages, (entry) => entry.document[0]).values()) {
    const readers = entries.map(startsIn);
    const satisfied = clausesHeldTogether(readers, clauses);
    if (satisfied.length === 0) continue;
    // A passage is shown when it holds a mark: a required term, or a near pair that stands near in it.
    entries.forEach((entry, at) => {
      const marked = markedStarts(satisfied, readers[at] ?? startsIn(entry));
      if (marked.size > 0) matches.add(entry.document, entry.position, entry.packed, hitsOf(marked), false);
    });
  }
}
