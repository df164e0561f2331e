import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createDocumentLoader } from "../../src/lib/search/documents.ts";
import type { DocumentLoader, PagefindApi } from "../../src/lib/search/engine.ts";

/**
 * The built site's own pagefind.js, running in Node: imported from disk, with
 * its index fetched over HTTP from a server of the built site; and the
 * loader of the site's search data, over the same server.
 */
export async function loadNodeSearch(
  distDir: string,
  siteUrl: string,
): Promise<{ pagefind: PagefindApi; loadDocument: DocumentLoader }> {
  const module = (await import(pathToFileURL(join(distDir, "pagefind", "pagefind.js")).href)) as PagefindApi & {
    options(options: object): Promise<void>;
    init(): Promise<void>;
  };
  await module.options({ basePath: new URL("pagefind/", siteUrl).href, noWorker: true });
  await module.init();
  return { pagefind: module, loadDocument: createDocumentLoader(siteUrl) };
}
