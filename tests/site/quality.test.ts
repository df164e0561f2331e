import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import { describe, expect, inject, it } from "vitest";
import { pageWeight } from "../helpers/page-weight.ts";

const siteDir = inject("siteDir");
const pages = (readdirSync(siteDir, { recursive: true }) as string[]).filter((file) => file.endsWith(".html")).sort();

/**
 * Budgets per page, gzip-compressed, on a reader's first visit. The HTML
 * budget leaves room for a document three times the longest now (16 KB);
 * pages other than search carry only small controls (theme, shortcuts,
 * citations, highlight, and on a document page the loader of the script that
 * marks the section in view, which itself loads on demand); the search page's own code, without the Pagefind
 * engine it loads on the first query, includes the Traditional-to-Simplified
 * table, the reader of the index's passage tables, the session with its
 * caches, timeouts and integrity checks of every file it reads, the
 * concordance, export, clusters and comparison views, and every
 * interface string of both languages (moving the strings only pages use out
 * of the search bundle would make room).
 */
const BUDGET = { html: 48 * 1024, css: 8 * 1024, js: 4.25 * 1024, searchJs: 48 * 1024 };
const isSearchPage = (page: string) => /(^|\/)search\/index\.html$/.test(page);

describe("every built page", () => {
  it("is valid HTML (html-validate, recommended rules)", async () => {
    expect(pages.length).toBeGreaterThan(150);
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const errors: string[] = [];
    for (const page of pages) {
      const report = await validator.validateFile(join(siteDir, page));
      for (const result of report.results)
        for (const message of result.messages)
          errors.push(`${page}:${message.line}:${message.column} ${message.ruleId} ${message.message}`);
    }
    expect(errors).toEqual([]);
    // The project's rules are in force: an id with a dot, which the About page once produced, is refused.
    const sample = await validator.validateString(
      '<main><h1 id="source-a.txt">x</h1></main>',
      join(siteDir, "sample.html"),
    );
    expect(sample.valid).toBe(false);
  });

  it("carries a strict Content-Security-Policy and no inline script, style or handler", () => {
    const problems: string[] = [];
    for (const page of pages) {
      const html = readFileSync(join(siteDir, page), "utf8");
      const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? "";
      const scriptSource = /(?:^|; )script-src ([^;]+)/.exec(policy)?.[1] ?? "";
      if (!/default-src 'self'/.test(policy)) problems.push(`${page}: no default-src 'self'`);
      if (scriptSource === "" || scriptSource.includes("unsafe-inline"))
        problems.push(`${page}: script-src ${scriptSource}`);
      if (scriptSource.includes("wasm-unsafe-eval") !== isSearchPage(page))
        problems.push(`${page}: wasm-unsafe-eval ${isSearchPage(page) ? "missing" : "where no search runs"}`);
      if (/<script(?![^>]*\ssrc=)[^>]*>/.test(html)) problems.push(`${page}: inline script`);
      if (/\sstyle="|<style[\s>]/.test(html)) problems.push(`${page}: inline style`);
      if (/<[^>]+\son[a-z]+=/.test(html)) problems.push(`${page}: event handler attribute`);
    }
    expect(problems).toEqual([]);
  });

  it("stays within its size budget and loads no web font", () => {
    const over: string[] = [];
    for (const page of pages) {
      const weight = pageWeight(siteDir, "/", page);
      const jsBudget = isSearchPage(page) ? BUDGET.searchJs : BUDGET.js;
      if (weight.html > BUDGET.html) over.push(`${page}: HTML ${weight.html} B > ${BUDGET.html} B`);
      if (weight.css > BUDGET.css) over.push(`${page}: CSS ${weight.css} B > ${BUDGET.css} B`);
      if (weight.js > jsBudget) over.push(`${page}: JavaScript ${weight.js} B > ${jsBudget} B`);
      if (weight.fontFaces > 0) over.push(`${page}: ${weight.fontFaces} web fonts`);
    }
    expect(over).toEqual([]);
    // The measure is not vacuous: pages do load CSS and the search page its script.
    expect(pageWeight(siteDir, "/", "index.html").css).toBeGreaterThan(1000);
    expect(pageWeight(siteDir, "/", "search/index.html").js).toBeGreaterThan(5000);
  });
});
