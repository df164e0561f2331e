/**
 * Which units of text a parsed query matches, and where. The scope says what
 * a unit is: a sentence, a passage (title, heading, paragraph, list item) or
 * a whole document. A unit matches when it satisfies any clause of the query
 * (src/lib/search/query.ts).
 *
 * What a match shows, and what the results count:
 * - Its marks are the occurrences that satisfy the clauses the unit
 *   satisfies: every occurrence of each required term, and of a NEAR pair
 *   only the occurrences of each term that stand within the distance of an
 *   occurrence of the other (an occurrence of 建设 far from 网络强国 does not
 *   satisfy `网络强国 NEAR/10 建设`, so it is not marked). At document scope
 *   a pair is near within one passage, as the clause requires.
 * - Its hits, which the results count as occurrences, are the starts of the
 *   marked occurrences in the unit's normalised text, each term counted once
 *   per start, overlapping starts included (网网 twice in 网网网).
 * - Its spans are what satisfied the query, one concordance line each: at
 *   sentence scope each matching sentence; otherwise each required term's
 *   occurrence and each near pair from the start of the one term to the end
 *   of the other, overlapping or touching spans joined into one.
 */
import { mergeRanges, type Range } from "./kwic.ts";
import { normalizeWithOrigin } from "./normalize.ts";
import { clauseHolds, type Clause } from "./query.ts";

export const searchScopes = ["sentence", "passage", "document"] as const;
export type SearchScope = (typeof searchScopes)[number];

/** Sentence-final punctuation: 。！？； (and their half-width forms !?;), each with the closing quotes and brackets after it. */
export const SENTENCE_END = "[。！？；!?;][”’」』）)》\\]]*";
const sentenceEnd = new RegExp(SENTENCE_END, "gu");

/**
 * The sentences of a text, as ranges of it: each ends after its sentence-final
 * punctuation and any closing quotes that follow; the rest after the last one
 * is a sentence too.
 *
 * @example sentenceRanges("他说：“好。”然后走了。余下") // [[0, 6], [6, 11], [11, 13]]
 */
export function sentenceRanges(text: string): Range[] {
  const ranges: Range[] = [];
  let start = 0;
  for (const match of text.matchAll(sentenceEnd)) {
    const end = match.index + match[0].length;
    ranges.push([start, end]);
    start = end;
  }
  if (start < text.length) ranges.push([start, text.length]);
  return ranges;
}

/** A unit's normalised text and where each normalised character came from. */
interface Unit {
  normalized: string;
  /** Index in the original text of each normalised character. */
  origin: number[];
  /** Offset of the unit in its passage's text. */
  offset: number;
  /** The unit's original text. */
  text: string;
}

function unitOf(text: string, offset = 0): Unit {
  const { text: normalized, origin } = normalizeWithOrigin(text);
  return { normalized, origin, offset, text };
}

/** Every start of `term` in `text`, overlapping ones included, ascending. */
function starts(text: string, term: string): number[] {
  const found: number[] = [];
  for (let from = text.indexOf(term); from >= 0; from = text.indexOf(term, from + 1)) found.push(from);
  return found;
}

/** Ascending starts of a term: an array, or a view of the index's positions. */
export type Starts = ArrayLike<number> & Iterable<number>;

/** The first index of ascending `values` whose value is at least `value` (`values.length` when none is). */
export function firstAtLeast(values: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((values[middle] ?? 0) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Where the nearest-reaching partners of one start lie: of ascending
 * `startsOfB`, the first and last index of those that stand with at most
 * `within` characters between them and a term of `lengthOfA` starting at
 * `startOfA` (in either order), or undefined when none does. A start `b`
 * qualifies when `startOfA - lengthOfB - within <= b <= startOfA + lengthOfA + within`.
 */
function partnersOf(
  startOfA: number,
  lengthOfA: number,
  startsOfB: ArrayLike<number>,
  lengthOfB: number,
  within: number,
): [first: number, last: number] | undefined {
  const first = firstAtLeast(startsOfB, startOfA - lengthOfB - within);
  const last = firstAtLeast(startsOfB, startOfA + lengthOfA + within + 1) - 1;
  return first <= last ? [first, last] : undefined;
}

/**
 * Whether two terms, starting at `startsOfA` and `startsOfB` (ascending) with
 * the given lengths, stand with at most `within` characters between the end
 * of one and the start of the other, in either order.
 */
export function startsNear(
  startsOfA: Starts,
  lengthOfA: number,
  startsOfB: Starts,
  lengthOfB: number,
  within: number,
): boolean {
  for (const startOfA of startsOfA)
    if (partnersOf(startOfA, lengthOfA, startsOfB, lengthOfB, within) !== undefined) return true;
  return false;
}

/** The starts of A (ascending) that stand near some start of B, as startsNear measures it. */
export function startsNearAny(
  startsOfA: Starts,
  lengthOfA: number,
  startsOfB: Starts,
  lengthOfB: number,
  within: number,
): number[] {
  const near: number[] = [];
  for (const startOfA of startsOfA)
    if (partnersOf(startOfA, lengthOfA, startsOfB, lengthOfB, within) !== undefined) near.push(startOfA);
  return near;
}

/** Whether `a` and `b` occur with at most `within` characters between the end of one and the start of the other. */
export function occurNear(normalized: string, a: string, b: string, within: number): boolean {
  return startsNear(starts(normalized, a), a.length, starts(normalized, b), b.length, within);
}

/** How a unit's occurrences are read: each term's starts, ascending, and its length, in one coordinate. */
export interface StartsReader {
  starts(term: string): Starts;
  length(term: string): number;
}

/** Whether a unit, read by `reader`, satisfies a clause. */
export function holdsIn(reader: StartsReader, clause: Clause): boolean {
  return clauseHolds(
    clause,
    (term) => reader.starts(term).length > 0,
    (a, b, within) => startsNear(reader.starts(a), reader.length(a), reader.starts(b), reader.length(b), within),
  );
}

/**
 * The marked starts of each term in a unit under the clauses it satisfies
 * (see the module's contract): every start of a required term; of a NEAR
 * pair, the starts of each term near a start of the other. At document scope
 * `required` reads the whole document, `near` the one passage.
 */
export function markedStarts(clauses: readonly Clause[], reader: StartsReader): Map<string, Set<number>> {
  const marked = new Map<string, Set<number>>();
  const mark = (term: string, found: Starts) => {
    if (found.length === 0) return;
    const set = marked.get(term) ?? new Set<number>();
    for (const start of found) set.add(start);
    marked.set(term, set);
  };
  for (const clause of clauses) {
    for (const term of clause.all) mark(term, reader.starts(term));
    for (const { a, b, within } of clause.near) {
      const startsOfA = reader.starts(a);
      const startsOfB = reader.starts(b);
      mark(a, startsNearAny(startsOfA, reader.length(a), startsOfB, reader.length(b), within));
      mark(b, startsNearAny(startsOfB, reader.length(b), startsOfA, reader.length(a), within));
    }
  }
  return marked;
}

/** Hits of marked starts: one per start of each term. */
export const hitsOf = (marked: ReadonlyMap<string, ReadonlySet<number>>) =>
  [...marked.values()].reduce((sum, set) => sum + set.size, 0);

/** The range of the original text that a normalised stretch [from, from + length) came from. */
function originalRange(unit: Unit, from: number, length: number): Range {
  const start = unit.origin[from] ?? 0;
  const lastStart = unit.origin[from + length - 1] ?? start;
  const lastLength = (unit.text.codePointAt(lastStart) ?? 0) > 0xffff ? 2 : 1;
  return [unit.offset + start, unit.offset + lastStart + lastLength];
}

/** A unit's reader over its normalised text, each term's starts found once. */
function unitReader(unit: Unit): StartsReader {
  const found = new Map<string, number[]>();
  return {
    starts: (term) => {
      let list = found.get(term);
      if (!list) {
        list = starts(unit.normalized, term);
        found.set(term, list);
      }
      return list;
    },
    length: (term) => term.length,
  };
}

/**
 * The spans a unit's clauses satisfy at passage or document scope, as ranges
 * of its passage's original text, not yet joined: each required term's
 * occurrences, and each near pair from the start of one to the end of the
 * other (for each start of A, the union of its pairs, which all contain it).
 */
function termSpans(unit: Unit, clauses: readonly Clause[], reader: StartsReader): Range[] {
  const spans: Range[] = [];
  for (const clause of clauses) {
    for (const term of clause.all)
      for (const start of reader.starts(term)) spans.push(originalRange(unit, start, term.length));
    for (const { a, b, within } of clause.near) {
      const startsOfB = reader.starts(b);
      for (const startOfA of reader.starts(a)) {
        const partners = partnersOf(startOfA, a.length, startsOfB, b.length, within);
        if (!partners) continue;
        const firstB = startsOfB[partners[0]] ?? startOfA;
        const lastB = startsOfB[partners[1]] ?? startOfA;
        const from = Math.min(startOfA, firstB);
        const to = Math.max(startOfA + a.length, lastB + b.length);
        spans.push(originalRange(unit, from, to - from));
      }
    }
  }
  return spans;
}

/** The marks of a unit, as ranges of its passage's original text (not yet joined). */
function markRanges(unit: Unit, marked: ReadonlyMap<string, ReadonlySet<number>>): Range[] {
  return [...marked].flatMap(([term, set]) => [...set].map((start) => originalRange(unit, start, term.length)));
}

/** Where a passage matches: what to mark, what matched (one concordance line each) and its hits. */
export interface PassageMatch {
  /** The marked occurrences, touching or overlapping ones joined, in text order. */
  ranges: Range[];
  /** What satisfied the query, in text order: sentences at sentence scope, else joined term and pair spans. */
  spans: Range[];
  hits: number;
}

const noMatch: PassageMatch = { ranges: [], spans: [], hits: 0 };

/**
 * Where a passage matches at passage or sentence scope: its marks, spans and
 * hits (see the module's contract); none when it does not match.
 */
export function matchPassageHits(
  text: string,
  clauses: readonly Clause[],
  scope: "passage" | "sentence",
): PassageMatch {
  const units =
    scope === "passage"
      ? [unitOf(text)]
      : sentenceRanges(text).map(([start, end]) => unitOf(text.slice(start, end), start));
  let hits = 0;
  const marks: Range[] = [];
  const spans: Range[] = [];
  for (const unit of units) {
    // One reader per unit: the starts that decide the clauses are the ones marked.
    const reader = unitReader(unit);
    const satisfied = clauses.filter((clause) => holdsIn(reader, clause));
    if (satisfied.length === 0) continue;
    const marked = markedStarts(satisfied, reader);
    hits += hitsOf(marked);
    marks.push(...markRanges(unit, marked));
    if (scope === "sentence") spans.push([unit.offset, unit.offset + unit.text.length]);
    else spans.push(...termSpans(unit, satisfied, reader));
  }
  if (marks.length === 0) return noMatch;
  return { ranges: mergeRanges(marks), spans: scope === "sentence" ? spans : mergeRanges(spans), hits };
}

/** Where a passage matches at passage or sentence scope: the occurrences to mark (matchPassageHits). */
export function matchPassage(text: string, clauses: readonly Clause[], scope: "passage" | "sentence"): Range[] {
  return matchPassageHits(text, clauses, scope).ranges;
}

/**
 * Where a document matches at document scope: the passages (by index) that
 * hold a mark of a clause the whole document satisfies, with their marks.
 * A document satisfies a clause when each required term occurs in some
 * passage, no excluded term occurs in any, and each NEAR pair stands close
 * within one passage.
 */
export function matchDocument(texts: readonly string[], clauses: readonly Clause[]): Map<number, Range[]> {
  return new Map([...matchDocumentHits(texts, clauses)].map(([index, { ranges }]) => [index, ranges]));
}

/**
 * The clauses a document satisfies, its passages read by `readers`: each
 * required term in some passage, no excluded term in any, and each NEAR
 * pair standing near within one passage.
 */
export function clausesHeldTogether(readers: readonly StartsReader[], clauses: readonly Clause[]): Clause[] {
  return clauses.filter((clause) =>
    clauseHolds(
      clause,
      (term) => readers.some((reader) => reader.starts(term).length > 0),
      (a, b, within) =>
        readers.some((reader) =>
          startsNear(reader.starts(a), reader.length(a), reader.starts(b), reader.length(b), within),
        ),
    ),
  );
}

/** Where a document matches at document scope (matchDocument), with each passage's spans and hits. */
export function matchDocumentHits(texts: readonly string[], clauses: readonly Clause[]): Map<number, PassageMatch> {
  const units = texts.map((text) => unitOf(text));
  const readers = units.map(unitReader);
  const satisfied = clausesHeldTogether(readers, clauses);
  const matches = new Map<number, PassageMatch>();
  if (satisfied.length === 0) return matches;
  units.forEach((unit, index) => {
    const reader = readers[index] ?? unitReader(unit);
    const marked = markedStarts(satisfied, reader);
    const ranges = mergeRanges(markRanges(unit, marked));
    if (ranges.length > 0)
      matches.set(index, { ranges, spans: mergeRanges(termSpans(unit, satisfied, reader)), hits: hitsOf(marked) });
  });
  return matches;
}
