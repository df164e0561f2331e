import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { editorialSchema, type EditorialData } from "../../src/schemas/editorial.ts";
import type { Provenance } from "../../src/schemas/provenance.ts";
import { characters, rankByAffected } from "../../src/lib/open-questions.ts";
import { relationTypes, type OmissionPlace, type OpenQuestion, type SpeechInput } from "../../src/schemas/speech.ts";
import type { Vocabulary } from "../../src/schemas/vocabulary.ts";
import { compareDocuments } from "../../src/lib/document-order.ts";
import { assembleSource, type DraftDocument, type EditorialLocation, type Omission, type Place } from "./assemble.ts";
import { checkConservation, describeProblem, type PublishedPlace } from "./conservation.ts";
import { hiddenCharacterIssues } from "./hidden-characters.ts";
import { joinOffset, placeOmissions } from "./text-places.ts";
import { assignBlockIds, type IdentifiedBlock } from "./ids.ts";
import { InputError, IssueCollector, type InputIssue } from "./issues.ts";
import { readSources, type SourceText } from "./sources.ts";
import { checkVocabularyUses, readVocabulary } from "./vocabulary.ts";
import { readYamlFile, type LocatedYaml } from "./yaml-file.ts";

export const EDITORIAL_DIR = "content/editorial";

export interface CorpusDocument extends Omit<DraftDocument, "blocks"> {
  /** Position in the corpus order (src/lib/document-order.ts). */
  order: number;
  blocks: IdentifiedBlock[];
}

export interface Corpus {
  sources: SourceText[];
  /** Every document, in corpus order. */
  documents: CorpusDocument[];
  omissions: Omission[];
  vocabulary: Vocabulary;
}

interface EditorialFile extends LocatedYaml<EditorialData>, EditorialLocation {}

/** Reads the editorial file of every source; a source without one, or a file without a source, is an error. */
export function readEditorial(root: string, sources: readonly SourceText[]): Map<string, EditorialFile> {
  const directory = join(root, EDITORIAL_DIR);
  const issues = new IssueCollector();
  const byFile = new Map<string, EditorialFile>();
  const names = existsSync(directory)
    ? readdirSync(directory)
        .filter((name) => name.endsWith(".yaml"))
        .sort()
    : [];
  for (const name of names) {
    const file = `${EDITORIAL_DIR}/${name}`;
    try {
      const located = readYamlFile(root, file, editorialSchema);
      const expected = name.replace(/\.yaml$/, ".txt");
      if (located.data.source !== expected) {
        issues.add({
          file,
          line: located.lineOf(["source"]),
          problem: `source is ${located.data.source}, but this file is named for ${expected}`,
          fix: `name the editorial file after its source: ${located.data.source.replace(/\.txt$/, ".yaml")}`,
        });
        continue;
      }
      byFile.set(located.data.source, { ...located, file });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      error.issues.forEach((issue) => issues.add(issue));
    }
  }
  const known = new Set(sources.map((source) => source.file));
  for (const source of sources) {
    if (!byFile.has(source.file) && issues.count === 0) {
      issues.add({
        file: `${EDITORIAL_DIR}/${source.file.replace(/\.txt$/, ".yaml")}`,
        problem: `source ${source.file} has no editorial data`,
        fix: "create this file saying which lines of the source form which document (see content/README.md)",
      });
    }
  }
  for (const [file, editorial] of byFile) {
    if (!known.has(file)) {
      issues.add({
        file: editorial.file,
        line: editorial.lineOf(["source"]),
        problem: `names source ${file}, which has no manifest in content/sources/`,
        fix: "add the source text and its manifest, or remove this editorial file",
      });
    }
  }
  issues.throwIfAny();
  return byFile;
}

/**
 * The whole pipeline short of writing: read and verify sources, read
 * editorial data, assemble documents, check the corpus, assign ids, prove
 * conservation and that no hidden character (a byte order mark, a control
 * character) is published. Throws an InputError listing every problem found.
 */
export function buildCorpus(root: string): Corpus {
  const sources = readSources(root);
  const vocabulary = readVocabulary(root);
  const editorial = readEditorial(root, sources);
  const issues = new IssueCollector();
  // Reported first: a byte order mark or control character explains the problems it causes further on.
  const hidden: InputIssue[] = [];
  const assembled: Omit<CorpusDocument, "order">[] = [];
  const omissions: Omission[] = [];
  const locations = new Map<string, { file: string; line: number | undefined }>();

  for (const source of sources) {
    const located = editorial.get(source.file);
    if (!located) continue;
    checkVocabularyUses(located.data, vocabulary, located, issues);
    const fromSource = assembleSource(source, located.data, located, issues);
    const identified = fromSource.documents.map((document) => ({
      ...document,
      blocks: assignBlockIds(document.blocks),
    }));
    hidden.push(
      ...hiddenCharacterIssues(
        source,
        { published: documentPlaces(source.file, identified), omitted: fromSource.omissions },
        { file: located.file, splitLines: new Set(Object.keys(located.data.splits).map(Number)) },
      ),
    );
    identified.forEach((document, index) => {
      const here = { file: located.file, line: located.lineOf(["documents", index, "slug"]) };
      const previous = locations.get(document.slug);
      if (previous) {
        issues.add({
          ...here,
          problem: `duplicate document slug ${document.slug}: also used at ${previous.file}:${previous.line ?? "?"}`,
          fix: "give each document a slug of its own; slugs are its URL",
        });
      }
      locations.set(document.slug, here);
      if (document.status === "verified" && !document.titleEnglish) {
        issues.add({
          ...here,
          problem: `${document.slug} is verified but has no English title`,
          fix: 'add titleEnglish: "…", the edition\'s translation of the title, shown in the English interface; or lower its status to proofread',
        });
      }
      if (document.status === "verified" && !document.date) {
        issues.add({
          ...here,
          problem: `${document.slug} is verified but has no date`,
          fix: "give it a date: `from` the piece that states it, or a `basis` for the inference; or lower its status to proofread",
        });
      }
      assembled.push(document);
    });
    omissions.push(...fromSource.omissions);
  }
  const documents = assembled
    .sort((a, b) => compareDocuments({ ...a, source: a.source.file }, { ...b, source: b.source.file }))
    .map((document, order) => ({ ...document, order }));
  checkLinks(documents, locations, issues);
  issues.throwIfAny(hidden);

  for (const source of sources) {
    const problems = checkConservation(source, publishedPlaces(source.file, documents, omissions));
    problems.slice(0, 20).forEach((problem) =>
      issues.add({
        file: `content/sources/${source.file}`,
        line: "line" in problem ? problem.line : undefined,
        problem: `conservation: ${describeProblem(problem)}`,
        fix:
          problem.kind === "not-the-bytes"
            ? "a fault of the pipeline, not of the input: read a source only through scripts/lib/utf8.ts, which keeps its bytes"
            : "every character of the source must be published exactly once or omitted with a reason; check the editorial data and the pipeline step that produced this place",
      }),
    );
  }
  issues.throwIfAny();
  return { sources, documents, omissions, vocabulary };
}

/** Every place of the output that publishes text of one source: the documents' places, then its omissions. */
export function publishedPlaces(
  file: string,
  documents: readonly CorpusDocument[],
  omissions: readonly Omission[],
): PublishedPlace[] {
  return [
    ...documentPlaces(file, documents),
    ...omissions
      .filter((omission) => omission.source === file)
      .map((omission, index) => ({ where: `omissions[${index}]`, text: omission.text, spans: omission.spans })),
  ];
}

/** The places of the documents made from one source that publish its text: titles, fields, contents, blocks. */
export function documentPlaces(file: string, documents: readonly Omit<CorpusDocument, "order">[]): PublishedPlace[] {
  const places: PublishedPlace[] = [];
  const add = (where: string, place: Place) => places.push({ where, text: place.text, spans: place.spans });
  for (const document of documents.filter((candidate) => candidate.source.file === file)) {
    // An editorial title is the editor's words, not text of the source.
    if (document.title.basis === undefined) add(`${document.slug}.title`, document.title);
    for (const [name, place] of Object.entries(document.fields)) add(`${document.slug}.${name}`, place);
    document.contents?.forEach((entry, index) => {
      add(`${document.slug}.contents[${index}].label`, entry.label);
      add(`${document.slug}.contents[${index}].title`, entry.title);
    });
    for (const block of document.blocks) if (block.type !== "gap") add(`${document.slug}#${block.id}`, block);
  }
  return places;
}

const inverseRelation: Record<(typeof relationTypes)[number], (typeof relationTypes)[number]> = {
  "part-of": "has-part",
  "has-part": "part-of",
  "same-text-as": "same-text-as",
  "shares-page-with": "shares-page-with",
};

/** Relations and contents entries must point at documents that exist, and relations must be recorded both ways. */
function checkLinks(
  documents: readonly CorpusDocument[],
  locations: ReadonlyMap<string, { file: string; line: number | undefined }>,
  issues: IssueCollector,
): void {
  const bySlug = new Map(documents.map((document) => [document.slug, document]));
  for (const document of documents) {
    const here = locations.get(document.slug) ?? { file: EDITORIAL_DIR, line: undefined };
    const targets = [
      ...document.relations.map((relation) => relation.target),
      ...(document.contents ?? []).map((entry) => entry.target),
    ];
    for (const target of targets) {
      if (!bySlug.has(target)) {
        issues.add({
          ...here,
          problem: `${document.slug} refers to ${target}, which is not a document`,
          fix: "use the slug of an existing document",
        });
      }
    }
    for (const relation of document.relations) {
      const target = bySlug.get(relation.target);
      const inverse = inverseRelation[relation.type];
      if (target && !target.relations.some((back) => back.type === inverse && back.target === document.slug)) {
        issues.add({
          ...here,
          problem: `${document.slug} is ${relation.type} ${relation.target}, but ${relation.target} does not record ${inverse} ${document.slug}`,
          fix: `add {type: ${inverse}, target: ${document.slug}} to the relations of ${relation.target}`,
        });
      }
    }
  }
}

/**
 * What an editor must still decide about a document: its drafting questions,
 * its blocks' questions and those of the curated data, each with the
 * characters of text it affects, ranked by that (src/lib/open-questions.ts).
 */
export function openQuestionsOf(document: CorpusDocument, curated: readonly OpenQuestion[] = []): OpenQuestion[] {
  // A drafting question about a piece points to the block that holds its line; one about a field keeps its name.
  const blockAt = (about: string) => {
    const line = /^\d+/.exec(about) ? Number.parseInt(about, 10) : undefined;
    return document.blocks.find((candidate) => candidate.spans.some((span) => span.line === line));
  };
  return rankByAffected([
    ...(document.questions ?? []).map((question) => {
      const block = blockAt(question.about);
      return {
        kind: "drafting" as const,
        block: block?.id ?? question.about,
        text: question.text,
        fix: question.fix,
        affects: question.affects ?? (block ? characters(block.text) : 0),
      };
    }),
    ...document.blocks.flatMap((block) =>
      block.question
        ? [
            {
              kind: "unterminated" as const,
              block: block.id,
              text: block.text.slice(-12),
              fix: block.question,
              affects: characters(block.text),
            },
          ]
        : [],
    ),
    ...curated,
  ]);
}

/** Where the omissions of each source fall in its documents, by slug (scripts/lib/text-places.ts). */
export function omissionPlaces(corpus: Pick<Corpus, "documents" | "omissions">): Map<string, OmissionPlace[]> {
  const files = new Set(corpus.documents.map((document) => document.source.file));
  return new Map(
    [...files].flatMap((file) => [
      ...placeOmissions(
        corpus.documents.filter((document) => document.source.file === file),
        corpus.omissions.filter((omission) => omission.source === file),
      ),
    ]),
  );
}

/** The frontmatter of a document's MDX entry; `omissions`: where its source's omissions fall in it. */
export function toSpeech(
  document: CorpusDocument,
  curatedQuestions: readonly OpenQuestion[] = [],
  omissions: readonly OmissionPlace[] = [],
): SpeechInput {
  const openQuestions = openQuestionsOf(document, curatedQuestions);
  const placed = (place: Place) => ({ text: place.text, lines: linesOf(place) });
  const claim = (value: { value: string; stated?: Place | undefined; basis?: string | undefined }) => ({
    value: value.value,
    ...(value.stated ? { stated: placed(value.stated) } : {}),
    ...(value.basis ? { basis: value.basis } : {}),
  });
  return {
    slug: document.slug,
    kind: document.kind,
    order: document.order,
    ...(document.sequence !== undefined ? { sequence: document.sequence } : {}),
    ...(document.titleEnglish ? { titleEnglish: document.titleEnglish } : {}),
    status: document.status,
    ...(openQuestions.length > 0 ? { openQuestions } : {}),
    title:
      document.title.basis === undefined
        ? placed(document.title)
        : { text: document.title.text, basis: document.title.basis },
    fields: Object.fromEntries(Object.entries(document.fields).map(([name, place]) => [name, placed(place)])),
    ...(document.date ? { date: { ...claim(document.date), precision: document.date.precision } } : {}),
    ...(document.authors.length > 0 ? { authors: document.authors.map(claim) } : {}),
    ...(document.outlet ? { outlet: claim(document.outlet) } : {}),
    ...(document.outletKind ? { outletKind: document.outletKind } : {}),
    ...(document.page ? { page: claim(document.page) } : {}),
    source: {
      file: document.source.file,
      sha256: document.source.manifest.sha256,
      ...(document.source.manifest.url ? { url: document.source.manifest.url } : {}),
      ...(document.source.manifest.retrieved ? { retrieved: document.source.manifest.retrieved } : {}),
    },
    ...(document.readingOrder ? { readingOrder: document.readingOrder } : {}),
    ...(document.relations.length > 0 ? { relations: document.relations.map((relation) => ({ ...relation })) } : {}),
    ...(document.contents
      ? {
          contents: document.contents.map((entry) => ({
            label: placed(entry.label),
            title: placed(entry.title),
            target: entry.target,
          })),
        }
      : {}),
    blocks: document.blocks.map((block) => ({
      id: block.id,
      type: block.type,
      ...(block.level ? { level: block.level } : {}),
      lines: linesOf(block),
      ...(block.joins.length > 0
        ? { joins: block.joins.map((join) => ({ ...join, at: joinOffset(block.spans, join) })) }
        : {}),
      ...(block.decision ? { decision: { ...block.decision } } : {}),
      ...(block.kind ? { kind: block.kind } : {}),
    })),
    ...(omissions.length > 0 ? { omissions: omissions.map((place) => ({ ...place })) } : {}),
  };
}

/** Provenance record of one source. */
export function toProvenance(source: SourceText, corpus: Corpus): Provenance {
  return {
    manifest: source.manifest,
    lineCount: source.lines.length,
    documents: corpus.documents
      .filter((document) => document.source.file === source.file)
      .map((document) => document.slug),
    omissions: corpus.omissions
      .filter((omission) => omission.source === source.file)
      .map((omission) => ({
        text: omission.text,
        lines: linesOf(omission),
        reason: omission.reason,
        ...(omission.note ? { note: omission.note } : {}),
      })),
  };
}

function linesOf(place: Place): number[] {
  return [...new Set(place.spans.map((span) => span.line))];
}
