import { execFile } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { findDateExpressions } from "../../scripts/lib/date-expressions.ts";
import { searchPassages } from "../../src/lib/search/engine.ts";
import { ui, uiFor } from "../../src/i18n/ui.ts";
import { loadNodeSearch } from "../helpers/node-pagefind.ts";
import type { PassagesEntry } from "../../src/schemas/entities.ts";
import { projectRoot } from "../helpers/root.ts";
import { serveStatic, type StaticServer } from "../../scripts/support/static-server.ts";

/**
 * `npm run add-source FILE && npm run build` on a copy of the project, as a
 * new editor would run them: a clean text (a title line, dated paragraphs, a
 * trailing page control) is published as a draft and found by search, with
 * no hand edit between the two commands.
 */
const run = promisify(execFile);
const IGNORED = new Set(["node_modules", "dist", ".build", ".git", ".astro"]);
let root = "";
let server: StaticServer | undefined;
let paragraphs: string[] = [];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "add-source-build-"));
  for (const entry of readdirSync(projectRoot)) {
    if (!IGNORED.has(entry) && !entry.startsWith("dist"))
      cpSync(join(projectRoot, entry), join(root, entry), { recursive: true });
  }
  symlinkSync(join(projectRoot, "node_modules"), join(root, "node_modules"));
  // Paragraphs of the corpus with a date expression, made new texts by a prefix (a reprint would be classified already).
  const passagesDir = join(projectRoot, "content", "generated", "passages");
  paragraphs = readdirSync(passagesDir)
    .sort()
    .flatMap((file) => (JSON.parse(readFileSync(join(passagesDir, file), "utf8")) as PassagesEntry).passages)
    .filter((block) => block.type === "paragraph" && findDateExpressions(block.text).length > 0)
    .slice(0, 3)
    .map((block, index) => `第${index + 1}则：${block.text}`);
  const text = ["新增文献的标题", "", ...paragraphs.flatMap((paragraph) => [paragraph, ""]), "关闭窗口", ""].join("\n");
  writeFileSync(join(root, "incoming.txt"), text);
  const tsx = join(projectRoot, "node_modules", "tsx", "dist", "cli.mjs");
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" };
  await run(process.execPath, [tsx, "scripts/add-source.ts", "incoming.txt"], { cwd: root, env });
  await run(process.execPath, [tsx, "scripts/build.ts"], { cwd: root, env, maxBuffer: 64 * 1024 * 1024 });
  server = await serveStatic(join(root, "dist"));
}, 240_000);

afterAll(async () => {
  await server?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** A generated document's open questions, from its MDX frontmatter. */
function openQuestionsOf(slug: string): { kind: string; text: string; fix: string; affects: number }[] {
  const mdx = readFileSync(join(root, "content", "generated", "speeches", `${slug}.mdx`), "utf8");
  const frontmatter = parse(mdx.split(/^---$/m)[1] ?? "") as {
    openQuestions?: { kind: string; text: string; fix: string; affects: number }[];
  };
  return frontmatter.openQuestions ?? [];
}

describe("a text added with npm run add-source and built", () => {
  it("is published as a draft: its page says so and how many points the editor has to check, nothing more", () => {
    const page = readFileSync(join(root, "dist", "speeches", "incoming", "index.html"), "utf8");
    expect(page).toContain('data-review-status="draft"');
    expect(page).toContain("新增文献的标题");
    const count = Number(/data-open-questions="([1-9]\d*)"/.exec(page)?.[1]);
    expect(page).toContain(ui.worksheet.notice(ui.review.names.draft, count));
    for (const paragraph of paragraphs) expect(page).toContain(paragraph.slice(0, 12));
    expect(page).not.toContain("关闭窗口</span>");
    // the worksheet is not the edition: no question's fix nor any note to the editor on the page
    expect(page).not.toContain('class="open-questions"');
    const shown = parseHTML(page).document.body.textContent ?? "";
    const fixes = openQuestionsOf("incoming").map((question) => question.fix);
    expect(fixes.length).toBe(count);
    expect(fixes.filter((fix) => shown.includes(fix.slice(0, 24)))).toEqual([]);
    expect(shown).not.toContain("待编者");
    const english = readFileSync(join(root, "dist", "en", "speeches", "incoming", "index.html"), "utf8");
    expect(english).toContain(uiFor("en").worksheet.notice(uiFor("en").review.names.draft, count));
  });

  it("lists its open questions in full on the editor's worksheet, which no public page links to", () => {
    const worksheet = readFileSync(join(root, "dist", "review", "incoming", "index.html"), "utf8");
    expect(worksheet).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(worksheet.match(/data-question-kind=/g)?.length).toBe(openQuestionsOf("incoming").length);
    // ranked by the characters of text each affects, most first, each showing the figure; ties as the ingest raised them
    const items = [...parseHTML(worksheet).document.querySelectorAll("li[data-question-kind]")];
    const affects = items.map((item) => Number(item.getAttribute("data-affects")));
    expect(new Set(affects).size).toBeGreaterThan(1);
    expect(affects).toEqual([...affects].sort((a, b) => b - a));
    items.forEach((item, index) => expect(item.textContent).toContain(ui.review.affects(affects[index] ?? -1)));
    const questions = openQuestionsOf("incoming");
    expect(affects).toEqual(questions.map((question) => question.affects));
    expect(items.map((item) => item.querySelector("code")?.textContent)).toEqual(
      questions.map((question) => question.fix),
    );
    expect(worksheet).toContain(ui.worksheet.title);
    const pages = (readdirSync(join(root, "dist"), { recursive: true }) as string[]).filter(
      (file) => file.endsWith(".html") && !file.startsWith("review"),
    );
    const linking = pages.filter((file) => readFileSync(join(root, "dist", file), "utf8").includes("review/incoming"));
    expect(linking).toEqual([]);
  });

  it("is marked as a draft in the lists and counted on the About page", () => {
    const list = readFileSync(join(root, "dist", "speeches", "index.html"), "utf8");
    const item = list.slice(list.indexOf("/speeches/incoming/"));
    expect(item.slice(0, item.indexOf("</li>"))).toContain(ui.review.badge(ui.review.names.draft));
    // the project may hold drafts of its own: the count is theirs and this one
    const speechesDir = join(root, "content", "generated", "speeches");
    const drafts = readdirSync(speechesDir).filter((file) =>
      /^status: draft$/m.test(readFileSync(join(speechesDir, file), "utf8")),
    ).length;
    expect(drafts).toBeGreaterThanOrEqual(1);
    const about = readFileSync(join(root, "dist", "about", "index.html"), "utf8");
    expect(about).toContain(`data-status="draft" data-count="${drafts}"`);
  });

  it("is found by search, each paragraph by a phrase of its own", async () => {
    if (!server) throw new Error("no server");
    const search = await loadNodeSearch(join(root, "dist"), server.url);
    for (const paragraph of paragraphs) {
      const phrase = paragraph.slice(0, 8);
      const results = await searchPassages(search.index, phrase);
      if (results.kind !== "results") throw new Error(`no results for ${phrase}`);
      const group = results.groups.find((candidate) => candidate.doc === "incoming");
      expect(group?.status).toBe("draft");
      expect(group?.passages.map((passage) => passage.text)).toContain(paragraph);
    }
  });

  it("left the source byte for byte and the draft formatted", () => {
    expect(readFileSync(join(root, "content", "sources", "incoming.txt"))).toEqual(
      readFileSync(join(root, "incoming.txt")),
    );
    expect(existsSync(join(root, "content", "editorial", "incoming.yaml"))).toBe(true);
  });
});
