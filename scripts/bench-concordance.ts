/**
 * Concordance benchmark: the work a search result does per line shown, on
 * the worst case of one passage of 200,000 characters (the real paragraphs
 * run together) with thousands of matches, in headless Chromium.
 *
 *   npm run bench:concordance                 builds the site first
 *   npm run bench:concordance -- --site DIR   on a site already built in DIR
 *
 * For each query, filtered to the long passage's document, prints the
 * occurrences, the lines on the first screen, and medians of: the results
 * view and the concordance view rendered after the query is submitted on an
 * open page, and each concordance sort (click to the next frame drawn).
 * Figures are measured, never asserted: this is not a test.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { buildSite } from "./build.ts";
import { readSearchCorpus } from "./lib/search-corpus.ts";
import { writeSearch } from "./lib/search-index.ts";
import { launchChromium } from "./support/chromium.ts";
import { longPassageDocument } from "./support/generated-corpus.ts";
import { serveStatic } from "./support/static-server.ts";
import { SEARCH_IDS, searchStateSelector } from "../src/lib/search/dom.ts";
import { concordanceSorts } from "../src/lib/search/concordance.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const siteArgument = process.argv.indexOf("--site");
const PASSAGE_CHARACTERS = 200_000;
const QUERIES = ["网络", "发展", "安全", "的"];
const RUNS = 5;

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
};

/** Submits `query` on the open search page and returns the milliseconds until its results are rendered. */
async function timeQuery(page: Page, query: string): Promise<number> {
  await page.waitForSelector(searchStateSelector("done"));
  return page.evaluate(
    async ({ input, form, query: text, done }) => {
      const box = document.getElementById(input) as HTMLInputElement;
      const start = performance.now();
      box.value = text;
      (document.getElementById(form) as HTMLFormElement).requestSubmit();
      // No named function here: the page runs this source as it is.
      while (!(document.querySelector(done) && new URL(location.href).searchParams.get("q") === text)) {
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      await new Promise((resolve) => requestAnimationFrame(resolve));
      return performance.now() - start;
    },
    { input: SEARCH_IDS.input, form: SEARCH_IDS.form, query, done: searchStateSelector("done") },
  );
}

/** Clicks the concordance's sort button of `column` and returns the milliseconds until the next frame is drawn. */
function timeSort(page: Page, column: string): Promise<number> {
  return page.evaluate(async (selector) => {
    const button = document.querySelector<HTMLButtonElement>(selector);
    if (!button) throw new Error(`no ${selector}`);
    const start = performance.now();
    button.click();
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return performance.now() - start;
  }, `th.kwic-${column} button`);
}

async function main(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), "bench-concordance-"));
  try {
    const siteDir = siteArgument > 0 ? (process.argv[siteArgument + 1] ?? "") : join(scratch, "built");
    if (siteArgument < 0) await buildSite(root, siteDir);
    const site = join(scratch, "site");
    cpSync(siteDir, site, { recursive: true });
    const corpus = readSearchCorpus(root);
    const long = longPassageDocument(corpus.documents, PASSAGE_CHARACTERS);
    await writeSearch({ ...corpus, documents: [...corpus.documents, long] }, site);
    const server = await serveStatic(site);
    const browser = await launchChromium();
    const passage = long.passages[1]?.[2] ?? "";
    console.log(`One passage of ${passage.length.toLocaleString("en")} characters; medians of ${RUNS} runs (ms).`);
    console.log(
      "query | occurrences | lines shown | results view | concordance view | sorts (left, match, right, date, document)",
    );
    try {
      for (const query of QUERIES) {
        const occurrences = passage.split(query).length - 1;
        const views: { results: number[]; concordance: number[]; sorts: number[][]; lines: number } = {
          results: [],
          concordance: [],
          sorts: concordanceSorts.map(() => []),
          lines: 0,
        };
        for (let run = 0; run < RUNS; run += 1) {
          const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
          for (const view of ["documents", "kwic"] as const) {
            // Pagefind started and the search data loaded by another query first: what is timed is the result's own work.
            await page.goto(`${server.url}search/?q=${encodeURIComponent("网信")}&doc=${long.doc}&view=${view}`);
            const took = await timeQuery(page, query);
            (view === "kwic" ? views.concordance : views.results).push(took);
          }
          views.lines = await page.locator("[data-kwic-line]").count();
          for (const [index, column] of concordanceSorts.entries())
            views.sorts[index]?.push(await timeSort(page, column));
          await page.close();
        }
        const sorts = views.sorts.map((times) => median(times).toFixed(0)).join(", ");
        console.log(
          `${query} | ${occurrences} | ${views.lines} | ${median(views.results).toFixed(0)} | ${median(views.concordance).toFixed(0)} | ${sorts}`,
        );
      }
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
