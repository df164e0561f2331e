import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import { dirname, join } from "node:path";
import * as pagefind from "pagefind";
import { normalizeForSearch } from "../../src/lib/search/normalize.ts";
import {
  firstCode,
  indexWords,
  PLACEHOLDER_WORD,
  positionLength,
  type WordFamily,
} from "../../src/lib/search/tokens.ts";
import {
  documentFile,
  MANIFEST_FILE,
  packFlags,
  packPassage,
  packShard,
  partPath,
  partRecordsFile,
  PASSAGES_PER_RECORD,
  RECORDS_PER_SHARD,
  SEARCH_DATA_DIR,
  shardFile,
  SLUGS_FILE,
  TEXT_BLOCK_PASSAGES,
  textFile,
  WORDS_PER_PART,
  HEAVY_WORD_POSITIONS,
  wordFile,
  type IndexManifest,
  type IndexPart,
  type IndexShard,
  type PassageKind,
  type ShardDocument,
  type TextBlockFile,
} from "../../src/lib/search/index-layout.ts";
import { SEARCH_ENTITIES_FILE } from "../../src/lib/search/entities.ts";
import { DIGEST_LENGTH, isGzip } from "../../src/lib/search/integrity.ts";
import { yearKey } from "../../src/lib/search/distribution.ts";
import { WORD_FILE_DIGEST_BYTES, wordFileContent, WordPositionsWriter } from "../../src/lib/search/word-file.ts";
import type { SearchDocument, SearchDocumentHead } from "../../src/schemas/passage.ts";
import type { SearchCorpus } from "./search-corpus.ts";

/**
 * The language Pagefind is told the records are in. Pagefind segments only
 * zh, ja and th; the index's words are ASCII already (src/lib/search/tokens.ts),
 * so segmenting them would only cost time, and an undetermined language has
 * no stemmer.
 */
const INDEX_LANGUAGE = "und";

/** How the index is cut: see writeSearchIndex. */
export interface IndexOptions {
  /** Word occurrences a part of the Pagefind index holds at most (WORDS_PER_PART). */
  wordsPerPart?: number;
  /** Positions from which a word is in a word file of its own rather than in Pagefind (HEAVY_WORD_POSITIONS). */
  heavyWordPositions?: number;
  /** Paths below the output folder of other files the search reads, whose digests the manifest lists. */
  listed?: readonly string[];
}

/**
 * Writes the exact-search index (layout: src/lib/search/index-layout.ts):
 * `<outDir>/pagefind/` through Pagefind's Node API, one record per
 * PASSAGES_PER_RECORD passages, in parts of at most `wordsPerPart` words, of
 * every word with fewer than `heavyWordPositions` positions; and
 * `<outDir>/search-data/`, gzip-compressed: a word file of each other word
 * (src/lib/search/word-file.ts), and JSON: the manifest, each part's
 * record ids, the shards of passage lengths and documents, each document
 * for display (whole; and its passages' text in blocks of
 * TEXT_BLOCK_PASSAGES, each with the document's head), and the slugs by
 * ordinal. Both folders are replaced,
 * never added to. The manifest, written last, lists the digest of every
 * file the search reads whole that Pagefind does not name after its
 * content (src/lib/search/integrity.ts), and of `listed` (paths below
 * `outDir` of other files the search reads). Returns the number of
 * passages indexed.
 */
export async function writeSearchIndex(
  documents: readonly SearchDocument[],
  outDir: string,
  { wordsPerPart = WORDS_PER_PART, heavyWordPositions = HEAVY_WORD_POSITIONS, listed = [] }: IndexOptions = {},
): Promise<number> {
  const layout = layOut(documents);
  const pagefindDir = join(outDir, "pagefind");
  const dataDir = join(outDir, SEARCH_DATA_DIR);
  rmSync(pagefindDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
  const occurrences = wordOccurrences(layout.passages);
  const heavy = heavyWords(occurrences, heavyWordPositions);
  const parts = cutParts(occurrences, wordsPerPart, heavy);
  mkdirSync(dataDir, { recursive: true });
  const write = (name: string, value: unknown) =>
    writeFileSync(join(dataDir, name), gzipSync(JSON.stringify(value), { level: 9 }));
  for (const [part, { family, from }] of parts.entries()) {
    const next = parts[part + 1];
    const until = next?.family === family ? next.from : undefined;
    const holds = (word: string) => {
      const code = firstCode(word);
      return code >= from && (until === undefined || code < until) && !heavy.has(word);
    };
    const recordIds = await writePagefindPart(layout.records, join(outDir, partPath(part)), part === 0, family, holds);
    // Pagefind drops a record without words; none of the part's words stands in it.
    write(
      partRecordsFile(part),
      layout.records.map((_, record) => recordIds.get(recordUrl(record)) ?? null),
    );
  }
  // After Pagefind's parts, so that the memory of the one is freed before the other needs its own.
  const indexId = writeWordFiles(layout, heavy, dataDir);
  layout.shards.forEach((shard, index) => write(shardFile(index), packShard(shard)));
  documents.forEach((document, ordinal) => {
    const head: SearchDocumentHead = { ...document, passages: document.passages.map(([id, type]) => [id, type]) };
    write(documentFile(ordinal), document);
    for (let first = 0; first < document.passages.length; first += TEXT_BLOCK_PASSAGES) {
      const texts = document.passages.slice(first, first + TEXT_BLOCK_PASSAGES).map(([, , text]) => text);
      write(textFile(ordinal, first / TEXT_BLOCK_PASSAGES), { head, texts } satisfies TextBlockFile);
    }
  });
  write(
    SLUGS_FILE,
    documents.map((document) => document.doc),
  );
  const readWhole = [
    ...parts.flatMap((_, part) => [
      `${partPath(part)}pagefind-entry.json`,
      ...readdirSync(join(outDir, partPath(part)))
        .filter((name) => /^wasm\..*\.pagefind$/.test(name))
        .map((name) => `${partPath(part)}${name}`),
      `${SEARCH_DATA_DIR}/${partRecordsFile(part)}`,
    ]),
    ...layout.shards.map((_, index) => `${SEARCH_DATA_DIR}/${shardFile(index)}`),
    `${SEARCH_DATA_DIR}/${SLUGS_FILE}`,
    ...listed,
  ];
  const manifest: IndexManifest = {
    passages: layout.passages.length,
    documents: documents.length,
    passagesPerRecord: PASSAGES_PER_RECORD,
    recordsPerShard: RECORDS_PER_SHARD,
    records: layout.records.length,
    parts,
    years: layout.years,
    yearCharacters: layout.yearCharacters,
    collections: layout.collections,
    wordFiles: [...heavy].sort(),
    indexId,
    digests: Object.fromEntries(readWhole.map((path) => [path, fileDigest(join(outDir, path))])),
  };
  write(MANIFEST_FILE, manifest);
  return layout.passages.length;
}

/**
 * The digest the search checks a file's content against
 * (src/lib/search/integrity.ts): the first DIGEST_LENGTH hex digits of the
 * SHA-1 of its bytes, decompressed if they are gzip.
 */
export function fileDigest(path: string): string {
  if (!existsSync(path)) throw new Error(`search index: ${path} should have been written before the manifest`);
  const bytes = readFileSync(path);
  const content = isGzip(bytes) ? gunzipSync(bytes) : bytes;
  return createHash("sha1").update(content).digest("hex").slice(0, DIGEST_LENGTH);
}

/** One passage as the index lays it out. */
interface LaidOutPassage {
  normalized: string;
  /** Normalised characters: what the shard tables count. */
  characters: number;
  kind: PassageKind;
}

interface Layout {
  passages: LaidOutPassage[];
  /** Each record's passages, in order. */
  records: LaidOutPassage[][];
  shards: IndexShard[];
  years: string[];
  /** Normalised characters of every passage of each year's documents. */
  yearCharacters: number[];
  collections: string[];
}

const kindOf = (type: SearchDocument["passages"][number][1]): PassageKind =>
  type === "title" ? "title" : type === "heading" ? "heading" : "text";

/** Numbers every passage, cuts records and shards, and writes each shard's table. */
function layOut(documents: readonly SearchDocument[]): Layout {
  const years = [...new Set(documents.map(yearKey))].sort();
  const yearCharacters = years.map(() => 0);
  const collections = [...new Set(documents.map((document) => document.collection))].sort();
  const passages: LaidOutPassage[] = [];
  const entries: ShardDocument[] = [];
  documents.forEach((document, ordinal) => {
    const flags = packFlags({
      collection: collections.indexOf(document.collection),
      dated: document.date !== undefined,
      hasCopies: (document.sameText ?? []).length > 0,
      status: document.status ?? "verified",
    });
    const year = years.indexOf(yearKey(document));
    entries.push([ordinal, passages.length, document.passages.length, year, flags]);
    for (const [, type, text] of document.passages) {
      const normalized = normalizeForSearch(text);
      const characters = positionLength(normalized);
      passages.push({ normalized, characters, kind: kindOf(type) });
      yearCharacters[year] = (yearCharacters[year] ?? 0) + characters;
    }
  });
  const records: LaidOutPassage[][] = [];
  for (let first = 0; first < passages.length; first += PASSAGES_PER_RECORD) {
    records.push(passages.slice(first, first + PASSAGES_PER_RECORD));
  }
  const perShard = PASSAGES_PER_RECORD * RECORDS_PER_SHARD;
  const shards: IndexShard[] = [];
  for (let first = 0; first < passages.length; first += perShard) {
    const last = Math.min(first + perShard, passages.length);
    shards.push({
      passages: passages.slice(first, last).map((passage) => packPassage(passage.characters, passage.kind)),
      documents: entries.filter(([, start, count]) => start < last && start + count > first),
    });
  }
  return { passages, records, shards, years, yearCharacters, collections };
}

/**
 * Word positions after which Pagefind starts a new chunk of its index
 * (Pagefind's default is 20,000). A search loads the chunk of each word it
 * asks for, neighbouring words included, so smaller chunks cost fewer bytes
 * per word and a longer metadata file per part: measured at 2,000 generated
 * documents (`npm run bench:search -- --scale 2000`), bytes per further query
 * median / p95 73.2 / 135.9 KB at 20,000, 42.0 / 91.5 KB at 5,000 and 34.5 /
 * 85.8 KB at 2,000, the first query 219, 203 and 217 KB gzipped; at 15,000
 * documents the first query's metadata grows by about 20 KB from 5,000 to
 * 2,000 (README, "Search").
 */
const INDEX_CHUNK_POSITIONS = 2000;

/**
 * Runs `start` with Pagefind's chunk size set for the indexing process it
 * starts: Pagefind reads it, as an unstable setting, from its environment.
 */
async function withChunkPositions<T>(positions: number, start: () => Promise<T>): Promise<T> {
  const before = process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(positions);
  try {
    return await start();
  } finally {
    if (before === undefined) delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
    else process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = before;
  }
}

/** A record's address in Pagefind: never served, only the key of its id. */
const recordUrl = (record: number) => `/record/${record}`;

/** The word families in the order of their parts: the first part, which Pagefind starts on, holds bigrams. */
const FAMILIES: readonly WordFamily[] = ["bigram", "unigram"];

/** How many times each word of each family occurs in the passages. */
export type WordOccurrences = Record<WordFamily, Map<string, number>>;

export function wordOccurrences(passages: readonly { normalized: string }[]): WordOccurrences {
  const occurrences: WordOccurrences = { bigram: new Map(), unigram: new Map() };
  for (const family of FAMILIES) {
    const counts = occurrences[family];
    for (const { normalized } of passages) {
      for (const word of indexWords(normalized, family)) {
        if (word !== PLACEHOLDER_WORD) counts.set(word, (counts.get(word) ?? 0) + 1);
      }
    }
  }
  return occurrences;
}

/**
 * The words of either family with at least `positions` occurrences: those
 * written to word files of their own. Pagefind cannot start on an index
 * without words, so when every word of the first part's family has that
 * many, the rarest of them stays in Pagefind.
 */
export function heavyWords(occurrences: WordOccurrences, positions: number): Set<string> {
  const heavy = new Set(
    FAMILIES.flatMap((family) =>
      [...occurrences[family]].filter(([, count]) => count >= positions).map(([word]) => word),
    ),
  );
  const first = occurrences[FAMILIES[0] ?? "bigram"];
  if (first.size > 0 && [...first.keys()].every((word) => heavy.has(word))) {
    const [rarest] = [...first].sort(([a, countA], [b, countB]) => countA - countB || (a < b ? -1 : 1));
    if (rarest) heavy.delete(rarest[0]);
  }
  return heavy;
}

/**
 * Writes the word file (src/lib/search/word-file.ts) of each word of
 * `words`, in one pass over the records for each family, and returns the id
 * they carry: a digest of every word's positions and of every shard's
 * passages, so that a file of another build of the index is refused.
 */
function writeWordFiles(layout: Layout, words: ReadonlySet<string>, dataDir: string): string {
  const writers = new Map([...words].sort().map((word) => [word, new WordPositionsWriter()]));
  for (const family of FAMILIES) {
    layout.records.forEach((passages, record) => {
      const inRecord = new Map<string, number[]>();
      let position = 0;
      for (const passage of passages) {
        for (const word of indexWords(passage.normalized, family)) {
          if (writers.has(word)) {
            const found = inRecord.get(word);
            if (found) found.push(position);
            else inRecord.set(word, [position]);
          }
          position += 1;
        }
      }
      for (const [word, positions] of inRecord) writers.get(word)?.add(record, positions);
    });
  }
  const sections = new Map([...writers].map(([word, writer]) => [word, writer.section()]));
  const id = createHash("sha1");
  for (const [word, section] of sections) id.update(`${word}\0`).update(section);
  for (const shard of layout.shards) id.update(JSON.stringify(packShard(shard)));
  const indexId = id.digest("hex").slice(0, DIGEST_LENGTH);
  for (const [word, section] of sections) {
    const content = wordFileContent(word, indexId, section);
    const digest = createHash("sha1").update(content).digest().subarray(0, WORD_FILE_DIGEST_BYTES);
    writeFileSync(join(dataDir, wordFile(word)), gzipSync(Buffer.concat([content, digest]), { level: 9 }));
  }
  return indexId;
}

/**
 * Cuts the index into parts: for each family, by the first code of its
 * words, in code order, each part of at most `wordsPerPart` word occurrences
 * unless the words of one first code alone are more. Words in `inWordFiles`
 * are not in any part.
 */
export function cutParts(
  occurrences: WordOccurrences,
  wordsPerPart: number,
  inWordFiles: ReadonlySet<string> = new Set(),
): IndexPart[] {
  const parts: IndexPart[] = [];
  for (const family of FAMILIES) {
    const byCode = new Map<string, number>();
    for (const [word, count] of occurrences[family]) {
      if (inWordFiles.has(word)) continue;
      const code = firstCode(word);
      byCode.set(code, (byCode.get(code) ?? 0) + count);
    }
    // A family whose words are all in word files needs no part, but Pagefind starts on the first part.
    if (byCode.size === 0 && parts.length > 0) continue;
    parts.push({ path: partPath(parts.length), family, from: "" });
    let inPart = 0;
    for (const code of [...byCode.keys()].sort()) {
      const count = byCode.get(code) ?? 0;
      if (inPart > 0 && inPart + count > wordsPerPart) {
        parts.push({ path: partPath(parts.length), family, from: code });
        inPart = 0;
      }
      inPart += count;
    }
  }
  return parts;
}

/** Files Pagefind writes into a bundle that the site does not load: its prebuilt interfaces, and the script of every part but the first. */
const unusedBundleFile = (name: string, first: boolean) =>
  /^pagefind-(.*ui|highlight)\./.test(name) || (!first && /^(pagefind(-worker)?\.js|wasm\..*)$/.test(name));

/**
 * Adds each record to a Pagefind index, holding the words of `family` that
 * `holds` accepts and a placeholder for every other, writes it to
 * `bundleDir`, and stops Pagefind, so that the memory it held is freed
 * before the next part. Pagefind keeps a record's text in its fragment file
 * to build excerpts; this search never asks for excerpts, so each fragment
 * is rewritten holding only the record's address. Returns Pagefind's record
 * ids by address.
 */
async function writePagefindPart(
  records: readonly (readonly LaidOutPassage[])[],
  bundleDir: string,
  first: boolean,
  family: WordFamily,
  holds: (word: string) => boolean,
): Promise<Map<string, string>> {
  const { index, errors } = await withChunkPositions(INDEX_CHUNK_POSITIONS, () =>
    pagefind.createIndex({ forceLanguage: INDEX_LANGUAGE }),
  );
  if (!index) throw new Error(`pagefind: ${errors.join("; ")}`);
  try {
    for (const [record, passages] of records.entries()) {
      const words = passages.flatMap((passage) =>
        indexWords(passage.normalized, family).map((word) => (holds(word) ? word : PLACEHOLDER_WORD)),
      );
      const added = await index.addCustomRecord({
        url: recordUrl(record),
        content: words.join(" "),
        language: INDEX_LANGUAGE,
      });
      if (added.errors.length > 0) throw new Error(`pagefind: ${added.errors.join("; ")}`);
    }
    const written = await index.writeFiles({ outputPath: bundleDir });
    if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join("; ")}`);
    for (const name of readdirSync(bundleDir)) if (unusedBundleFile(name, first)) rmSync(join(bundleDir, name));
    if (first) addFetchOption(join(bundleDir, "pagefind.js"));
  } finally {
    await pagefind.close();
  }
  return slimFragments(bundleDir);
}

/**
 * The edits that give Pagefind's instances a `fetchFile` option (read when
 * an instance is made, and known to its `options`): each
 * instance (the one `createInstance` starts, and each bundle merged into it)
 * fetches its files with the function passed as `fetchFile` in its options,
 * or with the global `fetch` without one. The search session passes one that
 * watches for failures (src/lib/search/session.ts), since Pagefind goes on
 * without an index chunk it could not load and would give a short count;
 * this way nothing of the page's own `fetch` changes. Each edit must apply
 * exactly once, so a Pagefind whose script differs stops the build.
 */
const FETCH_OPTION_EDITS = [
  [
    "this.metaCacheTag=opts.metaCacheTag??null;",
    "this.metaCacheTag=opts.metaCacheTag??null;this.fetchFile=opts.fetchFile??null;",
  ],
  ["const response=await fetch(queued.input);", "const response=await(this.fetchFile??fetch)(queued.input);"],
  // Options other than these are warned about as unknown; fetchFile is known now.
  ['else if(!["basePath"].includes(k))', 'else if(!["basePath","fetchFile"].includes(k))'],
] as const;

/** Applies FETCH_OPTION_EDITS to a bundle's pagefind.js. */
export function addFetchOption(script: string): void {
  let text = readFileSync(script, "utf8");
  for (const [from, to] of FETCH_OPTION_EDITS) {
    const found = text.split(from).length - 1;
    if (found !== 1) {
      throw new Error(
        `pagefind: ${script} holds \`${from}\` ${found} times, not once, so the search could not see its failed fetches; ` +
          "check the installed Pagefind version (package.json pins the one these edits are made for)",
      );
    }
    text = text.replace(from, to);
  }
  writeFileSync(script, text);
}

/** How Pagefind 1.x stores a record's fragment: gzip of this signature followed by JSON. */
const FRAGMENT_SIGNATURE = "pagefind_dcd";

/**
 * Reads each fragment's record address (Pagefind names a fragment after the
 * record's id, which search results carry) and rewrites the fragment without
 * the record's text. A fragment in any other format stops the build, since
 * records could then not be told apart.
 */
export function slimFragments(pagefindDir: string): Map<string, string> {
  const fragmentDir = join(pagefindDir, "fragment");
  const ids = new Map<string, string>();
  // A part none of whose records holds a word of its own (all in word files) has no fragments.
  if (!existsSync(fragmentDir)) return ids;
  for (const name of readdirSync(fragmentDir)) {
    const path = join(fragmentDir, name);
    const text = gunzipSync(readFileSync(path)).toString("utf8");
    const id = name.replace(/\.pf_fragment$/, "");
    if (id === name || !text.startsWith(FRAGMENT_SIGNATURE)) {
      throw new Error(
        `pagefind: ${path} is not a fragment as Pagefind 1.x writes it ` +
          `(gzip of "${FRAGMENT_SIGNATURE}" and JSON); check the installed Pagefind version`,
      );
    }
    const fragment = JSON.parse(text.slice(FRAGMENT_SIGNATURE.length)) as { url: string } & Record<string, unknown>;
    ids.set(fragment.url, id);
    const slim = { ...fragment, content: "", raw_content: "", anchors: [] };
    writeFileSync(path, gzipSync(FRAGMENT_SIGNATURE + JSON.stringify(slim), { level: 9 }));
  }
  return ids;
}

/**
 * The build's search step: everything the search page loads, from the
 * search corpus (read from the generated collections, scripts/lib/search-corpus.ts):
 * the index and search data (writeSearchIndex) and the entities a query may
 * name (`data/search-entities.json`). Words of at least `heavyWordPositions`
 * positions (by default the build's SEARCH_WORD_FILES_FROM setting) are in
 * word files. Returns the number of passages indexed.
 */
export async function writeSearch(
  corpus: SearchCorpus,
  outDir: string,
  heavyWordPositions = wordFilesFrom(process.env.SEARCH_WORD_FILES_FROM),
): Promise<number> {
  const entitiesFile = join(outDir, SEARCH_ENTITIES_FILE);
  mkdirSync(dirname(entitiesFile), { recursive: true });
  writeFileSync(entitiesFile, `${JSON.stringify(corpus.entities)}\n`);
  return writeSearchIndex(corpus.documents, outDir, { listed: [SEARCH_ENTITIES_FILE], heavyWordPositions });
}

/**
 * The positions from which a word is in a word file of its own, from the
 * build's SEARCH_WORD_FILES_FROM setting (HEAVY_WORD_POSITIONS when unset).
 * The test builds set it low, so that the small corpus has word files too.
 */
export function wordFilesFrom(setting: string | undefined): number {
  if (setting === undefined || setting === "") return HEAVY_WORD_POSITIONS;
  const positions = Number(setting);
  if (!Number.isSafeInteger(positions) || positions < 1) {
    throw new Error(
      `SEARCH_WORD_FILES_FROM=${setting}: expected a whole number of positions of at least 1 ` +
        `(words occurring that often get a word file of their own), or unset for ${HEAVY_WORD_POSITIONS}`,
    );
  }
  return positions;
}
