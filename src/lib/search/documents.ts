import type { DocumentLoader, SearchDocument } from "./engine.ts";

/** Folder of the built site that holds one file of passages per document. */
export const SEARCH_DATA_DIR = "search-data";

/**
 * Name, inside SEARCH_DATA_DIR, of a document's passages: JSON compressed
 * with gzip at build time, so that any static server sends them small
 * (Chinese text in UTF-8 shrinks to about 40 %).
 */
export function searchDataFile(slug: string): string {
  return `${slug}.json.gz`;
}

const GZIP_MAGIC = [0x1f, 0x8b] as const;

/**
 * Reads a search-data file. A server that labels `.gz` files with
 * `Content-Encoding: gzip` makes the browser decompress them already, so the
 * bytes are decompressed here only if they still start with gzip's magic number.
 */
export async function decodeSearchData(bytes: Uint8Array<ArrayBuffer>): Promise<SearchDocument> {
  const compressed = bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
  const body = compressed ? new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip")) : bytes;
  return (await new Response(body).json()) as SearchDocument;
}

/**
 * Loads search-data files relative to `baseUrl`, once each: later queries
 * reuse what earlier ones fetched, and a failed load is tried again next time.
 */
export function createDocumentLoader(baseUrl: string, fetchFile: typeof fetch = fetch): DocumentLoader {
  const cache = new Map<string, Promise<SearchDocument>>();
  return (slug) => {
    let document = cache.get(slug);
    if (!document) {
      const url = new URL(`${SEARCH_DATA_DIR}/${encodeURIComponent(searchDataFile(slug))}`, baseUrl);
      document = fetchFile(url).then(async (response) => {
        if (!response.ok) throw new Error(`search data for ${slug}: HTTP ${response.status}`);
        return decodeSearchData(new Uint8Array(await response.arrayBuffer()));
      });
      document.catch(() => cache.delete(slug));
      cache.set(slug, document);
    }
    return document;
  };
}
