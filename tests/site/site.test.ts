import { readdirSync, readFileSync } from "node:fs";
import { join, posix } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { parse as parseCsv } from "csv-parse/sync";
import { parseHTML } from "linkedom";
import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { buildCorpus, type Corpus } from "../../scripts/lib/corpus.ts";
import { marginLabel, parsePassageAnchor, passageAnchor, readerNumbers } from "../../src/lib/passage-numbers.ts";
import { gbt7714 } from "../../src/lib/citation.ts";
import { moduleImportsIn, staticImportsOf } from "../../scripts/lib/module-preload.ts";
import { citedDocumentOf } from "../../src/lib/document-view.ts";
import { publishedDocuments } from "../helpers/corpus-documents.ts";
import { projectRoot } from "../helpers/project.ts";

/** The site built by the global setup. A second build, compared byte for byte, is in tests/sweep/rebuild.test.ts. */
const first = inject("siteDir");
let corpus: Corpus;

beforeAll(() => {
  corpus = buildCorpus(projectRoot);
});

function page(slug: string): Document {
  return parseHTML(readFileSync(join(first, "speeches", slug, "index.html"), "utf8")).document;
}

function pageIn(locale: "en", slug: string): Document {
  return parseHTML(readFileSync(join(first, locale, "speeches", slug, "index.html"), "utf8")).document;
}

describe("the built site", () => {
  it("has a page per document, in Chinese", () => {
    for (const document of corpus.documents) {
      const html = page(document.slug);
      expect(html.documentElement.getAttribute("lang")).toBe("zh-CN");
      if (document.title.basis === undefined) expect(html.querySelector("h1")?.textContent).toBe(document.title.text);
      else expect(html.querySelector("h1[data-editorial-title]")?.textContent).toContain(document.title.text);
      expect(html.querySelector("title")?.textContent).toContain(document.title.text);
    }
  });

  it("publishes every block at its reader anchor, keeping its id, with exactly the text of the model", () => {
    for (const document of corpus.documents) {
      const html = page(document.slug);
      const rendered = [...html.querySelectorAll(".block, .gap")];
      const numbers = readerNumbers(
        document.blocks.flatMap((block) => (block.type === "gap" ? [] : [{ id: block.id, type: block.type }])),
      );
      expect(rendered.map((element) => element.id)).toEqual(
        document.blocks.map((block) =>
          block.type === "gap" ? block.id : passageAnchor({ type: block.type, number: numbers.get(block.id) ?? -1 }),
        ),
      );
      document.blocks.forEach((block, index) => {
        const element = rendered[index];
        if (block.type === "gap") {
          expect(element?.textContent).toContain(block.text);
        } else {
          // The id the previous version linked to stays on the block's number, so that an old link lands on it.
          expect(element?.querySelector(".block-number")?.id, `${document.slug}#${block.id}`).toBe(block.id);
          expect(element?.querySelector(".block-text")?.textContent, `${document.slug}#${block.id}`).toBe(block.text);
          expect(element?.getAttribute("data-lines")).toBe(
            [...new Set(block.spans.map((span) => span.line))].join(","),
          );
        }
      });
    }
  });

  it("links every displayed locator to its own anchor: margin number, citations and their keys", () => {
    const chinese = { paragraph: "第$段", heading: "小标题$", item: "第$项" } as const;
    const published = publishedDocuments();
    let checked = 0;
    for (const document of corpus.documents) {
      const html = page(document.slug);
      const entry = published.find((candidate) => candidate.slug === document.slug);
      const blocks = [...html.querySelectorAll(".block")];
      expect(blocks.length).toBe(document.blocks.filter((block) => block.type !== "gap").length);
      checked += blocks.length;
      for (const block of blocks) {
        const passage = parsePassageAnchor(block.id);
        if (!passage || passage.type === "title") throw new Error(`${document.slug}: ${block.id} is no passage anchor`);
        const number = block.querySelector(".block-number");
        expect(number?.textContent.trim(), `${document.slug}#${block.id}`).toBe(
          marginLabel(passage.type, passage.number),
        );
        expect(number?.getAttribute("href")).toBe(`#${block.id}`);
        const forms = html.querySelector(`[data-notes-for="${block.id}"] .citation-forms`);
        expect(forms?.getAttribute("data-cite-key")).toBe(block.id);
        // Paths are written relative to the page (scripts/lib/relative-links.ts).
        expect(forms?.getAttribute("data-cite-path")).toBe(`../../speeches/${document.slug}/#${block.id}`);
        const name = chinese[passage.type].replace("$", String(passage.number));
        for (const citation of forms?.querySelectorAll("[data-citation]") ?? []) {
          expect(citation.textContent, `${document.slug}#${block.id}`).toContain(name);
          expect(citation.querySelector(".citation-url")?.textContent).toBe(`/speeches/${document.slug}/#${block.id}`);
        }
        // Without a script, the GB/T 7714 form is the formatter's, without the reader's access date.
        const url = `/speeches/${document.slug}/#${block.id}`;
        if (entry)
          expect(forms?.querySelector("[data-citation]")?.textContent.trim()).toBe(
            gbt7714(citedDocumentOf(published, entry), passage, url),
          );
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("offers every document's citation in one file per format, linked from the About page, that citation-js reads", () => {
    const about = parseHTML(readFileSync(join(first, "about", "index.html"), "utf8")).document;
    const linked = [...about.querySelectorAll("a[data-cite-all]")].map((link) => link.getAttribute("href") ?? "");
    expect(linked.map((href) => href.split("/").pop())).toEqual(["citations.bib", "citations.ris", "citations.json"]);
    for (const file of ["citations.bib", "citations.ris", "citations.json"]) {
      const items = new Cite(readFileSync(join(first, "data", file), "utf8")).data as {
        title?: string;
        URL?: string;
      }[];
      expect(
        items.map((item) => item.title),
        file,
      ).toEqual(corpus.documents.map((document) => document.title.text));
    }
  });

  it("shows metadata and inferences as the data says", () => {
    const html = page("zhao-zhiguo-new-era-cyber-power");
    expect(html.querySelector("[data-document-meta]")?.textContent).toContain(
      "工业和信息化部网络安全管理局局长 赵志国",
    );
    expect(html.querySelector(".inferred")?.textContent).toBe("2017年10月以后");
    expect(html.querySelector(".provenance")?.textContent).toContain(
      "7c2e7cf6cac9c412598056e8d73f312fd0f36323c3b0e036533cbd6425ac26e6",
    );
  });

  it("says each document's metadata once: one block, each line of the text's metadata once, each basis once", () => {
    for (const document of corpus.documents) {
      for (const html of [page(document.slug), pageIn("en", document.slug)]) {
        const blocks = html.querySelectorAll("[data-document-meta]");
        expect(blocks.length, document.slug).toBe(1);
        const block = blocks[0];
        // the facts: each claim named once
        const facts = [...(block?.querySelectorAll(".doc-facts dt") ?? [])].map((dt) => dt.textContent);
        expect(new Set(facts).size, document.slug).toBe(facts.length);
        // the evidence: each line of the text's own metadata once, each basis once
        const evidence = block?.querySelector(".doc-evidence")?.textContent ?? "";
        const occurrences = (text: string) => evidence.split(text).length - 1;
        for (const [name, place] of Object.entries(document.fields)) {
          expect(block?.querySelector(`#field-${name}`)?.textContent, `${document.slug} ${name}`).toContain(place.text);
          // a field's text may contain another's (a dateline in a source note); it is listed once as itself
          const containing = Object.values(document.fields).filter((other) => other.text.includes(place.text)).length;
          expect(occurrences(place.text), `${document.slug} ${name}`).toBe(containing);
        }
        for (const claim of [document.date, document.outlet, document.page, ...document.authors]) {
          if (claim?.basis) expect(occurrences(claim.basis), `${document.slug} ${claim.value}`).toBe(1);
        }
        // no stray whitespace control characters shown as text
        expect(block?.textContent ?? "").not.toMatch(/\t/);
      }
    }
  });

  it("shows the timeline with a year bar, no numbering, and each excerpt once per event", () => {
    for (const path of ["milestones", "en/milestones"]) {
      const html = parseHTML(readFileSync(join(first, path, "index.html"), "utf8")).document;
      const years = [...html.querySelectorAll("section > h2[id^=y]")].map((heading) => `#${heading.id}`);
      expect(years.length).toBeGreaterThan(0);
      expect([...html.querySelectorAll(".year-bar a")].map((link) => link.getAttribute("href"))).toEqual(years);
      const entries = [...html.querySelectorAll(".timeline > li")];
      for (const entry of entries) {
        const quotes = [...entry.querySelectorAll("blockquote > p")].map((quote) => quote.textContent);
        expect(new Set(quotes).size, entry.id).toBe(quotes.length);
      }
      // an excerpt given by copies of one text lists both places
      expect(html.querySelectorAll("blockquote footer a + a, blockquote footer a ~ a").length).toBeGreaterThan(0);
    }
  });

  it("makes every shared-text matrix cell a link to the passages the pair shares", () => {
    for (const path of ["shared", "en/shared"]) {
      const html = parseHTML(readFileSync(join(first, path, "index.html"), "utf8")).document;
      const rows = [...html.querySelectorAll(".matrix-table tbody tr")];
      expect(rows.length).toBe(corpus.documents.length);
      let linked = 0;
      rows.forEach((row, rowIndex) => {
        [...row.querySelectorAll("td")].slice(1).forEach((cell, column) => {
          const value = Number(cell.textContent?.trim());
          if (column === rowIndex || !(value > 0)) return;
          const href = cell.querySelector("a[data-matrix-cell]")?.getAttribute("href") ?? "";
          const section = html.querySelector(`section${href}`);
          expect(section, `${path} row ${rowIndex + 1} column ${column + 1}`).not.toBeNull();
          expect(section?.querySelectorAll("li").length).toBeGreaterThan(0);
          linked += 1;
        });
      });
      expect(linked).toBeGreaterThan(0);
      // the chart's cells lead to the same sections (by pointer; the table is the keyboard's way)
      for (const link of html.querySelectorAll("svg a[href]")) {
        expect(html.querySelector(`section${link.getAttribute("href") ?? ""}`)).not.toBeNull();
      }
    }
  });

  it("names each witness of a collation by outlet or compilation and date, and gives each variant its context", () => {
    const pairs = readdirSync(join(first, "shared"), { withFileTypes: true }).filter((entry) => entry.isDirectory());
    for (const pair of pairs) {
      const html = parseHTML(readFileSync(join(first, "shared", pair.name, "index.html"), "utf8")).document;
      const heads = [...html.querySelectorAll("th[data-witness]")].map((head) => head.textContent?.trim());
      expect(heads).toHaveLength(2);
      expect(heads[0]).not.toBe(heads[1]);
      for (const head of heads) expect(head).toMatch(/\d{4}年|无日期/);
      for (const row of html.querySelectorAll("tr[data-variant]")) {
        const link = row.querySelector("[data-variant-context] a");
        expect(link?.textContent?.replace(/[…\s]/g, "").length).toBeGreaterThan(1);
        expect(html.querySelector(`tr[data-collation-row]${link?.getAttribute("href") ?? "#none"}`)).not.toBeNull();
      }
    }
  });

  it("gives every English document page the edition's English title, marked as a translation, and English dates", () => {
    for (const document of corpus.documents) {
      const html = pageIn("en", document.slug);
      const translation = html.querySelector("[data-title-translation]");
      expect(translation?.getAttribute("lang")).toBe("en");
      if (document.titleEnglish) expect(translation?.textContent).toContain(document.titleEnglish);
      else expect(document.status).not.toBe("verified");
      // the Chinese title stays the title
      if (document.title.basis === undefined) expect(html.querySelector("h1")?.textContent).toBe(document.title.text);
      if (document.date) {
        const facts = html.querySelector(".doc-facts")?.textContent ?? "";
        expect(facts).toMatch(new RegExp(document.date.value.slice(0, 4)));
        expect(facts).not.toMatch(/\d年/);
      }
    }
  });

  it("ties a term to the earliest event the timeline connects to it, linked to its entry", () => {
    const timeline = parseHTML(readFileSync(join(first, "milestones", "index.html"), "utf8")).document;
    const terms = JSON.parse(readFileSync(join(first, "data", "terms.json"), "utf8")) as {
      terms: { id: string }[];
    };
    let tied = 0;
    for (const term of terms.terms) {
      const html = parseHTML(readFileSync(join(first, "terms", term.id, "index.html"), "utf8")).document;
      const link = html.querySelector("[data-earliest-event] a");
      if (!link) continue;
      tied += 1;
      const id = (link.getAttribute("href") ?? "").split("#")[1] ?? "";
      const entry = timeline.getElementById(id);
      expect(entry, term.id).not.toBeNull();
      // the event the link names is the entry's: same date
      expect(link.textContent?.trim()).toBe(entry?.querySelector("time")?.textContent?.trim());
    }
    expect(tied).toBeGreaterThan(0);
  });

  it("gives every page a language, a title and a description, and uses no webfont", () => {
    const pages = (readdirSync(first, { recursive: true }) as string[]).filter((file) => file.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(100);
    for (const file of pages) {
      const html = parseHTML(readFileSync(join(first, file), "utf8")).document;
      expect(html.documentElement.getAttribute("lang"), file).toMatch(/^(zh-CN|en)$/);
      expect(html.querySelector("title")?.textContent?.length, file).toBeGreaterThan(2);
      expect(html.querySelector('meta[name="description"]')?.getAttribute("content")?.length, file).toBeGreaterThan(5);
    }
    const css = (readdirSync(join(first, "_astro")) as string[]).filter((file) => file.endsWith(".css"));
    for (const file of css) expect(readFileSync(join(first, "_astro", file), "utf8")).not.toMatch(/@font-face/);
  });

  it("preloads every chunk a page's module scripts import, however deep, and nothing that is not a file", async () => {
    const importsOf = await moduleImportsIn(first);
    for (const path of ["search/index.html", "en/search/index.html", "index.html"]) {
      const html = parseHTML(readFileSync(join(first, path), "utf8")).document;
      const inSite = (address: string) => posix.normalize(posix.join(posix.dirname(path), address));
      const scripts = [...html.querySelectorAll('script[type="module"][src]')].map((script) =>
        inSite(script.getAttribute("src") ?? ""),
      );
      const preloaded = new Set(
        [...html.querySelectorAll('head link[rel="modulepreload"]')].map((link) =>
          inSite(link.getAttribute("href") ?? ""),
        ),
      );
      const wanted = new Set(scripts.flatMap((script) => staticImportsOf(script, importsOf)));
      for (const script of scripts) wanted.delete(script);
      expect(wanted.size, path).toBeGreaterThan(0);
      expect(preloaded, path).toEqual(wanted);
    }
  });

  it("publishes open data that its generated JSON Schemas accept, and the milestones as CSV", () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    for (const name of ["corpus", "principles", "milestones", "terms"]) {
      const schema = JSON.parse(readFileSync(join(first, "data", `${name}.schema.json`), "utf8")) as object;
      const data = JSON.parse(readFileSync(join(first, "data", `${name}.json`), "utf8")) as unknown;
      const validate = ajv.compile(schema);
      expect(validate(data), `${name}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      // The schema is not vacuous: a document without its slug is refused.
      if (name === "corpus") {
        const broken = structuredClone(data) as { documents: Record<string, unknown>[] };
        const [firstDocument] = broken.documents;
        if (firstDocument) delete firstDocument["slug"];
        expect(validate(broken)).toBe(false);
      }
    }
    const corpusFile = JSON.parse(readFileSync(join(first, "data", "corpus.json"), "utf8")) as {
      documents: { slug: string; passages: { id: string; text: string }[] }[];
    };
    expect(corpusFile.documents.map((document) => document.slug)).toEqual(
      corpus.documents.map((document) => document.slug),
    );
    for (const document of corpus.documents) {
      const published = corpusFile.documents.find((entry) => entry.slug === document.slug)?.passages ?? [];
      const texts = new Map(published.map((passage) => [passage.id, passage.text]));
      for (const block of document.blocks.filter((entry) => entry.type !== "gap"))
        expect(texts.get(block.id), `${document.slug}#${block.id}`).toBe(block.text);
    }
    const rows = parseCsv(readFileSync(join(first, "data", "milestones.csv"), "utf8"), {
      bom: true,
      columns: true,
    }) as {
      id: string;
      date: string;
    }[];
    const milestones = JSON.parse(readFileSync(join(first, "data", "milestones.json"), "utf8")) as {
      milestones: { id: string; date: { value: string } }[];
    };
    // the same milestones, by date
    expect(rows.map((row) => [row.id, row.date]).sort()).toEqual(
      milestones.milestones.map((milestone) => [milestone.id, milestone.date.value]).sort(),
    );
    const starts = rows.map((row) => (row as unknown as { start: string }).start);
    expect(starts).toEqual([...starts].sort());
  });
});
