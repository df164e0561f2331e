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
import { renderEntityOutputs, renderOutputs, writeOutputsAtomically } from "./lib/emit.ts";
import { buildEntities, readCurated, type Entities } from "./lib/entities.ts";
import { InputError } from "./lib/issues.ts";

export function ingest(root: string): { corpus: Corpus; entities: Entities; files: number } {
  // 1–6. read and verify sources, read editorial data, assemble, check links, assign ids, prove conservation
  const corpus = buildCorpus(root);
  // 7. read the curated data; verify citations, references and date coverage; compute occurrences
  const entities = buildEntities(corpus, readCurated(root));
  // 8. render MDX and provenance, validating each against its schema
  const files = new Map([...renderOutputs(corpus), ...renderEntityOutputs(entities)]);
  // 9. swap the new output in, all or nothing
  writeOutputsAtomically(root, files);
  return { corpus, entities, files: files.size };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL("..", import.meta.url));
  try {
    const { corpus, entities, files } = ingest(root);
    console.log(
      `ingest: ${corpus.documents.length} documents, ${entities.sets.length} principle sets, ${entities.principles.length} principles, ${entities.milestones.length} milestones, ${entities.terms.length} terms; ${files} files written; every source character accounted for; every citation verified`,
    );
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    console.error(`ingest failed; the previous output is unchanged.\n${error.message}`);
    process.exitCode = 1;
  }
}
