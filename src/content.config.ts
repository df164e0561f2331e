import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { provenanceSchema } from "./schemas/provenance.ts";
import { speechSchema } from "./schemas/speech.ts";

/** Both collections are written by `npm run ingest`; see content/README.md. */
const speeches = defineCollection({
  loader: glob({ base: "./content/speeches", pattern: "*.mdx" }),
  schema: speechSchema,
});

const provenance = defineCollection({
  loader: glob({ base: "./content/provenance", pattern: "*.json" }),
  schema: provenanceSchema,
});

export const collections = { speeches, provenance };
