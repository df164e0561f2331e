import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { manifestSchema, type Manifest } from "../../src/schemas/manifest.ts";
import { InputError, IssueCollector, type InputIssue } from "./issues.ts";
import { decodeUtf8, invalidUtf8Issue } from "./utf8.ts";
import { readYamlFile } from "./yaml-file.ts";
import { splitSourceLines } from "../../src/lib/source-lines.ts";

export const SOURCES_DIR = "content/sources";
const MANIFEST_SUFFIX = ".manifest.yaml";

/** A source text, verified against its manifest. */
export interface SourceText {
  /** File name, such as `000_4e4dd60d782a0e7d.txt`. */
  file: string;
  manifest: Manifest;
  /** The file's bytes, which its manifest pins. */
  bytes: Uint8Array;
  /** The bytes decoded as UTF-8, a byte order mark kept as U+FEFF: `text` encoded is `bytes`. */
  text: string;
  /** The text split into lines (src/lib/source-lines.ts); `lines[0]` is line 1. */
  lines: readonly string[];
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Reads every manifest in `content/sources/` and the text it pins. Stops on
 * a missing text, a text without a manifest, a text that is not UTF-8 or is
 * empty, a hash that does not match, or a manifest quote that the text does
 * not contain.
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
      ({ data: manifest, lineOf } = readYamlFile(root, manifestPath, manifestSchema));
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
    const notUtf8 = invalidUtf8Issue(
      bytes,
      textPath,
      `then update sha256 in ${manifestPath} to the SHA-256 of the corrected file (\`sha256sum ${textPath}\`) and review the editorial data that names its lines`,
    );
    const text = notUtf8 ? undefined : decodeUtf8(bytes);
    const textIssues = [
      notUtf8,
      text === undefined ? undefined : emptySourceIssue(text, bytes.length, textPath, manifestPath),
      changedSourceIssue(bytes, manifest, textPath, manifestPath),
    ].filter((issue) => issue !== undefined);
    if (text === undefined || textIssues.length > 0) {
      textIssues.forEach((issue) => issues.add(issue));
      continue;
    }
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
    sources.push({ file: manifest.file, manifest, bytes, text, lines: splitSourceLines(text) });
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

/** A source of no bytes, or of whitespace alone, has no text to publish. */
function emptySourceIssue(text: string, size: number, textPath: string, manifestPath: string): InputIssue | undefined {
  if (text.trim() !== "") return undefined;
  return {
    file: textPath,
    problem:
      size === 0
        ? "the source text is empty (0 bytes)"
        : `the source text is empty: its ${size} bytes are only whitespace (spaces, tabs, line ends)`,
    fix: `restore its text (\`git checkout -- ${textPath}\`); if the source is withdrawn, remove it with ${manifestPath} and its editorial file in content/editorial/`,
  };
}

/** A source whose bytes are not the ones its manifest pins. */
function changedSourceIssue(
  bytes: Uint8Array,
  manifest: Manifest,
  textPath: string,
  manifestPath: string,
): InputIssue | undefined {
  const actual = sha256(bytes);
  if (actual === manifest.sha256) return undefined;
  return {
    file: textPath,
    problem: `the text no longer matches its manifest: SHA-256 is ${actual}, ${basename(manifestPath)} pins ${manifest.sha256}`,
    fix: `restore the original bytes (\`git checkout -- ${textPath}\`); if the change is a deliberate new version of the source, update sha256 in ${manifestPath} and review the editorial data that names its lines`,
  };
}
