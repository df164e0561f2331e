/**
 * The edition's named entities as the search page knows them: terms,
 * principle sets, principles and milestones, each with every name it goes by (Chinese
 * and, for terms, the edition's English renderings). A query that is one of
 * these names shows the entity first, as a link, so that `cyber power`
 * leads to the term 网络强国 although no passage is in English.
 */
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
