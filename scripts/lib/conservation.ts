import type { Span } from "./pieces.ts";

/** Text published in one place (title, field, block, omission) of the output. */
export interface PublishedPlace {
  /** Where it is published, for messages: `slug.title`, `slug#p12`, `omission`. */
  where: string;
  text: string;
  spans: readonly Span[];
}

/** A source as the conservation check sees it: its bytes, and the lines read from them. */
export interface ConservedSource {
  bytes: Uint8Array;
  /** `lines[0]` is line 1 (src/lib/source-lines.ts). */
  lines: readonly string[];
}

export type ConservationProblem =
  | { kind: "not-the-bytes"; line: number; offset: number }
  | { kind: "text-differs"; where: string; expected: string; actual: string }
  | { kind: "span-outside"; where: string; span: Span }
  | { kind: "dropped" | "duplicated"; line: number; column: number; character: string; count: number };

/**
 * Proves that every character of a source is published exactly once. The
 * lines, encoded as UTF-8 and joined by the line ends of the file, must be
 * the source's bytes exactly, so that a character the reading made up (a
 * U+FFFD for bytes that are not UTF-8) is never counted as conserved. Each
 * place's text must equal the source text of its spans, in order, and every
 * character of every line must lie in exactly one span. Line feeds are the
 * structure of the source (paragraph breaks, or joins recorded as editorial
 * data) and are not characters of any place.
 */
export function checkConservation(source: ConservedSource, places: readonly PublishedPlace[]): ConservationProblem[] {
  const { lines } = source;
  const differs = firstDifferenceFromBytes(source.bytes, lines);
  const problems: ConservationProblem[] = differs ? [{ kind: "not-the-bytes", ...differs }] : [];
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

/**
 * Where `lines`, encoded as UTF-8 and joined by line feeds or CRLF as the
 * file has them, first differ from `bytes`; undefined when they are `bytes`
 * exactly.
 */
export function firstDifferenceFromBytes(
  bytes: Uint8Array,
  lines: readonly string[],
): { line: number; offset: number } | undefined {
  const encoder = new TextEncoder();
  let offset = 0;
  for (const [index, line] of lines.entries()) {
    const encoded = encoder.encode(line);
    const at = encoded.findIndex((byte, position) => bytes[offset + position] !== byte);
    if (at >= 0) return { line: index + 1, offset: offset + at };
    offset += encoded.length;
    if (index === lines.length - 1) break;
    if (bytes[offset] === 0x0d && bytes[offset + 1] === 0x0a) offset += 2;
    else if (bytes[offset] === 0x0a) offset += 1;
    else return { line: index + 1, offset };
  }
  return offset === bytes.length ? undefined : { line: lines.length, offset };
}

export function describeProblem(problem: ConservationProblem): string {
  switch (problem.kind) {
    case "not-the-bytes":
      return `line ${problem.line}: the text read is not the source's bytes from byte offset ${problem.offset} on (a character the file does not hold, such as U+FFFD for bytes that are not UTF-8), so no character can be proved published`;
    case "text-differs":
      return `${problem.where}: published text differs from its source: “${problem.actual}” where the source has “${problem.expected}”`;
    case "span-outside":
      return `${problem.where}: span ${problem.span.line}:${problem.span.start}-${problem.span.end} lies outside the source`;
    default:
      return `line ${problem.line}, column ${problem.column}: “${problem.character}” is ${problem.kind === "dropped" ? "not published anywhere" : `published ${problem.count} times`}`;
  }
}
