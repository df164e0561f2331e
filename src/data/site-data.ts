import { getCollection, type CollectionEntry } from "astro:content";
import { inSiteOrder, type EntityCollections } from "../lib/mentions.ts";
import { passageName, type PassageNames } from "../lib/passage-numbers.ts";
import { passageLookup, type QuotedPassage } from "../lib/passages.ts";
import { sameTextPairs } from "../lib/shared-overview.ts";
import type { PassagesEntry } from "../schemas/entities.ts";
import type { Provenance } from "../schemas/provenance.ts";
import type { Speech } from "../schemas/speech.ts";

/**
 * Everything the pages read from the content collections, queried once per
 * build: pages and components ask this module, never `astro:content`.
 */
export interface SiteData {
  /** Every document in corpus order. */
  documents: readonly Speech[];
  /** The MDX entry of each document, by slug, for rendering its body. */
  entries: ReadonlyMap<string, CollectionEntry<"speeches">>;
  /** The published passages of each document, by slug. */
  passages: ReadonlyMap<string, PassagesEntry>;
  /** A published passage; throws on one that does not exist (the ingest verified every reference). */
  passage(doc: string, id: string): QuotedPassage;
  /** A passage's name in one language (第3段, 小标题2, 标题), from its reader number. */
  passageName(doc: string, id: string, names: PassageNames): string;
  /** The title that names the document in lists, links and charts: told apart from any namesake (src/lib/document-titles.ts). */
  citeTitle(doc: string): string;
  /** Principle sets (in set order), principles, milestones (in date order) and terms (in curated order). */
  entities: EntityCollections;
  /** Each source's provenance record, by source file name. */
  provenance: ReadonlyMap<string, Provenance>;
  /** The pairs of documents that are copies of one text, each once, the earlier first. */
  sameTextPairs: readonly { a: string; b: string }[];
}

let loaded: Promise<SiteData> | undefined;

/** The site's data, loaded on first use and shared by every page of the build. */
export function siteData(): Promise<SiteData> {
  loaded ??= load();
  return loaded;
}

async function load(): Promise<SiteData> {
  const speechEntries = (await getCollection("speeches")).sort((a, b) => a.data.order - b.data.order);
  const documents = speechEntries.map((entry) => entry.data);
  const passages = new Map((await getCollection("passages")).map((entry) => [entry.data.doc, entry.data]));
  const provenance = (await getCollection("provenance")).map((entry) => entry.data);
  const dataOf = async <T extends "principleSets" | "principles" | "milestones" | "terms">(name: T) =>
    (await getCollection(name)).map((entry) => entry.data as CollectionEntry<T>["data"]);
  const entities = inSiteOrder({
    sets: await dataOf("principleSets"),
    principles: await dataOf("principles"),
    milestones: await dataOf("milestones"),
    terms: await dataOf("terms"),
  });
  const lookup = passageLookup([...passages.values()]);
  return {
    documents,
    entries: new Map(speechEntries.map((entry) => [entry.data.slug, entry])),
    passages,
    passage: lookup,
    passageName: (doc, id, names) => {
      const passage = lookup(doc, id);
      return passageName(names, passage.type, passage.number);
    },
    citeTitle: (doc) => passages.get(doc)?.citeTitle ?? doc,
    entities,
    provenance: new Map(provenance.map((record) => [record.manifest.file, record])),
    sameTextPairs: sameTextPairs(documents),
  };
}
