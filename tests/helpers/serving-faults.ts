import { gzipSync } from "node:zlib";

/**
 * Faults a static host produces, as the bytes (or the lack of them) it
 * answers a request for one file of the search with. The search must meet
 * each with the exact total or an error, never another number.
 */
export const SERVING_FAULTS = [
  "404",
  "500",
  "network-error",
  "truncated",
  "garbage",
  "soft-404",
  "valid-but-wrong",
  "stall",
] as const;
export type ServingFault = (typeof SERVING_FAULTS)[number];

/** The kinds of file the search reads, by a pattern on the address's path. */
export const SEARCH_FILE_KINDS = {
  "pagefind index chunk": /\/pagefind\/(part-\d+\/)?index\/[^/]+\.pf_index$/,
  "pagefind metadata": /\/pagefind\/(part-\d+\/)?pagefind\.[^/]+\.pf_meta$/,
  "pagefind entry": /\/pagefind\/(part-\d+\/)?pagefind-entry\.json$/,
  "pagefind wasm": /\/pagefind\/wasm\.[^/]+\.pagefind$/,
  "search manifest": /\/search-data\/manifest\.json\.gz$/,
  "record ids": /\/search-data\/records-\d+\.json\.gz$/,
  shard: /\/search-data\/shard-\d+\.json\.gz$/,
  "document text": /\/search-data\/(doc|head|text)-[\d-]+\.json\.gz$/,
  slugs: /\/search-data\/slugs\.json\.gz$/,
  "word file": /\/search-data\/word-[0-9a-z]+\.bin\.gz$/,
} as const;
export type SearchFileKind = keyof typeof SEARCH_FILE_KINDS;

/** What a host answers with under `fault`: a status and body, a network error, or nothing ever. */
export type FaultyAnswer = { status: number; body: Uint8Array<ArrayBuffer> } | "network-error" | "stall";

/** A page a host answers a missing file with, status 200. */
const SOFT_404 = new TextEncoder().encode("<!doctype html><html lang=zh-CN><title>首页</title><p>欢迎</p></html>");

/**
 * The answer to a request under `fault`, given the file's real `bytes`:
 * truncated keeps the first half; garbage is bytes of no format;
 * valid-but-wrong is well-formed but another file's content (gzip of `[]`
 * for JSON, and `other`, the bytes of another file of the kind, where given).
 */
export function faultyAnswer(fault: ServingFault, bytes: Uint8Array, other?: Uint8Array<ArrayBuffer>): FaultyAnswer {
  switch (fault) {
    case "404":
      return { status: 404, body: new Uint8Array() };
    case "500":
      return { status: 500, body: new Uint8Array() };
    case "network-error":
    case "stall":
      return fault;
    case "truncated":
      return { status: 200, body: bytes.slice(0, Math.floor(bytes.length / 2)) };
    case "garbage":
      return {
        status: 200,
        body: Uint8Array.from({ length: Math.max(64, bytes.length) }, (_, i) => (i * 151 + 7) % 256),
      };
    case "soft-404":
      return { status: 200, body: SOFT_404 };
    case "valid-but-wrong":
      return { status: 200, body: other ?? new Uint8Array(gzipSync("[]")) };
  }
}
