import { z } from "zod";
import { citationSchema } from "./citation.ts";
import { passageTypeSchema } from "./passage.ts";
import { milestoneDateSchema } from "./curated.ts";

/**
 * The `principle-sets`, `principles`, `milestones` and `terms` collections,
 * written by `npm run ingest` from `content/curated/` and the published text.
 * Authored fields are copied from the curated data; fields marked computed
 * are derived from the published text and never typed in.
 */

/** A passage of a document: its slug and its permalink id (`p12` or `title`). */
export const passageRefSchema = z.object({ doc: z.string(), block: z.string() }).strict();

export const principleSetEntrySchema = z
  .object({
    id: z.string(),
    /** Position among the sets, as authored. */
    order: z.number().int().nonnegative(),
    name: z.string(),
    namedInCorpus: z.boolean(),
    description: z.string(),
    /** The edition's English renderings of the set's name. */
    english: z.array(z.string()),
    unlisted: z.string().optional(),
    /** Ids of the set's principles, in the corpus's order. */
    items: z.array(z.string()),
    /** Computed: every passage that names the set. */
    namedIn: z.array(passageRefSchema),
  })
  .strict();

export const principleEntrySchema = z
  .object({
    id: z.string(),
    set: z.string(),
    /** 1-based position in its set. */
    order: z.number().int().positive(),
    wording: z.string(),
    match: z.array(z.string()),
    /**
     * Every passage that states the principle (computed from `match`) or
     * elaborates it (cited), in corpus and reading order.
     */
    passages: z.array(passageRefSchema.extend({ relation: z.enum(["states", "elaborates"]) })),
  })
  .strict();

export const milestoneEntrySchema = z
  .object({
    id: z.string(),
    date: milestoneDateSchema,
    description: z.string(),
    /** The event's names, for search; the first is shown. */
    names: z.array(z.string()),
    /** The edition's English renderings of the event's name. */
    english: z.array(z.string()),
    passages: z.array(citationSchema),
    /** Computed: the documents of the passages, then the related documents named by hand. */
    documents: z.array(z.string()),
    principles: z.array(z.string()),
    /** Computed: the date expressions of the published text attached to this milestone. */
    expressions: z.array(passageRefSchema.extend({ expression: z.string() })),
  })
  .strict();

export const termEntrySchema = z
  .object({
    id: z.string(),
    term: z.string(),
    variants: z.array(z.string()),
    /** The edition's English renderings of the term. */
    english: z.array(z.string()),
    principleSet: z.string().optional(),
    note: z.string().optional(),
    /** Computed: occurrences in the published text (titles, headings, paragraphs, items). */
    total: z.number().int().positive(),
    /** Computed: per document, in corpus order, with the passages and their counts. */
    documents: z.array(
      z
        .object({
          doc: z.string(),
          count: z.number().int().positive(),
          passages: z.array(z.object({ block: z.string(), count: z.number().int().positive() }).strict()),
        })
        .strict(),
    ),
    /**
     * Computed: the earliest year among the dates of the documents that use
     * the term, and those documents with their dates as the edition gives
     * them (stated or inferred).
     */
    earliest: z
      .object({
        year: z.string(),
        documents: z.array(
          z.object({ doc: z.string(), date: z.string(), precision: z.string(), inferred: z.boolean() }).strict(),
        ),
      })
      .strict()
      .optional(),
  })
  .strict();

export type PrincipleSetEntry = z.infer<typeof principleSetEntrySchema>;
export type PrincipleEntry = z.infer<typeof principleEntrySchema>;
export type MilestoneEntry = z.infer<typeof milestoneEntrySchema>;
export type TermEntry = z.infer<typeof termEntrySchema>;

/**
 * The `passages` collection: one JSON file per document in
 * `content/generated/passages/`, its published passages in reading order (the title
 * first), so that pages quoting a passage read it from one place.
 */
export const passagesEntrySchema = z
  .object({
    doc: z.string(),
    title: z.string(),
    /**
     * Computed (src/lib/document-titles.ts): the title as lists, result headings, chart labels and links name the
     * document: with its container or outlet when another document has the same title, so that the two differ.
     */
    citeTitle: z.string(),
    passages: z.array(
      z
        .object({
          /** Permalink id: `title` or a block id. */
          id: z.string(),
          type: passageTypeSchema,
          /** Computed (src/lib/passage-numbers.ts): the reader number, counted within the passage's type; 0 for the title. */
          number: z.number().int().nonnegative(),
          text: z.string(),
          /**
           * Computed (src/lib/collation.ts): passages of other documents that share
           * a stretch of at least MIN_SHARED_LENGTH characters with this one.
           */
          shared: z
            .array(
              z
                .object({
                  doc: z.string(),
                  id: z.string(),
                  /** Longest common stretch, in characters (whitespace ignored). */
                  longest: z.number().int().positive(),
                  /** All common text in stretches of at least SEED_LENGTH (8) characters. */
                  shared: z.number().int().positive(),
                  /** The two passages are the same text, whitespace and character width aside. */
                  identical: z.boolean(),
                })
                .strict(),
            )
            .default([]),
        })
        .strict(),
    ),
  })
  .strict();

export type PassagesEntry = z.infer<typeof passagesEntrySchema>;
