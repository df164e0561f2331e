import { z } from "zod";
import {
  milestoneEntrySchema,
  passagesEntrySchema,
  principleEntrySchema,
  principleSetEntrySchema,
  termEntrySchema,
} from "./entities.ts";
import { provenanceSchema } from "./provenance.ts";
import { speechSchema } from "./speech.ts";

/**
 * The open data files under `data/` (see src/lib/open-data.ts). Each is
 * described by a JSON Schema generated from these zod schemas, published
 * beside it as `data/NAME.schema.json`.
 */

/** `corpus.json`: every document with its metadata, its blocks' source lines and its published passages, and every source's provenance. */
export const corpusFileSchema = z
  .object({
    /** The edition's name. */
    edition: z.string(),
    documents: z.array(
      speechSchema.extend({
        /** The published text: the title, then every heading, paragraph and list item, in reading order. */
        passages: passagesEntrySchema.shape.passages,
        /** The title as citations give it. */
        citeTitle: z.string(),
      }),
    ),
    /** Per source file: manifest, line count, documents made from it, and the text deliberately not published. */
    sources: z.array(provenanceSchema),
  })
  .strict();

/** `principles.json`: the enumerated formulas and their items, with their passages. */
export const principlesFileSchema = z
  .object({ sets: z.array(principleSetEntrySchema), principles: z.array(principleEntrySchema) })
  .strict();

/** `milestones.json`: dated events with their precision and passages. */
export const milestonesFileSchema = z.object({ milestones: z.array(milestoneEntrySchema) }).strict();

/** `terms.json`: key terms with their computed occurrences. */
export const termsFileSchema = z.object({ terms: z.array(termEntrySchema) }).strict();

/** The JSON files, by name, with the schema each follows. */
export const openDataSchemas = {
  corpus: corpusFileSchema,
  principles: principlesFileSchema,
  milestones: milestonesFileSchema,
  terms: termsFileSchema,
} as const;

export type OpenDataName = keyof typeof openDataSchemas;
export type CorpusFile = z.infer<typeof corpusFileSchema>;
