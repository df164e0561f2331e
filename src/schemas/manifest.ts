import { z } from "zod";

/**
 * A source manifest, `content/sources/<name>.manifest.yaml`, one per source
 * text. It pins the text by its SHA-256 and records what the text itself
 * states about itself, as verbatim quotes. `null` means the text does not
 * state it; the pipeline checks that every quote occurs in the text.
 */
/** An ISO calendar date, `2026-12-03`. */
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "write the date as YYYY-MM-DD, such as 2026-12-03" });

/**
 * The address of the original publication: http or https only, so that a
 * page can link it safely.
 */
export const originalUrl = z.url({
  protocol: /^https?$/,
  error: "url is the full http(s) address of the original publication, such as https://www.example.cn/a.html",
});

const statedQuote = z
  .string()
  .min(1, { message: "quote the text verbatim, or write null if the text does not state it" })
  .nullable();

export const manifestSchema = z
  .object({
    /** File name of the source, beside this manifest. */
    file: z.string().regex(/^[\w-]+\.txt$/, {
      message: "file is the name of the text beside this manifest, such as 000_4e4dd60d782a0e7d.txt",
    }),
    /** SHA-256 of the file's bytes, lower-case hex. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/, {
      message: "sha256 is 64 lower-case hex digits; compute it with `sha256sum FILE`",
    }),
    /** What the file is, in a sentence (editorial). */
    description: z.string().min(1),
    /**
     * Where the original publication is online: the address the text was
     * taken from, as recorded when it was. Optional: a source whose address
     * is not known has none, and none is guessed.
     */
    url: originalUrl.optional(),
    /** The day the text was retrieved from `url`, YYYY-MM-DD. */
    retrieved: isoDay.optional(),
    /** What the text states about itself, quoted verbatim. */
    states: z
      .object({
        title: statedQuote,
        author: statedQuote,
        outlet: statedQuote,
        date: statedQuote,
        page: statedQuote,
      })
      .strict(),
  })
  .strict()
  .refine((manifest) => manifest.retrieved === undefined || manifest.url !== undefined, {
    message: "retrieved is the day the text was taken from url: give url too, or remove retrieved",
    path: ["retrieved"],
  });

export type Manifest = z.infer<typeof manifestSchema>;
