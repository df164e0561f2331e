/**
 * The edition's named entities as the search page knows them: terms,
 * principle sets, principles and milestones, each with every name it goes by (Chinese
 * and, for terms, the edition's English renderings). A query that is one of
 * these names shows the entity first, as a link, so that `cyber power`
 * leads to the term 网络强国 although no passage is in English.
 */
import { formatMilestoneDate } from "../dates.ts";
import type { EntityCollections } from "../mentions.ts";
import { normalizeForSearch } from "./normalize.ts";

export interface SearchEntity {
  kind: "term" | "principle-set" | "principle" | "milestone";
  id: string;
  /** For a principle: the set it belongs to. */
  set?: string | undefined;
  /** The name as shown: the term, the set's name, the principle's wording. */
  label: string;
  /** The edition's English renderings, shown in the English interface. */
  english: string[];
  /** Every name a query may use: label, variants, phrases that name it, English. */
  names: string[];
  /** Passages that contain or cite it. */
  passages: number;
}

/** Where the search page finds the entities, under the site's base. */
export const SEARCH_ENTITIES_FILE = "data/search-entities.json";

/**
 * The entities a query names: those with a name equal to the whole query,
 * after search normalisation (width, case, script, whitespace).
 *
 * @example entitiesNamed([{ kind: "term", id: "cyber-power", label: "网络强国", english: ["cyber power"], names: ["网络强国", "cyber power"], passages: 57 }], " Cyber Power ")
 * // [the term]
 */
export function entitiesNamed(entities: readonly SearchEntity[], query: string): SearchEntity[] {
  const wanted = normalizeForSearch(query);
  if (wanted === "") return [];
  return entities.filter((entity) => entity.names.some((name) => normalizeForSearch(name) === wanted));
}

/**
 * The entities of the curated collections as the search page knows them:
 * terms, principle sets, milestones with a name, then principles, each in
 * the order of `collections`.
 */
export function searchEntities({ sets, principles, milestones, terms }: EntityCollections): SearchEntity[] {
  return [
    ...terms.map((term) => ({
      kind: "term" as const,
      id: term.id,
      label: term.term,
      english: term.english,
      names: [term.term, ...term.variants, ...term.english],
      passages: term.documents.reduce((sum, entry) => sum + entry.passages.length, 0),
    })),
    ...sets.map((set) => ({
      kind: "principle-set" as const,
      id: set.id,
      label: set.name,
      english: set.english,
      names: [set.name, ...set.english],
      passages: set.namedIn.length,
    })),
    ...milestones.flatMap((milestone) => {
      const [label] = milestone.names;
      return label
        ? [
            {
              kind: "milestone" as const,
              id: milestone.id,
              label: `${label}（${formatMilestoneDate(milestone.date.value, milestone.date.precision)}）`,
              english: milestone.english,
              names: [...milestone.names, ...milestone.english],
              passages: milestone.passages.length,
            },
          ]
        : [];
    }),
    ...principles.map((principle) => ({
      kind: "principle" as const,
      id: principle.id,
      set: principle.set,
      label: principle.wording,
      english: [],
      names: [principle.wording, ...principle.match],
      passages: principle.passages.length,
    })),
  ];
}
