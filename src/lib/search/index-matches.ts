/**
 * Which passages match a query, read from the index alone: the positions
 * Pagefind returns for each word of each term (src/lib/search/tokens.ts),
 * placed in passages by the shards' passage tables
 * (src/lib/search/index-layout.ts). No passage text is loaded, so counts and
 * distributions of any size of result cost the index words of the query and
 * the shards of the records they occur in.
 */
import type { SearchData } from "./documents.ts";
import { RecordPassages, type IndexManifest, type ShardDocument, type PassageKind } from "./index-layout.ts";
import { clauseHolds, positiveTerms, type Clause } from "./query.ts";
import { SENTENCE_END, startsNear, type SearchScope } from "./match.ts";
import { characterCode, positionLength, POSITIONS_PER_CHARACTER, termCover } from "./tokens.ts";

/** What this module needs of the Pagefind browser API (pagefind.js). */
export interface PagefindApi {
  /**
   * Records that match a one-word `term`, with every position in each of
   * every loaded word the term begins. (Pagefind's quoted search gives only a
   * record's first match, so it is not used.) When no word begins with the
   * term, Pagefind answers with the longest word that is the start of the
   * term instead: for a bigram, that is a single character, which stands at
   * even positions only, and is dropped (see termPositions).
   */
  search(term: string): Promise<{ results: { id: string; words: number[] }[] } | null>;
}

/** Where a term starts, by record: characters of the record's passages, counted from the record's start. */
export type TermPositions = Map<number, number[]>;

/**
 * Where a term may start, by record: where every bigram of its cover stands
 * at its offset, or for one character wherever a word begins with its code
 * (src/lib/search/tokens.ts). A start is an occurrence when the term fits in
 * the passage it falls in (see passagesWithTerms).
 */
export async function termPositions(
  pagefind: PagefindApi,
  recordOf: ReadonlyMap<string, number>,
  term: string,
): Promise<TermPositions> {
  /** Characters at which the word stands, by record; a bigram only at odd positions, which drops Pagefind's stand-ins. */
  const charactersOf = async (word: string, bigram: boolean) => {
    const found = new Map<number, Set<number>>();
    for (const { id, words } of (await pagefind.search(word))?.results ?? []) {
      const record = recordOf.get(id);
      if (record === undefined) continue;
      const at = words
        .filter((position) => !bigram || position % POSITIONS_PER_CHARACTER === 1)
        .map((position) => Math.floor(position / POSITIONS_PER_CHARACTER));
      if (at.length > 0) found.set(record, new Set(at));
    }
    return found;
  };
  const sorted = (at: Iterable<number>) => [...new Set(at)].sort((a, b) => a - b);
  if ([...term].length === 1) {
    const found = await charactersOf(characterCode(term), false);
    return new Map([...found].map(([record, at]) => [record, sorted(at)]));
  }
  const cover = termCover(term);
  const words = [...new Set(cover.map((entry) => entry.word))];
  const byWord = new Map(await Promise.all(words.map(async (word) => [word, await charactersOf(word, true)] as const)));
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
  const recordOf = recordIds(manifest);
  const found = await Promise.all(
    terms.map(async (term) => [term, await termPositions(pagefind, recordOf, term)] as const),
  );
  const records = new Set(found.flatMap(([, positions]) => [...positions.keys()]));
  const tables = new Map(
    await Promise.all(
      [...records].map(
        async (record) =>
          [
            record,
            new RecordPassages(await data.shard(Math.floor(record / manifest.recordsPerShard)), manifest, record),
          ] as const,
      ),
    ),
  );
  const passages = new Map<number, PassageTerms>();
  for (const [term, positions] of found) {
    for (const [record, starts] of positions) {
      const table = tables.get(record);
      const termLength = positionLength(term);
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

const recordMaps = new WeakMap<IndexManifest, Map<string, number>>();

/** Record numbers by Pagefind id. */
function recordIds(manifest: IndexManifest): Map<string, number> {
  let map = recordMaps.get(manifest);
  if (!map) {
    map = new Map(manifest.records.map((id, record) => [id, record]));
    recordMaps.set(manifest, map);
  }
  return map;
}

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
