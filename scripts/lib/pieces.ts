/**
 * The piece table of a source: every non-blank line is one piece (`7`), or,
 * where the editorial data splits it, several pieces (`3a`, `3b`, …) that
 * concatenate to exactly the line. Pieces are the units that editorial data
 * assigns to titles, fields, paragraphs and omissions.
 */

/** A stretch of one source line, by UTF-16 offsets. */
export interface Span {
  line: number;
  start: number;
  end: number;
}

export interface Piece extends Span {
  /** Its reference: `7` or `3b`. */
  ref: string;
  text: string;
}

export type SplitError =
  { kind: "no-such-line"; line: number } | { kind: "mismatch"; line: number; expected: string; actual: string };

export interface PieceTable {
  /** Every piece, in source order. */
  readonly pieces: readonly Piece[];
  get(ref: string): Piece | undefined;
  /** The pieces of one line, in order; empty for a blank line. */
  ofLine(line: number): readonly Piece[];
  readonly lineCount: number;
}

export function pieceLetter(index: number): string {
  return String.fromCharCode("a".charCodeAt(0) + index);
}

/**
 * Builds the piece table. A split whose pieces do not concatenate to its line,
 * or that names a line the source does not have, is returned as an error
 * rather than applied.
 */
export function buildPieceTable(
  lines: readonly string[],
  splits: Readonly<Record<string, readonly string[]>>,
): { table: PieceTable; errors: SplitError[] } {
  const errors: SplitError[] = [];
  const byLine = new Map<number, Piece[]>();

  for (const [key, parts] of Object.entries(splits)) {
    const line = Number(key);
    const text = lines[line - 1];
    if (text === undefined || text === "") {
      errors.push({ kind: "no-such-line", line });
      continue;
    }
    if (parts.join("") !== text) {
      errors.push({ kind: "mismatch", line, expected: text, actual: parts.join("") });
      continue;
    }
    let start = 0;
    byLine.set(
      line,
      parts.map((part, index) => {
        const piece = { ref: `${line}${pieceLetter(index)}`, line, start, end: start + part.length, text: part };
        start += part.length;
        return piece;
      }),
    );
  }

  lines.forEach((text, index) => {
    const line = index + 1;
    if (text !== "" && !byLine.has(line)) {
      byLine.set(line, [{ ref: String(line), line, start: 0, end: text.length, text }]);
    }
  });

  const pieces = [...byLine.keys()].sort((a, b) => a - b).flatMap((line) => byLine.get(line) ?? []);
  const byRef = new Map(pieces.map((piece) => [piece.ref, piece]));
  return {
    table: {
      pieces,
      get: (ref) => byRef.get(ref),
      ofLine: (line) => byLine.get(line) ?? [],
      lineCount: lines.length,
    },
    errors,
  };
}

/** Expands a range `5-19` to the pieces of its non-blank lines, in order. */
export function expandRange(table: PieceTable, from: number, to: number): Piece[] {
  const pieces: Piece[] = [];
  for (let line = from; line <= to; line += 1) pieces.push(...table.ofLine(line));
  return pieces;
}

export function textOf(pieces: readonly Piece[]): string {
  return pieces.map((piece) => piece.text).join("");
}
