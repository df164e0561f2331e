import type { PrinciplesFile } from "../../../src/schemas/curated.ts";
import type { PrincipleEntry, PrincipleSetEntry } from "../../../src/schemas/entities.ts";
import type { YamlPath } from "../yaml-file.ts";
import { placeKey, type CuratedContext } from "./context.ts";
import type { CuratedFile } from "./read.ts";

export interface PrincipleEntries {
  sets: PrincipleSetEntry[];
  principles: PrincipleEntry[];
  /** Every id of a set or principle, with the entry that claims it: milestones may name either. */
  ids: Map<string, string>;
}

/**
 * The principle sets and their principles: each phrase that names a set or
 * states a principle must occur in the text, each elaboration must cite a
 * passage that contains its quote; the passages that state or elaborate
 * each principle are computed, in corpus order.
 */
export function principleEntries(context: CuratedContext, source: CuratedFile<PrinciplesFile>): PrincipleEntries {
  const sets: PrincipleSetEntry[] = [];
  const principles: PrincipleEntry[] = [];
  const ids = new Map<string, string>();
  source.data.sets.forEach((set, setIndex) => {
    const setPath: YamlPath = ["sets", setIndex];
    const setEntry = `principle set ${set.id}`;
    context.claimId(ids, set.id, source, [...setPath, "id"], setEntry);
    context.checkPhrasesOccur(source, [...setPath, "nameMatch"], setEntry, set.nameMatch);
    sets.push({
      id: set.id,
      order: setIndex,
      name: set.name,
      namedInCorpus: set.namedInCorpus,
      description: set.description,
      english: set.english,
      ...(set.unlisted ? { unlisted: set.unlisted } : {}),
      items: set.items.map((item) => item.id),
      namedIn:
        set.nameMatch.length > 0
          ? context.passagesMatching(set.nameMatch).map(({ doc, block }) => ({ doc, block }))
          : [],
    });
    set.items.forEach((item, itemIndex) => {
      const itemPath: YamlPath = [...setPath, "items", itemIndex];
      const entry = `principle ${item.id}`;
      context.claimId(ids, item.id, source, [...itemPath, "id"], entry);
      context.checkPhrasesOccur(source, [...itemPath, "match"], entry, item.match);
      const states = new Set(context.passagesMatching(item.match).map((place) => placeKey(place.doc, place.block)));
      const elaborates = new Set(
        item.elaborations
          .filter((citation, index) =>
            context.checkCitation(source, [...itemPath, "elaborations", index], entry, citation),
          )
          .map((citation) => placeKey(citation.doc, citation.block)),
      );
      principles.push({
        id: item.id,
        set: set.id,
        order: itemIndex + 1,
        wording: item.wording,
        match: item.match,
        passages: context.citable.flatMap((place): PrincipleEntry["passages"] => {
          const key = placeKey(place.doc, place.block);
          if (states.has(key)) return [{ doc: place.doc, block: place.block, relation: "states" }];
          if (elaborates.has(key)) return [{ doc: place.doc, block: place.block, relation: "elaborates" }];
          return [];
        }),
      });
    });
  });
  return { sets, principles, ids };
}
