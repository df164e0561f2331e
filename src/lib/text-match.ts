/**
 * How the edition compares quoted words with the published text: Unicode
 * NFKC folds full-width and half-width forms (：and :, ２ and 2), and
 * whitespace is ignored, because the sources differ in both (“2023 年 6 月”
 * beside “2023年6月”). Nothing else is folded: a quote must otherwise be
 * verbatim.
 */
export function normalizeForMatch(text: string): string {
  return text.normalize("NFKC").replace(/\s+/gu, "");
}

/** Whether `text` contains `quote`, after normalizeForMatch on both. */
export function containsQuote(text: string, quote: string): boolean {
  const needle = normalizeForMatch(quote);
  return needle.length > 0 && normalizeForMatch(text).includes(needle);
}

/** Non-overlapping occurrences of `phrase` in `text`, after normalizeForMatch on both. */
export function countOccurrences(text: string, phrase: string): number {
  const needle = normalizeForMatch(phrase);
  if (needle.length === 0) return 0;
  const haystack = normalizeForMatch(text);
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) count += 1;
  return count;
}
