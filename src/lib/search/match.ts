/**
 * Which units of text a parsed query matches, and where. The scope says what
 * a unit is: a sentence, a passage (title, heading, paragraph, list item) or
 * a whole document. A unit matches when it satisfies any clause of the query
 * (src/lib/search/query.ts); its marked occurrences are those of the
 * positive terms of the clauses it satisfies. Its hits, which the results
 * count as occurrences, are the starts of those terms in its normalised text,
 * each term counted once per start, overlapping starts included (网网 twice
 * in 网网网); marks of touching or overlapping hits are merged.
 */
import { mergeRanges, termRanges, type Range } from "./kwic.ts";
import { normalizeWithOrigin } from "./normalize.ts";
import { clauseHolds, positiveTerms, type Clause } from "./query.ts";

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

/** Every start of `term` in `text`, overlapping ones included. */
function starts(text: string, term: string): number[] {
  const found: number[] = [];
  for (let from = text.indexOf(term); from >= 0; from = text.indexOf(term, from + 1)) found.push(from);
  return found;
}

/**
 * Whether two terms, starting at `startsOfA` and `startsOfB` with the given
 * lengths, stand with at most `within` characters between the end of one and
 * the start of the other, in either order.
 */
export function startsNear(
  startsOfA: readonly number[],
  lengthOfA: number,
  startsOfB: readonly number[],
  lengthOfB: number,
  within: number,
): boolean {
  return startsOfA.some((startOfA) =>
    startsOfB.some(
      (startOfB) => Math.max(startOfB - (startOfA + lengthOfA), startOfA - (startOfB + lengthOfB)) <= within,
    ),
  );
}

/** Whether `a` and `b` occur with at most `within` characters between the end of one and the start of the other. */
export function occurNear(normalized: string, a: string, b: string, within: number): boolean {
  return startsNear(starts(normalized, a), a.length, starts(normalized, b), b.length, within);
}

/** Whether normalised text satisfies a clause. */
export function satisfies(normalized: string, clause: Clause): boolean {
  return clauseHolds(
    clause,
    (term) => normalized.includes(term),
    (a, b, within) => occurNear(normalized, a, b, within),
  );
}

/** The occurrences of `terms` in a unit, as ranges of its passage's original text. */
function occurrencesIn(unit: Unit, terms: readonly string[]): Range[] {
  return terms.flatMap((term) =>
    termRanges(unit.text, unit.normalized, unit.origin, term).map(([start, end]): Range => [
      unit.offset + start,
      unit.offset + end,
    ]),
  );
}

/** Hits of `terms` in a unit: every start of each, in its normalised text. */
const hitsIn = (unit: Unit, terms: readonly string[]) =>
  terms.reduce((sum, term) => sum + starts(unit.normalized, term).length, 0);

/** Where a passage matches: the occurrences to mark (merged ranges of its original text) and its hits. */
export interface PassageMatch {
  ranges: Range[];
  hits: number;
}

/**
 * Where a passage matches at passage or sentence scope: the occurrences to
 * mark, in the passage's original text, and the hits; none when it does not
 * match.
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
  const ranges = units.flatMap((unit) => {
    const satisfied = clauses.filter((clause) => satisfies(unit.normalized, clause));
    const terms = [...new Set(satisfied.flatMap(positiveTerms))];
    hits += hitsIn(unit, terms);
    return occurrencesIn(unit, terms);
  });
  return { ranges: mergeRanges(ranges), hits };
}

/** Where a passage matches at passage or sentence scope: the occurrences to mark (matchPassageHits). */
export function matchPassage(text: string, clauses: readonly Clause[], scope: "passage" | "sentence"): Range[] {
  return matchPassageHits(text, clauses, scope).ranges;
}

/**
 * Where a document matches at document scope: the passages (by index) that
 * contain a positive term of a clause the whole document satisfies, with
 * their occurrences; empty when no clause is satisfied. A document satisfies
 * a clause when each required term occurs in some passage, no excluded term
 * occurs in any, and each NEAR pair stands close within one passage.
 */
export function matchDocument(texts: readonly string[], clauses: readonly Clause[]): Map<number, Range[]> {
  return new Map([...matchDocumentHits(texts, clauses)].map(([index, { ranges }]) => [index, ranges]));
}

/** Where a document matches at document scope (matchDocument), with each passage's hits. */
export function matchDocumentHits(texts: readonly string[], clauses: readonly Clause[]): Map<number, PassageMatch> {
  const units = texts.map((text) => unitOf(text));
  const satisfied = clauses.filter((clause) =>
    clauseHolds(
      clause,
      (term) => units.some((unit) => unit.normalized.includes(term)),
      (a, b, within) => units.some((unit) => occurNear(unit.normalized, a, b, within)),
    ),
  );
  const terms = [...new Set(satisfied.flatMap(positiveTerms))];
  const matches = new Map<number, PassageMatch>();
  units.forEach((unit, index) => {
    const ranges = mergeRanges(occurrencesIn(unit, terms));
    if (ranges.length > 0) matches.set(index, { ranges, hits: hitsIn(unit, terms) });
  });
  return matches;
}
