import { z } from "zod";
import { manifestSchema } from "./manifest.ts";
import { kindNamePattern } from "./vocabulary.ts";
import { placedTextSchema } from "./speech.ts";

/**
 * The `provenance` collection: one JSON file per source in
 * `content/generated/provenance/`, written by `npm run ingest`. It tells readers where
 * each document comes from and lists the editorial omissions with reasons.
 */
export const provenanceSchema = z
  .object({
    /** The source manifest: file, SHA-256, what the text states. */
    manifest: manifestSchema,
    /** Number of lines of the source text. */
    lineCount: z.number().int().nonnegative(),
    /** Slugs of the documents made from this source, in order. */
    documents: z.array(z.string()),
    /** Source text that is deliberately not published, each with its reason. */
    omissions: z.array(
      placedTextSchema.extend({
        reason: z.string().regex(kindNamePattern),
        note: z.string().optional(),
      }),
    ),
  })
  .strict();

export type Provenance = z.infer<typeof provenanceSchema>;
