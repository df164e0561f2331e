import { markPhrases, type QuotedPassage } from "./passages.ts";
import { normalizeForSearch } from "./search/normalize.ts";
import type { Segment } from "./search/kwic.ts";

/** One quoted excerpt of the timeline and every passage that gives it. */
export interface MergedQuote {
  segments: Segment[];
  /** The first passage that gives the excerpt, then the others (copies of the same text), in citation order. */
  passages: [QuotedPassage, ...QuotedPassage[]];
}

/**
 * The excerpts a milestone quotes, each once: two citations whose excerpts
 * (the quote marked, `context` characters around it) read the same, width
 * and spacing aside, are one excerpt with both places, as when two copies of
 * one text state the event in the same words.
 */
export function mergeSameQuotes(
  citations: readonly { passage: QuotedPassage; phrases: readonly string[] }[],
  context: number,
): MergedQuote[] {
  const merged = new Map<string, MergedQuote>();
  for (const { passage, phrases } of citations) {
    const segments = markPhrases(passage.text, phrases, context);
    const key = segments.map((segment) => `${segment.marked ? "+" : "-"}${normalizeForSearch(segment.text)}`).join("|");
    const existing = merged.get(key);
    if (existing) existing.passages.push(passage);
    else merged.set(key, { segments, passages: [passage] });
  }
  return [...merged.values()];
}

/** What the timeline needs of a milestone to date a phrase by it. */
export interface DatedEvent {
  id: string;
  date: { value: string; precision: string };
  description: string;
  names?: readonly string[] | undefined;
  passages: readonly { quote: string }[];
}

/**
 * The earliest event of the timeline that the corpus ties to a phrase: a
 * milestone whose name, description or quoted words contain it (width and
 * spacing aside). A term's earliest dated document may be years later than
 * the event a later document dates it to; this finds that event.
 */
export function earliestEventOf<T extends DatedEvent>(
  phrases: readonly string[],
  milestones: readonly T[],
): T | undefined {
  const needles = phrases.map(normalizeForSearch).filter(Boolean);
  const mentions = (text: string) => needles.some((needle) => normalizeForSearch(text).includes(needle));
  return [...milestones]
    .filter(
      (milestone) =>
        mentions(milestone.description) ||
        (milestone.names ?? []).some(mentions) ||
        milestone.passages.some((passage) => mentions(passage.quote)),
    )
    .sort((a, b) => a.date.value.slice(0, 10).localeCompare(b.date.value.slice(0, 10)) || a.id.localeCompare(b.id))[0];
}
