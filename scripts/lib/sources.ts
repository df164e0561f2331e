import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { manifestSchema, type Manifest } from "../../src/schemas/manifest.ts";
import { InputError, IssueCollector } from "./issues.ts";
import { parseYaml } from "./yaml-file.ts";
import { splitSourceLines } from "../../src/lib/source-lines.ts";

export const SOURCES_DIR = "content/sources";
const MANIFEST_SUFFIX = ".manifest.yaml";

/** A source text, verified against its manifest. */
export interface SourceText {
  /** File name, such as `000_4e4dd60d782a0e7d.txt`. */
  file: string;
  manifest: Manifest;
  text: string;
  /** The text split into lines (src/lib/source-lines.ts); `lines[0]` is line 1. */
  lines: readonly string[];
}

export function sha256(bytes: Buffer | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Reads every manifest in `content/sources/` and the text it pins. Stops on
 * a missing text, a text without a manifest, a hash that does not match, or
 * a manifest quote that the text does not contain.
 */
export function readSources(root: string): SourceText[] {
  const directory = join(root, SOURCES_DIR);
  const names = existsSync(directory) ? readdirSync(directory).sort() : [];
  const issues = new IssueCollector();
  const sources: SourceText[] = [];

  const manifests = names.filter((name) => name.endsWith(MANIFEST_SUFFIX));
  const pinned = new Set<string>();
  if (manifests.length === 0) {
    issues.add({
      file: SOURCES_DIR,
      problem: "no source manifests found",
      fix: `add each source text with a manifest <name>${MANIFEST_SUFFIX} beside it (see content/README.md)`,
    });
  }

  for (const manifestName of manifests) {
    const manifestPath = `${SOURCES_DIR}/${manifestName}`;
    let manifest: Manifest;
    let lineOf: (path: readonly (string | number)[]) => number | undefined;
    try {
      ({ data: manifest, lineOf } = parseYaml(
        readFileSync(join(directory, manifestName), "utf8"),
        manifestPath,
        manifestSchema,
      ));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      error.issues.forEach((issue) => issues.add(issue));
      continue;
    }
    pinned.add(manifest.file);
    const textPath = `${SOURCES_DIR}/${manifest.file}`;
    if (!existsSync(join(directory, manifest.file))) {
      issues.add({
        file: manifestPath,
        line: lineOf(["file"]),
        problem: `the source text ${textPath} is missing`,
        fix: `restore ${textPath} byte for byte (for example \`git checkout -- ${textPath}\`), or remove this manifest if the source is withdrawn`,
      });
      continue;
    }
    const bytes = readFileSync(join(directory, manifest.file));
    const actual = sha256(bytes);
    if (actual !== manifest.sha256) {
      issues.add({
        file: textPath,
        problem: `the text no longer matches its manifest: SHA-256 is ${actual}, ${manifestName} pins ${manifest.sha256}`,
        fix: `restore the original bytes (\`git checkout -- ${textPath}\`); if the change is a deliberate new version of the source, update sha256 in ${manifestPath} and review the editorial data that names its lines`,
      });
      continue;
    }
    const text = bytes.toString("utf8");
    for (const [key, quote] of Object.entries(manifest.states)) {
      if (quote !== null && !text.includes(quote)) {
        issues.add({
          file: manifestPath,
          line: lineOf(["states", key]),
          problem: `states.${key} quotes “${quote}”, which does not occur in ${manifest.file}`,
          fix: "quote the text exactly as it stands in the source, or write null if the source does not state it",
        });
      }
    }
    sources.push({ file: manifest.file, manifest, text, lines: splitSourceLines(text) });
  }

  for (const name of names) {
    if (name.endsWith(".txt") && !pinned.has(name)) {
      issues.add({
        file: `${SOURCES_DIR}/${name}`,
        problem: "this source text has no manifest",
        fix: `add ${SOURCES_DIR}/${name.replace(/\.txt$/, MANIFEST_SUFFIX)} with its file name, sha256 and what it states (see content/README.md)`,
      });
    }
  }

  issues.throwIfAny();
  return sources;
}
