import type { TermsFile } from "../../../src/schemas/curated.ts";
import type { PrincipleSetEntry, TermEntry } from "../../../src/schemas/entities.ts";
import { countOccurrences, normalizeForMatch } from "../../../src/lib/text-match.ts";
import type { YamlPath } from "../yaml-file.ts";
import type { CuratedContext } from "./context.ts";
import { CURATED_DIR, type CuratedFile } from "./read.ts";

/**
 * The key terms with their occurrences per passage and document, counted
 * from the published text, and the earliest year of the (stated or inferred)
 * dates of the documents that use them. A term that occurs nowhere, or names
 * a principle set that does not exist, is reported.
 */
export function termEntries(
  context: CuratedContext,
  source: CuratedFile<TermsFile>,
  sets: readonly PrincipleSetEntry[],
): TermEntry[] {
  const ids = new Map<string, string>();
  return source.data.terms.flatMap((term, index) => {
    const path: YamlPath = ["terms", index];
    const entry = `term ${term.term}`;
    context.claimId(ids, term.id, source, [...path, "id"], entry);
    if (term.principleSet !== undefined && !sets.some((set) => set.id === term.principleSet)) {
      context.report(
        source,
        [...path, "principleSet"],
        entry,
        `there is no principle set ${term.principleSet}`,
        `use a set id from ${CURATED_DIR}/principles.yaml`,
      );
    }
    const spellings = [term.term, ...term.variants];
    const perDocument = [...context.documents.keys()].flatMap((doc) => {
      const passages = context.citable
        .filter((place) => place.doc === doc)
        .map((place) => ({ block: place.block, count: countAllSpellings(place.text, spellings) }))
        .filter((passage) => passage.count > 0);
      const count = passages.reduce((sum, passage) => sum + passage.count, 0);
      return count > 0 ? [{ doc, count, passages }] : [];
    });
    const total = perDocument.reduce((sum, document) => sum + document.count, 0);
    if (total === 0) {
      context.report(
        source,
        [...path, "term"],
        entry,
        `“${term.term}” occurs nowhere in the published text`,
        "copy the term verbatim from a passage, or remove it",
      );
      return [];
    }
    const dated = perDocument.flatMap(({ doc }) => {
      const date = context.documents.get(doc)?.date;
      return date ? [{ doc, date: date.value, precision: date.precision, inferred: date.basis !== undefined }] : [];
    });
    const year = dated.map((entry) => entry.date.slice(0, 4)).sort()[0];
    return [
      {
        id: term.id,
        term: term.term,
        variants: term.variants,
        english: term.english,
        ...(term.principleSet ? { principleSet: term.principleSet } : {}),
        ...(term.note ? { note: term.note } : {}),
        total,
        documents: perDocument,
        ...(year ? { earliest: { year, documents: dated.filter((entry) => entry.date.startsWith(year)) } } : {}),
      },
    ];
  });
}

/**
 * Occurrences of a term in a text, counting each spelling; a spelling that
 * contains another (网络空间命运共同体 and 命运共同体) is counted once where
 * both match at the same place, because the longest match is taken first.
 */
function countAllSpellings(text: string, spellings: readonly string[]): number {
  let rest = normalizeForMatch(text);
  let count = 0;
  for (const spelling of [...spellings].sort((a, b) => b.length - a.length)) {
    const needle = normalizeForMatch(spelling);
    count += countOccurrences(rest, needle);
    rest = rest.split(needle).join("\u0000");
  }
  return count;
}
