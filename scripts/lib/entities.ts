import type { MilestoneEntry, PrincipleEntry, PrincipleSetEntry, TermEntry } from "../../src/schemas/entities.ts";
import type { OpenQuestion } from "../../src/schemas/speech.ts";
import type { Corpus } from "./corpus.ts";
import { curatedContext } from "./curated/context.ts";
import { coverDateExpressions } from "./curated/date-coverage.ts";
import { inDateOrder, milestoneEntries } from "./curated/milestones.ts";
import { principleEntries } from "./curated/principles.ts";
import type { CuratedData } from "./curated/read.ts";
import { termEntries } from "./curated/terms.ts";
import { IssueCollector } from "./issues.ts";
import type { Passage } from "./passages.ts";

export { CURATED_DIR, readCurated, type CuratedData } from "./curated/read.ts";

/** The curated collections, verified against the published text, with what is computed from it. */
export interface Entities {
  sets: PrincipleSetEntry[];
  principles: PrincipleEntry[];
  milestones: MilestoneEntry[];
  terms: TermEntry[];
  /** What editors must still decide about draft and proofread documents (date expressions not yet classified), by slug. */
  openQuestions: Map<string, OpenQuestion[]>;
}

/**
 * Verifies the curated data against the published text and computes
 * occurrences, counts and back-links. Throws an InputError naming the file,
 * line, entry, field and quote of every problem in any step.
 */
export function buildEntities(corpus: Corpus, passages: readonly Passage[], curated: CuratedData): Entities {
  const issues = new IssueCollector();
  const context = curatedContext(corpus, passages, issues);
  // 1. principle sets and principles: phrases occur, elaborations cite real passages
  const { sets, principles, ids } = principleEntries(context, curated.principles);
  // 2. milestones: citations, documents and principles exist
  const milestones = milestoneEntries(context, curated.milestones, ids);
  // 3. every date expression is attached to a milestone or listed as not an event
  const openQuestions = coverDateExpressions(context, curated.milestones, milestones);
  // 4. terms: counted per passage and document, with their earliest year
  const terms = termEntries(context, curated.terms, sets);
  issues.throwIfAny();
  return { sets, principles, milestones: inDateOrder(milestones), terms, openQuestions };
}
