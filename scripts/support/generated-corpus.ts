import type { Passage } from "../lib/passages.ts";

/**
 * A corpus of `documents` documents made of the real passages, for measuring
 * search at the size of a real archive: each document a real title numbered
 * and 20 to 34 real paragraphs taken in a fixed stride through the corpus,
 * its year one of eleven in turn. Deterministic: the same input gives the
 * same corpus.
 */
export function generatedPassages(real: readonly Passage[], documents: number): Passage[] {
  const paragraphs = real.filter((passage) => passage.type !== "title");
  const titles = real.filter((passage) => passage.type === "title");
  const passages: Passage[] = [];
  let cursor = 0;
  for (let order = 0; order < documents; order += 1) {
    const doc = `generated-${order}`;
    const source = titles[order % titles.length];
    const common = {
      doc,
      order,
      collection: "speeches",
      year: String(2014 + (order % 11)),
      title: `${source?.text ?? ""}（${order}）`,
    };
    passages.push({ ...common, id: "title", type: "title", text: common.title, position: 0 });
    const length = 20 + (order % 15);
    for (let position = 1; position <= length; position += 1) {
      const paragraph = paragraphs[(cursor += 7) % paragraphs.length];
      if (paragraph)
        passages.push({ ...common, id: `p${position}`, type: paragraph.type, text: paragraph.text, position });
    }
  }
  return passages;
}
