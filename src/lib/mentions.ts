import type { MilestoneEntry, PrincipleEntry, PrincipleSetEntry, TermEntry } from "../schemas/entities.ts";

export interface Mentions {
  /** Principles with a passage in the document, grouped under their set, in set order. */
  principles: { set: PrincipleSetEntry; items: PrincipleEntry[] }[];
  /** Sets the document names without listing them. */
  namedSets: PrincipleSetEntry[];
  milestones: MilestoneEntry[];
  /** Terms the document uses, with their count in it. */
  terms: { term: TermEntry; count: number }[];
}

/**
 * What a document mentions, read back from the computed collections: the
 * reverse of each principle's, milestone's and term's links to passages.
 */
export function mentionsOf(
  doc: string,
  collections: {
    sets: readonly PrincipleSetEntry[];
    principles: readonly PrincipleEntry[];
    milestones: readonly MilestoneEntry[];
    terms: readonly TermEntry[];
  },
): Mentions {
  const sets = [...collections.sets].sort((a, b) => a.order - b.order);
  const principles = sets.flatMap((set) => {
    const items = collections.principles
      .filter((principle) => principle.set === set.id && principle.passages.some((passage) => passage.doc === doc))
      .sort((a, b) => a.order - b.order);
    return items.length > 0 ? [{ set, items }] : [];
  });
  return {
    principles,
    namedSets: sets.filter((set) => set.items.length === 0 && set.namedIn.some((passage) => passage.doc === doc)),
    milestones: collections.milestones.filter((milestone) => milestone.documents.includes(doc)),
    terms: collections.terms.flatMap((term) => {
      const count = term.documents.find((entry) => entry.doc === doc)?.count;
      return count ? [{ term, count }] : [];
    }),
  };
}
