import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { VOCABULARY_FILE } from "./vocabulary.ts";
import { removeStaleWorkFolders, workFolder } from "./work-folders.ts";

/** Where the ingest writes the generated collections, apart from everything an editor writes in `content/`. */
export const GENERATED_DIR = "content/generated";

/**
 * What an ingest reads and writes, below the project's root: the sources and
 * their manifests, editorial and curated data, the editorial vocabulary, and
 * the generated collections (OUTPUT_DIRS). A copy of these is a project an
 * ingest can run on (the drafting benchmark, tests that break the input).
 */
export const projectPaths = (): string[] => [
  "content/sources",
  "content/editorial",
  "content/curated",
  VOCABULARY_FILE,
  ...OUTPUT_DIRS,
];

/** Folders the ingest owns and rewrites whole; nothing else is touched. */
export const OUTPUT_DIRS = [
  "speeches",
  "provenance",
  "passages",
  "principle-sets",
  "principles",
  "milestones",
  "terms",
].map((collection) => `${GENERATED_DIR}/${collection}`);

/**
 * Replaces the output folders with exactly `files`, all or nothing: every
 * file is written to a fresh folder first, then the folders are swapped in by
 * rename. A failure before the swap leaves the previous output untouched;
 * the folders of an ingest that was stopped are removed by the next.
 */
export function writeOutputsAtomically(root: string, files: ReadonlyMap<string, string>): void {
  const stamp = Date.now();
  const staged = OUTPUT_DIRS.map((dir) => ({
    dir: join(root, dir),
    next: workFolder(join(root, dir), "next", stamp),
    old: workFolder(join(root, dir), "old", stamp),
  }));
  // what an ingest that was stopped left beside the folders (its process no longer runs)
  for (const { dir } of staged) removeStaleWorkFolders(dir, ["next", "old"]);
  try {
    for (const { next } of staged) mkdirSync(next, { recursive: true });
    for (const [path, content] of files) {
      const owner = OUTPUT_DIRS.find((dir) => path.startsWith(`${dir}/`));
      if (!owner) throw new Error(`refusing to write ${path}: not inside ${OUTPUT_DIRS.join(", ")}`);
      const target = join(workFolder(join(root, owner), "next", stamp), path.slice(owner.length + 1));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
  } catch (error) {
    for (const { next } of staged) rmSync(next, { recursive: true, force: true });
    throw error;
  }
  for (const { dir, next, old } of staged) {
    if (existsSync(dir)) renameSync(dir, old);
    renameSync(next, dir);
  }
  for (const { old } of staged) rmSync(old, { recursive: true, force: true });
}
