/**
 * Ingest: turns the source texts and their editorial data into the
 * `speeches` and `provenance` collections.
 *
 *   npm run ingest            (also the first step of npm run build)
 *
 * Exit code 0 when the output was written, 1 when the input has problems;
 * then every problem is printed with its file and line, and the previous
 * output is left as it was.
 */
import { fileURLToPath } from "node:url";
import { buildCorpus, type Corpus } from "./lib/corpus.ts";
import { renderOutputs, writeOutputsAtomically } from "./lib/emit.ts";
import { InputError } from "./lib/issues.ts";

export function ingest(root: string): { corpus: Corpus; files: number } {
  // 1–6. read and verify sources, read editorial data, assemble, check links, assign ids, prove conservation
  const corpus = buildCorpus(root);
  // 7. render MDX and provenance, validating each against its schema
  const files = renderOutputs(corpus);
  // 8. swap the new output in, all or nothing
  writeOutputsAtomically(root, files);
  return { corpus, files: files.size };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL("..", import.meta.url));
  try {
    const { corpus, files } = ingest(root);
    console.log(
      `ingest: ${corpus.documents.length} documents, ${files} files written; every source character accounted for`,
    );
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    console.error(`ingest failed; the previous output is unchanged.\n${error.message}`);
    process.exitCode = 1;
  }
}
