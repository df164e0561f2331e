import { z } from "zod";

/**
 * A source manifest, `content/sources/<name>.manifest.yaml`, one per source
 * text. It pins the text by its SHA-256 and records what the text itself
 * states about itself, as verbatim quotes. `null` means the text does not
 * state it; the pipeline checks that every quote occurs in the text.
 */
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
    /** The address the text was captured from, when it was captured from the web. */
    url: z.url({ message: "url is the address the text was captured from, such as https://www.gov.cn/…" }).optional(),
    /** The day the text was captured, YYYY-MM-DD. */
    retrieved: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "retrieved is the day the text was captured, YYYY-MM-DD" })
      .optional(),
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
  .strict();

export type Manifest = z.infer<typeof manifestSchema>;
