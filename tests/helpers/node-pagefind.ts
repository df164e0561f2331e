import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { PagefindApi } from "../../src/lib/search/engine.ts";

/**
 * The built site's own pagefind.js, running in Node: imported from disk, with
 * its index fetched over HTTP from a server of the built site.
 */
export async function loadNodePagefind(distDir: string, siteUrl: string): Promise<PagefindApi> {
  const module = (await import(pathToFileURL(join(distDir, "pagefind", "pagefind.js")).href)) as PagefindApi & {
    options(options: object): Promise<void>;
    init(): Promise<void>;
  };
  await module.options({ basePath: new URL("pagefind/", siteUrl).href, noWorker: true });
  await module.init();
  return module;
}
