import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import { inSiteOrder, type EntityCollections } from "../../src/lib/mentions.ts";
import { searchEntities, type SearchEntity } from "../../src/lib/search/entities.ts";
import {
  milestoneEntrySchema,
  passagesEntrySchema,
  principleEntrySchema,
  principleSetEntrySchema,
  termEntrySchema,
  type PassagesEntry,
} from "../../src/schemas/entities.ts";
import { passageAnchor, readerNumbers } from "../../src/lib/passage-numbers.ts";
import type { Passage, SearchDocument } from "../../src/schemas/passage.ts";
import { speechSchema, type Speech } from "../../src/schemas/speech.ts";
import { GENERATED_DIR } from "./write-outputs.ts";

/**
 * What the search is built from, read from the generated collections in
 * `content/generated/` alone (never from the ingest's memory), so that the
 * search can be rebuilt from `content/`: every document with its passages,
 * and the curated entities a query may name.
 */
export interface SearchCorpus {
  /** Documents with at least one passage, in corpus order. */
  documents: SearchDocument[];
  entities: SearchEntity[];
}

/** The files of a generated collection with this extension, by name. */
function collectionFiles(root: string, collection: string, extension: string): { file: string; text: string }[] {
  const dir = join(root, GENERATED_DIR, collection);
  return readdirSync(dir)
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => ({ file: join(GENERATED_DIR, collection, name), text: readFileSync(join(dir, name), "utf8") }));
}

/** The YAML frontmatter of an MDX entry, between its first two `---` lines. */
function frontmatterOf(text: string, file: string): unknown {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match)
    throw new Error(`${file}: no frontmatter; run \`npm run ingest\` to write the generated collections again`);
  return parseYaml(match[1] ?? "");
}

/** Parses with a collection's schema; a failure names the file, since the ingest writes only valid entries. */
function checked<S extends z.ZodType>(schema: S, value: unknown, file: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new Error(
      `${file} does not match its collection's schema (${result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}); ` +
        "run `npm run ingest` to write the generated collections again",
    );
  }
  return result.data;
}

/** A document as the search indexes and shows it, from its entry and its published passages. */
export function searchDocumentOf(speech: Speech, published: PassagesEntry): SearchDocument {
  const { date, outlet, status } = speech;
  return {
    doc: speech.slug,
    title: published.citeTitle,
    order: speech.order,
    year: date?.value.slice(0, 4) ?? "",
    collection: "speeches",
    ...(date ? { date: { value: date.value, precision: date.precision, inferred: date.basis !== undefined } } : {}),
    ...(outlet ? { outlet: outlet.value } : {}),
    ...(status !== "verified" ? { status } : {}),
    sameText: speech.relations
      .filter((relation) => relation.type === "same-text-as")
      .map((relation) => relation.target),
    passages: published.passages.map(({ id, type, text }) => [id, type, text]),
  };
}

/** Reads the search corpus from `<root>/content/generated/`. */
export function readSearchCorpus(root: string): SearchCorpus {
  const published = new Map(
    collectionFiles(root, "passages", ".json").map(({ file, text }) => {
      const entry = checked(passagesEntrySchema, JSON.parse(text), file);
      return [entry.doc, entry] as const;
    }),
  );
  const documents = collectionFiles(root, "speeches", ".mdx")
    .map(({ file, text }) => checked(speechSchema, frontmatterOf(text, file), file))
    .sort((a, b) => a.order - b.order)
    .flatMap((speech) => {
      const entry = published.get(speech.slug);
      if (!entry) throw new Error(`${GENERATED_DIR}/passages/${speech.slug}.json is missing; run \`npm run ingest\``);
      return entry.passages.length > 0 ? [searchDocumentOf(speech, entry)] : [];
    });
  const entries = <S extends z.ZodType>(collection: string, schema: S) =>
    collectionFiles(root, collection, ".mdx").map(({ file, text }) => checked(schema, frontmatterOf(text, file), file));
  const collections: EntityCollections = inSiteOrder({
    sets: entries("principle-sets", principleSetEntrySchema),
    principles: entries("principles", principleEntrySchema),
    milestones: entries("milestones", milestoneEntrySchema),
    terms: entries("terms", termEntrySchema),
  });
  return { documents, entities: searchEntities(collections) };
}

/** `doc#id` of every passage by `doc#anchor`, its reader anchor (`para5`) as permalinks end with it. */
export function passageKeysByAnchor(passages: readonly Passage[]): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [doc, inDocument] of Map.groupBy(passages, (passage) => passage.doc)) {
    const numbers = readerNumbers(inDocument);
    for (const passage of inDocument)
      keys.set(
        `${doc}#${passageAnchor({ type: passage.type, number: numbers.get(passage.id) ?? -1 })}`,
        `${doc}#${passage.id}`,
      );
  }
  return keys;
}

/** The passages of search documents, in their order: what a plain substring search (the oracle) reads. */
export function passagesOfDocuments(documents: readonly SearchDocument[]): Passage[] {
  return documents.flatMap(({ doc, passages }) =>
    passages.map(([id, type, text], position) => ({ doc, id, type, text, position })),
  );
}
