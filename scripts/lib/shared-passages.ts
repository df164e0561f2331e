import { findSharedPassages, type SharedLink } from "../../src/lib/collation.ts";
import type { Passage } from "./passages.ts";

/** The links from each passage to the passages of other documents it shares text with, by `doc#id`. */
export type SharedPassages = ReadonlyMap<string, readonly SharedLink[]>;

/** Key of a passage in SharedPassages. */
export const sharedKey = (doc: string, id: string): string => `${doc}#${id}`;

/**
 * Finds every pair of passages of different documents that share a stretch
 * of text (thresholds in src/lib/collation.ts), grouped by the passage they
 * start from.
 */
export function sharedPassagesOf(passages: readonly Passage[]): SharedPassages {
  return Map.groupBy(findSharedPassages(passages), (link) => sharedKey(link.from.doc, link.from.id));
}
