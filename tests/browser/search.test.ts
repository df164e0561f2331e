import type { Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { Passage } from "../../scripts/lib/passages.ts";
import { projectRoot } from "../helpers/root.ts";
import { useSiteInBrowser } from "../helpers/site-in-browser.ts";
import { measureExactness } from "../../scripts/support/search-oracle.ts";
import { searchTestSet, type TestQuery } from "../../scripts/support/search-queries.ts";
import { SEARCH_IDS, byId, searchStateSelector } from "../../src/lib/search/dom.ts";

const siteDir = inject("siteDir");
const site = useSiteInBrowser(siteDir);
let page: Page;
let passages: Passage[];
let queries: TestQuery[];

beforeAll(async () => {
  ({ passages, queries } = searchTestSet(projectRoot));
  page = await site.browser.newPage();
});

/**
 * Runs a query as a reader does, typing into the search box of the open
 * search page (or opening search/?q=… for the first query), and reads the
 * rendered results through the documented hooks.
 */
async function resultsFor(query: string, byAddress: boolean) {
  if (byAddress) {
    await page.goto(`${site.server.url}search/?q=${encodeURIComponent(query)}`);
  } else {
    await page.fill(byId(SEARCH_IDS.input), query);
  }
  await page.waitForSelector(searchStateSelector("done"));
  expect(new URL(page.url()).searchParams.get("q") ?? "").toBe(query);
  // Load every step of documents, as a reader who wants them all would.
  for (let more = page.locator(`${byId(SEARCH_IDS.output)} button.more`); (await more.count()) > 0;) {
    await more.click();
    await page.waitForFunction(
      (output) => document.querySelector(`${output} button.more[disabled]`) === null,
      byId(SEARCH_IDS.output),
    );
  }
  return page.evaluate(() => {
    const container = document.querySelector<HTMLElement>("[data-result-total]");
    const groups = [...document.querySelectorAll<HTMLElement>("[data-result-doc]")].map((group) => ({
      doc: group.dataset.resultDoc ?? "",
      count: Number(group.dataset.resultCount),
      links: [...group.querySelectorAll<HTMLElement>("[data-result]")].map(
        (result) => result.querySelector("a")?.getAttribute("href") ?? "",
      ),
    }));
    return { total: Number(container?.dataset.resultTotal), groups };
  });
}

describe("exact phrase search, in Chromium on the built site", () => {
  it("finds exactly the passages that a plain substring search finds: precision and recall 1.000", async () => {
    let index = 0;
    const outcome = await measureExactness("chromium", queries, passages, async (query) => {
      const { total, groups } = await resultsFor(query, index++ % 25 === 0);
      const actual = new Set<string>();
      for (const group of groups) {
        expect(group.links).toHaveLength(group.count);
        for (const href of group.links) {
          const match = /\/speeches\/([^/]+)\/#(.+)$/.exec(href);
          expect(match?.[1], href).toBe(group.doc);
          actual.add(`${match?.[1]}#${match?.[2]}`);
        }
      }
      expect(total, query).toBe(actual.size);
      return actual;
    });
    expect(outcome.wrongQueries).toEqual([]);
    expect({ precision: outcome.precision, recall: outcome.recall }).toEqual({ precision: 1, recall: 1 });
  });
});
