/**
 * Reader numbers of a document's passages. Paragraphs are numbered 1, 2, 3…
 * counting paragraphs only; headings and list items are numbered in their own
 * sequences. The number is what a reader sees beside a passage and what a
 * citation names (第3段); the passage's id (`p7`) stays its permalink and
 * never changes when the numbering does.
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
