import { z } from "zod";
import { documentKinds, fieldNames, outletKinds, relationTypes, reviewStatuses } from "./speech.ts";
import { kindNamePattern } from "./vocabulary.ts";
import { datePrecisions } from "./passage.ts";

/**
 * Editorial data: how one source text becomes documents. One YAML file per
 * source in `content/editorial/`, named after the source. Every line of the
 * source must be used exactly once: in a document (title, field, body) or in
 * an omission with its reason. The ingest pipeline checks this and computes
 * everything else (text, ids, spans) from the source.
 *
 * A piece reference names source text by line number (1-based, as an editor
 * shows it): `7` is the whole of line 7; `3b` is the second piece of line 3
 * after that line is cut by `splits`. In `body`, `5-19` is every piece of the
 * non-blank lines from 5 to 19, in order, less the pieces listed in omissions.
 */

const pieceRefPattern = /^[1-9]\d*[a-z]?$/;
const rangePattern = /^[1-9]\d*-[1-9]\d*$/;

/** A whole line (`7`) or one piece of a split line (`3b`). */
export const pieceRefSchema = z
  .union([z.number().int().positive(), z.string()])
  .transform((value) => String(value))
  .refine((value) => pieceRefPattern.test(value), {
    message:
      "a piece reference is a line number such as 7, or a line number and a piece letter such as 3b (see `splits`)",
  });

/** One or more pieces whose texts, concatenated, make a value. */
const piecesSchema = z.array(pieceRefSchema).min(1, {
  message: "list at least one piece reference, for example [5]",
});

/** A kind of decision declared in content/vocabulary.yaml; the ingest checks that it is. */
const reasonSchema = z.string().regex(kindNamePattern, {
  message: "a reason is the name of a kind declared under `reasons` in content/vocabulary.yaml, such as page-break",
});

/** An editorial decision's particulars, shown to readers after the reason. */
const noteSchema = z.string().min(1).optional();

const gapSchema = z
  .object({
    /** Marks text that the source lacks here. */
    gap: reasonSchema,
    /** What is missing, in Chinese, shown in place of the text. */
    note: z.string().min(1, { message: "say what text is missing here" }),
  })
  .strict();

/** A body item: a piece, a range of whole lines, or a marked gap. */
export const bodyItemSchema = z.union([
  z.number().int().positive().transform(String),
  z.string().refine((value) => pieceRefPattern.test(value) || rangePattern.test(value), {
    message: "a body item is a piece (7, 3b), a range of lines (5-19) or a gap ({gap: page-lacks-text, note: …})",
  }),
  gapSchema,
]);

/** Joins two pieces that are consecutive in the body into one paragraph. */
const joinSchema = z
  .object({
    pieces: z.tuple([pieceRefSchema, pieceRefSchema], {
      error: "a join names exactly two pieces, for example [35, 37]",
    }),
    reason: reasonSchema,
    note: noteSchema,
  })
  .strict();

const headingSchema = z
  .object({
    piece: pieceRefSchema,
    /** 2 for a section heading, 3 for a subsection; the title is level 1. */
    level: z.union([z.literal(2), z.literal(3)], {
      error: "level is 2 (section) or 3 (subsection); the title is level 1",
    }),
  })
  .strict();

/** A run of consecutive body pieces that form one list, each piece an item. */
const listSchema = z.object({ from: pieceRefSchema, to: pieceRefSchema }).strict();

/** Marks the block that begins with a body piece as a kind declared under `blockKinds` in content/vocabulary.yaml. */
const blockKindSchema = z
  .object({
    piece: pieceRefSchema,
    kind: z.string().regex(kindNamePattern, {
      message:
        "a kind is the name of a kind declared under `blockKinds` in content/vocabulary.yaml, such as pull-quote",
    }),
  })
  .strict();

/**
 * A title the editor gives a document whose text has none: shown as an
 * editorial title, never as published text, with the reason it is apt.
 */
const editorialTitleSchema = z
  .object({
    editorial: z.string().min(1, { message: "write the editorial title" }),
    basis: z.string().min(1, { message: "say why this title fits: which words of the text it is taken from" }),
  })
  .strict();

/**
 * A decision `npm run add-source` was unsure of, left open instead of made:
 * shown as an open question until an editor settles it and deletes the entry.
 * A verified document has none.
 */
const draftQuestionSchema = z
  .object({
    /** A piece (`7`, `3b`) or what the question is about (`title`, `date`, `outlet`, `source`). */
    about: z.string().min(1),
    /** The words concerned, as printed. */
    text: z.string().min(1),
    /** What to decide and the YAML that records it, ready to paste. */
    fix: z.string().min(1),
    /**
     * Characters of the text the decision affects, as the drafter counted them;
     * when absent, those of the block that holds the piece (0 for a field).
     */
    affects: z.number().int().min(0).optional(),
  })
  .strict();

/** A paragraph that ends without sentence-final punctuation on purpose. */
const unterminatedSchema = z.object({ piece: pieceRefSchema, reason: reasonSchema, note: noteSchema }).strict();

const isoDatePattern = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/**
 * A claim about a document: either stated by the text (`from` names the
 * piece that states it, and the pipeline checks that it does) or an editorial
 * inference (`basis` says why). Never both, never neither.
 */
function claim<T extends z.ZodType>(value: T) {
  return z
    .object({
      value,
      from: pieceRefSchema.optional(),
      basis: z.string().min(1).optional(),
    })
    .strict()
    .refine((entry) => (entry.from === undefined) !== (entry.basis === undefined), {
      message:
        "give either `from` (the piece of text that states this) or `basis` (why the edition infers it), not both and not neither",
    });
}

export const dateClaimSchema = claim(
  z.string().regex(isoDatePattern, {
    message: "a date is YYYY, YYYY-MM or YYYY-MM-DD",
  }),
).and(
  z.object({
    /** `after`: the document dates from this date or later. */
    precision: z.enum(datePrecisions, {
      error: `precision is one of ${datePrecisions.join(", ")}`,
    }),
  }),
);

const contentsEntrySchema = z
  .object({
    label: piecesSchema,
    title: piecesSchema,
    /** Slug of the document this entry points to. */
    target: z.string(),
  })
  .strict();

const relationSchema = z
  .object({
    type: z.enum(relationTypes, {
      error: `relation type must be one of: ${relationTypes.join(", ")}`,
    }),
    /** Slug of the related document (it must exist). */
    target: z.string(),
    note: noteSchema,
  })
  .strict();

const slugSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
  message: "a slug is lower-case ASCII words joined by hyphens, such as study-booklet-2023",
});

export const editorialDocumentSchema = z
  .object({
    /** URL slug of the document; unique across the corpus. */
    slug: slugSchema,
    kind: z.enum(documentKinds, {
      error: `kind must be one of: ${documentKinds.join(", ")}`,
    }),
    /**
     * How far an editor has checked the document: `draft` (written by
     * `npm run add-source`, not yet read), `proofread` (the reading text
     * checked against the source), `verified` (dates, claims and curated links
     * checked too). Published at every level, with the level shown.
     */
    status: z.enum(reviewStatuses, {
      error: `status is one of ${reviewStatuses.join(", ")}: draft until an editor has read the document against its source`,
    }),
    /** Among documents of the same date, the lower sequence comes first (0 when absent). */
    sequence: z.number().int().optional(),
    /**
     * The edition's English translation of the title, shown in the English
     * interface beside the Chinese title and marked as a translation. A
     * verified document has one.
     */
    titleEnglish: z.string().min(1).optional(),
    /** Pieces that, concatenated, are the title; or an editorial title where the text has none. */
    title: z.union([piecesSchema, editorialTitleSchema], {
      error:
        "title is a list of pieces, such as [3], or, where the text has no title, { editorial: 拟题, basis: why it fits }",
    }),
    /** Other verbatim metadata lines (byline, credit, imprint, …). */
    fields: z.partialRecord(z.enum(fieldNames), piecesSchema).optional(),
    /** The text in reading order. */
    body: z.array(bodyItemSchema).default([]),
    headings: z.array(headingSchema).default([]),
    lists: z.array(listSchema).default([]),
    joins: z.array(joinSchema).default([]),
    unterminated: z.array(unterminatedSchema).default([]),
    /** Blocks that are not plain paragraphs (a pull quote, a caption), by their first piece. */
    kinds: z.array(blockKindSchema).default([]),
    /** Why the reading order differs from the order of the source lines. */
    readingOrder: z.string().min(1).optional(),
    date: dateClaimSchema.optional(),
    authors: z.array(claim(z.string().min(1))).optional(),
    outlet: claim(z.string().min(1)).optional(),
    /**
     * What the outlet is: `newspaper` or `periodical` (cited as a publication
     * title, in 《》), `news-agency` or `website` (cited without 《》). When
     * absent, an outlet with a stated page is a newspaper and any other a website.
     */
    outletKind: z.enum(outletKinds, { error: `outletKind must be one of: ${outletKinds.join(", ")}` }).optional(),
    page: claim(z.string().min(1)).optional(),
    contents: z.array(contentsEntrySchema).optional(),
    relations: z.array(relationSchema).default([]),
    /** Decisions the drafter left open, most text affected first. */
    questions: z.array(draftQuestionSchema).default([]),
  })
  .strict();

export const editorialSchema = z
  .object({
    /** File name of the source in content/sources/. */
    source: z.string().regex(/^[\w-]+\.txt$/, {
      message: "source is the file name of a text in content/sources/, such as 000_4e4dd60d782a0e7d.txt",
    }),
    /**
     * Cuts a line into pieces, lettered a, b, c… in order: either the pieces
     * themselves, which must concatenate to exactly the line, or the cuts,
     * `{ at: [...] }`, each a character offset from the start of the line
     * (`12`) or a marker (`"——"`), cut just before its next occurrence after
     * the previous cut.
     */
    splits: z
      .record(
        z.string().regex(/^[1-9]\d*$/),
        z.union(
          [
            z.array(z.string().min(1)).min(2),
            z
              .object({
                at: z.array(z.union([z.number().int().positive(), z.string().min(1)])).min(1, {
                  message: "list at least one cut: a character offset such as 12, or a marker such as “——”",
                }),
              })
              .strict(),
          ],
          {
            error:
              "a split is the list of the line's pieces, or { at: [...] } with character offsets and markers to cut at",
          },
        ),
      )
      .default({}),
    omissions: z.array(z.object({ pieces: piecesSchema, reason: reasonSchema, note: noteSchema }).strict()).default([]),
    documents: z.array(editorialDocumentSchema).min(1, {
      message: "a source yields at least one document",
    }),
  })
  .strict();

export type EditorialData = z.infer<typeof editorialSchema>;
export type EditorialDocument = z.infer<typeof editorialDocumentSchema>;
export type BodyItem = z.infer<typeof bodyItemSchema>;
export type DateClaim = z.infer<typeof dateClaimSchema>;
