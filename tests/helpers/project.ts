import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";
import { projectPaths } from "../../scripts/lib/write-outputs.ts";

import { projectRoot } from "./root.ts";

export { projectRoot };

const created: string[] = [];
afterEach(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * A throwaway copy of the project's input (sources, manifests, editorial and
 * curated data, the editorial vocabulary) and current output, for tests that break the input on purpose.
 */
export function copyOfProject(): string {
  const root = mkdtempSync(join(tmpdir(), "corpus-test-"));
  created.push(root);
  for (const path of projectPaths()) cpSync(join(projectRoot, path), join(root, path), { recursive: true });
  return root;
}

export function edit(root: string, path: string, change: (text: string) => string): void {
  const file = join(root, path);
  writeFileSync(file, change(readFileSync(file, "utf8")));
}

/**
 * Gives a source of the copy new bytes and pins them in its manifest, as a
 * deliberate new version of the source would be (`content/sources/NAME.txt`
 * and `NAME.manifest.yaml`).
 */
export function replaceSource(root: string, name: string, change: (bytes: Buffer) => Buffer): void {
  const text = join(root, `content/sources/${name}.txt`);
  const manifest = join(root, `content/sources/${name}.manifest.yaml`);
  const bytes = change(readFileSync(text));
  writeFileSync(text, bytes);
  const pinned = readFileSync(manifest, "utf8");
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (!/^sha256: [0-9a-f]{64}$/m.test(pinned)) throw new Error(`${manifest} pins no sha256`);
  writeFileSync(manifest, pinned.replace(/^sha256: [0-9a-f]{64}$/m, `sha256: ${sha256}`));
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

export { addCopyOfSource } from "./copy-source.ts";
