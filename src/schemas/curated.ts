import { z } from "zod";
import { citationSchema } from "./citation.ts";

/**
 * Authored data in `content/curated/`: the wording, descriptions and notes of
 * principles, milestones and terms, and the citations that ground them. The
 * ingest verifies every citation and reference, computes occurrences, counts
 * and back-links from the published text, and writes the `principle-sets`,
 * `principles`, `milestones` and `terms` collections.
 */

const idSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
  message: "an id is lower-case ASCII words joined by hyphens, such as ten-principles; it becomes a URL",
});

/** One line of Chinese, shown to readers as the edition's own words. */
const proseSchema = z.string().min(2, { message: "write at least a short phrase here" });

/** Phrases whose every occurrence in the published text is a passage of the entry (computed, never listed by hand). */
const matchSchema = z
  .array(z.string().min(2, { message: "a phrase to match has at least two characters" }))
  .min(1, { message: "give at least one phrase, usually the wording itself" });

export const curatedPrincipleSchema = z
  .object({
    /** Stable id, unique across all sets. */
    id: idSchema,
    /** Canonical wording, as the corpus words it. */
    wording: proseSchema,
    /** Every passage containing one of these phrases states this principle. */
    match: matchSchema,
    /** Passages that elaborate the principle without containing a match phrase. */
    elaborations: z.array(citationSchema).default([]),
  })
  .strict();

export const curatedPrincipleSetSchema = z
  .object({
    id: idSchema,
    /** The set's name as the corpus gives it (十个坚持); for a set the corpus leaves unnamed, its items as listed. */
    name: proseSchema,
    /** Whether `name` is the corpus's own name for the set. */
    namedInCorpus: z.boolean(),
    /** One line on what the set is, in the edition's words. */
    description: proseSchema,
    /** The set's name in English, the edition's rendering: found by an English search. */
    english: z.array(z.string().min(2)).default([]),
    /** Phrases by which the corpus names the set; every passage containing one names it (computed). */
    nameMatch: z.array(z.string().min(2)).default([]),
    /** The items, in the order the corpus lists them. Empty when the corpus names the set without listing it. */
    items: z.array(curatedPrincipleSchema).default([]),
    /** Required when `items` is empty: what the corpus says of the set, and that it does not list it. */
    unlisted: proseSchema.optional(),
  })
  .strict()
  .refine((set) => set.items.length > 0 || set.unlisted !== undefined, {
    message: "a set without items needs `unlisted`: say that the corpus names it without spelling it out",
    path: ["unlisted"],
  })
  .refine((set) => set.items.length > 0 || set.nameMatch.length > 0, {
    message: "a set without items needs `nameMatch`: the phrases by which the corpus names it",
    path: ["nameMatch"],
  });

export const principlesFileSchema = z.object({ sets: z.array(curatedPrincipleSetSchema).min(1) }).strict();

export const milestonePrecisions = ["year", "month", "day", "range", "since"] as const;

const isoDay = String.raw`\d{4}-\d{2}-\d{2}`;
const datePatterns: Record<(typeof milestonePrecisions)[number], RegExp> = {
  year: /^\d{4}$/,
  month: /^\d{4}-\d{2}$/,
  day: new RegExp(`^${isoDay}$`),
  range: new RegExp(`^${isoDay}/${isoDay}$`),
  since: /^\d{4}(-\d{2})?\/\.\.$/,
};

export const milestoneDateSchema = z
  .object({
    /**
     * ISO 8601: `1994`, `2016-06`, `2014-02-27`; a range `2023-07-14/2023-07-15`;
     * an open interval `2014/..` for “since 2014” (as in ISO 8601-2 / EDTF).
     */
    value: z.string(),
    precision: z.enum(milestonePrecisions),
    /** Present when the date is derived rather than stated: how it follows from the text. */
    derivation: proseSchema.optional(),
  })
  .strict()
  .refine((date) => datePatterns[date.precision].test(date.value), {
    message:
      "the value does not fit its precision: year 1994, month 2016-06, day 2014-02-27, range 2023-07-14/2023-07-15, since 2014/..",
    path: ["value"],
  });

export const curatedMilestoneSchema = z
  .object({
    id: idSchema,
    date: milestoneDateSchema,
    /** One line in Chinese: what happened. */
    description: proseSchema,
    /** The event's name as the texts call it (全国网络安全和信息化工作会议), for search; the first is shown. */
    names: z.array(z.string().min(2)).default([]),
    /** The event's name in English, the edition's rendering: found by an English search. */
    english: z.array(z.string().min(2)).default([]),
    /** Every passage that states the event; each quote includes the passage's date expression. */
    passages: z.array(citationSchema).min(1, { message: "cite at least one passage that states this event" }),
    /** Documents related to the event beyond those cited. */
    documents: z.array(z.string()).default([]),
    /** Ids of related principle sets or principles. */
    principles: z.array(z.string()).default([]),
  })
  .strict();

export const notEventReasons = {
  "statistic-date": "统计数据的截止或所指时间，不是事件。",
  "publication-date": "出版或编印日期，见文档元数据。",
  "name-part": "名称或标题的一部分，不指事件。",
} as const;

export const curatedNotEventSchema = z
  .object({
    doc: z.string(),
    /** A block id, `title`, or a field name (imprint, dateline). */
    block: z.string(),
    /** The date expression as it is printed. */
    expression: z.string().min(2),
    reason: z.enum(Object.keys(notEventReasons) as [keyof typeof notEventReasons], {
      error: `reason must be one of: ${Object.keys(notEventReasons).join(", ")}`,
    }),
    note: proseSchema.optional(),
  })
  .strict();

export const milestonesFileSchema = z
  .object({
    milestones: z.array(curatedMilestoneSchema).min(1),
    /** Date expressions of the published text that are not events, each with its reason. */
    notEvents: z.array(curatedNotEventSchema).default([]),
  })
  .strict();

export const curatedTermSchema = z
  .object({
    id: idSchema,
    /** The term as the corpus writes it. */
    term: proseSchema,
    /** Other spellings the corpus uses for the same term; counted with it. */
    variants: z.array(z.string().min(2)).default([]),
    /** The principle set the term names, if any. */
    principleSet: z.string().optional(),
    /**
     * The term in English, the edition's rendering (the first the usual one):
     * shown in the English interface and found by an English search. Never
     * counted in the text, which is Chinese.
     */
    english: z.array(z.string().min(2)).default([]),
    /** The edition's note on the term, in Chinese; must not state facts the corpus does not. */
    note: proseSchema.optional(),
  })
  .strict();

export const termsFileSchema = z.object({ terms: z.array(curatedTermSchema).min(1) }).strict();

export type PrinciplesFile = z.infer<typeof principlesFileSchema>;
export type MilestonesFile = z.infer<typeof milestonesFileSchema>;
export type TermsFile = z.infer<typeof termsFileSchema>;
export type CuratedMilestone = z.infer<typeof curatedMilestoneSchema>;
export type NotEventReason = keyof typeof notEventReasons;
