import type { DocumentLoader, SearchDocument } from "./engine.ts";

/** Folder of the built site that holds one `<slug>.json` of passages per document. */
export const SEARCH_DATA_DIR = "search-data";

/**
 * Loads `search-data/<slug>.json` files relative to `baseUrl`, once each:
 * later queries reuse what earlier ones fetched.
 */
export function createDocumentLoader(baseUrl: string, fetchFile: typeof fetch = fetch): DocumentLoader {
  const cache = new Map<string, Promise<SearchDocument>>();
  return (slug) => {
    let document = cache.get(slug);
    if (!document) {
      document = fetchFile(new URL(`${SEARCH_DATA_DIR}/${encodeURIComponent(slug)}.json`, baseUrl)).then((response) => {
        if (!response.ok) throw new Error(`search data for ${slug}: HTTP ${response.status}`);
        return response.json() as Promise<SearchDocument>;
      });
      document.catch(() => cache.delete(slug));
      cache.set(slug, document);
    }
    return document;
  };
}
