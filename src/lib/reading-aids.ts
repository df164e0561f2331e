/**
 * Finding one's place in a long document: which section is in view, and
 * whether a document is long enough to offer a way back to its top.
 */

/** Characters of text above which a document page offers a way back to its top: about three phone screens. */
export const LONG_DOCUMENT_CHARACTERS = 1500;

/**
 * Whether a document of these passages' texts is long enough for a "back to top" link.
 *
 * @example isLongDocument(["短文"]) // false
 */
export function isLongDocument(texts: readonly string[]): boolean {
  let characters = 0;
  for (const text of texts) characters += [...text].length;
  return characters > LONG_DOCUMENT_CHARACTERS;
}

/**
 * The section in view: the last of the headings (their tops, in document
 * order, relative to the screen) that has reached `line`, the height below
 * the screen's top where the reader's eye is; -1 above the first heading.
 *
 * @example sectionInView([-500, 120, 900], 160) // 1
 * @example sectionInView([300, 900], 160) // -1
 */
export function sectionInView(tops: readonly number[], line: number): number {
  let current = -1;
  tops.forEach((top, index) => {
    if (top <= line) current = index;
  });
  return current;
}
