/**
 * npm run bench:lighthouse — Lighthouse (mobile settings: emulated phone,
 * simulated slow 4G and CPU slowdown, Lighthouse's defaults) on the home
 * page, the longest document and a search result page of a fresh build,
 * served by a plain static server without compression. Each page is audited
 * RUNS times; the script prints the median of each category's score.
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
  const server = await serveStatic(site);
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath,
    chromeFlags: chromiumFlags,
  });
  const rows: string[] = [];
  try {
    for (const page of pages) {
      const scores: Record<string, number[]> = Object.fromEntries(CATEGORIES.map((category) => [category, []]));
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
      }
      rows.push(`| ${page.name} | ${CATEGORIES.map((category) => median(scores[category] ?? [])).join(" | ")} |`);
    }
  } finally {
    await chrome.kill();
    await server.close();
  }

  // 5. print
  console.log(
    `Lighthouse, mobile settings, median of ${RUNS} runs per page; a plain static server without compression`,
  );
  console.log(`| page | ${CATEGORIES.join(" | ")} |`);
  console.log(`| --- | ${CATEGORIES.map(() => "---").join(" | ")} |`);
  for (const row of rows) console.log(row);
}

await main();
