/**
 * Ingest: turns the source texts and their editorial data into the
 * `speeches` and `provenance` collections, and the curated data in
 * `content/curated/` into `principle-sets`, `principles`, `milestones` and
 * `terms`, verified against the published text.
 *
 *   npm run ingest            (also the first step of npm run build)
 *
 * Exit code 0 when the output was written, 1 when the input has problems;
 * then every problem is printed with its file and line, and the previous
 * output is left as it was.
 */
import { fileURLToPath } from "node:url";
import { buildCorpus, type Corpus } from "./lib/corpus.ts";
import { renderEntityOutputs, renderOutputs } from "./lib/emit.ts";
import { buildEntities, readCurated, type Entities } from "./lib/entities.ts";
import { InputError } from "./lib/issues.ts";
import { passagesOf, type Passage } from "./lib/passages.ts";
import { sharedPassagesOf } from "./lib/shared-passages.ts";
import { writeOutputsAtomically } from "./lib/write-outputs.ts";

export interface Ingested {
  corpus: Corpus;
  /** Every published passage, in corpus and reading order. */
  passages: Passage[];
  entities: Entities;
  /** Every file of the generated collections, by path relative to the project root. */
  files: Map<string, string>;
}

/** The whole pipeline short of writing: what the ingest would write, and the model it is rendered from. */
export function ingestOutputs(root: string): Ingested {
  // 1–6. read and verify sources, read editorial data, assemble, check links, assign ids, prove conservation
  const corpus = buildCorpus(root);
  // 7. list the published passages: titles, headings, paragraphs, list items
  const passages = passagesOf(corpus);
  // 8. find the passages that share text with passages of other documents
  const shared = sharedPassagesOf(passages);
  // 9. read the curated data; verify citations, references and date coverage; compute occurrences
  const entities = buildEntities(corpus, passages, readCurated(root));
  // 10. render MDX, passages and provenance, validating each against its schema
  const files = new Map([
    ...renderOutputs(corpus, passages, shared, entities.openQuestions),
    ...renderEntityOutputs(entities),
  ]);
  return { corpus, passages, entities, files };
}

export function ingest(root: string): Ingested {
  // 1–10. everything but writing
  const ingested = ingestOutputs(root);
  // 11. swap the new output in, all or nothing
  writeOutputsAtomically(root, ingested.files);
  return ingested;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL("..", import.meta.url));
  try {
    const { corpus, entities, files } = ingest(root);
    console.log(
      `ingest: ${corpus.documents.length} documents, ${entities.sets.length} principle sets, ${entities.principles.length} principles, ${entities.milestones.length} milestones, ${entities.terms.length} terms; ${files.size} files written; every source character accounted for; every citation verified`,
    );
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    console.error(`ingest failed; the previous output is unchanged.\n${error.message}`);
    process.exitCode = 1;
  }
}
