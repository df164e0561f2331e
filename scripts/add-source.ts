/**
 * Add a source: copies a text into the edition unchanged and drafts its
 * manifest and editorial data, so that it is published as a `draft` by the
 * next build.
 *
 *   npm run add-source FILE [-- --url URL --retrieved YYYY-MM-DD --slug SLUG --kind KIND --name NAME]
 *
 * FILE is a UTF-8 text. URL and the day it was RETRIEVED say where and when
 * it was captured (asked about when absent). NAME (default: FILE's name,
 * reduced to letters, digits, `_` and `-`) is its name in content/sources/;
 * SLUG (default: from NAME) is the document's URL. The draft is checked by a
 * dry run of the ingest; a draft that does not ingest is made again more
 * cautiously, its doubtful decisions left open as questions, so a readable
 * text is always added. Exit code 0 when the draft was written, 1 otherwise.
 */
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import * as prettier from "prettier";
import { stringify } from "yaml";
import { documentKinds, type DocumentKind } from "../src/schemas/speech.ts";
import { ingestOutputs } from "./ingest.ts";
import { rankByAffected } from "../src/lib/open-questions.ts";
import { EDITORIAL_DIR, openQuestionsOf } from "./lib/corpus.ts";
import { draftSource, type Draft } from "./lib/draft-source.ts";
import { InputError, showInvisibles } from "./lib/issues.ts";
import { questionReport, type DocumentQuestion } from "./lib/question-report.ts";
import { SOURCES_DIR, sha256 as sha256Of } from "./lib/sources.ts";
import { decodeUtf8, describeInvalidUtf8, findInvalidUtf8 } from "./lib/utf8.ts";
import { readVocabulary } from "./lib/vocabulary.ts";

export interface AddSourceOptions {
  url?: string | undefined;
  retrieved?: string | undefined;
  slug?: string | undefined;
  kind?: string | undefined;
  name?: string | undefined;
}

export interface AddedSource {
  file: string;
  slug: string;
  /** The three files written, relative to the project root. */
  written: string[];
  decided: string[];
  toCheck: string[];
  /** Every open question of the drafted documents as the ingest lists them, most text affected first. */
  questions: DocumentQuestion[];
  /** Notes for the editor that are not questions (the last paragraph's end). */
  remarks: string[];
}

/** A usage problem (no such file, not UTF-8, already added, a name taken): said plainly, nothing written. */
export class AddSourceError extends Error {}

export async function addSource(root: string, path: string, options: AddSourceOptions = {}): Promise<AddedSource> {
  // 1. read the text, byte for byte
  if (!existsSync(path)) throw new AddSourceError(`${path}: no such file`);
  const bytes = readFileSync(path);
  const invalid = findInvalidUtf8(bytes);
  if (invalid) {
    throw new AddSourceError(
      `${path} is ${describeInvalidUtf8(invalid)}: convert it to UTF-8 first (a text from a Chinese Windows system is often GB18030: iconv -f GB18030 -t UTF-8)`,
    );
  }
  const text = decodeUtf8(bytes);
  if (text.trim() === "") throw new AddSourceError(`${path} is empty`);
  const sha256 = sha256Of(bytes);

  // 2. name it, refusing a text already in the edition or a name already taken
  const stem = options.name ?? basename(path).replace(/\.[^.]*$/, "");
  const name = stem.replace(/[^\w-]+/g, "-").replace(/^-+|-+$/g, "") || sha256.slice(0, 16);
  const file = `${name}.txt`;
  const sourcesDir = join(root, SOURCES_DIR);
  for (const existing of readdirSync(sourcesDir).filter((entry) => entry.endsWith(".txt"))) {
    if (sha256Of(readFileSync(join(sourcesDir, existing))) === sha256)
      throw new AddSourceError(`${path} is already in the edition as ${SOURCES_DIR}/${existing}`);
  }
  const written = [`${SOURCES_DIR}/${file}`, `${SOURCES_DIR}/${name}.manifest.yaml`, `${EDITORIAL_DIR}/${name}.yaml`];
  const taken = written.find((target) => existsSync(join(root, target)));
  if (taken) throw new AddSourceError(`${taken} exists: choose another name with -- --name NAME`);
  const slug = options.slug ?? slugFrom(name, sha256);
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) {
    throw new AddSourceError(
      `--slug ${slug}: a slug is lower-case ASCII words joined by hyphens, such as xinhua-2014-02-27`,
    );
  }
  if (options.kind !== undefined && !(documentKinds as readonly string[]).includes(options.kind)) {
    throw new AddSourceError(`--kind ${options.kind}: a kind is one of ${documentKinds.join(", ")}`);
  }

  if (options.url !== undefined && !URL.canParse(options.url))
    throw new AddSourceError(
      `--url ${options.url}: give the full address the text was captured from, such as https://www.gov.cn/…`,
    );
  if (options.retrieved !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.retrieved))
    throw new AddSourceError(`--retrieved ${options.retrieved}: give the day the text was captured as YYYY-MM-DD`);

  // 3. draft the manifest and editorial data, each more cautious than the last until one ingests
  const input = {
    file,
    text,
    sha256,
    slug,
    kind: options.kind as DocumentKind | undefined,
    vocabulary: readVocabulary(root),
    longestParagraph: longestParagraph(root),
    url: options.url,
    retrieved: options.retrieved,
  };
  let failure: InputError | undefined;
  for (const caution of [0, 1, 2] as const) {
    const draft = draftSource({ ...input, caution, cautionReason: failure && problemsOf(failure) });

    // 4. write them formatted, the text unchanged
    await writeDraft(root, written, bytes, draft);

    // 5. check the draft with a dry run of the ingest; on failure try a more cautious draft
    try {
      const { corpus, entities } = ingestOutputs(root);
      const questions = rankByAffected(
        corpus.documents
          .filter((document) => document.source.file === file)
          .flatMap((document) =>
            openQuestionsOf(document, entities.openQuestions.get(document.slug)).map((question) => ({
              ...question,
              doc: document.slug,
            })),
          ),
      );
      return {
        file,
        slug,
        written,
        decided: draft.decided,
        toCheck: draft.toCheck,
        questions,
        remarks: draft.remarks,
      };
    } catch (error) {
      for (const target of written) rmSync(join(root, target), { force: true });
      if (!(error instanceof InputError)) throw error;
      failure = error;
    }
  }
  throw failure ?? new AddSourceError(`${path}: no draft could be made`);
}

async function writeDraft(root: string, written: readonly string[], bytes: Buffer, draft: Draft): Promise<void> {
  const [text = "", manifest = "", editorial = ""] = written;
  const format = async (yaml: string, target: string) =>
    prettier.format(yaml, { ...(await prettier.resolveConfig(join(root, target))), parser: "yaml" });
  writeFileSync(join(root, text), bytes);
  writeFileSync(join(root, manifest), await format(stringify(draft.manifest, { lineWidth: 0 }), manifest));
  writeFileSync(join(root, editorial), await format(draft.editorial, editorial));
}

/** The ingest's problems with a draft, in one line each, for the question that leaves them open. */
function problemsOf(error: InputError): string {
  return error.issues.map((issue) => `${issue.problem} (${issue.fix})`).join("; ");
}

/** The longest paragraph the edition publishes, in characters; undefined before the first ingest. */
function longestParagraph(root: string): number | undefined {
  const directory = join(root, "content", "generated", "passages");
  if (!existsSync(directory)) return undefined;
  let longest = 0;
  for (const name of readdirSync(directory).filter((entry) => entry.endsWith(".json"))) {
    const entry = JSON.parse(readFileSync(join(directory, name), "utf8")) as { passages?: { text: string }[] };
    for (const passage of entry.passages ?? []) longest = Math.max(longest, [...passage.text].length);
  }
  return longest > 0 ? longest : undefined;
}

/** A slug from the file name when it has ASCII words, else from the text's hash. */
function slugFrom(name: string, sha256: string): string {
  const words = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return /[a-z]/.test(words) ? words : `source-${sha256.slice(0, 8)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      url: { type: "string" },
      retrieved: { type: "string" },
      slug: { type: "string" },
      kind: { type: "string" },
      name: { type: "string" },
    },
  });
  const [path] = positionals;
  try {
    if (!path || positionals.length > 1)
      throw new AddSourceError(
        "usage: npm run add-source FILE [-- --url URL --retrieved YYYY-MM-DD --slug SLUG --kind KIND --name NAME]",
      );
    const added = await addSource(root, path, values);
    // What is printed quotes the text, which may hold characters a terminal acts on: they are shown as code points.
    const print = (text: string) => console.log(showInvisibles(text));
    print(`add-source: ${path} added as ${added.file}, document ${added.slug} (status: draft)`);
    print(added.written.map((target) => `  wrote ${target}`).join("\n"));
    print(`\ndecided:\n${added.decided.map((line) => `  - ${line}`).join("\n")}`);
    if (added.questions.length > 0)
      print(
        `\nopen questions, most text affected first (each with the characters it affects):\n${questionReport(
          added.questions,
        )
          .map((line) => `  - ${line}`)
          .join("\n")}`,
      );
    if (added.remarks.length > 0) print(`\nnotes:\n${added.remarks.map((line) => `  - ${line}`).join("\n")}`);
    print(
      `\nnext: npm run build publishes it as a draft; its open questions are listed in full on the editor's worksheet,\nreview/${added.slug}/ of the built site (linked from no public page, whose readers see only their number).\nRead ${added.written[2]} against the source (each line is quoted at its top),\nthen set status: proofread; verified once its dates are classified and its claims checked.`,
    );
  } catch (error) {
    if (error instanceof AddSourceError)
      console.error(showInvisibles(`add-source: ${error.message}; nothing was written.`));
    else if (error instanceof InputError)
      console.error(`add-source: the draft does not ingest; nothing was written.\n${error.message}`);
    else throw error;
    process.exitCode = 1;
  }
}
