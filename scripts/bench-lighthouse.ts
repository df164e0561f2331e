/**
 * npm run bench:lighthouse — Lighthouse (mobile settings: emulated phone,
 * simulated slow 4G and CPU slowdown, Lighthouse's defaults) on the home
 * page, the longest document and a search result page of a fresh build,
 * served by a plain static server without compression and by one that
 * gzips text as most hosts do. Each page is audited RUNS times on each
 * server; the script prints the median of each category's score, and of the
 * search page's largest contentful paint and layout shift.
 *
 * Steps: build, pick the pages, serve, audit, print.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { buildCorpus } from "./lib/corpus.ts";
import { passagesOf } from "./lib/passages.ts";
import { buildSite } from "./build.ts";
import { chromiumFlags, chromiumPath } from "./support/chromium.ts";
import { serveStatic } from "./support/static-server.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const RUNS = 3;
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function main(): Promise<void> {
  // 1. build
  const site = join(root, ".build", "lighthouse", "site");
  await buildSite(root, site);

  // 2. the pages: home, the document with the most text, a search with results
  const corpus = buildCorpus(root);
  const lengths = new Map<string, number>();
  for (const passage of passagesOf(corpus))
    lengths.set(passage.doc, (lengths.get(passage.doc) ?? 0) + passage.text.length);
  const longest = [...lengths].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "";
  const pages = [
    { name: "home", path: "" },
    { name: `longest document (${longest})`, path: `speeches/${longest}/` },
    { name: "search results (网络强国)", path: `search/?q=${encodeURIComponent("网络强国")}` },
  ];

  // 3. serve, 4. audit
  const servers = [
    { name: "plain", server: await serveStatic(site) },
    { name: "gzip", server: await serveStatic(site, "/", { gzip: true }) },
  ];
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath,
    chromeFlags: chromiumFlags,
  });
  const rows: string[] = [];
  try {
    for (const page of pages) {
      for (const { name, server } of servers) {
        const scores: Record<string, number[]> = Object.fromEntries(CATEGORIES.map((category) => [category, []]));
        const paints: number[] = [];
        const shifts: number[] = [];
        for (let run = 0; run < RUNS; run += 1) {
          const result = await lighthouse(`${server.url}${page.path}`, {
            port: chrome.port,
            output: "json",
            logLevel: "error",
            onlyCategories: [...CATEGORIES],
          });
          if (!result) throw new Error(`Lighthouse returned nothing for ${page.path}`);
          for (const category of CATEGORIES)
            scores[category]?.push(Math.round((result.lhr.categories[category]?.score ?? 0) * 100));
          paints.push(result.lhr.audits["largest-contentful-paint"]?.numericValue ?? Number.NaN);
          shifts.push(result.lhr.audits["cumulative-layout-shift"]?.numericValue ?? Number.NaN);
        }
        rows.push(
          `| ${page.name} | ${name} | ${CATEGORIES.map((category) => median(scores[category] ?? [])).join(" | ")} | ` +
            `${(median(paints) / 1000).toFixed(1)} s | ${median(shifts).toFixed(3)} |`,
        );
      }
    }
  } finally {
    await chrome.kill();
    for (const { server } of servers) await server.close();
  }

  // 5. print
  console.log(
    `Lighthouse, mobile settings, median of ${RUNS} runs per page and server; plain: a static server without ` +
      `compression; gzip: the same server gzipping text`,
  );
  console.log(`| page | server | ${CATEGORIES.join(" | ")} | largest contentful paint | layout shift |`);
  console.log(`| --- | --- | ${CATEGORIES.map(() => "---").join(" | ")} | --- | --- |`);
  for (const row of rows) console.log(row);
}

await main();
