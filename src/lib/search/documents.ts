import type { DocumentLoader, SearchDocument } from "./engine.ts";

/** Folder of the built site that holds one file of passages per document. */
export const SEARCH_DATA_DIR = "search-data";

/**
 * Name, inside SEARCH_DATA_DIR, of a document's passages. The name is the id
 * of the document's Pagefind record, which every search result carries, so a
 * result leads to its file without any lookup table. The JSON is compressed
 * with gzip at build time, so that any static server sends it small (Chinese
 * text in UTF-8 shrinks to about 40 %).
 */
export function searchDataFile(recordId: string): string {
  return `${recordId}.json.gz`;
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
  return (recordId) => {
    let document = cache.get(recordId);
    if (!document) {
      const url = new URL(`${SEARCH_DATA_DIR}/${encodeURIComponent(searchDataFile(recordId))}`, baseUrl);
      document = fetchFile(url).then(async (response) => {
        if (!response.ok) throw new Error(`search data for ${recordId}: HTTP ${response.status}`);
        return decodeSearchData(new Uint8Array(await response.arrayBuffer()));
      });
      document.catch(() => cache.delete(recordId));
      cache.set(recordId, document);
    }
    return document;
  };
}
