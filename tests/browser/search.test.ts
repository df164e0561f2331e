import { readFileSync } from "node:fs";
import { CONCORDANCE_LINES_STEP, concordanceColumns } from "../../src/lib/search/concordance.ts";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { Passage } from "../../scripts/lib/passages.ts";
import { projectRoot } from "../helpers/root.ts";
import { useSiteInBrowser } from "../helpers/site-in-browser.ts";
import { parse as parseCsv } from "csv-parse/sync";
import { measureExactness, oracleOccurrences } from "../../scripts/support/search-oracle.ts";
import { normalizeForSearch } from "../../src/lib/search/normalize.ts";
import { passageAnchor } from "../../src/lib/passage-numbers.ts";
import { passageKeysByAnchor } from "../../scripts/lib/search-corpus.ts";
import { searchTestSet, type OperatorQuery, type TestQuery } from "../../scripts/support/search-queries.ts";
import type { SearchScope } from "../../src/lib/search/match.ts";
import { SEARCH_IDS, byId, searchStateSelector } from "../../src/lib/search/dom.ts";

const siteDir = inject("siteDir");
const site = useSiteInBrowser(siteDir);
let page: Page;
let passages: Passage[];
let queries: TestQuery[];
let operatorQueries: OperatorQuery[];

/** What the search page shows once a search is done, read through its documented hooks. */
interface Shown {
  /** `data-search-state` of the results element. */
  state: string;
  /** The query and scope the address holds. */
  address: { q: string | null; scope: string | null };
  /** `data-result-total` of the results element. */
  total: number;
  /** Each document's group: `data-result-doc`, `data-result-count`, and the link of each `[data-result]`. */
  groups: { doc: string; count: number; links: string[] }[];
}

/**
 * Gives every document the page opens `window.readShownResults`, which reads
 * the results as they are shown; init scripts run in every page, whatever its
 * Content-Security-Policy.
 */
function installResultsReader(): void {
  (window as unknown as { readShownResults: () => Shown }).readShownResults = () => {
    const results = document.querySelector<HTMLElement>("[data-result-total]");
    const address = new URL(location.href).searchParams;
    return {
      state: results?.dataset["searchState"] ?? "",
      address: { q: address.get("q"), scope: address.get("scope") },
      total: Number(results?.dataset["resultTotal"]),
      groups: [...document.querySelectorAll<HTMLElement>("[data-result-doc]")].map((group) => ({
        doc: group.dataset["resultDoc"] ?? "",
        count: Number(group.dataset["resultCount"]),
        links: [...group.querySelectorAll<HTMLElement>("[data-result]")].map(
          (result) => result.querySelector("a")?.getAttribute("href") ?? "",
        ),
      })),
    };
  };
}

beforeAll(async () => {
  ({ passages, queries, operatorQueries } = searchTestSet(projectRoot));
  page = await site.browser.newPage();
  await page.addInitScript(installResultsReader);
});

const readShown = () =>
  page.evaluate(() => (window as unknown as { readShownResults: () => Shown }).readShownResults());

/**
 * Runs every query in the open search page, one after another, in one
 * script: sets the box and the scope and submits the form, as Enter does,
 * waits for `data-search-state="done"`, loads every step of documents with
 * the page's own button, and reads the results.
 */
async function searchInPage(all: readonly { query: string; scope: SearchScope }[]): Promise<Shown[]> {
  await page.goto(`${site.server.url}search/`);
  return page.evaluate(
    async ({ all, ids }) => {
      const results = document.getElementById(ids.results);
      const output = document.getElementById(ids.output);
      const input = document.getElementById(ids.input) as HTMLInputElement | null;
      const form = document.getElementById(ids.form) as HTMLFormElement | null;
      const scope = form?.querySelector<HTMLSelectElement>('select[name="scope"]');
      if (!results || !output || !input || !form || !scope) throw new Error("no search page");
      // Resolves once `holds` is true of the page, checked at each change of `target`.
      const until = (holds: () => boolean, target: Node, options: MutationObserverInit) =>
        new Promise<void>((resolve) => {
          if (holds()) return resolve();
          const observer = new MutationObserver(() => {
            if (!holds()) return;
            observer.disconnect();
            resolve();
          });
          observer.observe(target, options);
        });
      const read = (window as unknown as { readShownResults: () => Shown }).readShownResults;
      const shown: Shown[] = [];
      for (const { query, scope: wanted } of all) {
        results.dataset["searchState"] = "pending";
        const finished = until(
          () => results.dataset["searchState"] === "done" || results.dataset["searchState"] === "error",
          results,
          { attributes: true, attributeFilter: ["data-search-state"] },
        );
        input.value = query;
        scope.value = wanted;
        form.requestSubmit();
        await finished;
        // Every step of documents, as a reader who wants them all would load them.
        for (let more = output.querySelector("button.more"); more; more = output.querySelector("button.more")) {
          (more as HTMLButtonElement).click();
          await until(() => output.querySelector("button.more[disabled]") === null, output, {
            childList: true,
            subtree: true,
            attributes: true,
          });
        }
        shown.push(read());
      }
      return shown;
    },
    { all, ids: SEARCH_IDS },
  );
}

/**
 * Runs a query as a reader does, typing into the search box of the open
 * search page, or opening search/?q=…&scope=…, and loads every step of
 * documents by clicking the page's button.
 */
async function searchAsReader(query: string, scope: SearchScope, byAddress: boolean): Promise<Shown> {
  if (byAddress) {
    const settings = scope === "passage" ? "" : `&scope=${scope}`;
    await page.goto(`${site.server.url}search/?q=${encodeURIComponent(query)}${settings}`);
    expect(await page.locator('select[name="scope"]').inputValue()).toBe(scope);
  } else {
    await page.fill(byId(SEARCH_IDS.input), query);
  }
  await page.waitForSelector(searchStateSelector("done"));
  for (let more = page.locator(`${byId(SEARCH_IDS.output)} button.more`); (await more.count()) > 0;) {
    await more.click();
    await page.waitForFunction(
      (output) => document.querySelector(`${output} button.more[disabled]`) === null,
      byId(SEARCH_IDS.output),
    );
  }
  return readShown();
}

/**
 * The `doc#id` of every result shown, checked against what the page reports:
 * the search done for this query and scope, each group's count, each link in
 * its group's document, and the total.
 */
function shownPassages(query: string, scope: SearchScope, shown: Shown): Set<string> {
  const label = `${query} [${scope}]`;
  expect(shown.state, label).toBe("done");
  expect({ q: shown.address.q, scope: shown.address.scope ?? "passage" }, label).toEqual({ q: query, scope });
  const actual = new Set<string>();
  for (const group of shown.groups) {
    expect(group.links, label).toHaveLength(group.count);
    for (const href of group.links) {
      const match = /\/speeches\/([^/]+)\/#(.+)$/.exec(href);
      expect(match?.[1], href).toBe(group.doc);
      // A result links to its passage's reader anchor (para3); the oracle names passages by id (p7).
      const key = `${match?.[1]}#${match?.[2]}`;
      actual.add(passageIdOfAnchor().get(key) ?? key);
    }
  }
  expect(shown.total, label).toBe(actual.size);
  return actual;
}

let anchors: Map<string, string> | undefined;
/** `doc#anchor` → `doc#id` of every passage (src/lib/passage-numbers.ts), made once. */
function passageIdOfAnchor(): Map<string, string> {
  return (anchors ??= passageKeysByAnchor(passages));
}

/** Precision and recall of the page over `all`, its results shown in the same order. */
async function exactness(label: string, all: readonly { query: string; scope: SearchScope }[], shown: Shown[]) {
  expect(shown).toHaveLength(all.length);
  let next = 0;
  return measureExactness(label, all, passages, async (query, scope) => {
    const entry = all[next];
    const result = shown[next];
    next += 1;
    expect({ query: entry?.query, scope: entry?.scope }).toEqual({ query, scope });
    if (!result) throw new Error(`no result for ${query}`);
    return shownPassages(query, scope, result);
  });
}

describe("exact phrase search, in Chromium on the built site", () => {
  it("is exact for every operator and scope: precision and recall 1.000", async () => {
    const outcome = await exactness(
      "chromium, operators and scopes",
      operatorQueries,
      await searchInPage(operatorQueries),
    );
    expect(outcome.wrongQueries).toEqual([]);
    expect({ precision: outcome.precision, recall: outcome.recall }).toEqual({ precision: 1, recall: 1 });
  });

  it("finds exactly the passages that a plain substring search finds: precision and recall 1.000", async () => {
    const all = queries.map(({ query }) => ({ query, scope: "passage" as const }));
    const outcome = await exactness("chromium", all, await searchInPage(all));
    expect(outcome.wrongQueries).toEqual([]);
    expect({ precision: outcome.precision, recall: outcome.recall }).toEqual({ precision: 1, recall: 1 });
  });

  it("is as exact for queries typed into the box and opened from the address, the scope kept while typing", async () => {
    // The first query of each kind: a new scope comes from the address, then the reader types, and the page keeps it.
    const firstOfKind = <T extends { kind: string }>(entries: readonly T[]) =>
      [...Map.groupBy(entries, (entry) => entry.kind).values()].map((group) => group[0] as T);
    const sample: { query: string; scope: SearchScope }[] = [
      ...firstOfKind(operatorQueries).map(({ query, scope }) => ({ query, scope })),
      ...operatorQueries.filter(({ scope }) => scope !== "passage").slice(-2),
      ...firstOfKind(queries).map(({ query }) => ({ query, scope: "passage" as const })),
    ].sort((a, b) => a.scope.localeCompare(b.scope));
    let previous: SearchScope | undefined;
    let byAddress = 0;
    const shown: Shown[] = [];
    for (const { query, scope } of sample) {
      shown.push(await searchAsReader(query, scope, scope !== previous));
      if (scope !== previous) byAddress += 1;
      previous = scope;
    }
    expect(byAddress).toBe(new Set(sample.map(({ scope }) => scope)).size);
    expect(sample.length - byAddress).toBeGreaterThan(byAddress);
    const outcome = await exactness("chromium, typed and from the address", sample, shown);
    expect(outcome.wrongQueries).toEqual([]);
    expect({ precision: outcome.precision, recall: outcome.recall }).toEqual({ precision: 1, recall: 1 });
  });

  it("exports every occurrence as CSV from either view, equal to the oracle's list, and shows one concordance line each", async () => {
    const sample = [
      ...["网络强国", "网信", "习近平 网络强国"].map((query) => ({ query, scope: "passage" as const })),
      ...operatorQueries.filter((_, index) => index % 30 === 0),
    ];
    expect(sample.length).toBeGreaterThan(20);
    for (const [index, { query, scope }] of sample.entries()) {
      // every other query from the results by document: the export is the same there
      const view = index % 2 === 0 ? "kwic" : "documents";
      await page.goto(`${site.server.url}search/?q=${encodeURIComponent(query)}&scope=${scope}&view=${view}`);
      await page.waitForSelector(searchStateSelector("done"));
      const expected = oracleOccurrences(query, passages, scope).sort();
      if (expected.length === 0) continue;
      if (view === "kwic") await page.waitForSelector("a[data-export-csv][href]");
      // the results by document load no match beyond those shown until the export is asked for
      else {
        expect(await page.getAttribute("a[data-export-csv]", "href"), query).toBeNull();
        // copying, like the CSV, loads every match when asked, so it is offered before anything is loaded
        expect(await page.isEnabled(".kwic-copy"), query).toBe(true);
      }
      const [download] = await Promise.all([page.waitForEvent("download"), page.click("a[data-export-csv]")]);
      expect(download.suggestedFilename()).toBe("concordance.csv");
      const csv = readFileSync((await download.path()) ?? "", "utf8");
      expect(csv.startsWith("\uFEFF"), query).toBe(true);
      const rows = parseCsv(csv.slice(1), { columns: true }) as Record<string, string>[];
      // The export names a passage by its reader anchor; the oracle by its id.
      const keys = passageIdOfAnchor();
      const actual = rows
        .map((row) => {
          const url = new URL(row["url"] ?? "");
          const doc = /\/speeches\/([^/]+)\//.exec(url.pathname)?.[1] ?? "";
          expect(url.hash.slice(1)).toBe(row["passage"]);
          expect(row["passage"]).toBe(
            passageAnchor({ type: row["passage_type"] as Passage["type"], number: Number(row["passage_number"]) }),
          );
          return `${keys.get(`${doc}#${row["passage"] ?? ""}`) ?? "?"}|${normalizeForSearch(row["match"] ?? "")}`;
        })
        .sort();
      expect(actual, `${query} [${scope}]`).toEqual(expected);
      // a step of lines is drawn; the export holds every one
      if (view === "kwic") {
        expect(await page.locator("[data-kwic-line]").count()).toBe(Math.min(expected.length, CONCORDANCE_LINES_STEP));
      }
      // the columns the page knows, the sentence at sentence scope
      expect(Object.keys(rows[0] ?? {})).toEqual([...concordanceColumns]);
      if (scope === "sentence") for (const row of rows) expect(row["sentence"]).toContain(row["match"]);
    }
  });
});
