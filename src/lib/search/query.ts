import { normalizeForSearch } from "./normalize.ts";

/** Longest query accepted, in characters; the search box enforces it too. */
export const MAX_QUERY_LENGTH = 200;

/** Spaces and these quotation marks separate the terms of a query. */
const termDelimiters = /[\s"“”‘’「」『』＂﹁﹂﹃﹄]+/u;

export type ParsedQuery = { kind: "empty" } | { kind: "too-long"; length: number } | { kind: "terms"; terms: string[] };

/**
 * Splits a query into normalised terms. A passage matches when it contains
 * every term; duplicate terms and terms contained in another are dropped, as
 * they change nothing.
 *
 * @example parseQuery("“网络强国” 數字中國") // { kind: "terms", terms: ["网络强国", "数字中国"] }
 */
export function parseQuery(raw: string): ParsedQuery {
  const length = [...raw].length;
  if (length > MAX_QUERY_LENGTH) return { kind: "too-long", length };
  const normalized = raw
    .split(termDelimiters)
    .map(normalizeForSearch)
    .filter((term) => term.length > 0);
  const terms = [...new Set(normalized)].filter(
    (term, _, all) => !all.some((other) => other !== term && other.includes(term)),
  );
  return terms.length === 0 ? { kind: "empty" } : { kind: "terms", terms };
}
