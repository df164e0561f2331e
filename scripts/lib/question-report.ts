import { rankByAffected } from "../../src/lib/open-questions.ts";
import type { OpenQuestion } from "../../src/schemas/speech.ts";

/** An open question of one of the documents a source was drafted as. */
export interface DocumentQuestion extends OpenQuestion {
  doc: string;
}

/**
 * The open questions `npm run add-source` prints: every question of the
 * drafted documents (drafting, unterminated paragraphs, unclassified dates),
 * ranked as the worksheet ranks them (src/lib/open-questions.ts), each line
 * led by the characters of text it affects, so the editor starts with what
 * changes most. Pure: the lines, without a heading.
 */
export function questionReport(questions: readonly DocumentQuestion[]): string[] {
  const ranked = rankByAffected(questions);
  const width = String(ranked[0]?.affects ?? 0).length;
  return ranked.map(
    (question) =>
      `[${String(question.affects).padStart(width)} chars] ${question.doc}#${question.block} (${question.kind}) “${question.text}”: ${question.fix}`,
  );
}
