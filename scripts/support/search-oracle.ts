import { normalizeForSearch } from "../../src/lib/search/normalize.ts";
import type { SearchScope } from "../../src/lib/search/match.ts";
import { parseQuery, type Clause } from "../../src/lib/search/query.ts";
import type { Passage } from "../../src/schemas/passage.ts";

/** Each passage's normalised text, computed once however many queries read it. */
const normalized = new WeakMap<Passage, string>();
function normalizedText(passage: Passage): string {
  let text = normalized.get(passage);
  if (text === undefined) {
    text = normalizeForSearch(passage.text);
    normalized.set(passage, text);
  }
  return text;
}

/** Whether units of normalised text satisfy a clause: each required term in some unit, no excluded term in any, each pair near in one. */
function plainSatisfies(units: readonly string[], clause: Clause): boolean {
  return (
    clause.all.every((term) => units.some((unit) => unit.includes(term))) &&
    clause.none.every((term) => units.every((unit) => !unit.includes(term))) &&
    clause.near.every(({ a, b, within }) => units.some((unit) => plainNear(unit, a, b, within)))
  );
}

/** Every start of `term` in `text`, overlapping ones included, found the plain way: indexOf from each start on. */
function plainStartsOf(text: string, term: string): number[] {
  const found: number[] = [];
  if (term === "") return found;
  for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) found.push(at);
  return found;
}

/** Characters between an occurrence of a at i and one of b at j, in either order. */
const gapBetween = (i: number, a: string, j: number, b: string) => (j >= i ? j - (i + a.length) : i - (j + b.length));

/** Whether a and b occur at most `within` characters apart, tried at every pair of their occurrences. */
function plainNear(text: string, a: string, b: string, within: number): boolean {
  const startsOfB = plainStartsOf(text, b);
  return plainStartsOf(text, a).some((i) => startsOfB.some((j) => gapBetween(i, a, j, b) <= within));
}

/**
 * What a unit marks under the clauses its unit (or document) satisfies, the
 * plain way: `term@start` for every start of each required term, and of each
 * NEAR pair the starts of each term with an occurrence of the other at most
 * `within` characters away.
 */
function plainMarks(unit: string, clauses: readonly Clause[]): Set<string> {
  const marks = new Set<string>();
  for (const clause of clauses) {
    for (const term of clause.all) for (const start of plainStartsOf(unit, term)) marks.add(`${term}@${start}`);
    for (const { a, b, within } of clause.near) {
      for (const i of plainStartsOf(unit, a))
        for (const j of plainStartsOf(unit, b))
          if (gapBetween(i, a, j, b) <= within) {
            marks.add(`${a}@${i}`);
            marks.add(`${b}@${j}`);
          }
    }
  }
  return marks;
}

/** The stretches [start, end) that marks cover, overlapping or touching ones joined. */
function joinedStretches(pieces: readonly [number, number][], length: number): [number, number][] {
  const covered = new Array<boolean>(length + 1).fill(false);
  for (const [start, end] of pieces) for (let k = start; k < end; k += 1) covered[k] = true;
  const stretches: [number, number][] = [];
  for (let i = 0; i < length; i += 1) {
    if (!covered[i]) continue;
    const last = stretches.at(-1);
    // Touching pieces are one stretch, as the search page joins them.
    if (last && last[1] === i) last[1] = i + 1;
    else stretches.push([i, i + 1]);
  }
  return stretches;
}

/** The marked stretches of a unit: its marks as [start, end), joined. */
function plainStretches(unit: string, clauses: readonly Clause[]): [number, number][] {
  const pieces = [...plainMarks(unit, clauses)].map((mark): [number, number] => {
    const at = mark.lastIndexOf("@");
    const term = mark.slice(0, at);
    const start = Number(mark.slice(at + 1));
    return [start, start + term.length];
  });
  return joinedStretches(pieces, unit.length);
}

/**
 * The spans of a unit at passage or document scope, the plain way: each
 * required term's occurrences and each near pair from the start of one term
 * to the end of the other, joined where they overlap or touch.
 */
function plainSpans(unit: string, clauses: readonly Clause[]): [number, number][] {
  const pieces: [number, number][] = [];
  for (const clause of clauses) {
    for (const term of clause.all)
      for (const start of plainStartsOf(unit, term)) pieces.push([start, start + term.length]);
    for (const { a, b, within } of clause.near)
      for (const i of plainStartsOf(unit, a))
        for (const j of plainStartsOf(unit, b))
          if (gapBetween(i, a, j, b) <= within) pieces.push([Math.min(i, j), Math.max(i + a.length, j + b.length)]);
  }
  return joinedStretches(pieces, unit.length);
}

/** Sentences the plain way: cut after each 。！？；!?; and the closing quotes and brackets right after it. */
function plainSentences(text: string): string[] {
  const sentences: string[] = [];
  let current = "";
  const characters = [...text];
  for (let index = 0; index < characters.length; index += 1) {
    current += characters[index];
    if ("。！？；!?;".includes(characters[index] ?? "")) {
      while (index + 1 < characters.length && "”’」』）)》]".includes(characters[index + 1] ?? "")) {
        index += 1;
        current += characters[index];
      }
      sentences.push(current);
      current = "";
    }
  }
  if (current) sentences.push(current);
  return sentences;
}

/**
 * `doc#id` of every passage a plain search finds for the query at a scope:
 * a passage (or one of its sentences) that satisfies a clause; at document
 * scope, every passage holding a mark (plainMarks) of a clause its document
 * satisfies.
 */
export function oracleMatches(
  query: string,
  passages: readonly Passage[],
  scope: SearchScope = "passage",
): Set<string> {
  const parsed = parseQuery(query);
  if (parsed.kind !== "query") return new Set();
  const key = (passage: Passage) => `${passage.doc}#${passage.id}`;
  if (scope !== "document") {
    return new Set(
      passages
        .filter((passage) => {
          const units =
            scope === "passage" ? [normalizedText(passage)] : plainSentences(passage.text).map(normalizeForSearch);
          return parsed.clauses.some((clause) => units.some((unit) => plainSatisfies([unit], clause)));
        })
        .map(key),
    );
  }
  const found = new Set<string>();
  for (const inDocument of Map.groupBy(passages, (passage) => passage.doc).values()) {
    const units = inDocument.map(normalizedText);
    const satisfied = parsed.clauses.filter((clause) => plainSatisfies(units, clause));
    for (const passage of inDocument)
      if (plainMarks(normalizedText(passage), satisfied).size > 0) found.add(key(passage));
  }
  return found;
}

/**
 * Every line a concordance of the query lists, found the plain way:
 * `doc#id|matched text` (normalised), one entry per span of the units that
 * match (a matching sentence at sentence scope; otherwise each required
 * term's occurrence and each near pair with what lies between, joined where
 * they overlap or touch), in no particular order.
 */
export function oracleOccurrences(
  query: string,
  passages: readonly Passage[],
  scope: SearchScope = "passage",
): string[] {
  const parsed = parseQuery(query);
  if (parsed.kind !== "query") return [];
  const found: string[] = [];
  const record = (passage: Passage, unit: string, clauses: readonly Clause[]) => {
    for (const [start, end] of plainSpans(unit, clauses))
      found.push(`${passage.doc}#${passage.id}|${unit.slice(start, end)}`);
  };
  if (scope === "document") {
    for (const inDocument of Map.groupBy(passages, (passage) => passage.doc).values()) {
      const units = inDocument.map(normalizedText);
      const satisfied = parsed.clauses.filter((clause) => plainSatisfies(units, clause));
      for (const passage of inDocument) record(passage, normalizedText(passage), satisfied);
    }
    return found;
  }
  for (const passage of passages) {
    if (scope === "passage") {
      const unit = normalizedText(passage);
      record(
        passage,
        unit,
        parsed.clauses.filter((clause) => plainSatisfies([unit], clause)),
      );
      continue;
    }
    for (const unit of plainSentences(passage.text).map(normalizeForSearch))
      if (parsed.clauses.some((clause) => plainSatisfies([unit], clause)))
        found.push(`${passage.doc}#${passage.id}|${unit}`);
  }
  return found;
}

/** `doc#id` of every passage that a plain substring search finds for the query (passage scope). */
export function substringMatches(query: string, passages: readonly Passage[]): Set<string> {
  return oracleMatches(query, passages, "passage");
}

export interface Tally {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  wrongQueries: { query: string; missing: string[]; extra: string[] }[];
}

export function tally(results: readonly { query: string; expected: Set<string>; actual: Set<string> }[]): Tally {
  const total: Tally = { truePositives: 0, falsePositives: 0, falseNegatives: 0, wrongQueries: [] };
  for (const { query, expected, actual } of results) {
    const missing = [...expected].filter((key) => !actual.has(key));
    const extra = [...actual].filter((key) => !expected.has(key));
    total.truePositives += expected.size - missing.length;
    total.falsePositives += extra.length;
    total.falseNegatives += missing.length;
    if (missing.length + extra.length > 0) total.wrongQueries.push({ query, missing, extra });
  }
  return total;
}

export function precisionRecall(total: Tally): { precision: number; recall: number } {
  const found = total.truePositives + total.falsePositives;
  const relevant = total.truePositives + total.falseNegatives;
  return {
    precision: found === 0 ? 1 : total.truePositives / found,
    recall: relevant === 0 ? 1 : total.truePositives / relevant,
  };
}

/**
 * Runs every query through `search` (which returns `doc#id` keys), compares
 * with the substring oracle, prints and returns the tally.
 */
export async function measureExactness(
  label: string,
  queries: readonly { query: string; scope?: SearchScope }[],
  passages: readonly Passage[],
  search: (query: string, scope: SearchScope) => Promise<Set<string>>,
): Promise<Tally & { precision: number; recall: number }> {
  const results = [];
  for (const { query, scope = "passage" } of queries) {
    const shown = scope === "passage" ? query : `${query} [${scope}]`;
    results.push({ query: shown, expected: oracleMatches(query, passages, scope), actual: await search(query, scope) });
  }
  const total = tally(results);
  const { precision, recall } = precisionRecall(total);
  console.log(
    `${label}: ${queries.length} queries, ${total.truePositives} passages found; precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`,
  );
  return { ...total, precision, recall };
}

/**
 * The hits a plain search counts for the query at a scope, by `doc#id`: in
 * each unit that matches (a passage, a sentence, or at document scope each
 * passage of a document that satisfies a clause), its marks (plainMarks):
 * each start of each required term, and of a NEAR pair each start of a term
 * near the other.
 */
export function oracleHits(
  query: string,
  passages: readonly Passage[],
  scope: SearchScope = "passage",
): Map<string, number> {
  const parsed = parseQuery(query);
  const hits = new Map<string, number>();
  if (parsed.kind !== "query") return hits;
  const add = (passage: Passage, count: number) => {
    if (count > 0) hits.set(`${passage.doc}#${passage.id}`, (hits.get(`${passage.doc}#${passage.id}`) ?? 0) + count);
  };
  if (scope === "document") {
    for (const inDocument of Map.groupBy(passages, (passage) => passage.doc).values()) {
      const units = inDocument.map(normalizedText);
      const satisfied = parsed.clauses.filter((clause) => plainSatisfies(units, clause));
      for (const passage of inDocument) add(passage, plainMarks(normalizedText(passage), satisfied).size);
    }
    return hits;
  }
  for (const passage of passages) {
    const units =
      scope === "passage" ? [normalizedText(passage)] : plainSentences(passage.text).map(normalizeForSearch);
    for (const unit of units)
      add(
        passage,
        plainMarks(
          unit,
          parsed.clauses.filter((clause) => plainSatisfies([unit], clause)),
        ).size,
      );
  }
  return hits;
}

/**
 * The clusters a plain search finds (src/lib/search/clusters.ts) for the
 * query at passage scope, as `side|text|match` → count: the 2 to 4
 * characters of letters or digits right before and after each marked
 * stretch of each matching passage's normalised text.
 */
export function oracleClusters(query: string, passages: readonly Passage[]): Map<string, number> {
  const parsed = parseQuery(query);
  const counts = new Map<string, number>();
  if (parsed.kind !== "query") return counts;
  const isWord = (text: string) => [...text].every((character) => /[\p{L}\p{N}]/u.test(character));
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const passage of passages) {
    const unit = normalizedText(passage);
    for (const [start, end] of plainStretches(
      unit,
      parsed.clauses.filter((clause) => plainSatisfies([unit], clause)),
    )) {
      const match = unit.slice(start, end);
      for (let length = 2; length <= 4; length += 1) {
        const left = unit.slice(start - length, start);
        if (start >= length && isWord(left)) add(`left|${left}|${match}`);
        const right = unit.slice(end, end + length);
        if (end + length <= unit.length && isWord(right)) add(`right|${right}|${match}`);
      }
    }
  }
  return counts;
}
