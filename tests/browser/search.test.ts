import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { Passage } from "../../scripts/lib/passages.ts";
import { projectRoot } from "../helpers/root.ts";
import { useSiteInBrowser } from "../helpers/site-in-browser.ts";
import { parse as parseCsv } from "csv-parse/sync";
import { measureExactness, oracleOccurrences } from "../../scripts/support/search-oracle.ts";
import { normalizeForSearch } from "../../src/lib/search/normalize.ts";
import { searchTestSet, type OperatorQuery, type TestQuery } from "../../scripts/support/search-queries.ts";
import type { SearchScope } from "../../src/lib/search/match.ts";
import { SEARCH_IDS, byId, searchStateSelector } from "../../src/lib/search/dom.ts";

const siteDir = inject("siteDir");
const site = useSiteInBrowser(siteDir);
let page: Page;
let passages: Passage[];
let queries: TestQuery[];
let operatorQueries: OperatorQuery[];

beforeAll(async () => {
  ({ passages, queries, operatorQueries } = searchTestSet(projectRoot));
  page = await site.browser.newPage();
});

/**
 * Runs a query as a reader does, typing into the search box of the open
 * search page (or opening search/?q=… for the first query), and reads the
 * rendered results through the documented hooks.
 */
async function resultsFor(query: string, byAddress: boolean, scope: SearchScope = "passage") {
  if (byAddress) {
    const settings = scope === "passage" ? "" : `&scope=${scope}`;
    await page.goto(`${site.server.url}search/?q=${encodeURIComponent(query)}${settings}`);
    expect(await page.locator('select[name="scope"]').inputValue()).toBe(scope);
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

/** The `doc#id` of every result shown, checked against the counts the page reports. */
function shownPassages(query: string, { total, groups }: Awaited<ReturnType<typeof resultsFor>>): Set<string> {
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
}

describe("exact phrase search, in Chromium on the built site", () => {
  it("is exact for every operator and scope, typed or from the address: precision and recall 1.000", async () => {
    let previous: SearchScope | undefined;
    let index = 0;
    const outcome = await measureExactness(
      "chromium, operators and scopes",
      operatorQueries,
      passages,
      async (query, scope) => {
        // A new scope comes from the address; then the reader types into the page, which keeps it.
        const byAddress = scope !== previous || index++ % 25 === 0;
        previous = scope;
        return shownPassages(query, await resultsFor(query, byAddress, scope));
      },
    );
    expect(outcome.wrongQueries).toEqual([]);
    expect({ precision: outcome.precision, recall: outcome.recall }).toEqual({ precision: 1, recall: 1 });
  }, 400_000);

  it("finds exactly the passages that a plain substring search finds: precision and recall 1.000", async () => {
    let index = 0;
    const outcome = await measureExactness("chromium", queries, passages, async (query) =>
      shownPassages(query, await resultsFor(query, index++ % 25 === 0)),
    );
    expect(outcome.wrongQueries).toEqual([]);
    expect({ precision: outcome.precision, recall: outcome.recall }).toEqual({ precision: 1, recall: 1 });
  });

  it("exports every occurrence as CSV, equal to the oracle's list, and shows one concordance line each", async () => {
    const sample = [
      ...["网络强国", "网信", "习近平 网络强国"].map((query) => ({ query, scope: "passage" as const })),
      ...operatorQueries.filter((_, index) => index % 30 === 0),
    ];
    expect(sample.length).toBeGreaterThan(20);
    for (const { query, scope } of sample) {
      await page.goto(`${site.server.url}search/?q=${encodeURIComponent(query)}&scope=${scope}&view=kwic`);
      await page.waitForSelector(searchStateSelector("done"));
      const expected = oracleOccurrences(query, passages, scope).sort();
      if (expected.length === 0) continue;
      await page.waitForSelector("a[data-export-csv][href]");
      const [download] = await Promise.all([page.waitForEvent("download"), page.click("a[data-export-csv]")]);
      expect(download.suggestedFilename()).toBe("concordance.csv");
      const csv = readFileSync((await download.path()) ?? "", "utf8");
      expect(csv.startsWith("\uFEFF"), query).toBe(true);
      const rows = parseCsv(csv.slice(1), { columns: true }) as Record<string, string>[];
      const actual = rows
        .map((row) => {
          const url = new URL(row["url"] ?? "");
          const doc = /\/speeches\/([^/]+)\//.exec(url.pathname)?.[1];
          expect(url.hash.slice(1)).toBe(row["passage_id"]);
          return `${doc}#${row["passage_id"]}|${normalizeForSearch(row["match"] ?? "")}`;
        })
        .sort();
      expect(actual, `${query} [${scope}]`).toEqual(expected);
      expect(await page.locator("[data-kwic-line]").count()).toBe(expected.length);
    }
  });
});
