import type { SearchDocument } from "../../src/schemas/passage.ts";

/**
 * A corpus of `documents` documents made of the real passages, for measuring
 * search at the size of a real archive: each document a real title numbered
 * and 20 to 34 real paragraphs taken in a fixed stride through the corpus,
 * its year one of eleven in turn. Deterministic: the same input gives the
 * same corpus.
 */
export function generatedDocuments(real: readonly SearchDocument[], documents: number): SearchDocument[] {
  const all = real.flatMap((document) => document.passages);
  const paragraphs = all.filter(([, type]) => type !== "title");
  const titles = all.filter(([, type]) => type === "title");
  const generated: SearchDocument[] = [];
  let cursor = 0;
  for (let order = 0; order < documents; order += 1) {
    const title = `${titles[order % titles.length]?.[2] ?? ""}（${order}）`;
    const passages: SearchDocument["passages"] = [["title", "title", title]];
    const length = 20 + (order % 15);
    for (let position = 1; position <= length; position += 1) {
      const paragraph = paragraphs[(cursor += 7) % paragraphs.length];
      if (paragraph) passages.push([`p${position}`, paragraph[1], paragraph[2]]);
    }
    generated.push({
      doc: `generated-${order}`,
      title,
      order,
      year: String(2014 + (order % 11)),
      collection: "speeches",
      passages,
    });
  }
  return generated;
}

/**
 * A document whose one paragraph is the real paragraphs of the corpus, in
 * corpus order, run together until it holds at least `characters`
 * characters: the worst case of one passage with thousands of matches, for
 * measuring the work a result does per line shown.
 */
export function longPassageDocument(real: readonly SearchDocument[], characters: number): SearchDocument {
  const paragraphs = real.flatMap((document) => document.passages).filter(([, type]) => type !== "title");
  const pieces: string[] = [];
  let length = 0;
  for (let index = 0; length < characters && paragraphs.length > 0; index += 1) {
    const text = paragraphs[index % paragraphs.length]?.[2] ?? "";
    pieces.push(text);
    length += text.length;
  }
  const title = `长段落（${length} 字）`;
  return {
    doc: "long-passage",
    title,
    order: real.length,
    year: "2024",
    collection: "speeches",
    passages: [
      ["title", "title", title],
      ["p1", "paragraph", pieces.join("")],
    ],
  };
}
