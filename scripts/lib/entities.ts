import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  milestonesFileSchema,
  principlesFileSchema,
  termsFileSchema,
  type MilestonesFile,
  type PrinciplesFile,
  type TermsFile,
} from "../../src/schemas/curated.ts";
import type { Citation } from "../../src/schemas/citation.ts";
import type { MilestoneEntry, PrincipleEntry, PrincipleSetEntry, TermEntry } from "../../src/schemas/entities.ts";
import { containsQuote, countOccurrences, normalizeForMatch } from "../../src/lib/text-match.ts";
import type { Corpus } from "./corpus.ts";
import { findDateExpressions } from "./date-expressions.ts";
import { InputError, IssueCollector } from "./issues.ts";
import { passagesOf } from "./search-index.ts";
import { formatPath, parseYaml, type LocatedYaml, type YamlPath } from "./yaml-file.ts";

export const CURATED_DIR = "content/curated";

interface CuratedFile<T> extends LocatedYaml<T> {
  file: string;
}

export interface CuratedData {
  principles: CuratedFile<PrinciplesFile>;
  milestones: CuratedFile<MilestonesFile>;
  terms: CuratedFile<TermsFile>;
}

export interface Entities {
  sets: PrincipleSetEntry[];
  principles: PrincipleEntry[];
  milestones: MilestoneEntry[];
  terms: TermEntry[];
}

/** Reads and validates the three curated files; every problem in any of them is reported together. */
export function readCurated(root: string): CuratedData {
  const issues = new IssueCollector();
  const read = <T>(name: string, schema: Parameters<typeof parseYaml>[2]): CuratedFile<T> | undefined => {
    const file = `${CURATED_DIR}/${name}`;
    const path = join(root, file);
    if (!existsSync(path)) {
      issues.add({
        file,
        problem: "file is missing",
        fix: `restore it (git checkout -- ${file}); see content/README.md`,
      });
      return undefined;
    }
    try {
      return { ...(parseYaml(readFileSync(path, "utf8"), file, schema) as LocatedYaml<T>), file };
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      error.issues.forEach((issue) => issues.add(issue));
      return undefined;
    }
  };
  const principles = read<PrinciplesFile>("principles.yaml", principlesFileSchema);
  const milestones = read<MilestonesFile>("milestones.yaml", milestonesFileSchema);
  const terms = read<TermsFile>("terms.yaml", termsFileSchema);
  issues.throwIfAny();
  if (!principles || !milestones || !terms) throw new Error("unreachable: a curated file failed without an issue");
  return { principles, milestones, terms };
}

/** A published text of a document: its title, a metadata field, or a block. */
interface TextPlace {
  doc: string;
  /** `title`, a field name (imprint, dateline, …) or a block id. */
  block: string;
  text: string;
  /** Titles and blocks can be cited and are searched for matches; metadata fields are only scanned for dates. */
  citable: boolean;
}

/** Every published text: the passages (titles and blocks, citable), then each document's metadata fields. */
function placesOf(corpus: Corpus): TextPlace[] {
  return [
    ...passagesOf(corpus).map((passage) => ({
      doc: passage.doc,
      block: passage.id,
      text: passage.text,
      citable: true,
    })),
    ...corpus.documents.flatMap((document) =>
      Object.entries(document.fields).map(([name, place]) => ({
        doc: document.slug,
        block: name,
        text: place.text,
        citable: false,
      })),
    ),
  ];
}

const excerpt = (text: string) => (text.length > 24 ? `${text.slice(0, 24)}…` : text);

/**
 * Verifies the curated data against the published text and computes what is
 * computed: occurrences, counts, back-links. Throws an InputError naming the
 * file, line, entry, field and quote of every problem.
 */
export function buildEntities(corpus: Corpus, curated: CuratedData): Entities {
  const issues = new IssueCollector();
  const places = placesOf(corpus);
  const citable = places.filter((place) => place.citable);
  const placeKey = (doc: string, block: string) => `${doc}#${block}`;
  const byKey = new Map(places.map((place) => [placeKey(place.doc, place.block), place]));
  const documents = new Map(corpus.documents.map((document) => [document.slug, document]));
  const slugs = corpus.documents.map((document) => document.slug);

  const report = (source: CuratedFile<unknown>, path: YamlPath, entry: string, problem: string, fix: string) =>
    issues.add({
      file: source.file,
      line: source.lineOf(path),
      problem: `${entry}, ${formatPath(path)}: ${problem}`,
      fix,
    });

  /** Checks that a citation's document and passage exist and that its quote occurs there. */
  const checkCitation = (source: CuratedFile<unknown>, path: YamlPath, entry: string, citation: Citation): boolean => {
    if (!documents.has(citation.doc)) {
      report(
        source,
        [...path, "doc"],
        entry,
        `there is no document ${citation.doc}`,
        `use one of: ${slugs.join(", ")}`,
      );
      return false;
    }
    const place = byKey.get(placeKey(citation.doc, citation.block));
    if (!place?.citable) {
      report(
        source,
        [...path, "block"],
        entry,
        `${citation.doc} has no passage ${citation.block}`,
        "use the id shown beside the paragraph on the document's page (p1, p2, …) or title",
      );
      return false;
    }
    if (!containsQuote(place.text, citation.quote)) {
      report(
        source,
        [...path, "quote"],
        entry,
        `the quote “${citation.quote}” does not occur in ${citation.doc}#${citation.block} (“${excerpt(place.text)}”)`,
        "copy the words verbatim from that passage (only character width and spaces may differ), or cite the passage that contains them",
      );
      return false;
    }
    return true;
  };

  /** Every citable passage that contains one of the phrases, in corpus and reading order. */
  const passagesMatching = (phrases: readonly string[]) =>
    citable.filter((place) => phrases.some((phrase) => containsQuote(place.text, phrase)));

  const checkPhrasesOccur = (source: CuratedFile<unknown>, path: YamlPath, entry: string, phrases: readonly string[]) =>
    phrases.forEach((phrase, index) => {
      if (passagesMatching([phrase]).length === 0) {
        report(
          source,
          [...path, index],
          entry,
          `the phrase “${phrase}” occurs nowhere in the published text`,
          "copy the phrase verbatim from a passage, or remove it",
        );
      }
    });

  // principles
  const principleSource = curated.principles;
  const sets: PrincipleSetEntry[] = [];
  const principles: PrincipleEntry[] = [];
  /**
   * Ids share a namespace per kind of entry (sets and principles share one, as
   * milestones may name either); a second use of an id is reported.
   */
  const claimId = (
    namespace: Map<string, string>,
    id: string,
    source: CuratedFile<unknown>,
    path: YamlPath,
    entry: string,
  ) => {
    const previous = namespace.get(id);
    if (previous) {
      report(source, path, entry, `the id ${id} is already used by ${previous}`, "give every entry an id of its own");
    }
    namespace.set(id, entry);
  };
  const ids = new Map<string, string>();
  principleSource.data.sets.forEach((set, setIndex) => {
    const setPath: YamlPath = ["sets", setIndex];
    const setEntry = `principle set ${set.id}`;
    claimId(ids, set.id, principleSource, [...setPath, "id"], setEntry);
    checkPhrasesOccur(principleSource, [...setPath, "nameMatch"], setEntry, set.nameMatch);
    sets.push({
      id: set.id,
      order: setIndex,
      name: set.name,
      namedInCorpus: set.namedInCorpus,
      description: set.description,
      ...(set.unlisted ? { unlisted: set.unlisted } : {}),
      items: set.items.map((item) => item.id),
      namedIn:
        set.nameMatch.length > 0 ? passagesMatching(set.nameMatch).map(({ doc, block }) => ({ doc, block })) : [],
    });
    set.items.forEach((item, itemIndex) => {
      const itemPath: YamlPath = [...setPath, "items", itemIndex];
      const entry = `principle ${item.id}`;
      claimId(ids, item.id, principleSource, [...itemPath, "id"], entry);
      checkPhrasesOccur(principleSource, [...itemPath, "match"], entry, item.match);
      const states = new Set(passagesMatching(item.match).map((place) => placeKey(place.doc, place.block)));
      const elaborates = new Set(
        item.elaborations
          .filter((citation, index) =>
            checkCitation(principleSource, [...itemPath, "elaborations", index], entry, citation),
          )
          .map((citation) => placeKey(citation.doc, citation.block)),
      );
      principles.push({
        id: item.id,
        set: set.id,
        order: itemIndex + 1,
        wording: item.wording,
        match: item.match,
        passages: citable
          .filter(
            (place) => states.has(placeKey(place.doc, place.block)) || elaborates.has(placeKey(place.doc, place.block)),
          )
          .map((place) => ({
            doc: place.doc,
            block: place.block,
            relation: states.has(placeKey(place.doc, place.block)) ? ("states" as const) : ("elaborates" as const),
          })),
      });
    });
  });

  // milestones
  const milestoneSource = curated.milestones;
  const milestoneIds = new Map<string, string>();
  const milestones: MilestoneEntry[] = [];
  milestoneSource.data.milestones.forEach((milestone, index) => {
    const path: YamlPath = ["milestones", index];
    const entry = `milestone ${milestone.id}`;
    claimId(milestoneIds, milestone.id, milestoneSource, [...path, "id"], entry);
    milestone.passages.forEach((citation, citationIndex) =>
      checkCitation(milestoneSource, [...path, "passages", citationIndex], entry, citation),
    );
    milestone.documents.forEach((doc, docIndex) => {
      if (!documents.has(doc)) {
        report(
          milestoneSource,
          [...path, "documents", docIndex],
          entry,
          `there is no document ${doc}`,
          `use one of: ${slugs.join(", ")}`,
        );
      }
    });
    milestone.principles.forEach((id, principleIndex) => {
      if (!ids.has(id)) {
        report(
          milestoneSource,
          [...path, "principles", principleIndex],
          entry,
          `there is no principle set or principle ${id}`,
          `use an id from ${CURATED_DIR}/principles.yaml`,
        );
      }
    });
    milestones.push({
      id: milestone.id,
      date: milestone.date,
      description: milestone.description,
      passages: milestone.passages,
      documents: [...new Set([...milestone.passages.map((citation) => citation.doc), ...milestone.documents])],
      principles: milestone.principles,
      expressions: [],
    });
  });

  // every date expression is attached to a milestone or listed as not an event
  const notEvents = milestoneSource.data.notEvents;
  const notEventUsed = notEvents.map(() => false);
  for (const place of places) {
    for (const expression of findDateExpressions(place.text)) {
      const attachedTo = milestones.find((milestone) =>
        milestone.passages.some(
          (citation) =>
            citation.doc === place.doc &&
            citation.block === place.block &&
            containsQuote(citation.quote, expression.text) &&
            containsQuote(place.text, citation.quote),
        ),
      );
      if (attachedTo) {
        attachedTo.expressions.push({ doc: place.doc, block: place.block, expression: expression.text });
        continue;
      }
      const listed = notEvents.findIndex(
        (entry) =>
          entry.doc === place.doc &&
          entry.block === place.block &&
          normalizeForMatch(entry.expression) === normalizeForMatch(expression.text),
      );
      if (listed >= 0) {
        notEventUsed[listed] = true;
        continue;
      }
      issues.add({
        file: milestoneSource.file,
        line: undefined,
        problem: `the date expression “${expression.text}” in ${place.doc}#${place.block} (“${excerpt(place.text.slice(Math.max(0, expression.index - 4)))}”) is neither attached to a milestone nor listed as not an event`,
        fix: `cite ${place.doc} ${place.block} in a milestone's passages with a quote that includes “${expression.text}”, or add {doc: ${place.doc}, block: ${place.block}, expression: “${expression.text}”, reason: statistic-date | publication-date | name-part} to notEvents`,
      });
    }
  }
  notEvents.forEach((entry, index) => {
    if (!notEventUsed[index]) {
      report(
        milestoneSource,
        ["notEvents", index],
        `not-event ${entry.doc}#${entry.block}`,
        `“${entry.expression}” is not a date expression of ${entry.doc}#${entry.block}`,
        "copy the expression as printed in that passage, or remove this entry",
      );
    }
  });
  milestones.sort((a, b) => a.date.value.slice(0, 10).localeCompare(b.date.value.slice(0, 10)));

  // terms
  const termSource = curated.terms;
  const termIds = new Map<string, string>();
  const terms: TermEntry[] = [];
  termSource.data.terms.forEach((term, index) => {
    const path: YamlPath = ["terms", index];
    const entry = `term ${term.term}`;
    claimId(termIds, term.id, termSource, [...path, "id"], entry);
    if (term.principleSet !== undefined && !sets.some((set) => set.id === term.principleSet)) {
      report(
        termSource,
        [...path, "principleSet"],
        entry,
        `there is no principle set ${term.principleSet}`,
        `use a set id from ${CURATED_DIR}/principles.yaml`,
      );
    }
    const spellings = [term.term, ...term.variants];
    const perDocument = corpus.documents.flatMap((document) => {
      const passages = citable
        .filter((place) => place.doc === document.slug)
        .map((place) => ({ block: place.block, count: countAllSpellings(place.text, spellings) }))
        .filter((passage) => passage.count > 0);
      const count = passages.reduce((sum, passage) => sum + passage.count, 0);
      return count > 0 ? [{ doc: document.slug, count, passages }] : [];
    });
    const total = perDocument.reduce((sum, document) => sum + document.count, 0);
    if (total === 0) {
      report(
        termSource,
        [...path, "term"],
        entry,
        `“${term.term}” occurs nowhere in the published text`,
        "copy the term verbatim from a passage, or remove it",
      );
      return;
    }
    const dated = perDocument.flatMap(({ doc }) => {
      const date = documents.get(doc)?.date;
      return date ? [{ doc, date: date.value, precision: date.precision, inferred: date.basis !== undefined }] : [];
    });
    const year = dated.map((entry) => entry.date.slice(0, 4)).sort()[0];
    terms.push({
      id: term.id,
      term: term.term,
      variants: term.variants,
      ...(term.principleSet ? { principleSet: term.principleSet } : {}),
      ...(term.note ? { note: term.note } : {}),
      total,
      documents: perDocument,
      ...(year ? { earliest: { year, documents: dated.filter((entry) => entry.date.startsWith(year)) } } : {}),
    });
  });

  issues.throwIfAny();
  return { sets, principles, milestones, terms };
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
