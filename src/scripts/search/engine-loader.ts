import type { PagefindApi } from "../../lib/search/index-matches.ts";
import type { PagefindStarter } from "../../lib/search/session.ts";

/** The parts of pagefind.js this loader uses; options are Pagefind's (ranking, basePath, noWorker…). */
interface PagefindModule {
  createInstance(options: object): {
    search: PagefindApi["search"];
    mergeIndex(indexPath: string, options: object): Promise<void>;
    options(options: object): Promise<void>;
    init(): Promise<void>;
  };
}

/**
 * Pagefind's ranking, flattened for every bundle: the site orders results by
 * its own rule from the counts (src/lib/search/engine.ts), and Pagefind's
 * scoring of each position costs time. Measured in Node on 15,000 generated
 * documents, nine searches of the bigram 网络 (1,079,976 positions): median
 * 871 and 926 ms with the default ranking, 787 and 815 ms flattened.
 */
const UNRANKED = { ranking: { termFrequency: 0, pageLength: 0, termSaturation: 0, termSimilarity: 0 } };

/**
 * Imports the site's pagefind.js at once and, when the files it starts on
 * are in (`fetchFileWhenReady` resolves), starts an instance of its own on
 * the first part of the index, which fetches with that fetch (the
 * `fetchFile` option the build adds to the bundle's pagefind.js:
 * scripts/lib/search-index.ts), so that the session sees every fetch of its
 * instance without any change to the page's global `fetch`.
 */
export const startPagefind: PagefindStarter = async (bundleUrl, fetchFileWhenReady) => {
  // A plain variable: a template literal here would make Vite wrap the import in its preload helper.
  const script = new URL("pagefind.js", bundleUrl).href;
  const importing = import(/* @vite-ignore */ script) as Promise<PagefindModule>;
  whenIdle(prepareWordSegmenter);
  const [module, fetchFile] = await Promise.all([importing, fetchFileWhenReady]);
  // The exact index is small per query; searching on the main thread saves the worker's download and start-up.
  const instance = module.createInstance({ basePath: bundleUrl, noWorker: true, fetchFile });
  await instance.options(UNRANKED);
  await instance.init();
  return {
    search: (term) => instance.search(term),
    mergeIndex: (indexPath) => instance.mergeIndex(indexPath, { ...UNRANKED, fetchFile }),
  };
};

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
