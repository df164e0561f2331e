import type { MilestonesFile } from "../../../src/schemas/curated.ts";
import type { MilestoneEntry } from "../../../src/schemas/entities.ts";
import { containsQuote, normalizeForMatch } from "../../../src/lib/text-match.ts";
import type { OpenQuestion } from "../../../src/schemas/speech.ts";
import { findDateExpressions, proposeClassification, type DateExpression } from "../date-expressions.ts";
import { excerpt, type CuratedContext, type TextPlace } from "./context.ts";
import type { CuratedFile } from "./read.ts";

/** How one date expression of one place is accounted for. */
type Classification = { kind: "milestone"; milestone: MilestoneEntry } | { kind: "not-event" };

/**
 * Every date expression of the published text (passages and metadata fields)
 * must be accounted for, in one of three ways:
 * 1. a milestone cites its passage with a quote that includes it: it is
 *    attached to that milestone (added to the milestone's `expressions`);
 * 2. `notEvents` lists it for its place, with a reason;
 * 3. the same expression stands in a place of the same kind (a passage, or a
 *    metadata field of the same name) whose whole text is the same, width and
 *    spacing aside, and is accounted for there: a reprinted sentence means
 *    what it meant where it was first classified, so it is classified the same
 *    way (and attached to the same milestone).
 * Anything else is, in a `verified` document, reported with both ways to fix
 * it; in a draft or proofread one, returned as an open question of the
 * document, with the likely classification. A `notEvents` entry that matches
 * no expression is reported.
 */
export function coverDateExpressions(
  context: CuratedContext,
  source: CuratedFile<MilestonesFile>,
  milestones: readonly MilestoneEntry[],
): Map<string, OpenQuestion[]> {
  const openQuestions = new Map<string, OpenQuestion[]>();
  const notEvents = source.data.notEvents;
  const notEventUsed = notEvents.map(() => false);
  const classifyDirectly = (place: TextPlace, expression: DateExpression): Classification | undefined => {
    const milestone = milestones.find((candidate) =>
      candidate.passages.some(
        (citation) =>
          citation.doc === place.doc &&
          citation.block === place.block &&
          containsQuote(citation.quote, expression.text) &&
          containsQuote(place.text, citation.quote),
      ),
    );
    if (milestone) return { kind: "milestone", milestone };
    const listed = notEvents.findIndex(
      (entry) =>
        entry.doc === place.doc &&
        entry.block === place.block &&
        normalizeForMatch(entry.expression) === normalizeForMatch(expression.text),
    );
    if (listed < 0) return undefined;
    notEventUsed[listed] = true;
    return { kind: "not-event" };
  };

  const kindOf = (place: TextPlace) => (place.citable ? "passage" : `field:${place.block}`);
  const sameTextKey = (place: TextPlace, expression: DateExpression) =>
    [kindOf(place), normalizeForMatch(place.text), normalizeForMatch(expression.text)].join("\u0000");
  // Every expression of every place with its own classification, in place order; then the first
  // classification of each text, for the places that reprint it.
  const found = context.places.flatMap((place) =>
    findDateExpressions(place.text).map((expression) => ({
      place,
      expression,
      direct: classifyDirectly(place, expression),
    })),
  );
  const bySameText = new Map<string, Classification>();
  for (const { place, expression, direct } of found)
    if (direct && !bySameText.has(sameTextKey(place, expression)))
      bySameText.set(sameTextKey(place, expression), direct);

  for (const { place, expression, direct } of found) {
    const classification = direct ?? bySameText.get(sameTextKey(place, expression));
    if (classification?.kind === "milestone") {
      classification.milestone.expressions.push({ doc: place.doc, block: place.block, expression: expression.text });
    } else if (!classification) {
      const fix = classificationFix(place, expression);
      if (context.documents.get(place.doc)?.status === "verified") {
        context.reportAt(
          source,
          ["notEvents"],
          `the date expression “${expression.text}” in ${place.doc}#${place.block} (“${excerpt(place.text.slice(Math.max(0, expression.index - 4)))}”) is neither attached to a milestone nor listed as not an event`,
          `${fix} (a verified document has no open question; a draft or proofread one lists it)`,
        );
      } else {
        const questions = openQuestions.get(place.doc) ?? [];
        // classifying an expression decides what its words mean, not the rest of the passage
        questions.push({
          kind: "date-expression",
          block: place.block,
          text: expression.text,
          fix,
          affects: [...expression.text].length,
        });
        openQuestions.set(place.doc, questions);
      }
    }
  }

  notEvents.forEach((entry, index) => {
    if (notEventUsed[index]) return;
    context.report(
      source,
      ["notEvents", index],
      `not-event ${entry.doc}#${entry.block}`,
      `“${entry.expression}” is not a date expression of ${entry.doc}#${entry.block}`,
      "copy the expression as printed in that passage, or remove this entry",
    );
  });
  return openQuestions;
}

/** Both ways to classify an expression, the likely one first, each as a snippet that pastes as printed. */
function classificationFix(place: TextPlace, expression: DateExpression): string {
  const proposed = proposeClassification(place.text, expression, !place.citable);
  const quoted = JSON.stringify(expression.text);
  const milestone = `cite { doc: ${place.doc}, block: ${place.block}, quote: ${quoted} } (or a longer quote that includes it) in the passages of a milestone in content/curated/milestones.yaml`;
  const notEvent = (reason: string) =>
    `add { doc: ${place.doc}, block: ${place.block}, expression: ${quoted}, reason: ${reason} } to notEvents in content/curated/milestones.yaml`;
  if (!place.citable) return `a date in a metadata field: ${notEvent(proposed)}`;
  return proposed === "milestone"
    ? `it reads as an event: ${milestone}; if it is not one, ${notEvent("statistic-date")} (or reason: publication-date, name-part)`
    : `it reads as a ${proposed}: ${notEvent(proposed)}; if it is an event, ${milestone}`;
}
