import { z } from "zod";
import { kindNamePattern } from "./vocabulary.ts";
import { datePrecisions, reviewStatuses } from "./passage.ts";

export { reviewStatuses, type ReviewStatus } from "./passage.ts";

/**
 * The `speeches` collection: every document of the corpus, one MDX file each
 * in `content/generated/speeches/`, written by `npm run ingest`. The frontmatter below
 * carries metadata and structure; the MDX body carries the text, one
 * component per block. Do not edit these files by hand: edit the editorial
 * data in `content/editorial/` and run the ingest again.
 */

/**
 * What a document's outlet is: a newspaper or periodical, whose title is a
 * publication title (cited in 《》), or a news agency or website (cited
 * without). See src/lib/citation.ts.
 */
export const outletKinds = ["newspaper", "periodical", "news-agency", "website"] as const;

export const documentKinds = ["report", "article", "review", "booklet", "study-material"] as const;

/** Verbatim metadata lines a document may carry besides its title. */
export const fieldNames = [
  "byline",
  "credit",
  "imprint",
  "label",
  "series",
  "issuer",
  "dateline",
  "sourceNote",
] as const;

/**
 * `part-of`/`has-part`: a booklet and its materials. `same-text-as`: two
 * copies of one text. `shares-page-with`: documents printed on one page.
 * Every relation is recorded on both documents.
 */
export const relationTypes = ["part-of", "has-part", "same-text-as", "shares-page-with"] as const;

const lineNumbers = z.array(z.number().int().positive()).min(1, { message: "name the source lines this comes from" });

/** Verbatim text and the source lines it comes from. */
export const placedTextSchema = z
  .object({
    text: z.string().min(1),
    lines: lineNumbers,
  })
  .strict();

/** A value that the text states (`stated`) or that the edition infers (`basis`). */
export const claimSchema = z
  .object({
    value: z.string().min(1),
    /** The verbatim text that states the value. */
    stated: placedTextSchema.optional(),
    /** Why the edition infers the value; shown to readers as an inference. */
    basis: z.string().min(1).optional(),
  })
  .strict()
  .refine((entry) => (entry.stated === undefined) !== (entry.basis === undefined), {
    message: "a claim is either stated (with `stated`) or inferred (with `basis`)",
  });

export const dateSchema = claimSchema.and(
  z.object({
    /** `after`: the document dates from `value` or later. */
    precision: z.enum(datePrecisions),
  }),
);

const decisionSchema = z
  .object({
    /** A kind of decision of content/vocabulary.yaml. */
    reason: z.string().regex(kindNamePattern),
    note: z.string().optional(),
  })
  .strict();

/** Where two source lines were joined into one paragraph, and why. */
const joinSchema = decisionSchema.extend({
  after: z.number().int().positive(),
  before: z.number().int().positive(),
  /** Where the piece of line `before` starts in the block's text (UTF-16 offset): where the break stood. */
  at: z.number().int().positive(),
});

/**
 * Where one of the source's omissions falls in this document's text
 * (scripts/lib/text-places.ts): inside the title or a block (`in` is `title`
 * or the block id, `at` the UTF-16 offset in its text), or between blocks
 * where no passage holds its line (`in` is `text`, `at` the number of blocks
 * before it).
 */
export const omissionPlaceSchema = z
  .object({
    /** Its number in the source's provenance `omissions`, from 1 (the `omission-N` anchor). */
    omission: z.number().int().positive(),
    in: z.string().regex(/^(title|text|(p|gap-)[1-9]\d*)$/),
    at: z.number().int().nonnegative(),
  })
  .strict();

/** A title the editor gives a document whose text has none. */
export const editorialTitleSchema = z.object({ text: z.string().min(1), basis: z.string().min(1) }).strict();

/**
 * Something the ingest could not settle and an editor must: a date
 * expression not yet classified, a paragraph that ends without
 * sentence-final punctuation, a decision the drafter left open. Allowed below
 * `verified`.
 */
export const openQuestionSchema = z
  .object({
    kind: z.enum(["date-expression", "unterminated", "drafting"]),
    /** The passage concerned (`p12`, `title`), or the metadata field. */
    block: z.string(),
    /** The words concerned, as printed. */
    text: z.string().min(1),
    /** What to decide and how to record it, in the editorial data or curated data. */
    fix: z.string().min(1),
    /**
     * Characters of the text the decision affects: the passage or lines it
     * concerns, the whole document for its date, 0 for what is not text
     * (where a capture came from). The worksheet lists the largest first.
     */
    affects: z.number().int().min(0),
  })
  .strict();

export const blockTypes = ["heading", "paragraph", "item", "gap"] as const;

export const blockSchema = z
  .object({
    /** Stable id, the fragment of the block's permalink (`p12`). */
    id: z.string().regex(/^(p|gap-)[1-9]\d*$/),
    type: z.enum(blockTypes),
    /** Heading level (2 or 3); only on headings. */
    level: z.union([z.literal(2), z.literal(3)]).optional(),
    /** Source lines, in reading order; empty only for a gap. */
    lines: z.array(z.number().int().positive()),
    joins: z.array(joinSchema).default([]),
    /** For a gap, or a paragraph that ends unterminated: the reason. */
    decision: decisionSchema.optional(),
    /** A block kind of content/vocabulary.yaml (a pull quote, a caption); absent for a plain block. */
    kind: z.string().regex(kindNamePattern).optional(),
  })
  .strict();

export const speechSchema = z
  .object({
    slug: z.string(),
    kind: z.enum(documentKinds),
    /** Position of the document in the corpus order (src/lib/document-order.ts): lists, prev/next, search. */
    order: z.number().int().nonnegative(),
    /** The editor's tie-breaker among documents of one date. */
    sequence: z.number().int().optional(),
    /** How far an editor has checked the document. */
    status: z.enum(reviewStatuses),
    /** What an editor still has to decide: shown on the page; a verified document has none. */
    openQuestions: z.array(openQuestionSchema).default([]),
    /** The edition's English translation of the title (editorial). */
    titleEnglish: z.string().min(1).optional(),
    /** The title as the text prints it, or an editorial title with its basis where the text has none. */
    title: z.union([placedTextSchema, editorialTitleSchema]),
    fields: z.partialRecord(z.enum(fieldNames), placedTextSchema).default({}),
    date: dateSchema.optional(),
    authors: z.array(claimSchema).default([]),
    outlet: claimSchema.optional(),
    /** What the outlet is; set by the editor, or a newspaper when the text states a page and a website otherwise. */
    outletKind: z.enum(outletKinds).optional(),
    page: claimSchema.optional(),
    source: z
      .object({
        file: z.string(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        /** The original publication's address, from the source's manifest; absent when the manifest gives none. */
        url: z.string().optional(),
        /** The day the source was retrieved from `url`. */
        retrieved: z.string().optional(),
      })
      .strict(),
    /** Why the reading order differs from the order of the source lines. */
    readingOrder: z.string().optional(),
    relations: z
      .array(
        z
          .object({
            type: z.enum(relationTypes),
            target: z.string(),
            note: z.string().optional(),
          })
          .strict(),
      )
      .default([]),
    /** The contents list of a booklet, as structure. */
    contents: z
      .array(z.object({ label: placedTextSchema, title: placedTextSchema, target: z.string() }).strict())
      .optional(),
    blocks: z.array(blockSchema),
    /** The source's omissions that fall in this document, where each stands. */
    omissions: z.array(omissionPlaceSchema).default([]),
  })
  .strict();

export type Speech = z.infer<typeof speechSchema>;
/** Frontmatter as written, before defaults are applied. */
export type SpeechInput = z.input<typeof speechSchema>;
export type Block = z.infer<typeof blockSchema>;
export type OmissionPlace = z.infer<typeof omissionPlaceSchema>;
export type OpenQuestion = z.infer<typeof openQuestionSchema>;
export type PlacedText = z.infer<typeof placedTextSchema>;
export type Claim = z.infer<typeof claimSchema>;
export type DocumentKind = (typeof documentKinds)[number];
export type OutletKind = (typeof outletKinds)[number];
export type FieldName = (typeof fieldNames)[number];
