import { z } from "zod";

/**
 * The editorial vocabulary, `content/vocabulary.yaml`: the kinds of decision
 * an editor may record (the `reason` of an omission, join, gap or
 * unterminated paragraph) and the kinds of block a paragraph may be marked as
 * (`kinds` in the editorial data), each with the description readers see. A
 * new kind is a new entry here; no code changes.
 */

/** A kind's name, as editorial data writes it: lower-case ASCII words joined by hyphens. */
export const kindNamePattern = /^[a-z]+(-[a-z]+)*$/;

const description = z
  .object({
    /** The description in Chinese, shown in the Chinese interface. */
    zh: z.string().min(1, { message: "describe the kind in Chinese, in a sentence a reader understands" }),
    /** The description in English, shown in the English interface. */
    en: z.string().min(1, { message: "describe the kind in English, in a sentence a reader understands" }),
  })
  .strict();

const kindName = z.string().regex(kindNamePattern, {
  message: "a kind's name is lower-case ASCII words joined by hyphens, such as page-control",
});

/** A JavaScript regular expression, as a string, that compiles. */
const pattern = z.string().refine(
  (source) => {
    try {
      new RegExp(source, "u");
      return true;
    } catch {
      return false;
    }
  },
  { message: "a pattern is a JavaScript regular expression (u flag); this one does not compile" },
);

export const vocabularySchema = z
  .object({
    /** Kinds of editorial decision, by name: why text is omitted, lines joined, a gap marked. */
    reasons: z.record(
      kindName,
      description.extend({
        /**
         * Whole lines that `npm run add-source` proposes to omit for this
         * reason: each a regular expression matched against the line with its
         * surrounding whitespace trimmed. The first kind in file order whose
         * pattern matches wins.
         */
        patterns: z.array(pattern).optional(),
      }),
    ),
    /**
     * Kinds of block besides a plain paragraph, by name (a pull quote, a
     * caption): published text that the page sets apart and labels.
     */
    blockKinds: z.record(
      kindName,
      description.extend({
        /** The short label shown beside the block, per language. */
        label: z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict(),
      }),
    ),
  })
  .strict();

export type Vocabulary = z.infer<typeof vocabularySchema>;
