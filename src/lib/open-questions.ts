/**
 * The order an editor reads open questions in, on the worksheet
 * (`review/SLUG/`) and in `npm run add-source`'s report alike: the question
 * that affects the most characters of the text first; questions affecting as
 * many keep the order they were raised in (a stable order), so that a rerun
 * lists them the same way.
 *
 * @example rankByAffected([{ affects: 4 }, { affects: 120 }, { affects: 4 }]) // 120, then the first 4, then the second
 */
export function rankByAffected<T extends { readonly affects: number }>(questions: readonly T[]): T[] {
  // Array sort is stable (ES2019): ties keep the order they were raised in.
  return [...questions].sort((a, b) => b.affects - a.affects);
}

/** Characters of a text, as a reader counts them (code points, not UTF-16 units). */
export function characters(text: string): number {
  return [...text].length;
}
