import type { Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { searchPassages, type DocumentLoader, type PagefindApi } from "../../src/lib/search/engine.ts";
import { keywordInContext } from "../../src/lib/search/kwic.ts";
import { loadNodeSearch } from "../helpers/node-pagefind.ts";
import { useSiteInBrowser } from "../helpers/site-in-browser.ts";
import { hostileQueries } from "./hostile-queries.ts";

const siteDir = inject("siteDir");
const queries = hostileQueries();
const site = useSiteInBrowser(siteDir);
let pagefind: PagefindApi;
let loadDocument: DocumentLoader;
beforeAll(async () => {
  ({ pagefind, loadDocument } = await loadNodeSearch(siteDir, site.server.url));
});

describe("hostile queries", () => {
  it("are at least 1,000 of every family", () => {
    expect(queries.length).toBeGreaterThanOrEqual(1000);
    expect(queries.some((query) => query.length > 1000)).toBe(true);
    expect(queries.some((query) => /<img|<script/.test(query))).toBe(true);
    expect(queries.some((query) => /[\ud800-\udbff](?![\udc00-\udfff])/.test(query))).toBe(true);
    expect(queries.some((query) => /[\u202a-\u202e\u2066-\u2069]/.test(query))).toBe(true);
    expect(queries.some((query) => [...query].some((character) => (character.codePointAt(0) ?? 32) < 32))).toBe(true);
  });

  it("run through the search code in Node without an exception, and every result shows only its passage's text", async () => {
    const failures: string[] = [];
    let withResults = 0;
    for (const query of queries) {
      try {
        const outcome = await searchPassages(pagefind, loadDocument, query);
        if (outcome.kind !== "results") continue;
        if (outcome.total > 0) withResults += 1;
        for (const group of outcome.groups)
          for (const passage of group.passages) {
            // Every piece of the keyword-in-context line is a slice of the passage (the ellipses mark cuts).
            for (const segment of keywordInContext(passage.text, passage.occurrences))
              for (const piece of segment.text.split("…"))
                if (!passage.text.includes(piece))
                  failures.push(`${JSON.stringify(query)}: “${piece}” not in the passage`);
          }
      } catch (error) {
        failures.push(`${JSON.stringify(query)}: ${String(error)}`);
      }
    }
    expect(failures).toEqual([]);
    // Not vacuous: dozens of the hostile queries also contain a real phrase and find passages.
    expect(withResults).toBeGreaterThan(20);
  }, 300_000);

  it("render in the browser as text only: no element but the page's own, no event handler, no dialog, no page error", async () => {
    const page: Page = await site.browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    // A script injected through a result would show a dialog.
    page.on("dialog", (dialog) => {
      errors.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(`${site.server.url}search/`);
    const report = await page.evaluate(async (all) => {
      const results = document.querySelector<HTMLElement>("#search-results");
      const input = document.querySelector<HTMLInputElement>("#search-input");
      const form = document.querySelector<HTMLFormElement>("#search-form");
      if (!results || !input || !form) throw new Error("no search page");
      const allowed = new Set([
        "SECTION",
        "H2",
        "A",
        "SMALL",
        "OL",
        "UL",
        "LI",
        "MARK",
        "FIGURE",
        "FIGCAPTION",
        "SPAN",
        "P",
        "BUTTON",
        "METER",
        "DIV",
        "PROGRESS",
      ]);
      const problems: string[] = [];
      for (const query of all) {
        await new Promise<void>((resolve) => {
          const observer = new MutationObserver(() => {
            if (results.dataset["searchState"] === "done") {
              observer.disconnect();
              resolve();
            }
          });
          observer.observe(results, { attributes: true, attributeFilter: ["data-search-state"] });
          results.dataset["searchState"] = "pending";
          input.value = query;
          form.requestSubmit();
        });
        for (const element of results.querySelectorAll("*")) {
          if (!allowed.has(element.tagName)) problems.push(`${JSON.stringify(query)}: <${element.tagName}>`);
          for (const attribute of element.getAttributeNames())
            if (attribute.startsWith("on")) problems.push(`${JSON.stringify(query)}: ${attribute}`);
        }
      }
      return problems;
    }, queries);
    expect(report).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
