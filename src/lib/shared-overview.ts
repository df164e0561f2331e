/**
 * Figures for the overview of shared text, from the passages collection's
 * computed `shared` links (src/lib/collation.ts).
 */
import type { PassagesEntry } from "../schemas/entities.ts";
import type { Speech } from "../schemas/speech.ts";

/**
 * The pairs of documents the editorial data calls copies of one text
 * (`same-text-as`), each once, the earlier document (corpus order) first:
 * the pairs that have a collation page.
 */
export function sameTextPairs(
  speeches: readonly Pick<Speech, "slug" | "order" | "relations">[],
): { a: string; b: string }[] {
  const order = new Map(speeches.map((speech) => [speech.slug, speech.order]));
  return [...speeches]
    .sort((x, y) => x.order - y.order)
    .flatMap((speech) =>
      speech.relations
        .filter((relation) => relation.type === "same-text-as" && speech.order < (order.get(relation.target) ?? -1))
        .map((relation) => ({ a: speech.slug, b: relation.target })),
    );
}

/** The pair, from `sameTextPairs`, that holds both documents, in its order. */
export function orderedPair(
  pairs: readonly { a: string; b: string }[],
  x: string,
  y: string,
): { a: string; b: string } | undefined {
  return pairs.find((pair) => (pair.a === x && pair.b === y) || (pair.a === y && pair.b === x));
}

export interface SharedMatrix {
  docs: string[];
  /** cells[i][j]: characters documents i and j have in common, summed over their linked passage pairs; 0 on the diagonal. */
  cells: number[][];
  largest: number;
}

/** The document-by-document matrix of shared characters, documents in the given order. */
export function sharedMatrix(entries: readonly PassagesEntry[], order: readonly string[]): SharedMatrix {
  const index = new Map(order.map((doc, position) => [doc, position]));
  const cells = order.map(() => order.map(() => 0));
  for (const entry of entries) {
    const row = index.get(entry.doc);
    if (row === undefined) continue;
    for (const passage of entry.passages)
      for (const link of passage.shared) {
        const column = index.get(link.doc);
        const cellRow = cells[row];
        if (column !== undefined && cellRow) cellRow[column] = (cellRow[column] ?? 0) + link.shared;
      }
  }
  return { docs: [...order], cells, largest: Math.max(0, ...cells.flat()) };
}

export interface SharedPair {
  a: { doc: string; id: string; text: string };
  b: { doc: string; id: string };
  longest: number;
  identical: boolean;
}

/** The `count` passage pairs with the longest common stretch, each pair once, longest first. */
export function longestSharedPairs(entries: readonly PassagesEntry[], count: number): SharedPair[] {
  const pairs: SharedPair[] = [];
  for (const entry of entries)
    for (const passage of entry.passages)
      for (const link of passage.shared)
        if (`${entry.doc}#${passage.id}` < `${link.doc}#${link.id}`)
          pairs.push({
            a: { doc: entry.doc, id: passage.id, text: passage.text },
            b: { doc: link.doc, id: link.id },
            longest: link.longest,
            identical: link.identical,
          });
  return pairs
    .sort((x, y) => y.longest - x.longest || `${x.a.doc}#${x.a.id}`.localeCompare(`${y.a.doc}#${y.a.id}`))
    .slice(0, count);
}

/** The fragment of the overview's section listing what two documents share; the same for either order. */
export function pairAnchor(order: readonly string[], x: string, y: string): string {
  const [first, second] = order.indexOf(x) <= order.indexOf(y) ? [x, y] : [y, x];
  return `pair-${first}--${second}`;
}

/**
 * Every passage pair of two documents that shares text, the first
 * document's passage in its reading order: what a cell of the matrix sums.
 */
export function sharedPassagesBetween(entries: readonly PassagesEntry[], first: string, second: string): SharedPair[] {
  const entry = entries.find((candidate) => candidate.doc === first);
  return (entry?.passages ?? []).flatMap((passage) =>
    passage.shared
      .filter((link) => link.doc === second)
      .map((link) => ({
        a: { doc: first, id: passage.id, text: passage.text },
        b: { doc: second, id: link.id },
        longest: link.longest,
        identical: link.identical,
      })),
  );
}
