import { normalizeWithOrigin } from "./normalize.ts";

/** A stretch of a passage's original text: [start, end). */
export type Range = readonly [number, number];

/**
 * Every occurrence of every term in a passage, as ranges of the original text,
 * sorted and merged. Empty when some term does not occur: then the passage
 * does not match.
 */
export function findOccurrences(text: string, terms: readonly string[]): Range[] {
  const { text: normalized, origin } = normalizeWithOrigin(text);
  const ranges: Range[] = [];
  for (const term of terms) {
    const found = termRanges(text, normalized, origin, term);
    if (found.length === 0) return [];
    ranges.push(...found);
  }
  return mergeRanges(ranges);
}

/**
 * Every occurrence of one term, overlapping ones included, as ranges of the
 * original text: `normalized` and `origin` are the text as
 * normalizeWithOrigin gives it.
 */
export function termRanges(text: string, normalized: string, origin: readonly number[], term: string): Range[] {
  const ranges: Range[] = [];
  for (let from = normalized.indexOf(term); from >= 0; from = normalized.indexOf(term, from + 1)) {
    const start = origin[from] ?? 0;
    const lastStart = origin[from + term.length - 1] ?? start;
    ranges.push([start, lastStart + characterLength(text, lastStart)]);
  }
  return ranges;
}

/** Ranges sorted by start, overlapping or touching ones merged into one. */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  const merged: [number, number][] = [];
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1])) {
    const previous = merged.at(-1);
    if (previous && start <= previous[1]) previous[1] = Math.max(previous[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

function characterLength(text: string, index: number): number {
  return (text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1;
}

export interface Segment {
  text: string;
  /** A term of the query: what the page marks. */
  marked: boolean;
  /** Within what matched (a near pair's span or a matching sentence) without being a term; absent outside. */
  inMatch?: true;
}

/**
 * A keyword-in-context line: each match (`spans`, ranges of the text in
 * order, not overlapping) with up to `context` characters around it, the
 * terms (`marks`, ranges within the spans) marked inside; stretches between
 * distant matches are elided with “…”. Without `marks`, each span is marked
 * whole.
 */
export function keywordInContext(
  text: string,
  spans: readonly Range[],
  context = 24,
  marks: readonly Range[] = spans,
): Segment[] {
  const segments: Segment[] = [];
  let position = 0;
  let mark = 0;
  spans.forEach(([start, end], index) => {
    const before = Math.max(position, start - context);
    if (before > position) segments.push({ text: "…", marked: false });
    if (start > before) segments.push({ text: text.slice(before, start), marked: false });
    let inside = start;
    // A mark that runs past this span (touching marks across a sentence end) is kept for the next one.
    while (mark < marks.length && (marks[mark]?.[0] ?? Infinity) < end) {
      const [from, to] = marks[mark] ?? [end, end];
      if (to > inside) {
        if (from > inside) segments.push({ text: text.slice(inside, from), marked: false, inMatch: true });
        segments.push({ text: text.slice(Math.max(from, inside), Math.min(to, end)), marked: true });
        inside = Math.min(to, end);
      }
      if (to > end) break;
      mark += 1;
    }
    if (end > inside) segments.push({ text: text.slice(inside, end), marked: false, inMatch: true });
    const next = spans[index + 1];
    const after = Math.min(text.length, end + context, next ? next[0] : Infinity);
    if (after > end) segments.push({ text: text.slice(end, after), marked: false });
    position = after;
  });
  if (position < text.length) segments.push({ text: "…", marked: false });
  return segments.filter((segment) => segment.text.length > 0);
}
