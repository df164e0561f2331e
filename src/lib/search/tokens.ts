/**
 * The words the exact-search index holds for a passage's normalised text
 * (src/lib/search/normalize.ts): two per character, so that character i
 * takes positions 2i and 2i + 1. At 2i stands the character alone; at 2i + 1
 * the pair of it and the next character (a bigram), or at the passage's last
 * character that character and END_CODE. Every word is spelled in lowercase
 * ASCII letters and digits, so that neither Pagefind's indexer nor the
 * browser's word segmenter on the query side splits, folds or stems it.
 *
 * A term of two or more characters starts at character i when the bigrams
 * of a cover of the term (termCover) stand at the odd positions of i plus
 * their offsets; a bigram never spans two passages, so neither does a match.
 * A one-character term stands wherever a word begins with its code.
 */

/** Characters with a three-letter code: [first code point, last code point, first code value]. */
const COMMON_RANGES: readonly (readonly [number, number, number])[] = [
  [0x4e00, 0x9fff, 0], // CJK Unified Ideographs
  [0x0000, 0x2fff, 20_992], // Latin, punctuation, symbols, other scripts
  [0x3000, 0x4dff, 33_280], // CJK symbols and punctuation, kana, Extension A
  [0xf900, 0xfaff, 40_960], // CJK compatibility ideographs
  [0xff00, 0xffef, 41_472], // half-width and full-width forms
];

/**
 * A character's code: three base-36 digits for the characters of
 * COMMON_RANGES (never starting with `z`), `z` and four base-36 digits for any
 * other code point. No code is the start of another, so a word's first code
 * can be searched as a prefix.
 *
 * @example characterCode("网") // "9qp"
 * @example characterCode("𠀀") // "z2t4w"
 */
export function characterCode(character: string): string {
  const point = character.codePointAt(0) ?? 0;
  for (const [first, last, base] of COMMON_RANGES) {
    if (point >= first && point <= last) return (base + point - first).toString(36).padStart(3, "0");
  }
  return `z${point.toString(36).padStart(4, "0")}`;
}

/** What follows a passage's last character in its bigram: a code no character has (36⁴ − 1 > U+10FFFF). */
export const END_CODE = "zzzzz";

/**
 * The index's words for a normalised text, two per character in order.
 *
 * @example indexWords("网信") // ["9qp", "9qp0dd", "0dd", "0ddzzzzz"]
 */
export function indexWords(normalized: string): string[] {
  const codes = [...normalized].map(characterCode);
  return codes.flatMap((code, index) => [code, code + (codes[index + 1] ?? END_CODE)]);
}

/** Index positions per character. */
export const POSITIONS_PER_CHARACTER = 2;

/** A bigram of a term and where in the term it starts. */
export interface CoverWord {
  offset: number;
  word: string;
}

/**
 * Bigrams that together cover every character of a term of two or more
 * characters: those at offsets 0, 2, 4, … and, for an odd length, the last
 * pair. A place where all of them occur at their offsets holds the term.
 *
 * @example termCover("网络强国").map((word) => word.offset) // [0, 2]
 * @example termCover("网络强").map((word) => word.offset) // [0, 1]
 */
export function termCover(term: string): CoverWord[] {
  const codes = [...term].map(characterCode);
  if (codes.length < 2) return [];
  const offsets = new Set<number>();
  for (let offset = 0; offset + 1 < codes.length; offset += 2) offsets.add(offset);
  offsets.add(codes.length - 2);
  return [...offsets].map((offset) => ({ offset, word: `${codes[offset] ?? ""}${codes[offset + 1] ?? ""}` }));
}

/** Length of a normalised text in index positions: its code points. */
export function positionLength(normalized: string): number {
  return [...normalized].length;
}
