import { normalizeForSearch } from "./search/normalize.ts";

/**
 * How a passage shares words with another: where their longest common
 * stretch lies, the words with a few characters around them, and whether
 * those words are a stock formula of the corpus rather than reuse of one
 * text by another.
 */

/** A document holding the words in this many documents or more makes them a formula, not a sign of reuse. */
export const FORMULA_MIN_DOCUMENTS = 4;

/** The longest stretch of `a` that also occurs in `b`: its start in `a` and its length (dynamic programming, O(|a|·|b|)). */
export function longestCommonStretch(a: string, b: string): { start: number; length: number } {
  const left = [...a];
  const right = [...b];
  let previous = new Array<number>(right.length + 1).fill(0);
  let best = { start: 0, length: 0 };
  for (let i = 1; i <= left.length; i += 1) {
    const current = new Array<number>(right.length + 1).fill(0);
    for (let j = 1; j <= right.length; j += 1) {
      if (left[i - 1] === right[j - 1]) {
        const length = (previous[j - 1] ?? 0) + 1;
        current[j] = length;
        if (length > best.length) best = { start: i - length, length };
      }
    }
    previous = current;
  }
  return best;
}

export interface SharedWords {
  before: string;
  /** The shared words, cut in the middle when long. */
  words: string;
  after: string;
  /** How many characters the passages share in one stretch. */
  length: number;
  /** The shared words whole, uncut. */
  whole: string;
}

/**
 * The words a passage shares with another, with `context` characters on each
 * side; words longer than `longest` characters are cut in the middle (…).
 */
export function sharedWords(text: string, other: string, context = 6, longest = 40): SharedWords {
  const characters = [...text];
  const { start, length } = longestCommonStretch(text, other);
  const words = characters.slice(start, start + length);
  const half = Math.floor((longest - 1) / 2);
  return {
    length,
    whole: words.join(""),
    before: `${start > context ? "…" : ""}${characters.slice(Math.max(0, start - context), start).join("")}`,
    words: words.length > longest ? `${words.slice(0, half).join("")}…${words.slice(-half).join("")}` : words.join(""),
    after: `${characters.slice(start + length, start + length + context).join("")}${start + length + context < characters.length ? "…" : ""}`,
  };
}

/** The number of documents whose published text contains the words, width, case, script and spacing aside. */
export function documentsContaining(words: string, documentTexts: ReadonlyMap<string, string>): number {
  const needle = normalizeForSearch(words);
  if (needle === "") return 0;
  let count = 0;
  for (const text of documentTexts.values()) if (text.includes(needle)) count += 1;
  return count;
}

const EDGE_PUNCTUATION = /^[\p{P}\s]+|[\p{P}\s]+$/gu;

/**
 * The formula that shared words amount to, if they are one: the words, or
 * the words without punctuation at their edges or without one character at
 * either edge (a particle such as 了 or 的 caught by the stretch), that at
 * least FORMULA_MIN_DOCUMENTS documents contain, and at least
 * `minimum` characters long. Undefined when the words mark reuse instead.
 */
export function formulaOf(
  words: string,
  documentTexts: ReadonlyMap<string, string>,
  minimum = 8,
): { phrase: string; documents: number } | undefined {
  const bare = words.replace(EDGE_PUNCTUATION, "");
  const characters = [...bare];
  const candidates = [
    words,
    bare,
    characters.slice(1).join(""),
    characters.slice(0, -1).join(""),
    characters.slice(1, -1).join(""),
  ];
  for (const phrase of candidates) {
    if ([...phrase].length < minimum) continue;
    const documents = documentsContaining(phrase, documentTexts);
    if (documents >= FORMULA_MIN_DOCUMENTS) return { phrase: phrase.replace(EDGE_PUNCTUATION, ""), documents };
  }
  return undefined;
}

/** Formulas once each: a phrase that contains another listed phrase gives way to it. */
export function distinctFormulas<T extends { phrase: string }>(formulas: readonly T[]): T[] {
  const keys = formulas.map((formula) => normalizeForSearch(formula.phrase));
  return formulas.filter((_, index) => {
    const key = keys[index] ?? "";
    return !keys.some((other, at) => (other !== key && key.includes(other)) || (other === key && at < index));
  });
}
