import type { PagefindApi } from "../../lib/search/engine.ts";
import { urls } from "../../lib/urls.ts";
import { partPath } from "../../lib/search/index-layout.ts";

/** The parts of pagefind.js this loader uses; options are Pagefind's (ranking, basePath, noWorker…). */
interface PagefindModule {
  search: PagefindApi["search"];
  mergeIndex(indexPath: string, options: object): Promise<void>;
  options(options: object): Promise<void>;
  init(): Promise<void>;
}

let pagefindPromise: Promise<PagefindApi> | undefined;

/**
 * Pagefind's ranking, flattened for every bundle: the site orders results by
 * its own rule from the counts (src/lib/search/engine.ts), and Pagefind's
 * scoring of each position costs time. Measured in Node on 15,000 generated
 * documents, nine searches of the bigram 网络 (1,079,976 positions): median
 * 871 and 926 ms with the default ranking, 787 and 815 ms flattened.
 */
const UNRANKED = { ranking: { termFrequency: 0, pageLength: 0, termSaturation: 0, termSimilarity: 0 } };

/**
 * Pagefind's engine, loaded and started on first use and shared after. A
 * search during which one of Pagefind's files failed to load fails: Pagefind
 * itself goes on without an index chunk it could not load, which would make
 * a count silently short.
 */
export function loadPagefind(): Promise<PagefindApi> {
  pagefindPromise ??= (async () => {
    const failures = watchFailures(new URL(urls.asset(partPath(0)), location.href).href);
    const importing = import(/* @vite-ignore */ urls.asset(`${partPath(0)}pagefind.js`)) as Promise<PagefindModule>;
    whenIdle(prepareWordSegmenter);
    const module = await importing;
    // The exact index is small per query; searching on the main thread saves the worker's download and start-up.
    await module.options({ basePath: urls.asset(partPath(0)), noWorker: true, ...UNRANKED });
    await module.init();
    return {
      async search(term) {
        const before = failures();
        const found = await module.search(term);
        if (failures() !== before) throw new Error(`search: part of Pagefind's index did not load for ${term}`);
        return found;
      },
      mergeIndex: (indexPath) => module.mergeIndex(indexPath, UNRANKED),
    };
  })();
  return pagefindPromise;
}

/** Counts the fetches below `prefix` that fail or answer other than 2xx, from now on. */
function watchFailures(prefix: string): () => number {
  let failures = 0;
  const fetchFile = globalThis.fetch.bind(globalThis);
  globalThis.fetch = async (input, init) => {
    const address = input instanceof Request ? input.url : String(input);
    const watched = new URL(address, location.href).href.startsWith(prefix);
    try {
      const response = await fetchFile(input, init);
      if (watched && !response.ok) failures += 1;
      return response;
    } catch (error) {
      if (watched) failures += 1;
      throw error;
    }
  };
  return () => failures;
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
