import type { DocumentLoader, SearchDocument } from "./engine.ts";

/**
 * Loads `search-data/<slug>.json` files relative to `baseUrl`, once each:
 * later queries reuse what earlier ones fetched.
 */
export function createDocumentLoader(baseUrl: string, fetchFile: typeof fetch = fetch): DocumentLoader {
  const cache = new Map<string, Promise<SearchDocument>>();
  return (slug) => {
    let document = cache.get(slug);
    if (!document) {
      document = fetchFile(new URL(`search-data/${encodeURIComponent(slug)}.json`, baseUrl)).then((response) => {
        if (!response.ok) throw new Error(`search data for ${slug}: HTTP ${response.status}`);
        return response.json() as Promise<SearchDocument>;
      });
      document.catch(() => cache.delete(slug));
      cache.set(slug, document);
    }
    return document;
  };
}
