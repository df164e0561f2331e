import type { MilestoneEntry, PrincipleEntry, PrincipleSetEntry, TermEntry } from "../schemas/entities.ts";

/** The computed collections that link to passages. */
export interface EntityCollections {
  sets: readonly PrincipleSetEntry[];
  principles: readonly PrincipleEntry[];
  milestones: readonly MilestoneEntry[];
  terms: readonly TermEntry[];
}

/**
 * The curated collections in the order the site shows them: principle sets
 * by their order, milestones by date (then id), principles and terms as
 * given (their files in name order).
 */
export function inSiteOrder({ sets, principles, milestones, terms }: EntityCollections): EntityCollections {
  return {
    sets: [...sets].sort((a, b) => a.order - b.order),
    principles,
    milestones: [...milestones].sort((a, b) => a.date.value.localeCompare(b.date.value) || a.id.localeCompare(b.id)),
    terms,
  };
}

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
export function mentionsOf(doc: string, collections: EntityCollections): Mentions {
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

/** What one passage of a document mentions: the links a reader follows from that passage. */
export interface PassageMentions {
  /** Principles the passage states or elaborates, with their set. */
  principles: { set: PrincipleSetEntry; item: PrincipleEntry; relation: "states" | "elaborates" }[];
  /** Sets the passage names without listing them. */
  namedSets: PrincipleSetEntry[];
  milestones: MilestoneEntry[];
  terms: TermEntry[];
}

/**
 * Per passage id (`title`, `p3`, …) of a document, everything that links to
 * that passage: the exact reverse of the principles', sets', milestones' and
 * terms' passage lists, so every link to a passage has a link back.
 */
export function passageMentionsOf(doc: string, collections: EntityCollections): Map<string, PassageMentions> {
  const byPassage = new Map<string, PassageMentions>();
  const at = (block: string) => {
    let entry = byPassage.get(block);
    if (!entry) {
      entry = { principles: [], namedSets: [], milestones: [], terms: [] };
      byPassage.set(block, entry);
    }
    return entry;
  };
  const sets = [...collections.sets].sort((a, b) => a.order - b.order);
  const principleById = new Map(collections.principles.map((item) => [item.id, item]));
  for (const set of sets)
    for (const item of set.items.flatMap((id) => principleById.get(id) ?? []))
      for (const passage of item.passages)
        if (passage.doc === doc) at(passage.block).principles.push({ set, item, relation: passage.relation });
  for (const set of sets)
    for (const passage of set.namedIn) if (passage.doc === doc) at(passage.block).namedSets.push(set);
  for (const milestone of collections.milestones)
    for (const passage of milestone.passages)
      if (passage.doc === doc && !at(passage.block).milestones.includes(milestone))
        at(passage.block).milestones.push(milestone);
  for (const term of collections.terms)
    for (const passage of term.documents.find((entry) => entry.doc === doc)?.passages ?? [])
      at(passage.block).terms.push(term);
  return byPassage;
}
