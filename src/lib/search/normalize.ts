import t2s from "./t2s.json";

/**
 * The one normalisation that search, its index and its tests share. Applied
 * code point by code point:
 * - Unicode NFKC (full-width and half-width forms folded: ７６．４％ → 76.4%),
 * - Latin case folded (App → app),
 * - Traditional characters mapped to Simplified (網絡 → 网络; map from opencc-js),
 * - whitespace dropped (10 亿 → 10亿),
 * - invisible characters dropped: format characters (zero-width space and
 *   joiners, direction marks, soft hyphen, byte order mark) and control
 *   characters (NUL…), which text pasted from PDFs and web pages carries
 *   unseen (网\u200B络 → 网络).
 */

const toSimplified = new Map<string, string>();
const pairCharacters = [...t2s.pairs];
for (let index = 0; index + 1 < pairCharacters.length; index += 2) {
  toSimplified.set(pairCharacters[index] ?? "", pairCharacters[index + 1] ?? "");
}

const whitespace = /\s/u;
/** What normalisation drops besides whitespace: Unicode format (Cf) and control (Cc) characters. */
const formatCharacter = /\p{Cf}/u;
const controlCharacter = /\p{Cc}/u;
const dropped = (character: string) =>
  whitespace.test(character) || formatCharacter.test(character) || controlCharacter.test(character);

/**
 * Whether a text holds an invisible character that normalisation drops
 * and that is no whitespace a reader typed: a format character (U+FEFF
 * too, which JavaScript also counts as whitespace), or a control character
 * other than tab and line ends. The search page says when it removed some.
 *
 * @example holdsInvisible("网\u200B络") // true
 */
export function holdsInvisible(text: string): boolean {
  return [...text].some(
    (character) => formatCharacter.test(character) || (controlCharacter.test(character) && !whitespace.test(character)),
  );
}

/**
 * The text without its format characters (zero-width space, direction marks,
 * soft hyphen, byte order mark), which normalisation drops: no separators,
 * so that a term pasted with one inside is read as the term without it.
 */
export function withoutFormatCharacters(text: string): string {
  return text.replace(new RegExp(formatCharacter.source, "gu"), "");
}

/** Normalised text, and for each of its UTF-16 units the index in the original text it comes from. */
export interface NormalizedText {
  text: string;
  origin: number[];
}

export function normalizeWithOrigin(text: string): NormalizedText {
  let normalized = "";
  const origin: number[] = [];
  let index = 0;
  for (const character of text) {
    const output = foldCharacter(character);
    normalized += output;
    for (let unit = 0; unit < output.length; unit += 1) origin.push(index);
    index += character.length;
  }
  return { text: normalized, origin };
}

/** Folded form of each character met so far: a text uses few distinct characters, and folding one is slow. */
const foldedCharacters = new Map<string, string>();
/** Bound on that memo, so that a stream of unusual input cannot grow it without end. */
const MAX_FOLDED_CHARACTERS = 20_000;

/** One code point through the whole normalisation: NFKC, lower case, Simplified script, no whitespace or invisible character. */
function foldCharacter(character: string): string {
  let folded = foldedCharacters.get(character);
  if (folded === undefined) {
    folded = "";
    if (!dropped(character)) {
      for (const part of character.normalize("NFKC").toLowerCase()) {
        if (!dropped(part)) folded += toSimplified.get(part) ?? part;
      }
    }
    if (foldedCharacters.size >= MAX_FOLDED_CHARACTERS) foldedCharacters.clear();
    foldedCharacters.set(character, folded);
  }
  return folded;
}

/** @example normalizeForSearch("網絡強國 １０ 億") // "网络强国10亿" */
export function normalizeForSearch(text: string): string {
  return normalizeWithOrigin(text).text;
}
