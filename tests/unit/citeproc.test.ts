import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { gbt7714, type CitedDocument } from "../../src/lib/citation.ts";
import { cslItem, type CslItem } from "../../src/lib/citation-formats.ts";
import { citedDocumentOf } from "../../src/lib/document-view.ts";
import { publishedDocuments } from "../helpers/corpus-documents.ts";
import { projectRoot } from "../helpers/root.ts";

/**
 * An independent check of the GB/T 7714-2025 references: the edition's
 * CSL-JSON rendered by citeproc-js (npm `citeproc`) with the public
 * GB/T 7714-2025 numeric CSL style. Each difference between the two is one
 * of those docs/citing.md lists with its reason; `asTheStyleWrites` undoes
 * exactly those, and what remains must be equal.
 */
interface CiteprocEngine {
  setOutputFormat(format: string): void;
  updateItems(ids: string[]): void;
  makeBibliography(): [unknown, string[]];
}
type CiteprocModule = {
  Engine: new (
    sys: { retrieveLocale(lang: string): string; retrieveItem(id: string): CslItem | undefined },
    style: string,
    lang: string,
  ) => CiteprocEngine;
};

/** citeproc, when installed (a development dependency: `citeproc@2.4.63`). */
function loadCiteproc(): CiteprocModule | undefined {
  try {
    return createRequire(import.meta.url)("citeproc") as CiteprocModule;
  } catch {
    return undefined;
  }
}
const citeproc = loadCiteproc();
const fixtures = join(projectRoot, "tests", "fixtures", "csl");

/** The edition's reference with each listed difference undone, as the 2025 CSL style writes the same item. */
function asTheStyleWrites(reference: string, document: CitedDocument): string {
  let written = reference
    // 1. An inferred date's square brackets and a lower bound's 以后: CSL's `circa` is not printed by the style.
    //    (The access date's brackets, after `）`, are the standard's and stay.)
    .replace(/([（，])\[(\d{4}(?:-\d{2}){0,2})(?:以后)?\]/g, "$1$2")
    // 2. A compilation is [G] (汇编) here; CSL has no type for it, and the style calls a book or chapter [M].
    .replace("[G/OL]", "[M/OL]");
  // 3. An [EB/OL] item's agency or website, named as its responsible party here, is the CSL item's publisher,
  //    which the style's web-page form does not print.
  if (document.authors.length === 0 && !document.container && !document.compilation && document.outlet)
    written = written.replace(`${document.outlet.name}. `, "");
  const compilation = document.container ?? (document.compilation ? document : undefined);
  // 4. Other title information of a compilation (its series) is the CSL item's collection-title, not printed.
  if (compilation?.subtitle) written = written.replace(`：${compilation.subtitle}`, "");
  // 5. A part's place in its compilation (材料 1) is in the CSL item's note, not in a field the style prints.
  if (document.label) written = written.replace(`：${document.label}`, "");
  return written;
}

describe.skipIf(!citeproc)("GB/T 7714-2025 references against citeproc and the 2025 CSL style", () => {
  const documents = publishedDocuments();
  const style = readFileSync(join(fixtures, "china-national-standard-gb-t-7714-2025-numeric.csl"), "utf8");
  const locale = readFileSync(join(fixtures, "locales-zh-CN.xml"), "utf8");
  const edition = { name: "网络强国文献汇编", version: "0.2.0", date: "2026-12-03" };
  const cases = documents.map((document) => {
    const cited = citedDocumentOf(documents, document);
    const url = `https://edition.test/speeches/${document.slug}/`;
    const item = cslItem({ document: cited, key: document.slug, url, path: url, edition, accessed: "2026-12-03" });
    return { slug: document.slug, cited, item, ours: gbt7714(cited, undefined, url, "2026-12-03") };
  });
  const rendered = new Map<string, string>();
  if (citeproc) {
    const items = new Map(cases.map(({ slug, item }) => [slug, item]));
    const engine = new citeproc.Engine(
      { retrieveLocale: () => locale, retrieveItem: (id) => items.get(id) },
      style,
      "zh-CN",
    );
    engine.setOutputFormat("text");
    engine.updateItems([...items.keys()]);
    const [, entries] = engine.makeBibliography();
    cases.forEach(({ slug }, index) => rendered.set(slug, (entries[index] ?? "").trim().replace(/^\[\d+\]\s*/, "")));
  }

  it.for(cases)("$slug: differs only as docs/citing.md lists", ({ slug, cited, ours }) => {
    expect(rendered.get(slug)).toBe(asTheStyleWrites(ours, cited));
  });

  it("agrees outright where the edition adds nothing the style lacks: a newspaper article", () => {
    const article = cases.find(({ cited }) => cited.outlet?.kind === "newspaper" && !cited.container);
    expect(article && rendered.get(article.slug)).toBe(article?.ours);
  });
});
