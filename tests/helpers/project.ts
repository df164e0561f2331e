import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";
import { isScalar, parseDocument, visit } from "yaml";
import { OUTPUT_DIRS } from "../../scripts/lib/write-outputs.ts";

import { projectRoot } from "./root.ts";

export { projectRoot };

const created: string[] = [];
afterEach(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * A throwaway copy of the project's input (sources, manifests, editorial and
 * curated data) and current output, for tests that break the input on purpose.
 */
export function copyOfProject(): string {
  const root = mkdtempSync(join(tmpdir(), "corpus-test-"));
  created.push(root);
  for (const dir of ["content/sources", "content/editorial", "content/curated", ...OUTPUT_DIRS]) {
    cpSync(join(projectRoot, dir), join(root, dir), { recursive: true });
  }
  return root;
}

export function edit(root: string, path: string, change: (text: string) => string): void {
  const file = join(root, path);
  writeFileSync(file, change(readFileSync(file, "utf8")));
}

/** Every file below `dir`, with its content, for before/after comparisons. */
export function snapshotDir(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files[path.slice(dir.length + 1)] = readFileSync(path, "utf8");
    }
  }
  return files;
}

/** The 1-based number of the first line of a file that contains `needle`. */
export function lineContaining(root: string, path: string, needle: string): number {
  const index = readFileSync(join(root, path), "utf8")
    .split("\n")
    .findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`${path} has no line containing ${needle}`);
  return index + 1;
}

/**
 * Adds to the project at `root` a copy of the source `file` under a new
 * name, with its manifest and editorial data, its documents' slugs suffixed
 * with `-suffix` (slugs are URLs and must stay unique) and its relations to
 * documents of other sources left out. Returns the new
 * source's file name. The copy is well-formed input: the ingest must accept it.
 */
export function addCopyOfSource(root: string, file: string, suffix: string): string {
  const stem = file.replace(/\.txt$/, "");
  const copy = `${stem}-${suffix}`;
  const sources = join(root, "content", "sources");
  cpSync(join(sources, file), join(sources, `${copy}.txt`));
  const manifest = parseDocument(readFileSync(join(sources, `${stem}.manifest.yaml`), "utf8"));
  manifest.set("file", `${copy}.txt`);
  writeFileSync(join(sources, `${copy}.manifest.yaml`), manifest.toString());
  const editorialDir = join(root, "content", "editorial");
  const editorial = parseDocument(readFileSync(join(editorialDir, `${stem}.yaml`), "utf8"));
  editorial.set("source", `${copy}.txt`);
  const slugs = new Map<string, string>();
  visit(editorial, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === "slug" && isScalar(pair.value)) {
        const slug = String(pair.value.value);
        slugs.set(slug, `${slug}-${suffix}`);
        pair.value.value = `${slug}-${suffix}`;
      }
    },
  });
  // Contents entries and relations within the source follow the renamed slugs; a relation to a
  // document of another source is dropped, since that document does not record it for the copy.
  visit(editorial, {
    Map(_, map) {
      const target = map.get("target");
      if (typeof target !== "string") return undefined;
      const renamed = slugs.get(target);
      if (renamed) map.set("target", renamed);
      else if (map.has("type")) return visit.REMOVE;
      return undefined;
    },
  });
  writeFileSync(join(editorialDir, `${copy}.yaml`), editorial.toString());
  return `${copy}.txt`;
}
