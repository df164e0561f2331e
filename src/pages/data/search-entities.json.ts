import type { APIRoute } from "astro";
import { siteData } from "../../data/site-data.ts";
import type { SearchEntity } from "../../lib/search/entities.ts";

/** The entities the search page names when a query is one of their names (src/lib/search/entities.ts). */
export const GET: APIRoute = async () => {
  const { sets, principles, terms } = (await siteData()).entities;
  const entities: SearchEntity[] = [
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
      english: [],
      names: [set.name],
      passages: set.namedIn.length,
    })),
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
  return new Response(`${JSON.stringify(entities)}\n`, { headers: { "Content-Type": "application/json" } });
};
