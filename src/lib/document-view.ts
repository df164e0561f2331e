/**
 * What a document page shows, computed from the site's data: pure, so the
 * page and its components only render it.
 */
import type { CitedDate, CitedDocument } from "./citation.ts";
import {
  mentionsOf,
  passageMentionsOf,
  type EntityCollections,
  type Mentions,
  type PassageMentions,
} from "./mentions.ts";
import { marginLabel, passageAnchor } from "./passage-numbers.ts";
import type { PassageType } from "../schemas/passage.ts";
import type { QuotedPassage } from "./passages.ts";
import { orderedPair } from "./shared-overview.ts";
import { distinctFormulas, formulaOf, sharedWords, type SharedWords } from "./reuse.ts";
import { normalizeForSearch } from "./search/normalize.ts";
import type { PassagesEntry } from "../schemas/entities.ts";
import type { Provenance } from "../schemas/provenance.ts";
import type { FieldName, PlacedText, Speech } from "../schemas/speech.ts";

/** The parts of the site's data (src/data/site-data.ts) a document page reads. */
export interface DocumentSources {
  documents: readonly Speech[];
  passages: ReadonlyMap<string, PassagesEntry>;
  /** A published passage; throws on one that does not exist. */
  passage(doc: string, id: string): QuotedPassage;
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
  /** Every join of two source lines inside a block, with the block's id, anchor and reader number's label. */
  joins: (Speech["blocks"][number]["joins"][number] & { id: string; anchor: string; label: string })[];
  /** The source's omissions (shared by every document of the source). */
  omissions: Provenance["omissions"];
  mentions: Mentions;
  /** The headings of the text, for its table of contents, with their anchors (`sec2`). */
  headings: { id: string; anchor: string; text: string }[];
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
      title: site.citeTitle(relation.target),
      collation: relation.type === "same-text-as" ? orderedPair(site.sameTextPairs, slug, relation.target) : undefined,
    })),
    joins: document.blocks.flatMap((block) =>
      block.joins.map((join) => {
        const { type, number } = numberOf(site, slug, block.id);
        return { ...join, id: block.id, anchor: passageAnchor({ type, number }), label: marginLabel(type, number) };
      }),
    ),
    omissions: site.provenance.get(document.source.file)?.omissions ?? [],
    mentions: mentionsOf(slug, site.entities),
    headings: (site.passages.get(slug)?.passages ?? [])
      .filter((passage) => passage.type === "heading")
      .map(({ id, type, number, text }) => ({ id, anchor: passageAnchor({ type, number }), text })),
    ...neighboursOf(site.documents, slug),
  };
}

/** A passage elsewhere that shares text with one of this document's passages. */
export interface SharedElsewhere {
  doc: string;
  id: string;
  type: PassageType;
  /** The other passage's reader number (src/lib/passage-numbers.ts). */
  number: number;
  /** The other document's title as cited. */
  title: string;
  identical: boolean;
  longest: number;
  /** The words the two passages share, with a few characters of this passage around them. */
  words: SharedWords;
}

/** A stock phrase a passage shares with others, too common in the corpus to mark reuse. */
export interface SharedFormula {
  phrase: string;
  /** How many documents contain it. */
  documents: number;
}

/** What the notes under each passage of a document show: its citation data and every link to and from it. */
export interface PassageNotes {
  slug: string;
  /** The source file the document comes from. */
  source: string;
  /** The document as its citations describe it. */
  cited: CitedDocument;
  /** Each passage's type and reader number, by passage id. */
  numbers: Map<string, { type: PassageType; number: number }>;
  /** What links to each of its passages, by passage id. */
  mentions: Map<string, PassageMentions>;
  /** Passages of other documents that share text with each passage, by passage id; formulas left out. */
  shared: Map<string, SharedElsewhere[]>;
  /** Stock formulas each passage shares with others (src/lib/reuse.ts), by passage id. */
  formulas: Map<string, SharedFormula[]>;
}

const citedDate = (date: Speech["date"]): CitedDate | undefined =>
  date && { value: date.value, precision: date.precision, inferred: Boolean(date.basis) };

/**
 * A document as its citations describe it (src/lib/citation.ts): a part of
 * a compilation (`part-of`) has the compilation as its container.
 */
export function citedDocumentOf(documents: readonly Speech[], document: Speech): CitedDocument {
  const containerSlug = document.relations.find((relation) => relation.type === "part-of")?.target;
  const container = documents.find((candidate) => candidate.slug === containerSlug);
  return {
    title: document.title.text,
    authors: document.authors.map((author) => author.value),
    outlet: document.outlet && { name: document.outlet.value, kind: document.outletKind ?? "website" },
    date: citedDate(document.date),
    page: document.page?.value,
    compilation: document.kind === "booklet",
    subtitle: document.fields.series?.text,
    publisher: document.fields.issuer?.text,
    label: document.fields.label?.text,
    original: document.source.url ? { url: document.source.url, retrieved: document.source.retrieved } : undefined,
    container: container && {
      title: container.title.text,
      subtitle: container.fields.series?.text,
      authors: container.authors.map((author) => author.value),
      publisher: container.fields.issuer?.text,
      date: citedDate(container.date),
    },
  };
}

/** A passage's type and reader number; throws on a passage that does not exist (the ingest checked every reference). */
function numberOf(site: DocumentSources, doc: string, id: string): { type: PassageType; number: number } {
  const { type, number } = site.passage(doc, id);
  return { type, number };
}

export function passageNotesOf(site: DocumentSources, slug: string): PassageNotes {
  const document = site.documents.find((candidate) => candidate.slug === slug);
  const passages = site.passages.get(slug);
  if (!document || !passages) throw new Error(`no document ${slug} in the speeches and passages collections`);
  return {
    slug,
    source: document.source.file,
    cited: citedDocumentOf(site.documents, document),
    numbers: new Map(passages.passages.map(({ id, type, number }) => [id, { type, number }])),
    mentions: passageMentionsOf(slug, site.entities),
    ...sharedNotes(site, passages),
  };
}

/** Each document's published text, normalised for matching, by slug; computed once per collection. */
const normalisedTexts = new WeakMap<ReadonlyMap<string, PassagesEntry>, Map<string, string>>();
function documentTextsOf(passages: ReadonlyMap<string, PassagesEntry>): Map<string, string> {
  let texts = normalisedTexts.get(passages);
  if (!texts) {
    texts = new Map(
      [...passages].map(([doc, entry]) => [
        doc,
        entry.passages.map((passage) => normalizeForSearch(passage.text)).join("\u2029"),
      ]),
    );
    normalisedTexts.set(passages, texts);
  }
  return texts;
}

/**
 * The links of each passage to passages elsewhere that share its words,
 * with the words shown; a link whose shared words are a formula found in
 * many documents (src/lib/reuse.ts formulaOf) is listed as that formula
 * instead, unless the two passages are identical (a reprint).
 */
function sharedNotes(
  site: DocumentSources,
  entry: PassagesEntry,
): { shared: Map<string, SharedElsewhere[]>; formulas: Map<string, SharedFormula[]> } {
  // Each document page is rendered once per interface language; the shared words are the same in each.
  const known = sharedNotesOf.get(entry);
  if (known) return known;
  const texts = documentTextsOf(site.passages);
  const shared = new Map<string, SharedElsewhere[]>();
  const formulas = new Map<string, SharedFormula[]>();
  for (const passage of entry.passages) {
    const links: SharedElsewhere[] = [];
    const found = new Map<string, SharedFormula>();
    for (const { doc, id, identical, longest } of passage.shared) {
      const other = site.passage(doc, id);
      const words = sharedWords(passage.text, other.text);
      const formula = identical ? undefined : formulaOf(words.whole, texts);
      if (formula) {
        found.set(normalizeForSearch(formula.phrase), formula);
        continue;
      }
      links.push({
        doc,
        id,
        type: other.type,
        number: other.number,
        identical,
        longest,
        title: site.citeTitle(doc),
        words,
      });
    }
    shared.set(passage.id, links);
    formulas.set(passage.id, distinctFormulas([...found.values()]));
  }
  const notes = { shared, formulas };
  sharedNotesOf.set(entry, notes);
  return notes;
}

const sharedNotesOf = new WeakMap<
  PassagesEntry,
  { shared: Map<string, SharedElsewhere[]>; formulas: Map<string, SharedFormula[]> }
>();
