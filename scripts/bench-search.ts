/**
 * Search benchmark: this site's exact search beside stock Pagefind, on the
 * same built site, in the same run, in headless Chromium.
 *
 *   npm run bench:search                 the real corpus
 *   npm run bench:search -- --scale 2000 a generated corpus of 2,000 documents
 *   npm run bench:search -- --scale 500,2000,15000
 *                                        several sizes in turn, and the scaling curve
 *                                        made of the real paragraphs
 *   npm run bench:search -- --scale 50000 --build-only
 *                                        only the exact index's build at each size:
 *                                        its time, peak memory and size
 *
 * Prints precision and recall (against a plain substring search over the
 * published text), time from query to rendered results (median and 95th
 * percentile; first query and warm), bytes fetched for the first query and
 * per further query, index size, and build time. Figures are measured, never
 * asserted: this is not a test.
 */
import { execSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import * as pagefind from "pagefind";
import type { BrowserContext, Page } from "playwright-core";
import { buildSite } from "./build.ts";
import { SEARCH_DATA_DIR } from "../src/lib/search/documents.ts";
import { SEARCH_IDS } from "../src/lib/search/dom.ts";
import { writeSearchIndex } from "./lib/search-index.ts";
import { launchChromium } from "./support/chromium.ts";
import { serveStatic } from "./support/static-server.ts";
import { oracleHits, oracleMatches, substringMatches } from "./support/search-oracle.ts";
import { searchTestSet } from "./support/search-queries.ts";
import type { Passage, SearchDocument } from "../src/schemas/passage.ts";
import { generatedDocuments } from "./support/generated-corpus.ts";
import { passageKeysByAnchor, passagesOfDocuments } from "./lib/search-corpus.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const scaleArgument = process.argv.indexOf("--scale");
const scales = scaleArgument > 0 ? (process.argv[scaleArgument + 1] ?? "").split(",").map(Number) : [0];
const buildOnly = process.argv.includes("--build-only");
const QUERIES_TIMED = 80;
/** Fresh browser contexts in which the first query is timed. */
const COLD_RUNS = 7;

function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

function directoryBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}

/**
 * Counts the bytes of every response in a browser context, workers included.
 * Chromium reports a body size of 0 for a worker's script; its body is
 * measured instead, gzip-compressed the way the compressing server sends it.
 */
function byteCounter(context: BrowserContext) {
  let bytes = 0;
  const pending: Promise<void>[] = [];
  context.on("requestfinished", (request) => {
    pending.push(
      (async () => {
        // A request that finishes as its context closes has no sizes to read; it belongs to no measured query.
        const sizes = await request.sizes().catch(() => undefined);
        if (!sizes) return;
        let body = sizes.responseBodySize;
        if (body === 0) {
          const response = await request.response();
          const decoded = (await response?.body().catch(() => undefined)) ?? Buffer.alloc(0);
          body =
            (await response?.headerValue("content-encoding")) === "gzip" ? gzipSync(decoded).length : decoded.length;
        }
        bytes += body + sizes.responseHeadersSize;
        if (process.env.BENCH_VERBOSE) console.log(`  ${body} ${request.url()}`);
      })(),
    );
  });
  return {
    async take(): Promise<number> {
      await Promise.all(pending.splice(0));
      const taken = bytes;
      bytes = 0;
      return taken;
    },
  };
}

/** A page that runs stock Pagefind the way its default UI does: search, then load the first five results. */
const stockPage = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>stock</title></head><body><ol id="out"></ol>
<script type="module">
let api;
async function ready() {
  if (!api) { api = await import("../pagefind-stock/pagefind.js"); await api.options({ basePath: "../pagefind-stock/" }); await api.init(); }
  return api;
}
window.stockRender = async (query) => {
  const start = performance.now();
  const search = await (await ready()).search(query);
  const shown = await Promise.all(search.results.slice(0, 5).map((result) => result.data()));
  const out = document.getElementById("out");
  out.replaceChildren(...shown.map((data) => { const li = document.createElement("li"); li.textContent = data.meta.title + " " + data.excerpt; return li; }));
  return performance.now() - start;
};
window.stockPages = async (query) => {
  const search = await (await ready()).search(query);
  return Promise.all(search.results.map(async (result) => (await result.data()).url));
};
</script></body></html>`;

interface EngineFigures {
  name: string;
  precision: number;
  recall: number;
  level: string;
  firstMedian: number;
  firstP95: number;
  warmMedian: number;
  warmP95: number;
  firstBytes: number;
  firstBytesGzip: number;
  bytesMedian: number;
  bytesP95: number;
  bytesMax: number;
  indexBytes: number;
}

/** One size's figures for the scaling curve. */
interface ScalePoint {
  documents: number;
  indexBytes: number;
  indexSeconds: number;
  peakMegabytes: number;
  firstBytesGzip: number;
  warmP95: number;
  stockFirstBytesGzip: number;
  stockWarmP95: number;
}

/**
 * Runs `build` and samples, every half second, the resident memory of this
 * process and of Pagefind's indexing processes; returns the highest sum seen.
 */
async function peakMemoryDuring(build: () => Promise<void>): Promise<number> {
  let peak = 0;
  const sample = () => {
    let pagefindKilobytes = 0;
    try {
      pagefindKilobytes = execSync("ps -o rss= -C pagefind_extended -C pagefind", { encoding: "utf8" })
        .split("\n")
        .reduce((sum, line) => sum + (Number(line.trim()) || 0), 0);
    } catch {
      // no Pagefind process at this moment
    }
    peak = Math.max(peak, process.memoryUsage().rss + pagefindKilobytes * 1024);
  };
  const timer = setInterval(sample, 500);
  try {
    await build();
  } finally {
    clearInterval(timer);
  }
  return peak / 1024 / 1024;
}

async function main(): Promise<void> {
  const work = join(root, ".build", scales[0] ? `bench-${scales.join("-")}` : "bench");
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const site = join(work, "site");

  // 1. build the real site (ingest, Astro, exact index), and time it
  const started = performance.now();
  await buildSite(root, site);
  const siteBuildSeconds = (performance.now() - started) / 1000;
  if (buildOnly) {
    for (const scale of scales) {
      const { searched, indexSeconds, peakMegabytes } = await buildAtScale(site, scale);
      console.log(
        `${searched.length} documents: exact index build ${indexSeconds.toFixed(1)} s, peak memory ` +
          `${peakMegabytes.toFixed(0)} MB (this process and Pagefind's), index ` +
          `${((directoryBytes(join(site, "pagefind")) + directoryBytes(join(site, SEARCH_DATA_DIR))) / 1024 / 1024).toFixed(1)} MB`,
      );
    }
    return;
  }
  const curve: ScalePoint[] = [];
  for (const scale of scales) curve.push(await measureScale(site, scale, siteBuildSeconds));
  if (curve.length > 1) {
    console.log("\nscaling curve (exact index beside stock Pagefind; first-query bytes over a gzip-serving server):");
    const rows = curve.map((point) => [
      String(point.documents),
      `${(point.indexBytes / 1024 / 1024).toFixed(1)} MB`,
      `${point.indexSeconds.toFixed(1)} s`,
      `${point.peakMegabytes.toFixed(0)} MB`,
      `${(point.firstBytesGzip / 1024).toFixed(0)} KB / ${(point.stockFirstBytesGzip / 1024).toFixed(0)} KB`,
      `${point.warmP95.toFixed(1)} ms / ${point.stockWarmP95.toFixed(1)} ms`,
    ]);
    const header = [
      "documents",
      "exact index size",
      "exact index build",
      "build peak memory",
      "first query bytes (exact / stock)",
      "warm p95 (exact / stock)",
    ];
    console.log([header, ...rows].map((row) => `| ${row.join(" | ")} |`).join("\n"));
  }
}

/**
 * At a scale, replaces the built site's exact index with one of a generated
 * corpus of `scale` documents, timing it and sampling its peak memory; at
 * scale 0 leaves the real corpus's index the build wrote.
 */
async function buildAtScale(
  site: string,
  scale: number,
  testSet: { documents: SearchDocument[]; passages: Passage[] } = searchTestSet(root),
): Promise<{ searched: SearchDocument[]; passages: Passage[]; indexSeconds: number; peakMegabytes: number }> {
  if (scale === 0) {
    return {
      searched: testSet.documents,
      passages: testSet.passages,
      indexSeconds: Number.NaN,
      peakMegabytes: Number.NaN,
    };
  }
  const searched = generatedDocuments(testSet.documents, scale);
  const started = performance.now();
  const peakMegabytes = await peakMemoryDuring(async () => {
    await writeSearchIndex(searched, site);
  });
  const indexSeconds = (performance.now() - started) / 1000;
  return { searched, passages: passagesOfDocuments(searched), indexSeconds, peakMegabytes };
}

async function measureScale(site: string, scale: number, siteBuildSeconds: number): Promise<ScalePoint> {
  const testSet = searchTestSet(root);
  const queries = testSet.queries;

  // 2. at scale, replace the exact index with one of the generated corpus
  const { searched, passages, indexSeconds, peakMegabytes } = await buildAtScale(site, scale, testSet);

  // 3. stock Pagefind on the same pages: every document page, or at scale one page per generated document
  const started = performance.now();
  const { index } = await pagefind.createIndex({});
  if (!index) throw new Error("pagefind did not start");
  if (scale > 0) {
    for (const { doc, passages: docPassages } of searched) {
      const body = docPassages
        .map(([, type, text]) => (type === "title" ? `<h1>${text}</h1>` : `<p>${text}</p>`))
        .join("");
      await index.addHTMLFile({
        url: `/generated/${doc}/`,
        content: `<html lang="zh-CN"><body><main>${body}</main></body></html>`,
      });
    }
  } else {
    await index.addDirectory({ path: site, glob: "speeches/*/index.html" });
  }
  // an earlier size's stock index is replaced, never added to
  rmSync(join(site, "pagefind-stock"), { recursive: true, force: true });
  await index.writeFiles({ outputPath: join(site, "pagefind-stock") });
  await pagefind.close();
  const stockIndexSeconds = (performance.now() - started) / 1000;
  mkdirSync(join(site, "bench-stock"), { recursive: true });
  writeFileSync(join(site, "bench-stock", "index.html"), stockPage);

  // 4. the queries, their expected passages and pages; at scale, precision and recall use the timed subset
  const timed = queries.filter((_, index) => index % Math.ceil(queries.length / QUERIES_TIMED) === 0);
  const judged = scale > 0 ? timed : queries;
  const expected = new Map(queries.map(({ query }) => [query, substringMatches(query, passages)]));
  const passageKeys = passageKeysByAnchor(passages);
  const pagesOf = (keys: Iterable<string>) => new Set([...keys].map((key) => key.split("#")[0]));

  const server = await serveStatic(site);
  const gzipServer = await serveStatic(site, "/", { gzip: true });
  const browser = await launchChromium();
  const figures: EngineFigures[] = [];
  const open =
    (path: string, run: (page: Page, query: string) => Promise<number>) =>
    async (compressed = false): Promise<Session> => {
      const context = await browser.newContext();
      const bytes = byteCounter(context);
      const page = await context.newPage();
      await page.goto(`${(compressed ? gzipServer : server).url}${path}`);
      await page.waitForLoadState("networkidle");
      await bytes.take();
      return { page, bytes, run: (query) => run(page, query), close: () => context.close() };
    };
  const timedQueries = timed.map((entry) => entry.query);
  try {
    // 5. this site's search page
    {
      const { figures: ours, session } = await measure("this site (exact)", open("search/", runOurs), timedQueries, [
        join(site, "pagefind"),
        join(site, SEARCH_DATA_DIR),
      ]);
      console.log("measuring this site's search …");
      const judgement = await judgeOurs(
        passageKeys,
        session,
        judged.map((entry) => entry.query),
        (query) => expected.get(query) ?? new Set(),
        (query) => totalHits(oracleHits(query, passages)),
      );
      figures.push({ ...ours, ...judgement });
      await session.close();
    }

    // 5b. this site with operators (|, -, NEAR/n, parentheses; passage scope): exact against the plain oracle;
    // at scale, a sample of them
    {
      const allOperators = testSet.operatorQueries.filter((entry) => entry.scope === "passage");
      const operatorSet = scale > 0 ? allOperators.filter((_, index) => index % 4 === 0) : allOperators;
      const sample = operatorSet.filter((_, index) => index % Math.ceil(operatorSet.length / QUERIES_TIMED) === 0);
      const { figures: withOperators, session } = await measure(
        "this site, operators",
        open("search/", runOurs),
        sample.map((entry) => entry.query),
        [join(site, "pagefind"), join(site, SEARCH_DATA_DIR)],
      );
      console.log("measuring this site's search with operators …");
      const judgement = await judgeOurs(
        passageKeys,
        session,
        operatorSet.map((entry) => entry.query),
        (query) => oracleMatches(query, passages, "passage"),
        (query) => totalHits(oracleHits(query, passages, "passage")),
      );
      figures.push({ ...withOperators, ...judgement });
      await session.close();
    }

    // 6. stock Pagefind
    {
      const { figures: stock, session } = await measure(
        "stock Pagefind",
        open("bench-stock/", (page, query) =>
          page.evaluate(
            (text) => (window as unknown as { stockRender(q: string): Promise<number> }).stockRender(text),
            query,
          ),
        ),
        timedQueries,
        [join(site, "pagefind-stock")],
      );
      console.log("measuring stock Pagefind …");
      const tally = { found: 0, correct: 0, relevant: 0 };
      for (const { query } of judged) {
        const urls = await session.page.evaluate(
          (text) => (window as unknown as { stockPages(q: string): Promise<string[]> }).stockPages(text),
          query,
        );
        const actual = new Set(urls.map((url) => url.replace(/^.*\/(speeches|generated)\/([^/]+)\/.*$/, "$2")));
        const wanted = pagesOf(expected.get(query) ?? []);
        tally.found += actual.size;
        tally.relevant += wanted.size;
        tally.correct += [...actual].filter((key) => wanted.has(key)).length;
      }
      figures.push({
        ...stock,
        precision: tally.correct / tally.found,
        recall: tally.correct / tally.relevant,
        level: "page",
      });
      await session.close();
    }
  } finally {
    await browser.close();
    await server.close();
    await gzipServer.close();
  }

  // 7. report
  const documents = new Set(passages.map((passage) => passage.doc)).size;
  console.log(
    `search benchmark: ${documents} documents, ${passages.length} passages; ${judged.length} queries for precision/recall, ${timed.length} timed`,
  );
  console.log(
    `site build ${siteBuildSeconds.toFixed(1)} s (ingest, Astro, exact index)${scale > 0 ? `; exact index of the generated corpus ${indexSeconds.toFixed(1)} s` : ""}; stock index ${stockIndexSeconds.toFixed(1)} s`,
  );
  console.log(
    "bytes are as served by a plain static server without compression, and for the first query also by one that gzips text (as most hosts do); times are from query to rendered results",
  );
  const rows = figures.map((entry) => [
    entry.name,
    `${entry.precision.toFixed(3)} / ${entry.recall.toFixed(3)} (${entry.level})`,
    `${entry.firstMedian.toFixed(0)} / ${entry.firstP95.toFixed(0)} ms`,
    `${entry.warmMedian.toFixed(1)} / ${entry.warmP95.toFixed(1)} ms`,
    `${(entry.firstBytes / 1024).toFixed(0)} KB / ${(entry.firstBytesGzip / 1024).toFixed(0)} KB`,
    `${(entry.bytesMedian / 1024).toFixed(1)} / ${(entry.bytesP95 / 1024).toFixed(1)} / ${(entry.bytesMax / 1024).toFixed(1)} KB`,
    `${(entry.indexBytes / 1024).toFixed(0)} KB`,
  ]);
  const header = [
    "engine",
    "precision / recall",
    `first query median / p95 (${COLD_RUNS} cold runs)`,
    "warm median / p95",
    "first-query bytes plain / gzip server",
    "bytes per further query median / p95 / max",
    "index size",
  ];
  console.log([header, ...rows].map((row) => `| ${row.join(" | ")} |`).join("\n"));
  if (scale > 0)
    console.log(`exact index build peak memory (this process and Pagefind's): ${peakMegabytes.toFixed(0)} MB`);
  const [ours] = figures;
  const stock = figures.at(-1);
  return {
    documents,
    indexBytes: ours?.indexBytes ?? Number.NaN,
    indexSeconds,
    peakMegabytes,
    firstBytesGzip: ours?.firstBytesGzip ?? Number.NaN,
    warmP95: ours?.warmP95 ?? Number.NaN,
    stockFirstBytesGzip: stock?.firstBytesGzip ?? Number.NaN,
    stockWarmP95: stock?.warmP95 ?? Number.NaN,
  };
}

/**
 * Runs each query on this site's search page and compares the passages it
 * shows, and its reported total, with what a plain search finds.
 */
/** The occurrences a plain count finds in all, from its hits by passage. */
const totalHits = (hits: ReadonlyMap<string, number>) => [...hits.values()].reduce((sum, count) => sum + count, 0);

/**
 * Runs each query on this site's page and compares what it shows with the
 * plain oracle: the passages linked, the total of matching passages
 * (`data-result-total`) and the occurrences (`data-result-occurrences`).
 */
async function judgeOurs(
  passageKeys: ReadonlyMap<string, string>,
  session: Session,
  queries: readonly string[],
  wantedFor: (query: string) => Set<string>,
  occurrencesFor: (query: string) => number,
): Promise<{ precision: number; recall: number; level: string }> {
  const tally = { found: 0, correct: 0, relevant: 0, exactTotals: 0, exactOccurrences: 0, occurrences: 0 };
  for (const query of queries) {
    await session.run(query);
    const total = Number(await session.page.getAttribute("[data-result-total]", "data-result-total"));
    const occurrences = Number(await session.page.getAttribute("[data-result-occurrences]", "data-result-occurrences"));
    const links = await session.page.$$eval("[data-result] a.permalink", (anchors) =>
      anchors.map((anchor) => anchor.getAttribute("href") ?? ""),
    );
    // A permalink ends with the passage's reader anchor (#para5); the oracle names passages by id.
    const actual = new Set(
      links.map((href) => {
        const shown = href.replace(/^.*\/speeches\/([^/]+)\/#(.+)$/, "$1#$2");
        return passageKeys.get(shown) ?? shown;
      }),
    );
    const wanted = wantedFor(query);
    const wantedOccurrences = occurrencesFor(query);
    tally.found += actual.size;
    tally.relevant += wanted.size;
    tally.correct += [...actual].filter((key) => wanted.has(key)).length;
    tally.occurrences += wantedOccurrences;
    if (total === wanted.size) tally.exactTotals += 1;
    if (occurrences === wantedOccurrences) tally.exactOccurrences += 1;
  }
  return {
    precision: tally.found === 0 ? 1 : tally.correct / tally.found,
    recall: tally.relevant === 0 ? 1 : tally.correct / tally.relevant,
    level:
      `passages shown; total right in ${tally.exactTotals} of ${queries.length} queries, ` +
      `occurrences right in ${tally.exactOccurrences} (${tally.occurrences.toLocaleString("en")} in all)`,
  };
}

/** A page of one engine in a fresh browser context: nothing cached. */
interface Session {
  page: Page;
  bytes: { take(): Promise<number> };
  /** Runs a query and resolves to the milliseconds from query to rendered results. */
  run(query: string): Promise<number>;
  close(): Promise<void>;
}

/**
 * Types a query into this site's search page and waits for
 * `data-search-state="done"`; a search that ends in the error state stops
 * the benchmark with what the page says, rather than waiting for ever.
 */
function runOurs(page: Page, query: string): Promise<number> {
  return page.evaluate(
    ({ text, ids }) =>
      new Promise<number>((resolve, reject) => {
        const results = document.getElementById(ids.results);
        const input = document.getElementById(ids.input) as HTMLInputElement | null;
        const form = document.getElementById(ids.form) as HTMLFormElement | null;
        if (!results || !input || !form) throw new Error("no search page");
        const start = performance.now();
        const observer = new MutationObserver(() => {
          if (results.dataset.searchState === "done") {
            observer.disconnect();
            resolve(performance.now() - start);
          } else if (results.dataset.searchState === "error") {
            observer.disconnect();
            reject(new Error(`search failed for ${text}: ${results.textContent?.trim().slice(0, 300) ?? ""}`));
          }
        });
        observer.observe(results, { attributes: true, attributeFilter: ["data-search-state"] });
        input.value = text;
        form.requestSubmit();
      }),
    { text: query, ids: SEARCH_IDS },
  );
}

/**
 * Times the first query in COLD_RUNS fresh sessions, then every further
 * query warm in the last one, which it returns open for the precision pass.
 * The first query's bytes are also taken in COLD_RUNS fresh sessions on the
 * compressing server.
 */
async function measure(
  name: string,
  openSession: (compressed?: boolean) => Promise<Session>,
  queries: readonly string[],
  indexDirs: readonly string[],
): Promise<{ figures: EngineFigures; session: Session }> {
  const [firstQuery = "网信", ...rest] = queries;
  const firstTimes: number[] = [];
  const firstSizes: number[] = [];
  let session: Session | undefined;
  for (let run = 0; run < COLD_RUNS; run += 1) {
    await session?.close();
    session = await openSession();
    firstTimes.push(await session.run(firstQuery));
    await session.page.waitForLoadState("networkidle");
    firstSizes.push(await session.bytes.take());
  }
  const firstSizesGzip: number[] = [];
  for (let run = 0; run < COLD_RUNS; run += 1) {
    const compressed = await openSession(true);
    await compressed.run(firstQuery);
    await compressed.page.waitForLoadState("networkidle");
    firstSizesGzip.push(await compressed.bytes.take());
    await compressed.close();
  }
  if (!session) throw new Error("no session");
  const times: number[] = [];
  const sizes: number[] = [];
  for (const query of rest) {
    times.push(await session.run(query));
    sizes.push(await session.bytes.take());
  }
  const figures = {
    name,
    precision: Number.NaN,
    recall: Number.NaN,
    level: "",
    firstMedian: percentile(firstTimes, 0.5),
    firstP95: percentile(firstTimes, 0.95),
    warmMedian: percentile(times, 0.5),
    warmP95: percentile(times, 0.95),
    firstBytes: percentile(firstSizes, 0.5),
    firstBytesGzip: percentile(firstSizesGzip, 0.5),
    bytesMedian: percentile(sizes, 0.5),
    bytesP95: percentile(sizes, 0.95),
    bytesMax: percentile(sizes, 1),
    indexBytes: indexDirs.reduce((sum, dir) => sum + directoryBytes(dir), 0),
  };
  return { figures, session };
}

await main();
