import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Document, isScalar, visit } from "yaml";
import { provenanceSchema } from "../../src/schemas/provenance.ts";
import { speechSchema, type SpeechInput } from "../../src/schemas/speech.ts";
import { toProvenance, toSpeech, type Corpus, type CorpusDocument } from "./corpus.ts";
import { InputError, type InputIssue } from "./issues.ts";

/** Folders the ingest owns and rewrites whole; nothing else is touched. */
export const OUTPUT_DIRS = ["content/speeches", "content/provenance"] as const;

/**
 * Characters that Markdown or MDX would read as syntax inside a paragraph.
 * They are written as numeric character references, which MDX turns back into
 * the same characters, so the published text is the source text.
 */
const mdxSyntax = /[\\`*_{}[\]<>&#!|~^+\-=:]/g;

export function escapeMdxText(text: string): string {
  return text.replace(mdxSyntax, (character) => `&#x${character.codePointAt(0)?.toString(16).toUpperCase()};`);
}

/** The MDX entry of a document: frontmatter, then one component per block. */
export function renderMdx(document: CorpusDocument, speech: SpeechInput): string {
  const body: string[] = [];
  let inList = false;
  for (const block of document.blocks) {
    if (block.type === "item" && !inList) body.push("<List>");
    if (block.type !== "item" && inList) body.push("</List>", "");
    inList = block.type === "item";
    const lines = `lines="${speech.blocks.find((entry) => entry.id === block.id)?.lines.join(",") ?? ""}"`;
    const text = escapeMdxText(block.text);
    switch (block.type) {
      case "heading":
        body.push(`<Heading id="${block.id}" level={${block.level ?? 2}} ${lines}>${text}</Heading>`, "");
        break;
      case "paragraph":
        body.push(`<Paragraph id="${block.id}" ${lines}>${text}</Paragraph>`, "");
        break;
      case "item":
        body.push(`<Item id="${block.id}" ${lines}>${text}</Item>`);
        break;
      case "gap":
        body.push(`<Gap id="${block.id}" reason="${block.decision?.reason ?? ""}">${text}</Gap>`, "");
        break;
    }
  }
  if (inList) body.push("</List>", "");
  const frontmatter = new Document(speech);
  // Lists of numbers (source lines) read best on one line: `lines: [31, 33]`.
  visit(frontmatter, {
    Seq(_, node) {
      if (node.items.every((item) => isScalar(item) && typeof item.value === "number")) node.flow = true;
    },
    // YAML 1.1 readers would take an unquoted 2024-02-27 for a timestamp.
    Scalar(_, node) {
      if (typeof node.value === "string" && /^\d{4}-\d{2}/.test(node.value)) node.type = "QUOTE_DOUBLE";
    },
  });
  return `---\n${frontmatter.toString({ lineWidth: 0 })}---\n\n${body.join("\n").trimEnd()}\n`;
}

/** Every file the ingest writes, by path relative to the project root. */
export function renderOutputs(corpus: Corpus): Map<string, string> {
  const files = new Map<string, string>();
  const issues: InputIssue[] = [];
  for (const document of corpus.documents) {
    const speech = toSpeech(document);
    const checked = speechSchema.safeParse(speech);
    if (!checked.success) {
      issues.push({
        file: `content/speeches/${document.slug}.mdx`,
        problem: `the ingest produced frontmatter that fails its schema: ${checked.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`,
        fix: "this is a pipeline bug: fix the step that builds this field (scripts/lib/corpus.ts)",
      });
      continue;
    }
    files.set(`content/speeches/${document.slug}.mdx`, renderMdx(document, speech));
  }
  for (const source of corpus.sources) {
    const provenance = provenanceSchema.parse(toProvenance(source, corpus));
    files.set(
      `content/provenance/${source.file.replace(/\.txt$/, ".json")}`,
      `${JSON.stringify(provenance, null, 2)}\n`,
    );
  }
  if (issues.length > 0) throw new InputError(issues);
  return files;
}

/**
 * Replaces the output folders with exactly `files`, all or nothing: every
 * file is written to a fresh folder first, then the folders are swapped in by
 * rename. A failure before the swap leaves the previous output untouched.
 */
export function writeOutputsAtomically(root: string, files: ReadonlyMap<string, string>): void {
  const stamp = `${process.pid}-${Date.now()}`;
  const staged = OUTPUT_DIRS.map((dir) => ({
    dir: join(root, dir),
    next: join(root, `${dir}.next-${stamp}`),
    old: join(root, `${dir}.old-${stamp}`),
  }));
  try {
    for (const { next } of staged) mkdirSync(next, { recursive: true });
    for (const [path, content] of files) {
      const owner = OUTPUT_DIRS.find((dir) => path.startsWith(`${dir}/`));
      if (!owner) throw new Error(`refusing to write ${path}: not inside ${OUTPUT_DIRS.join(" or ")}`);
      const target = join(root, `${owner}.next-${stamp}`, path.slice(owner.length + 1));
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
