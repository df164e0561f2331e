import { findOccurrences, keywordInContext, mergeRanges, type Segment } from "./search/kwic.ts";
import { normalizeForSearch } from "./search/normalize.ts";
import type { PassagesEntry } from "../schemas/entities.ts";

export interface QuotedPassage {
  doc: string;
  docTitle: string;
  id: string;
  type: PassagesEntry["passages"][number]["type"];
  /** Reader number (src/lib/passage-numbers.ts). */
  number: number;
  text: string;
}

/**
 * Looks up published passages by document and permalink id, from the
 * `passages` collection. Throws on a passage that does not exist: the ingest
 * has verified every reference, so a miss is a bug, not a reader's problem.
 */
export function passageLookup(entries: readonly PassagesEntry[]): (doc: string, id: string) => QuotedPassage {
  const byKey = new Map<string, QuotedPassage>();
  for (const entry of entries) {
    for (const passage of entry.passages) {
      byKey.set(`${entry.doc}#${passage.id}`, { doc: entry.doc, docTitle: entry.citeTitle, ...passage });
    }
  }
  return (doc, id) => {
    const found = byKey.get(`${doc}#${id}`);
    if (!found) throw new Error(`no passage ${doc}#${id}`);
    return found;
  };
}

/**
 * A passage's text cut into marked and unmarked segments: every occurrence of
 * any of the phrases is marked (search normalisation: width, case, script and
 * whitespace folded). With a `context`, only that many characters are kept
 * around each occurrence, as in a keyword-in-context list.
 */
export function markPhrases(text: string, phrases: readonly string[], context = Infinity): Segment[] {
  const merged = mergeRanges(phrases.flatMap((phrase) => findOccurrences(text, [normalizeForSearch(phrase)])));
  return merged.length > 0 ? keywordInContext(text, merged, context) : [{ text, marked: false }];
}
