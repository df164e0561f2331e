import { normalizeForSearch } from "../../src/lib/search/normalize.ts";
import { parseQuery } from "../../src/lib/search/query.ts";
import type { Passage } from "../lib/passages.ts";

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

/** `doc#id` of every passage that a plain substring search finds for the query. */
export function substringMatches(query: string, passages: readonly Passage[]): Set<string> {
  const parsed = parseQuery(query);
  if (parsed.kind !== "terms") return new Set();
  return new Set(
    passages
      .filter((passage) => {
        const text = normalizedText(passage);
        return parsed.terms.every((term) => text.includes(term));
      })
      .map((passage) => `${passage.doc}#${passage.id}`),
  );
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
  queries: readonly { query: string }[],
  passages: readonly Passage[],
  search: (query: string) => Promise<Set<string>>,
): Promise<Tally & { precision: number; recall: number }> {
  const results = [];
  for (const { query } of queries) {
    results.push({ query, expected: substringMatches(query, passages), actual: await search(query) });
  }
  const total = tally(results);
  const { precision, recall } = precisionRecall(total);
  console.log(
    `${label}: ${queries.length} queries, ${total.truePositives} passages found; precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`,
  );
  return { ...total, precision, recall };
}
