import { afterAll, beforeAll } from "vitest";
import { serveStatic, type StaticServer } from "../../scripts/support/static-server.ts";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createSearchData, type SearchData } from "../../src/lib/search/documents.ts";
import { SearchIndex, type PagefindApi } from "../../src/lib/search/engine.ts";
import type { PagefindStarter } from "../../src/lib/search/session.ts";

/** The parts of pagefind.js these helpers use. */
interface PagefindModule {
  createInstance(options: object): {
    search: PagefindApi["search"];
    mergeIndex(indexPath: string, options: object): Promise<void>;
    init(): Promise<void>;
  };
}

/**
 * Starts an instance of the built site's own pagefind.js in Node, imported
 * from disk (`distDir`), its index fetched over HTTP from `bundleUrl` with
 * `fetchFile`: what src/scripts/search/engine-loader.ts does in the browser.
 */
export const nodePagefindStarter =
  (distDir: string): PagefindStarter =>
  async (bundleUrl, fetchFileWhenReady) => {
    const [module, fetchFile] = await Promise.all([
      import(pathToFileURL(join(distDir, "pagefind", "pagefind.js")).href) as Promise<PagefindModule>,
      fetchFileWhenReady,
    ]);
    const instance = module.createInstance({ basePath: bundleUrl, noWorker: true, fetchFile });
    await instance.init();
    return {
      search: (term) => instance.search(term),
      mergeIndex: (indexPath) => instance.mergeIndex(indexPath, { fetchFile }),
    };
  };

/**
 * The built site's search in Node: its own pagefind.js started on its index,
 * and the loader of its search data, both over a server of the built site.
 */
export async function loadNodeSearch(
  distDir: string,
  siteUrl: string,
): Promise<{ pagefind: PagefindApi; data: SearchData; index: SearchIndex }> {
  const pagefind = await nodePagefindStarter(distDir)(new URL("pagefind/", siteUrl).href, Promise.resolve(fetch));
  const data = createSearchData(siteUrl);
  return { pagefind, data, index: new SearchIndex(pagefind, data) };
}

/**
 * Serves the built site `distDir` and loads its search in Node before the
 * calling file's tests, and stops the server after them. Read `index` in
 * hooks and tests only.
 */
export function useNodeSearch(distDir: string): {
  readonly index: SearchIndex;
  readonly url: string;
} {
  let server: StaticServer | undefined;
  let search: SearchIndex | undefined;
  beforeAll(async () => {
    server = await serveStatic(distDir);
    search = (await loadNodeSearch(distDir, server.url)).index;
  });
  afterAll(() => server?.close());
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("useNodeSearch: the search loads in beforeAll; read it in a hook or test");
    return value;
  };
  return {
    get index() {
      return started(search);
    },
    get url() {
      return started(server).url;
    },
  };
}
