import { Document, isScalar, visit } from "yaml";
import type { z } from "zod";
import {
  milestoneEntrySchema,
  passagesEntrySchema,
  principleEntrySchema,
  principleSetEntrySchema,
  termEntrySchema,
} from "../../src/schemas/entities.ts";
import { provenanceSchema } from "../../src/schemas/provenance.ts";
import { speechSchema, type OpenQuestion, type SpeechInput } from "../../src/schemas/speech.ts";
import { omissionPlaces, toProvenance, toSpeech, type Corpus, type CorpusDocument } from "./corpus.ts";
import type { Entities } from "./entities.ts";
import { InputError, type InputIssue } from "./issues.ts";
import { citeTitles, type Passage } from "./passages.ts";
import { readerNumbers } from "../../src/lib/passage-numbers.ts";
import { sharedKey, type SharedPassages } from "./shared-passages.ts";

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
        body.push(`<Paragraph id="${block.id}" ${lines}${kindAttribute(block.kind)}>${text}</Paragraph>`, "");
        break;
      case "item":
        body.push(`<Item id="${block.id}" ${lines}${kindAttribute(block.kind)}>${text}</Item>`);
        break;
      case "gap":
        body.push(`<Gap id="${block.id}" reason="${block.decision?.reason ?? ""}">${text}</Gap>`, "");
        break;
    }
  }
  if (inList) body.push("</List>", "");
  return `${renderFrontmatter(speech)}\n${body.join("\n").trimEnd()}\n`;
}

/** A block kind's name is checked against content/vocabulary.yaml's pattern: lower-case words and hyphens. */
function kindAttribute(kind: string | undefined): string {
  return kind ? ` kind="${kind}"` : "";
}

/** YAML frontmatter between `---` lines, formatted for reading in a diff. */
export function renderFrontmatter(data: unknown): string {
  const frontmatter = new Document(data);
  // Lists of numbers (source lines) read best on one line: `lines: [31, 33]`.
  visit(frontmatter, {
    Seq(_, node) {
      if (node.items.every((item) => isScalar(item) && typeof item.value === "number")) node.flow = true;
    },
    // YAML 1.1 readers would take an unquoted 2024-02-27 or 2014 for a timestamp or a number.
    Scalar(_, node) {
      if (typeof node.value === "string" && /^\d{4}([-/]|$)/.test(node.value)) node.type = "QUOTE_DOUBLE";
    },
  });
  return `---\n${frontmatter.toString({ lineWidth: 0 })}---\n`;
}

/**
 * The MDX entries of the curated collections: computed and authored fields in
 * the frontmatter, the entry's prose (description or note) as the body.
 */
export function renderEntityOutputs(entities: Entities): Map<string, string> {
  const files = new Map<string, string>();
  const add = <S extends z.ZodType>(
    dir: string,
    id: string,
    schema: S,
    data: z.input<S>,
    prose: string | undefined,
  ) => {
    const checked = schema.safeParse(data);
    if (!checked.success) {
      throw new Error(`pipeline bug: ${dir}/${id}.mdx fails its schema: ${checked.error.message}`);
    }
    files.set(`${dir}/${id}.mdx`, `${renderFrontmatter(data)}${prose ? `\n${escapeMdxText(prose)}\n` : ""}`);
  };
  for (const set of entities.sets)
    add("content/generated/principle-sets", set.id, principleSetEntrySchema, set, set.description);
  for (const principle of entities.principles) {
    add("content/generated/principles", principle.id, principleEntrySchema, principle, undefined);
  }
  for (const milestone of entities.milestones) {
    add("content/generated/milestones", milestone.id, milestoneEntrySchema, milestone, milestone.description);
  }
  for (const term of entities.terms) add("content/generated/terms", term.id, termEntrySchema, term, term.note);
  return files;
}

/**
 * The files of the document collections, by path relative to the project
 * root: each document's MDX entry, its published passages with the passages
 * elsewhere that share their text, and each source's provenance record.
 */
export function renderOutputs(
  corpus: Corpus,
  passages: readonly Passage[],
  shared: SharedPassages,
  openQuestions: ReadonlyMap<string, readonly OpenQuestion[]> = new Map(),
): Map<string, string> {
  const files = new Map<string, string>();
  const issues: InputIssue[] = [];
  const placed = omissionPlaces(corpus);
  for (const document of corpus.documents) {
    const speech = toSpeech(document, openQuestions.get(document.slug), placed.get(document.slug));
    const checked = speechSchema.safeParse(speech);
    if (!checked.success) {
      issues.push({
        file: `content/generated/speeches/${document.slug}.mdx`,
        problem: `the ingest produced frontmatter that fails its schema: ${checked.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`,
        fix: "this is a pipeline bug: fix the step that builds this field (scripts/lib/corpus.ts)",
      });
      continue;
    }
    files.set(`content/generated/speeches/${document.slug}.mdx`, renderMdx(document, speech));
  }
  const published = Map.groupBy(passages, (passage) => passage.doc);
  const titles = citeTitles(corpus);
  for (const document of corpus.documents) {
    const numbers = readerNumbers(published.get(document.slug) ?? []);
    const entry = passagesEntrySchema.parse({
      doc: document.slug,
      title: document.title.text,
      citeTitle: titles.get(document.slug) ?? document.title.text,
      passages: (published.get(document.slug) ?? []).map(({ id, type, text }) => ({
        id,
        type,
        number: numbers.get(id) ?? 0,
        text,
        shared: (shared.get(sharedKey(document.slug, id)) ?? []).map(({ to, longest, shared, identical }) => ({
          ...to,
          longest,
          shared,
          identical,
        })),
      })),
    });
    files.set(`content/generated/passages/${document.slug}.json`, `${JSON.stringify(entry, null, 2)}\n`);
  }
  for (const source of corpus.sources) {
    const provenance = provenanceSchema.parse(toProvenance(source, corpus));
    files.set(
      `content/generated/provenance/${source.file.replace(/\.txt$/, ".json")}`,
      `${JSON.stringify(provenance, null, 2)}\n`,
    );
  }
  if (issues.length > 0) throw new InputError(issues);
  return files;
}
