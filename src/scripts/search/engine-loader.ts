import type { PagefindApi } from "../../lib/search/engine.ts";
import { urls } from "../../lib/urls.ts";
import { partPath } from "../../lib/search/index-layout.ts";

type PagefindModule = PagefindApi & { options(options: object): Promise<void>; init(): Promise<void> };

let pagefindPromise: Promise<PagefindApi> | undefined;

/** Pagefind's engine, loaded and started on first use and shared after. */
export function loadPagefind(): Promise<PagefindApi> {
  pagefindPromise ??= (async () => {
    const importing = import(/* @vite-ignore */ urls.asset(`${partPath(0)}pagefind.js`)) as Promise<PagefindModule>;
    whenIdle(prepareWordSegmenter);
    const module = await importing;
    // The exact index is small per query; searching on the main thread saves the worker's download and start-up.
    await module.options({ basePath: urls.asset(partPath(0)), noWorker: true });
    await module.init();
    return module;
  })();
  return pagefindPromise;
}

/**
 * On a page in Chinese, Pagefind splits every query with the browser's word
 * segmenter, whose first use loads its dictionary (about 40 ms on this
 * project's machine). Making that first use while the engine downloads takes
 * it off the first query's path; if the query comes first, nothing is lost.
 */
function prepareWordSegmenter(): void {
  const lang = document.documentElement.lang;
  if (!lang.toLowerCase().startsWith("zh") || typeof Intl.Segmenter !== "function") return;
  const segments = new Intl.Segmenter(lang, { granularity: "word" }).segment("网络强国");
  for (const segment of segments) void segment;
}

function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === "function") requestIdleCallback(task, { timeout: 200 });
  else setTimeout(task, 0);
}
