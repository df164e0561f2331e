import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import {
  milestoneEntrySchema,
  passagesEntrySchema,
  principleEntrySchema,
  principleSetEntrySchema,
  termEntrySchema,
} from "./schemas/entities.ts";
import { provenanceSchema } from "./schemas/provenance.ts";
import { speechSchema } from "./schemas/speech.ts";

/** Every collection is written by `npm run ingest`; see content/README.md. */
const speeches = defineCollection({
  loader: glob({ base: "./content/generated/speeches", pattern: "*.mdx" }),
  schema: speechSchema,
});

const provenance = defineCollection({
  loader: glob({ base: "./content/generated/provenance", pattern: "*.json" }),
  schema: provenanceSchema,
});

const passages = defineCollection({
  loader: glob({ base: "./content/generated/passages", pattern: "*.json" }),
  schema: passagesEntrySchema,
});

const principleSets = defineCollection({
  loader: glob({ base: "./content/generated/principle-sets", pattern: "*.mdx" }),
  schema: principleSetEntrySchema,
});

const principles = defineCollection({
  loader: glob({ base: "./content/generated/principles", pattern: "*.mdx" }),
  schema: principleEntrySchema,
});

const milestones = defineCollection({
  loader: glob({ base: "./content/generated/milestones", pattern: "*.mdx" }),
  schema: milestoneEntrySchema,
});

const terms = defineCollection({
  loader: glob({ base: "./content/generated/terms", pattern: "*.mdx" }),
  schema: termEntrySchema,
});

export const collections = { speeches, provenance, passages, principleSets, principles, milestones, terms };
