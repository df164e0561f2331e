import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, inject, it } from "vitest";
import { z } from "zod";
import { projectRoot } from "../helpers/root.ts";

/**
 * No page shows the data model's own words: the field names (and enumerated
 * values) of every zod schema in `src/schemas/`, such as `sequence`,
 * `outletKind` or `study-material`, are for editors and programs, not readers.
 *
 * What a reader sees of a page: its text and its `<title>`, and the `title`,
 * `aria-label`, `alt` and `placeholder` attributes and the meta description;
 * not scripts, styles, nor `<code>`, `<kbd>` and `<samp>`, which mark text as
 * machine text on purpose (a file name, a command, a value an editor writes),
 * nor file paths and addresses (`data/terms.json`, `…/#title`).
 *
 * Which words count depends on the language of the text (its nearest `lang`):
 * - Chinese text has no English prose, so every field name or value standing
 *   as a word in it is a leak;
 * - English text uses many of those names as plain words (order, status,
 *   source), so there only names shaped like identifiers count: camelCase,
 *   hyphenated, or with a digit or underscore (`openQuestions`, `sha256`,
 *   `same-text-as`).
 * A word the source texts themselves contain is never counted: a page may
 * quote the sources.
 */

const siteDir = inject("siteDir");

/** Every property name and enumerated string value of every exported zod schema in `src/schemas/`. */
async function schemaWords(): Promise<Set<string>> {
  const words = new Set<string>();
  const collect = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(collect);
    if (!node || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      if (key === "properties" && value && typeof value === "object")
        for (const name of Object.keys(value)) words.add(name);
      if (key === "enum" && Array.isArray(value))
        for (const item of value) if (typeof item === "string") words.add(item);
      if (key === "const" && typeof value === "string") words.add(value);
      collect(value);
    }
  };
  const folder = join(projectRoot, "src", "schemas");
  for (const file of readdirSync(folder).filter((name) => name.endsWith(".ts"))) {
    const module = (await import(join(folder, file))) as Record<string, unknown>;
    for (const value of Object.values(module))
      if (value instanceof z.ZodType) collect(z.toJSONSchema(value, { io: "input", unrepresentable: "any" }));
  }
  return words;
}

/** The Latin words of a text outside file paths and addresses, as whole words (`gap-1`, `add-source` are one word each). */
function latinWords(text: string): string[] {
  return (text.match(/[\x21-\x7e]+/g) ?? [])
    .filter((chunk) => !/[/#=@\\]|\w\.\w/.test(chunk))
    .flatMap((chunk) => chunk.match(/[A-Za-z][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*/g) ?? []);
}

/** Shaped like an identifier, never an English word: camelCase, hyphenated, or with a digit or an underscore. */
const identifierShaped = (word: string) => /[a-z][A-Z]|[-_0-9]/.test(word);

/** The text a reader sees of a page, in pieces, each with its language. */
function visibleText(html: string): { lang: string; text: string }[] {
  const { document } = parseHTML(html);
  for (const element of document.querySelectorAll("script, style, template, code, kbd, samp")) element.remove();
  const langOf = (element: Element | null) => element?.closest("[lang]")?.getAttribute("lang") ?? "";
  const pieces: { lang: string; text: string }[] = [];
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) pieces.push({ lang: langOf(child.parentElement), text: child.textContent ?? "" });
      else walk(child);
    }
  };
  walk(document.documentElement);
  for (const element of document.querySelectorAll("[title], [aria-label], [alt], [placeholder]"))
    for (const name of ["title", "aria-label", "alt", "placeholder"]) {
      const value = element.getAttribute(name);
      if (value) pieces.push({ lang: langOf(element), text: value });
    }
  const description = document.querySelector('meta[name="description"]');
  if (description) pieces.push({ lang: langOf(description), text: description.getAttribute("content") ?? "" });
  return pieces;
}

/** The field names a page shows, each once: `word (lang)`. */
function leaksOf(html: string, words: ReadonlySet<string>, quoted: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  for (const { lang, text } of visibleText(html)) {
    const chinese = lang.startsWith("zh");
    for (const word of latinWords(text))
      if (words.has(word) && !quoted.has(word) && (chinese || identifierShaped(word))) found.add(`${word} (${lang})`);
  }
  return [...found];
}

describe("internal words", () => {
  it("appear in no built page's visible text", async () => {
    const words = await schemaWords();
    // The list is the model's: the words the issue named and the kinds of word the rule covers are in it.
    for (const word of ["sequence", "slug", "outletKind", "openQuestions", "readingOrder", "study-material"])
      expect(words, word).toContain(word);
    const sources = join(projectRoot, "content", "sources");
    const quoted = new Set(
      readdirSync(sources)
        .filter((file) => file.endsWith(".txt"))
        .flatMap((file) => latinWords(readFileSync(join(sources, file), "utf8"))),
    );
    const pages = (readdirSync(siteDir, { recursive: true }) as string[]).filter((file) => file.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(100);
    const leaks = pages
      .sort()
      .flatMap((page) =>
        leaksOf(readFileSync(join(siteDir, page), "utf8"), words, quoted).map((leak) => `${page}: ${leak}`),
      );
    expect(leaks).toEqual([]);
  });

  it("are found where a page would show them, and not in code, paths or plain English", () => {
    const words = new Set(["sequence", "outletKind", "study-material", "title", "order"]);
    const page = (body: string) => `<html lang="zh-CN"><head><title>t</title></head><body>${body}</body></html>`;
    expect(leaksOf(page("<p>按编辑数据中的 sequence，再按底本</p>"), words, new Set())).toEqual(["sequence (zh-CN)"]);
    expect(leaksOf(page('<a title="类型 study-material">x</a>'), words, new Set())).toEqual(["study-material (zh-CN)"]);
    expect(leaksOf(page('<p lang="en">the outletKind is set, in order</p>'), words, new Set())).toEqual([
      "outletKind (en)",
    ]);
    expect(
      leaksOf(page("<p>在 <code>sequence</code> 中，见 /speeches/a/#title 与 data/order.json</p>"), words, new Set()),
    ).toEqual([]);
    expect(leaksOf(page('<p lang="en">in sequence, by title and order</p>'), words, new Set())).toEqual([]);
    expect(leaksOf(page("<p>原文作 title</p>"), words, new Set(["title"]))).toEqual([]);
  });
});
