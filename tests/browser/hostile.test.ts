import type { Page } from "playwright-core";
import { expect, inject, it, describe } from "vitest";
import { SEARCH_IDS } from "../../src/lib/search/dom.ts";
import { hostileQueries } from "../helpers/hostile-queries.ts";
import { useSiteInBrowser } from "../helpers/site-in-browser.ts";

const queries = hostileQueries();
const site = useSiteInBrowser(inject("siteDir"));

describe("hostile queries", () => {
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
    const report = await page.evaluate(
      async ({ all, ids }) => {
        const results = document.getElementById(ids.results);
        const input = document.getElementById(ids.input) as HTMLInputElement | null;
        const form = document.getElementById(ids.form) as HTMLFormElement | null;
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
          "DETAILS",
          "SUMMARY",
          // the table of hits per year
          "TABLE",
          "CAPTION",
          "THEAD",
          "TBODY",
          "TR",
          "TH",
          "TD",
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
      },
      { all: queries, ids: SEARCH_IDS },
    );
    expect(report).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
