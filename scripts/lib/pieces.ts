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
  | { kind: "no-such-line"; line: number }
  | { kind: "mismatch"; line: number; expected: string; actual: string }
  | { kind: "bad-cut"; line: number; cut: number | string; problem: "marker-not-found" | "outside-line" };

/** How the editorial data splits a line: its pieces, or where to cut it (character offsets and markers). */
export type SplitSpec = readonly string[] | { readonly at: readonly (number | string)[] };

const isPieceList = (value: unknown): value is readonly string[] => Array.isArray(value);

/**
 * The pieces of a line cut at each cut in turn: a number is an offset in
 * characters (code points) from the start of the line; a string is a
 * marker, cut just before its next occurrence after the previous cut. Each
 * cut must fall strictly inside the line, after the previous one.
 *
 * @example cutLine("一、标题——正文", ["——"]) // ["一、标题", "——正文"]
 * @example cutLine("一、标题——正文", [2, 4]) // ["一、", "标题", "——正文"]
 */
export function cutLine(
  text: string,
  at: readonly (number | string)[],
): string[] | { cut: number | string; problem: "marker-not-found" | "outside-line" } {
  const cuts: number[] = [];
  let previous = 0;
  for (const cut of at) {
    const position =
      typeof cut === "number" ? [...text].slice(0, cut).join("").length : text.indexOf(cut, previous + 1);
    if (typeof cut === "string" && position < 0) return { cut, problem: "marker-not-found" };
    if (typeof cut === "number" && cut >= [...text].length) return { cut, problem: "outside-line" };
    if (position <= previous) return { cut, problem: "outside-line" };
    cuts.push(position);
    previous = position;
  }
  return [0, ...cuts].map((start, index) => text.slice(start, cuts[index] ?? text.length));
}

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
  splits: Readonly<Record<string, SplitSpec>>,
): { table: PieceTable; errors: SplitError[] } {
  const errors: SplitError[] = [];
  const byLine = new Map<number, Piece[]>();

  for (const [key, spec] of Object.entries(splits)) {
    const line = Number(key);
    const text = lines[line - 1];
    if (text === undefined || text === "") {
      errors.push({ kind: "no-such-line", line });
      continue;
    }
    const parts = isPieceList(spec) ? spec : cutLine(text, spec.at);
    if (!isPieceList(parts)) {
      errors.push({ kind: "bad-cut", line, ...parts });
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
