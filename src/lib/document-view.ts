/**
 * What a document page shows, computed from the site's data: pure, so the
 * page and its components only render it.
 */
import type { CitedDocument } from "./citation.ts";
import {
  mentionsOf,
  passageMentionsOf,
  type EntityCollections,
  type Mentions,
  type PassageMentions,
} from "./mentions.ts";
import { orderedPair } from "./shared-overview.ts";
import type { PassagesEntry } from "../schemas/entities.ts";
import type { Provenance } from "../schemas/provenance.ts";
import type { FieldName, PlacedText, Speech } from "../schemas/speech.ts";

/** The parts of the site's data (src/data/site-data.ts) a document page reads. */
export interface DocumentSources {
  documents: readonly Speech[];
  passages: ReadonlyMap<string, PassagesEntry>;
  citeTitle(doc: string): string;
  entities: EntityCollections;
  provenance: ReadonlyMap<string, Provenance>;
  sameTextPairs: readonly { a: string; b: string }[];
}

export interface DocumentRelation {
  type: Speech["relations"][number]["type"];
  target: string;
  note?: string | undefined;
  /** The target document's title. */
  title: string;
  /** For two copies of one text: the pair whose collation page compares them, in that page's order. */
  collation?: { a: string; b: string } | undefined;
}

export interface DocumentView {
  document: Speech;
  /** The metadata fields the text states (byline, dateline, imprint, …), in the document's order. */
  fields: [FieldName, PlacedText][];
  relations: DocumentRelation[];
  /** Every join of two source lines inside a block, with the block's id. */
  joins: (Speech["blocks"][number]["joins"][number] & { id: string })[];
  /** The source's omissions (shared by every document of the source). */
  omissions: Provenance["omissions"];
  mentions: Mentions;
  /** The headings of the text, for its table of contents. */
  headings: { id: string; text: string }[];
  previous?: Speech | undefined;
  next?: Speech | undefined;
}

/** The neighbours of a document in corpus order. */
export function neighboursOf(
  documents: readonly Speech[],
  slug: string,
): { previous?: Speech | undefined; next?: Speech | undefined } {
  const ordered = [...documents].sort((a, b) => a.order - b.order);
  const position = ordered.findIndex((document) => document.slug === slug);
  if (position < 0) return {};
  return { previous: ordered[position - 1], next: ordered[position + 1] };
}

export function documentView(site: DocumentSources, slug: string): DocumentView {
  const document = site.documents.find((candidate) => candidate.slug === slug);
  if (!document) throw new Error(`no document ${slug}`);
  return {
    document,
    fields: Object.entries(document.fields) as [FieldName, PlacedText][],
    relations: document.relations.map((relation) => ({
      ...relation,
      title: site.documents.find((candidate) => candidate.slug === relation.target)?.title.text ?? relation.target,
      collation: relation.type === "same-text-as" ? orderedPair(site.sameTextPairs, slug, relation.target) : undefined,
    })),
    joins: document.blocks.flatMap((block) => block.joins.map((join) => ({ ...join, id: block.id }))),
    omissions: site.provenance.get(document.source.file)?.omissions ?? [],
    mentions: mentionsOf(slug, site.entities),
    headings: (site.passages.get(slug)?.passages ?? [])
      .filter((passage) => passage.type === "heading")
      .map(({ id, text }) => ({ id, text })),
    ...neighboursOf(site.documents, slug),
  };
}

/** A passage elsewhere that shares text with one of this document's passages. */
export interface SharedElsewhere {
  doc: string;
  id: string;
  /** The other document's title as cited. */
  title: string;
  identical: boolean;
  longest: number;
}

/** What the notes under each passage of a document show: its citation data and every link to and from it. */
export interface PassageNotes {
  slug: string;
  /** The document as its citations describe it. */
  cited: CitedDocument;
  /** What links to each of its passages, by passage id. */
  mentions: Map<string, PassageMentions>;
  /** Passages of other documents that share text with each passage, by passage id. */
  shared: Map<string, SharedElsewhere[]>;
}

export function passageNotesOf(site: DocumentSources, slug: string): PassageNotes {
  const document = site.documents.find((candidate) => candidate.slug === slug);
  const passages = site.passages.get(slug);
  if (!document || !passages) throw new Error(`no document ${slug} in the speeches and passages collections`);
  return {
    slug,
    cited: {
      title: passages.citeTitle,
      authors: document.authors.map((author) => author.value),
      outlet: document.outlet?.value,
      date: document.date && {
        value: document.date.value,
        precision: document.date.precision,
        inferred: Boolean(document.date.basis),
      },
      page: document.page?.value,
      kind: document.kind,
    },
    mentions: passageMentionsOf(slug, site.entities),
    shared: new Map(
      passages.passages.map((passage) => [
        passage.id,
        passage.shared.map(({ doc, id, identical, longest }) => ({
          doc,
          id,
          identical,
          longest,
          title: site.citeTitle(doc),
        })),
      ]),
    ),
  };
}
