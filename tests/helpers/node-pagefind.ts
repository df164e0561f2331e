import { afterAll, beforeAll } from "vitest";
import { serveStatic, type StaticServer } from "../../scripts/support/static-server.ts";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createSearchData, type SearchData } from "../../src/lib/search/documents.ts";
import type { PagefindApi } from "../../src/lib/search/engine.ts";

/**
 * The built site's own pagefind.js, running in Node: imported from disk, with
 * its index fetched over HTTP from a server of the built site; and the
 * loader of the site's search data, over the same server.
 */
export async function loadNodeSearch(
  distDir: string,
  siteUrl: string,
): Promise<{ pagefind: PagefindApi; data: SearchData }> {
  const module = (await import(pathToFileURL(join(distDir, "pagefind", "pagefind.js")).href)) as PagefindApi & {
    options(options: object): Promise<void>;
    init(): Promise<void>;
  };
  await module.options({ basePath: new URL("pagefind/", siteUrl).href, noWorker: true });
  await module.init();
  return { pagefind: module, data: createSearchData(siteUrl) };
}

/**
 * Serves the built site `distDir` and loads its search in Node before the
 * calling file's tests, and stops the server after them. Read `pagefind` and
 * `data` in hooks and tests only.
 */
export function useNodeSearch(distDir: string): {
  readonly pagefind: PagefindApi;
  readonly data: SearchData;
} {
  let server: StaticServer | undefined;
  let search: { pagefind: PagefindApi; data: SearchData } | undefined;
  beforeAll(async () => {
    server = await serveStatic(distDir);
    search = await loadNodeSearch(distDir, server.url);
  });
  afterAll(() => server?.close());
  const loaded = () => {
    if (!search) throw new Error("useNodeSearch: the search loads in beforeAll; read it in a hook or test");
    return search;
  };
  return {
    get pagefind() {
      return loaded().pagefind;
    },
    get data() {
      return loaded().data;
    },
  };
}
