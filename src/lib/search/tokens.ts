/**
 * The words the exact-search index holds for a passage's normalised text
 * (src/lib/search/normalize.ts), in two families, each with one word per
 * character at the character's position:
 *
 * - bigrams: the codes of the character and of the next one; the passage's
 *   last character has none (PLACEHOLDER_WORD stands there);
 * - unigrams: the character's code and END_CODE.
 *
 * Every word is spelled in lowercase ASCII letters and digits, so that
 * neither Pagefind's indexer nor the browser's word segmenter on the query
 * side splits, folds or stems it. A term of two or more characters starts at
 * character i when the bigrams of a cover of the term (termCover) stand at i
 * plus their offsets; a bigram never spans two passages, so neither does a
 * match. A one-character term stands wherever its unigram does.
 *
 * Every word is two codes of a prefix-free code, so no word is the start of
 * another: Pagefind, asked for a word, finds exactly that word's positions,
 * and nothing for a word it does not hold (it would otherwise answer with
 * the longest word that starts the one asked for). No search is a prefix
 * search: Pagefind loads, for a prefix, only the one chunk of its index the
 * prefix falls in, not every chunk with words that start with it.
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
 * other code point. No code is the start of another.
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

/** What follows a character's code in its unigram: a code no character has (36⁴ − 1 > U+10FFFF). */
export const END_CODE = "zzzzz";

/**
 * A word that takes a position in a Pagefind record and is never indexed
 * (Pagefind counts every word, and indexes none of a word made of
 * punctuation). It stands where a character has no word of a family, or
 * where another part of the index holds the word
 * (src/lib/search/index-layout.ts), so that positions stay those of the
 * characters.
 */
export const PLACEHOLDER_WORD = ".";

/** The two families of words (see above). */
export type WordFamily = "bigram" | "unigram";

/** A character's unigram. @example unigram("网") // "9qpzzzzz" */
export const unigram = (character: string) => characterCode(character) + END_CODE;

/**
 * The index's words of a family for a normalised text, one per character in order.
 *
 * @example indexWords("网信", "bigram") // ["9qp0dd", "."]
 * @example indexWords("网信", "unigram") // ["9qpzzzzz", "0ddzzzzz"]
 */
export function indexWords(normalized: string, family: WordFamily): string[] {
  const codes = [...normalized].map(characterCode);
  return family === "unigram"
    ? codes.map((code) => code + END_CODE)
    : codes.map((code, index) => {
        const next = codes[index + 1];
        return next === undefined ? PLACEHOLDER_WORD : code + next;
      });
}

/**
 * The first code of a word: what decides which part of the index holds it.
 *
 * @example firstCode("9qp0dd") // "9qp"
 */
export function firstCode(word: string): string {
  return word.startsWith("z") ? word.slice(0, 5) : word.slice(0, 3);
}

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
