import { z } from "zod";

/**
 * A citation: a passage of a document and the words it quotes from it. The
 * ingest checks that the document and the passage exist and that the quote
 * occurs in the passage verbatim, up to character width and whitespace
 * (see src/lib/text-match.ts).
 */
export const citationSchema = z
  .object({
    /** Slug of the document (a file name in content/generated/speeches/, without .mdx). */
    doc: z
      .string()
      .min(1, { message: "name the document by its slug, for example cac-stride-toward-cyber-power-2024" }),
    /** Id of the passage: a block id such as `p12`, or `title`. */
    block: z.string().regex(/^(p[1-9]\d*|title)$/, {
      message: "name the passage by its permalink id, such as p12, or title",
    }),
    /** Words of the passage, copied from it. */
    quote: z.string().min(2, { message: "quote at least two characters of the passage" }),
  })
  .strict();

export type Citation = z.infer<typeof citationSchema>;
