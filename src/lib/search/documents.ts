import type { SearchDocument, SearchDocumentHead } from "../../schemas/passage.ts";
import { BoundedCache } from "./bounded-cache.ts";
import {
  documentFile,
  MANIFEST_FILE,
  partRecordsFile,
  SEARCH_DATA_DIR,
  shardFile,
  SLUGS_FILE,
  TEXT_BLOCK_PASSAGES,
  textFile,
  wordFile,
  type IndexManifest,
  unpackShard,
  type IndexShard,
  type ShardFile,
  type TextBlockFile,
} from "./index-layout.ts";
import { fileContent, sha1 } from "./integrity.ts";
import { digestedPart, readWordFile, type RecordPositions } from "./word-file.ts";
import { normalizeForSearch } from "./normalize.ts";
import { positionLength } from "./tokens.ts";

export { SEARCH_DATA_DIR };

/**
 * Reads a search-data file (gzip-compressed JSON). A server that labels `.gz`
 * files with `Content-Encoding: gzip` makes the browser decompress them
 * already, so the bytes are decompressed here only if they still start with
 * gzip's magic number.
 */
export async function decodeSearchData<T = SearchDocument>(bytes: Uint8Array<ArrayBuffer>): Promise<T> {
  return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(await fileContent(bytes))) as T;
}

/** The search data of a built site (layout: src/lib/search/index-layout.ts). */
export interface SearchData {
  manifest(): Promise<IndexManifest>;
  /** Pagefind's ids of the records of a part of the index, in record order; null where the part holds no word of the record. */
  partRecords(part: number): Promise<(string | null)[]>;
  /** The address of a folder or file below the site root, such as a part's Pagefind bundle. */
  siteUrl(path: string): string;
  shard(index: number): Promise<IndexShard>;
  /**
   * The document with this ordinal, for display, with the text of the
   * passages at `positions` (its passages' numbers in reading order, 0 the
   * title) and "" for the others, so that what is matched and shown is
   * exactly what the index named. `size` is its number of passages: with
   * positions in more than half its text blocks, the whole document is one
   * file to fetch, otherwise those blocks are, each holding the head. `lengths`, where
   * given, are the normalised lengths the index counts of the passages at
   * `positions`: a text of another length is a SearchDataError, since the
   * file is then not the one the index was built with.
   */
  document(
    ordinal: number,
    positions: readonly number[],
    size: number,
    lengths?: readonly number[],
  ): Promise<SearchDocument>;
  /** Document slugs by ordinal. */
  slugs(): Promise<string[]>;
  /**
   * Where a word the manifest lists in `wordFiles` stands, by record, read
   * from its word file (src/lib/search/word-file.ts) and checked to be that
   * word's of this index. Not kept here: the caller keeps what it can hold.
   */
  wordPositions(word: string): Promise<RecordPositions>;
}

/**
 * A search-data file that loaded but does not hold what the index says it
 * must (a text block of the wrong length, record ids for another index):
 * treated as a failed load, never used or kept. `file` is its address.
 */
export class SearchDataError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`search data ${file}: ${problem}`);
  }
}

/** Checks that `value` is an array of `length` entries each `is` accepts, or throws what is wrong. */
function arrayOf<T>(value: unknown, length: number, is: (entry: unknown) => entry is T, what: string): T[] {
  if (!Array.isArray(value) || value.length !== length || !value.every(is)) {
    throw new Error(
      `expected ${length} ${what}, found ${Array.isArray(value) ? `${value.length} entries` : typeof value}`,
    );
  }
  return value;
}
const isString = (entry: unknown): entry is string => typeof entry === "string";
const isRecordId = (entry: unknown): entry is string | null => entry === null || typeof entry === "string";
/** A passage as a document (`fields` 3: id, type, text) or a head (2: id, type) lists it. */
const isPassageOf =
  (fields: number) =>
  (entry: unknown): entry is string[] =>
    Array.isArray(entry) && entry.length === fields && entry.every(isString);

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/** The manifest, if `file` has the fields of one (IndexManifest), or what is wrong with it. */
function readManifest(file: unknown): IndexManifest {
  const manifest = file as Partial<Record<keyof IndexManifest, unknown>> | null;
  const counts = ["passages", "documents", "passagesPerRecord", "recordsPerShard", "records"] as const;
  const wrong = [
    ...counts.filter((field) => !isCount(manifest?.[field])),
    ...(typeof manifest?.indexId === "string" ? [] : ["indexId"]),
    ...(["parts", "years", "yearCharacters", "collections", "wordFiles"] as const).filter(
      (field) => !Array.isArray(manifest?.[field]),
    ),
    ...(typeof manifest?.digests === "object" && manifest.digests !== null && !Array.isArray(manifest.digests)
      ? []
      : ["digests"]),
  ];
  if (wrong.length > 0) throw new Error(`not a search manifest: ${wrong.join(", ")} missing or wrong`);
  return manifest as IndexManifest;
}

/**
 * How many bytes of documents' text (whole documents, heads and text
 * blocks, as fetched) are kept for later searches; the least recently used
 * go first. The index's own files (manifest, record ids, shards, slugs) are
 * all kept: every search reads them, and they grow with the corpus far
 * slower than its text.
 */
export const CACHED_TEXT_BYTES = 8 * 1024 * 1024;

/**
 * Loads search-data files relative to `baseUrl`, once each while kept:
 * later queries reuse what earlier ones fetched (as `read` made it from the
 * file's JSON, so that what is built from it can be kept with it), and a
 * failed load is tried again next time. Of documents' text, at most
 * `textBytes` bytes are kept.
 */
export function createSearchData(
  baseUrl: string,
  fetchFile: typeof fetch = fetch,
  { textBytes = CACHED_TEXT_BYTES }: { textBytes?: number } = {},
): SearchData {
  const index = new Map<string, Promise<unknown>>();
  const textCache = new BoundedCache<string, Promise<{ value: unknown; bytes: number }>>(textBytes);
  const addressOf = (name: string) => new URL(`${SEARCH_DATA_DIR}/${encodeURIComponent(name)}`, baseUrl);
  /** Fetches a file and decodes its bytes; what `decode` refuses is a SearchDataError naming the file. */
  const fetchDecoded = async <T>(
    name: string,
    decode: (bytes: Uint8Array<ArrayBuffer>) => Promise<T>,
  ): Promise<{ value: T; bytes: number }> => {
    const url = addressOf(name);
    const response = await fetchFile(url);
    if (!response.ok) throw new Error(`search data ${name}: HTTP ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    try {
      return { value: await decode(bytes), bytes: bytes.length };
    } catch (error) {
      throw new SearchDataError(url.href, error instanceof Error ? error.message : String(error));
    }
  };
  /** Fetches and reads a JSON file; what does not decode, or what `read` refuses, is a SearchDataError naming it. */
  const fetchData = <T, F>(name: string, read: (file: F) => T): Promise<{ value: T; bytes: number }> =>
    fetchDecoded(name, async (bytes) => read(await decodeSearchData<F>(bytes)));
  const load = <T, F = T>(name: string, read: (file: F) => T = (file) => file as unknown as T): Promise<T> => {
    let loaded = index.get(name);
    if (!loaded) {
      loaded = fetchData(name, read).then(({ value }) => value);
      loaded.catch(() => index.delete(name));
      index.set(name, loaded);
    }
    return loaded as Promise<T>;
  };
  /** A file of documents' text, checked by `read` before it is kept. */
  const loadText = async <T>(name: string, read: (file: unknown) => T): Promise<T> =>
    (
      await textCache.getSettled(
        name,
        () => fetchData<T, unknown>(name, read),
        ({ bytes }) => bytes,
      )
    ).value as T;
  /** A document or head whose passages are as many as the index counts, each of `fields` strings. */
  const withPassages =
    <D extends { passages: unknown }>(size: number, fields: number) =>
    (file: unknown): D => {
      arrayOf((file as D | null)?.passages, size, isPassageOf(fields), "passages");
      return file as D;
    };
  const manifest = () => load<IndexManifest, unknown>(MANIFEST_FILE, readManifest);
  return {
    manifest,
    partRecords: async (part) => {
      const { records } = await manifest();
      return load<(string | null)[], unknown>(partRecordsFile(part), (file) =>
        arrayOf(file, records, isRecordId, "record ids"),
      );
    },
    siteUrl: (path) => new URL(path, baseUrl).href,
    shard: (index) => load<IndexShard, ShardFile>(shardFile(index), unpackShard),
    document: async (ordinal, positions, size, lengths) => {
      const asked = new Set(positions);
      /**
       * Checks the passages at asked positions among a file's `passages` (its
       * passages from `first` on) against the lengths the index counts; a
       * file that fails is dropped from the cache and is a SearchDataError.
       */
      const checkLengths = (name: string, passages: readonly string[], first: number) => {
        positions.forEach((position, index) => {
          const expected = lengths?.[index];
          const text = passages[position - first];
          if (expected === undefined || text === undefined) return;
          const actual = positionLength(normalizeForSearch(text));
          if (actual !== expected) {
            textCache.delete(name);
            throw new SearchDataError(
              addressOf(name).href,
              `passage ${position} has ${actual} characters where the index counts ${expected}`,
            );
          }
        });
      };
      const blocks = [...new Set(positions.map((position) => Math.floor(position / TEXT_BLOCK_PASSAGES)))];
      if (blocks.length * 2 > Math.ceil(size / TEXT_BLOCK_PASSAGES)) {
        const name = documentFile(ordinal);
        const whole = await loadText(name, withPassages<SearchDocument>(size, 3));
        checkLengths(
          name,
          whole.passages.map(([, , text]) => text),
          0,
        );
        return {
          ...whole,
          passages: whole.passages.map(([id, type, text], position) => [id, type, asked.has(position) ? text : ""]),
        };
      }
      // Nothing asked: the first block, for its head.
      if (blocks.length === 0) blocks.push(0);
      const files = await Promise.all(
        blocks.map((block) =>
          loadText(textFile(ordinal, block), (file) => {
            const { head, texts } = (file ?? {}) as Partial<TextBlockFile>;
            withPassages<SearchDocumentHead>(size, 2)(head);
            arrayOf(texts, Math.min(TEXT_BLOCK_PASSAGES, size - block * TEXT_BLOCK_PASSAGES), isString, "passages");
            return file as TextBlockFile;
          }),
        ),
      );
      const texts = files.map((file) => file.texts);
      const [{ head } = { head: undefined }] = files;
      if (!head) throw new SearchDataError(addressOf(textFile(ordinal, 0)).href, "holds no head");
      blocks.forEach((block, index) =>
        checkLengths(textFile(ordinal, block), texts[index] ?? [], block * TEXT_BLOCK_PASSAGES),
      );
      const text = new Map(
        blocks.flatMap((block, index) =>
          (texts[index] ?? []).map((passage, offset) => [block * TEXT_BLOCK_PASSAGES + offset, passage] as const),
        ),
      );
      return {
        ...head,
        passages: head.passages.map(([id, type], position) => [
          id,
          type,
          asked.has(position) ? (text.get(position) ?? "") : "",
        ]),
      };
    },
    slugs: () => load<string[]>(SLUGS_FILE),
    wordPositions: async (word) => {
      const { indexId } = await manifest();
      const { value } = await fetchDecoded(wordFile(word), async (bytes) => {
        const content = await fileContent(bytes);
        return readWordFile(content, word, indexId, await sha1(digestedPart(content)));
      });
      return value;
    },
  };
}
