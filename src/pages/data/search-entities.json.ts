import type { APIRoute } from "astro";
import { siteData } from "../../data/site-data.ts";
import { formatMilestoneDate } from "../../lib/dates.ts";
import type { SearchEntity } from "../../lib/search/entities.ts";

/** The entities the search page names when a query is one of their names (src/lib/search/entities.ts). */
export const GET: APIRoute = async () => {
  const { sets, principles, milestones, terms } = (await siteData()).entities;
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
  return new Response(`${JSON.stringify(entities)}\n`, { headers: { "Content-Type": "application/json" } });
};
