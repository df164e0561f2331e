import type { MilestonesFile } from "../../../src/schemas/curated.ts";
import type { MilestoneEntry } from "../../../src/schemas/entities.ts";
import type { YamlPath } from "../yaml-file.ts";
import type { CuratedContext } from "./context.ts";
import { CURATED_DIR, type CuratedFile } from "./read.ts";

/**
 * The milestones as authored, their citations, documents and principles
 * checked; `expressions` is left empty for the date coverage step to fill.
 * `principleIds` are the ids of every principle set and principle.
 */
export function milestoneEntries(
  context: CuratedContext,
  source: CuratedFile<MilestonesFile>,
  principleIds: ReadonlyMap<string, string>,
): MilestoneEntry[] {
  const ids = new Map<string, string>();
  return source.data.milestones.map((milestone, index) => {
    const path: YamlPath = ["milestones", index];
    const entry = `milestone ${milestone.id}`;
    context.claimId(ids, milestone.id, source, [...path, "id"], entry);
    milestone.passages.forEach((citation, citationIndex) =>
      context.checkCitation(source, [...path, "passages", citationIndex], entry, citation),
    );
    milestone.documents.forEach((doc, docIndex) =>
      context.checkDocument(source, [...path, "documents", docIndex], entry, doc),
    );
    milestone.principles.forEach((id, principleIndex) => {
      if (principleIds.has(id)) return;
      context.report(
        source,
        [...path, "principles", principleIndex],
        entry,
        `there is no principle set or principle ${id}`,
        `use an id from ${CURATED_DIR}/principles.yaml`,
      );
    });
    return {
      id: milestone.id,
      date: milestone.date,
      description: milestone.description,
      names: milestone.names,
      english: milestone.english,
      passages: milestone.passages,
      documents: [...new Set([...milestone.passages.map((citation) => citation.doc), ...milestone.documents])],
      principles: milestone.principles,
      expressions: [],
    };
  });
}

/** Milestones in date order (by their first day, month or year); the sort is stable for equal dates. */
export function inDateOrder(milestones: readonly MilestoneEntry[]): MilestoneEntry[] {
  return [...milestones].sort((a, b) => a.date.value.slice(0, 10).localeCompare(b.date.value.slice(0, 10)));
}
