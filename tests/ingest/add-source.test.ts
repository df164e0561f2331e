import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse, parseDocument } from "yaml";
import { addSource, AddSourceError } from "../../scripts/add-source.ts";
import { ingestOutputs } from "../../scripts/ingest.ts";
import type { Corpus } from "../../scripts/lib/corpus.ts";
import { findDateExpressions } from "../../scripts/lib/date-expressions.ts";
import { InputError } from "../../scripts/lib/issues.ts";
import { copyOfProject, edit } from "../helpers/project.ts";
import { projectRoot } from "../helpers/root.ts";
import type { PassagesEntry } from "../../src/schemas/entities.ts";

/** The committed corpus, ingested once for the whole file: no test changes the project's own input. */
let committed: Corpus | undefined;

/** Paragraphs of the committed corpus that contain a date expression, each changed so that it is no reprint. */
function datedParagraphs(count: number): string[] {
  committed ??= ingestOutputs(projectRoot).corpus;
  const paragraphs = committed.documents.flatMap((document) =>
    document.blocks.filter((block) => block.type === "paragraph" && findDateExpressions(block.text).length > 0),
  );
  return paragraphs.slice(0, count).map((block) => `据悉，${block.text}`);
}

/** Folders writeText made, removed after the file's tests. */
const written: string[] = [];
afterAll(() => {
  for (const folder of written) rmSync(folder, { recursive: true, force: true });
});

function writeText(text: string, name: string): string {
  const folder = mkdtempSync(join(tmpdir(), "add-source-"));
  written.push(folder);
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

const frontmatterOf = (mdx: string) => parse(mdx.split("---\n")[1] ?? "") as Record<string, unknown>;

describe("npm run add-source", () => {
  it("publishes a clean text as a searchable draft, with its date expressions as open questions", async () => {
    const root = copyOfProject();
    const paragraphs = datedParagraphs(3);
    const text = [
      "网络强国建设的新进展",
      "",
      ...paragraphs.flatMap((paragraph) => [paragraph, ""]),
      "关闭窗口",
      "",
    ].join("\n");
    const path = writeText(text, "new-report.txt");
    const added = await addSource(root, path, { slug: "new-report" });

    // the text is copied byte for byte and pinned by its hash
    expect(readFileSync(join(root, "content/sources/new-report.txt"), "utf8")).toBe(text);
    const manifest = parse(readFileSync(join(root, "content/sources/new-report.manifest.yaml"), "utf8")) as {
      sha256: string;
      states: { title: string };
    };
    expect(manifest.sha256).toBe(createHash("sha256").update(text).digest("hex"));
    expect(manifest.states.title).toBe("网络强国建设的新进展");
    // the editorial file quotes every line for the editor, and every value that could be misread
    const editorial = readFileSync(join(root, "content/editorial/new-report.yaml"), "utf8");
    for (const [index, line] of text.split("\n").entries())
      if (line) expect(editorial).toContain(`#   ${index + 1}: ${line}`);
    expect(added.decided.join("\n")).toContain("page-control");

    const { corpus, files } = ingestOutputs(root);
    const document = corpus.documents.find((candidate) => candidate.slug === "new-report");
    expect(document?.status).toBe("draft");
    expect(document?.title.text).toBe("网络强国建设的新进展");
    expect(corpus.omissions).toContainEqual(
      expect.objectContaining({ source: "new-report.txt", text: "关闭窗口", reason: "page-control" }),
    );
    // searchable: each paragraph is a published passage
    const passages = JSON.parse(files.get("content/generated/passages/new-report.json") ?? "{}") as PassagesEntry;
    expect(passages.passages.map((passage) => passage.text)).toEqual(["网络强国建设的新进展", ...paragraphs]);
    // its new date expressions are open questions, not a stopped build
    const speech = frontmatterOf(files.get("content/generated/speeches/new-report.mdx") ?? "");
    expect(speech["status"]).toBe("draft");
    const questions = speech["openQuestions"] as { kind: string; text: string; fix: string }[];
    const expressions = paragraphs.flatMap((paragraph) => findDateExpressions(paragraph).map((found) => found.text));
    const dated = questions.filter((question) => question.kind === "date-expression");
    expect(dated.map((question) => question.text).sort()).toEqual(expressions.sort());
    // a capture without its address and day is asked about, as a drafting question with the flags that record them
    expect(questions.filter((question) => question.kind === "drafting").map((question) => question.fix)).toContainEqual(
      expect.stringContaining("--url URL --retrieved YYYY-MM-DD"),
    );
  });

  it("raises a draft to proofread by its editorial file alone, and refuses verified while a question is open", async () => {
    const root = copyOfProject();
    const text = ["网络强国建设的新进展", "2016-05-10 10:00", ...datedParagraphs(1), "【打印】【关闭】", ""].join("\n");
    await addSource(root, writeText(text, "raise.txt"), { slug: "raise" });
    const editorialFile = "content/editorial/raise.yaml";

    edit(root, editorialFile, (yaml) => yaml.replace("status: draft", "status: proofread"));
    expect(ingestOutputs(root).corpus.documents.find((document) => document.slug === "raise")?.status).toBe(
      "proofread",
    );

    // verified: the drafting questions settled (deleted), the title translated
    edit(root, editorialFile, (yaml) => {
      const document = parseDocument(yaml);
      document.deleteIn(["documents", 0, "questions"]);
      document.setIn(["documents", 0, "status"], "verified");
      document.setIn(["documents", 0, "titleEnglish"], "New Progress in Building Cyber Power");
      return document.toString();
    });
    let caught: unknown;
    try {
      ingestOutputs(root);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputError);
    const issues = (caught as InputError).issues.filter((issue) => issue.problem.includes("raise#"));
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) expect(issue.fix).toContain("a verified document has no open question");

    // every suggested snippet pastes as printed: the notEvents entries the messages propose settle every question
    for (const issue of issues) {
      const snippet = /add (\{ doc: [^}]+\}) to notEvents/.exec(issue.fix)?.[1];
      expect(snippet).toBeDefined();
      appendFileSync(join(root, "content/curated/milestones.yaml"), `  - ${snippet}\n`);
    }
    const settled = ingestOutputs(root).corpus.documents.find((document) => document.slug === "raise");
    expect(settled?.status).toBe("verified");
  });

  it("recognises page clutter by the vocabulary's patterns, a pull quote, a missing end and the posting time", async () => {
    const root = copyOfProject();
    const [first = "", second = ""] = datedParagraphs(2);
    const quoted = second.slice(0, 30);
    const text = [
      "（上接06版）",
      "网络强国建设的新进展",
      "2015年03月01日 08:00:00　来源：新华网",
      "| | |",
      first,
      quoted,
      second,
      "建设网络强国的战略部署与“两个一百年”奋斗目标同步推进，为实现中华民族伟大复兴的中国梦",
    ].join("\n");
    const added = await addSource(root, writeText(text, "epaper.txt"));
    const { corpus } = ingestOutputs(root);
    const omitted = corpus.omissions
      .filter((omission) => omission.source === "epaper.txt")
      .map((omission) => `${omission.reason} ${omission.text}`);
    expect(omitted).toEqual(
      expect.arrayContaining([
        "jump-line （上接06版）",
        "table-debris | | |",
        expect.stringMatching(/^posting-timestamp 2015/),
      ]),
    );
    const document = corpus.documents.find((candidate) => candidate.source.file === "epaper.txt");
    expect(document?.slug).toBe("epaper");
    expect(document?.blocks.find((block) => block.text === quoted)?.kind).toBe("pull-quote");
    expect(document?.outlet).toMatchObject({ value: "新华网" });
    expect(document?.date).toMatchObject({
      value: "2015-03-01",
      precision: "day",
      basis: expect.stringContaining("发布时间"),
    });
    // the unfinished last paragraph is an open question of the draft, with the fix named
    expect(added.toCheck.join("\n")).toContain("missing-end");
    const last = document?.blocks.at(-1);
    expect(last?.question).toContain("unterminated");
  });

  it("refuses a text already in the edition, or not UTF-8, and writes nothing", async () => {
    const root = copyOfProject();
    const existing = join(projectRoot, "content/sources/000_4e4dd60d782a0e7d.txt");
    await expect(addSource(root, existing, { name: "again" })).rejects.toThrow(/already in the edition/);
    const gbk = writeText("", "gbk.txt");
    writeFileSync(gbk, Buffer.from([0xcd, 0xf8, 0xc2, 0xe7]));
    await expect(addSource(root, gbk)).rejects.toBeInstanceOf(AddSourceError);
    await expect(addSource(root, gbk)).rejects.toThrow(
      "gbk.txt is not valid UTF-8 at byte offset 0 (line 1, at its start): the byte 0xCD begins a two-byte character, but byte 2 of it, 0xF8, does not continue it",
    );
    expect(() => readFileSync(join(root, "content/sources/gbk.txt"))).toThrow();
  });

  it("keeps a byte order mark in the source byte for byte, and drafts its omission", async () => {
    const root = copyOfProject();
    const path = writeText("\uFEFF网络强国建设的新进展\n\n据悉，网信事业取得新进展。\n", "with-bom.txt");
    const added = await addSource(root, path, { slug: "with-bom" });
    expect(readFileSync(join(root, "content/sources/with-bom.txt"))).toEqual(readFileSync(path));
    expect(added.decided).toContain("line 1: the byte order mark is omitted (byte-order-mark)");
    const { corpus } = ingestOutputs(root);
    expect(corpus.documents.find((document) => document.slug === "with-bom")?.title.text).toBe("网络强国建设的新进展");
    expect(corpus.omissions).toContainEqual(
      expect.objectContaining({ source: "with-bom.txt", text: "\uFEFF", reason: "byte-order-mark" }),
    );
  });
});
