import type { Span } from "./pieces.ts";

/** Text published in one place (title, field, block, omission) of the output. */
export interface PublishedPlace {
  /** Where it is published, for messages: `slug.title`, `slug#p12`, `omission`. */
  where: string;
  text: string;
  spans: readonly Span[];
}

export type ConservationProblem =
  | { kind: "text-differs"; where: string; expected: string; actual: string }
  | { kind: "span-outside"; where: string; span: Span }
  | { kind: "dropped" | "duplicated"; line: number; column: number; character: string; count: number };

/**
 * Proves that every character of a source is published exactly once. Each
 * place's text must equal the source text of its spans, in order, and every
 * character of every line must lie in exactly one span. Line feeds are the
 * structure of the source (paragraph breaks, or joins recorded as editorial
 * data) and are not characters of any place.
 */
export function checkConservation(lines: readonly string[], places: readonly PublishedPlace[]): ConservationProblem[] {
  const problems: ConservationProblem[] = [];
  const counts = lines.map((line) => new Uint16Array(line.length));

  for (const place of places) {
    let fromSource = "";
    for (const span of place.spans) {
      const line = lines[span.line - 1];
      const lineCounts = counts[span.line - 1];
      if (
        line === undefined ||
        lineCounts === undefined ||
        span.start < 0 ||
        span.end > line.length ||
        span.start > span.end
      ) {
        problems.push({ kind: "span-outside", where: place.where, span });
        continue;
      }
      fromSource += line.slice(span.start, span.end);
      for (let column = span.start; column < span.end; column += 1) lineCounts[column] = (lineCounts[column] ?? 0) + 1;
    }
    if (fromSource !== place.text) {
      problems.push({ kind: "text-differs", where: place.where, expected: fromSource, actual: place.text });
    }
  }

  counts.forEach((lineCounts, index) => {
    lineCounts.forEach((count, column) => {
      if (count !== 1) {
        problems.push({
          kind: count === 0 ? "dropped" : "duplicated",
          line: index + 1,
          column: column + 1,
          character: lines[index]?.[column] ?? "",
          count,
        });
      }
    });
  });
  return problems;
}

export function describeProblem(problem: ConservationProblem): string {
  switch (problem.kind) {
    case "text-differs":
      return `${problem.where}: published text differs from its source: “${problem.actual}” where the source has “${problem.expected}”`;
    case "span-outside":
      return `${problem.where}: span ${problem.span.line}:${problem.span.start}-${problem.span.end} lies outside the source`;
    default:
      return `line ${problem.line}, column ${problem.column}: “${problem.character}” is ${problem.kind === "dropped" ? "not published anywhere" : `published ${problem.count} times`}`;
  }
}
