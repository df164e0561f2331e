import type { Citation } from "../../../src/schemas/citation.ts";
import { containsQuote } from "../../../src/lib/text-match.ts";
import type { Corpus, CorpusDocument } from "../corpus.ts";
import type { IssueCollector } from "../issues.ts";
import type { Passage } from "../passages.ts";
import { formatPath, type YamlPath } from "../yaml-file.ts";
import type { CuratedFile } from "./read.ts";

/** A published text of a document: its title, a metadata field, or a block. */
export interface TextPlace {
  doc: string;
  /** `title`, a field name (imprint, dateline, …) or a block id. */
  block: string;
  text: string;
  /** Titles and blocks can be cited and are searched for matches; metadata fields are only scanned for dates. */
  citable: boolean;
}

/**
 * What every check of curated data reads: the published text, indexed, and
 * one way to report a problem at the file, line and entry it concerns.
 */
export interface CuratedContext {
  /** Every published text: the passages (citable), then each document's metadata fields. */
  places: readonly TextPlace[];
  /** The citable places, in corpus and reading order. */
  citable: readonly TextPlace[];
  documents: ReadonlyMap<string, CorpusDocument>;
  /** Reports a problem of one entry of a curated file, at the line of `path`. */
  report(source: CuratedFile<unknown>, path: YamlPath, entry: string, problem: string, fix: string): void;
  /** Reports a problem of the published text that a curated file must resolve, at the line of `path`. */
  reportAt(source: CuratedFile<unknown>, path: YamlPath, problem: string, fix: string): void;
  /** Reports and returns false unless the citation's document and passage exist and its quote occurs there. */
  checkCitation(source: CuratedFile<unknown>, path: YamlPath, entry: string, citation: Citation): boolean;
  /** Reports a document slug that names no document; returns whether it names one. */
  checkDocument(source: CuratedFile<unknown>, path: YamlPath, entry: string, doc: string): boolean;
  /** Every citable place that contains one of the phrases, in corpus and reading order. */
  passagesMatching(phrases: readonly string[]): TextPlace[];
  /** Reports each phrase that occurs in no passage. */
  checkPhrasesOccur(source: CuratedFile<unknown>, path: YamlPath, entry: string, phrases: readonly string[]): void;
  /** Records that `entry` uses `id` in `namespace`, reporting a second use. */
  claimId(
    namespace: Map<string, string>,
    id: string,
    source: CuratedFile<unknown>,
    path: YamlPath,
    entry: string,
  ): void;
}

export const placeKey = (doc: string, block: string): string => `${doc}#${block}`;

/** The first 24 characters of a text, for error messages. */
export const excerpt = (text: string): string => (text.length > 24 ? `${text.slice(0, 24)}…` : text);

export function curatedContext(corpus: Corpus, passages: readonly Passage[], issues: IssueCollector): CuratedContext {
  const places: TextPlace[] = [
    ...passages.map((passage) => ({ doc: passage.doc, block: passage.id, text: passage.text, citable: true })),
    ...corpus.documents.flatMap((document) =>
      Object.entries(document.fields).map(([name, place]) => ({
        doc: document.slug,
        block: name,
        text: place.text,
        citable: false,
      })),
    ),
  ];
  const citable = places.filter((place) => place.citable);
  const byKey = new Map(places.map((place) => [placeKey(place.doc, place.block), place]));
  const documents = new Map(corpus.documents.map((document) => [document.slug, document]));
  const slugs = corpus.documents.map((document) => document.slug);

  const report: CuratedContext["report"] = (source, path, entry, problem, fix) =>
    issues.add({
      file: source.file,
      line: source.lineOf(path),
      problem: `${entry}, ${formatPath(path)}: ${problem}`,
      fix,
    });

  const reportAt: CuratedContext["reportAt"] = (source, path, problem, fix) =>
    issues.add({ file: source.file, line: source.lineOf(path), problem, fix });

  const checkDocument: CuratedContext["checkDocument"] = (source, path, entry, doc) => {
    if (documents.has(doc)) return true;
    report(source, path, entry, `there is no document ${doc}`, `use one of: ${slugs.join(", ")}`);
    return false;
  };

  const checkCitation: CuratedContext["checkCitation"] = (source, path, entry, citation) => {
    if (!checkDocument(source, [...path, "doc"], entry, citation.doc)) return false;
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

  const passagesMatching: CuratedContext["passagesMatching"] = (phrases) =>
    citable.filter((place) => phrases.some((phrase) => containsQuote(place.text, phrase)));

  const checkPhrasesOccur: CuratedContext["checkPhrasesOccur"] = (source, path, entry, phrases) =>
    phrases.forEach((phrase, index) => {
      if (passagesMatching([phrase]).length > 0) return;
      report(
        source,
        [...path, index],
        entry,
        `the phrase “${phrase}” occurs nowhere in the published text`,
        "copy the phrase verbatim from a passage, or remove it",
      );
    });

  const claimId: CuratedContext["claimId"] = (namespace, id, source, path, entry) => {
    const previous = namespace.get(id);
    if (previous) {
      report(source, path, entry, `the id ${id} is already used by ${previous}`, "give every entry an id of its own");
    }
    namespace.set(id, entry);
  };

  return {
    places,
    citable,
    documents,
    report,
    reportAt,
    checkCitation,
    checkDocument,
    passagesMatching,
    checkPhrasesOccur,
    claimId,
  };
}
