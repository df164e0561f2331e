/**
 * Reader numbers of a document's passages. Paragraphs are numbered 1, 2, 3…
 * counting paragraphs only; headings and list items are numbered in their own
 * sequences. The number is what a reader sees beside a passage and what a
 * citation names (第3段). The anchor of a passage on its page is made from
 * that number (`#para3`, `#sec2`, `#item4`; see `passageAnchor`), so that the
 * locator a reader sees is the link; the passage's id (`p7`) stays an anchor
 * too, so that an address written with it keeps landing on the passage.
 */
import type { PassageType } from "../schemas/passage.ts";

/**
 * The reader number of each passage, by id, from the document's passages in
 * reading order; the title has number 0.
 *
 * @example readerNumbers([{ id: "title", type: "title" }, { id: "p1", type: "heading" }, { id: "p2", type: "paragraph" }])
 * // Map { "title" => 0, "p1" => 1, "p2" => 1 }
 */
export function readerNumbers(passages: readonly { id: string; type: PassageType }[]): Map<string, number> {
  const counts: Record<PassageType, number> = { title: 0, heading: 0, paragraph: 0, item: 0 };
  return new Map(
    passages.map(({ id, type }) => {
      if (type === "title") return [id, 0];
      counts[type] += 1;
      return [id, counts[type]];
    }),
  );
}

/** How a passage is named, in one language. */
export interface PassageNames {
  title: string;
  paragraph(number: number): string;
  heading(number: number): string;
  item(number: number): string;
}

/** A passage's name in running text and citations: 第3段, 小标题2, 第4项, 标题. */
export function passageName(names: PassageNames, type: PassageType, number: number): string {
  return type === "title" ? names.title : names[type](number);
}

/**
 * The short label beside a passage: the paragraph's number alone, `§` before
 * a heading's, `•` before a list item's, so that the three sequences are told
 * apart at a glance; none for the title.
 */
export function marginLabel(type: PassageType, number: number): string {
  switch (type) {
    case "title":
      return "";
    case "paragraph":
      return String(number);
    case "heading":
      return `§${number}`;
    case "item":
      return `•${number}`;
  }
}

/** The prefix of each kind of passage's anchor: the reader number follows it (`para3`). */
const anchorPrefixes: Readonly<Record<Exclude<PassageType, "title">, string>> = {
  paragraph: "para",
  heading: "sec",
  item: "item",
};

/**
 * A passage's anchor on its document page, from its reader number: `para3`
 * for 第3段, `sec2` for 小标题2, `item4` for 第4项, `title` for the title. It
 * starts with a letter (a valid HTML id) and never has the form of a passage
 * id (`p` and digits), so that both kinds of address can live on one page.
 *
 * @example passageAnchor({ type: "paragraph", number: 3 }) // "para3"
 */
export function passageAnchor({ type, number }: { type: PassageType; number: number }): string {
  return type === "title" ? "title" : `${anchorPrefixes[type]}${number}`;
}

/** The passage an anchor names, or undefined for a string that is no passage anchor. */
export function parsePassageAnchor(anchor: string): { type: PassageType; number: number } | undefined {
  if (anchor === "title") return { type: "title", number: 0 };
  const match = /^(para|sec|item)([1-9]\d*)$/.exec(anchor);
  if (!match) return undefined;
  const type = (Object.keys(anchorPrefixes) as (keyof typeof anchorPrefixes)[]).find(
    (candidate) => anchorPrefixes[candidate] === match[1],
  );
  return type && { type, number: Number(match[2]) };
}
