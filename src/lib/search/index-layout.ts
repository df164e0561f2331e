/**
 * How the exact-search index is laid out, shared by the build that writes it
 * (scripts/lib/search-index.ts) and the search that reads it.
 *
 * Every passage of the corpus has a global number: documents in corpus order,
 * each one's passages in reading order, its title first. Pagefind holds the
 * passages in records of PASSAGES_PER_RECORD consecutive passages (record r
 * holds passages r·P … r·P+P−1), their words (src/lib/search/tokens.ts) one
 * after another, one per normalised character and family. A word's positions in a
 * record, which Pagefind returns, say which character of the record it
 * stands at, and so which passage, once the lengths of the record's
 * passages are known; shards of the search data give those lengths and the
 * documents the passages belong to, RECORDS_PER_SHARD records each, loaded
 * only for records a search finds something in. Counts and distributions
 * of results come from these alone; passage text is loaded only for what is
 * shown.
 *
 * The Pagefind index is cut into parts by word, so that building it needs
 * the memory of one part only (Pagefind holds a whole index in memory while
 * it writes it): a part holds the words of one family whose first code is at
 * least its `from` and below the next part's of the family; every part has
 * every record, with a placeholder wherever another part holds the word, so
 * positions are the same in every part. A search asks for each word only the
 * part that holds it; a part is merged into Pagefind (`mergeIndex`) when a
 * search first needs it, with the ids of its records. The first part, which
 * Pagefind is started on, holds bigrams.
 */
import type { WordFamily } from "./tokens.ts";
import type { ReviewStatus, SearchDocumentHead } from "../../schemas/passage.ts";

/** Consecutive passages in one Pagefind record. Few records keep Pagefind's per-record work small. */
export const PASSAGES_PER_RECORD = 1024;
/** Records whose passage table is one shard file. */
export const RECORDS_PER_SHARD = 4;

/** Folder of the built site that holds the search data. */
export const SEARCH_DATA_DIR = "search-data";
/** The manifest: what a search reads first. */
export const MANIFEST_FILE = "manifest.json.gz";
/** Document slugs by ordinal, read only to resolve a document filter. */
export const SLUGS_FILE = "slugs.json.gz";

/** Word occurrences one part of the Pagefind index holds at most, bar one character's. */
export const WORDS_PER_PART = 16_000_000;

/**
 * Positions from which a word of the index is in a word file of its own
 * (src/lib/search/word-file.ts) rather than in Pagefind: Pagefind takes
 * about a microsecond over each position it returns, so a word of 10,000
 * positions costs some 8 ms there and under 0.1 ms decoded from its file.
 * Fewer, larger files keep the list of such words in the manifest short.
 */
export const HEAVY_WORD_POSITIONS = 10_000;

/** The word file (word-file.ts) of a word the manifest lists in `wordFiles`. */
export const wordFile = (word: string) => `word-${word}.bin.gz`;

export const shardFile = (shard: number) => `shard-${shard}.json.gz`;
/** The ids Pagefind gave the records of part `part`, in record order. */
export const partRecordsFile = (part: number) => `records-${part}.json.gz`;
/** Folder of a part's Pagefind bundle below the site root; the first part's holds Pagefind's script. */
export const partPath = (part: number) => (part === 0 ? "pagefind/" : `pagefind/part-${part}/`);

/** A part of the Pagefind index (see above). */
export interface IndexPart {
  /** Folder of its Pagefind bundle below the site root, ending in "/" (partPath). */
  path: string;
  family: WordFamily;
  /** The first code (src/lib/search/tokens.ts) of the first words it holds; "" for the first part of its family. */
  from: string;
}
/** A document as a search shows it, with all its text (SearchDocument). */
export const documentFile = (ordinal: number) => `doc-${ordinal}.json.gz`;
/**
 * Passages of a document whose texts are one file, so that showing a few
 * matches of a long document loads little more than their passages; a
 * document with matches in more than half its blocks is loaded whole instead
 * (SearchData.document). Each block also holds the document's head (its
 * fields and passage ids and types, without text), so that showing a
 * document is always one request: requests, not bytes, bound how fast the
 * twelve documents of a step arrive from a host without HTTP/2 (six at a
 * time). Sixteen passages a block with the head inside, against four and a
 * head file, took the benchmark's warm median / p95 at 15,000 generated
 * documents from 62.0 / 157.9 to 49.7 / 113.7 ms
 * (docs/benchmarks/2026-12-05-word-files-15000.md).
 */
export const TEXT_BLOCK_PASSAGES = 16;
/** The texts of a document's passages TEXT_BLOCK_PASSAGES × block … TEXT_BLOCK_PASSAGES × (block + 1) − 1, with its head. */
export const textFile = (ordinal: number, block: number) => `text-${ordinal}-${block}.json.gz`;

/** A text block as its file holds it (textFile). */
export interface TextBlockFile {
  /** The document without its passages' text. */
  head: SearchDocumentHead;
  /** The texts of the block's passages, in order. */
  texts: string[];
}

export interface IndexManifest {
  passages: number;
  documents: number;
  passagesPerRecord: number;
  recordsPerShard: number;
  /** Records in every part. */
  records: number;
  /** The parts of the Pagefind index, in order of their words. */
  parts: IndexPart[];
  /** Years documents are counted in (yearKey: `2017+` a lower bound), by the index documents refer to them with; "" is undated. */
  years: string[];
  /** Normalised characters of all the documents of each year, in the order of `years`: the denominator of a rate. */
  yearCharacters: number[];
  /** Collections, by index. */
  collections: string[];
  /**
   * Words of either family whose positions are in a word file of their own
   * (wordFile; see HEAVY_WORD_POSITIONS), ascending; Pagefind holds none of
   * them.
   */
  wordFiles: string[];
  /** Names this build of the index: every word file carries it, so a file of another build is refused. */
  indexId: string;
  /**
   * Each file the search reads whole and Pagefind does not name after its
   * content, by path below the site root: the digest of its content
   * (src/lib/search/integrity.ts), checked before the file is used.
   */
  digests: Record<string, string>;
}

/** What a passage is, as the ranking rule sees it. */
export const PASSAGE_KINDS = ["title", "heading", "text"] as const;
export type PassageKind = (typeof PASSAGE_KINDS)[number];

/** A document's entry in a shard: [ordinal, first global passage, passages, year index, flags]. */
export type ShardDocument = [ordinal: number, first: number, count: number, year: number, flags: number];

export interface IndexShard {
  /** The shard's passages in order: normalised length in characters × 4 + index of its kind in PASSAGE_KINDS. */
  passages: number[];
  /** Every document with a passage in the shard, in corpus order (see documentFlags). */
  documents: ShardDocument[];
}

/**
 * A shard as its file holds it: the documents' ordinals and first passages
 * are implied, since documents are consecutive in corpus order and so are
 * their passages, by the first document's ordinal and first passage.
 */
export interface ShardFile {
  passages: number[];
  firstOrdinal: number;
  firstPassage: number;
  /** [passages, year index, flags] of each document. */
  documents: [count: number, year: number, flags: number][];
}

export function packShard(shard: IndexShard): ShardFile {
  const [first] = shard.documents;
  return {
    passages: shard.passages,
    firstOrdinal: first?.[0] ?? 0,
    firstPassage: first?.[1] ?? 0,
    documents: shard.documents.map(([, , count, year, flags]) => [count, year, flags]),
  };
}

export function unpackShard(file: ShardFile): IndexShard {
  let passage = file.firstPassage;
  const documents = file.documents.map(([count, year, flags], index): ShardDocument => {
    const entry: ShardDocument = [file.firstOrdinal + index, passage, count, year, flags];
    passage += count;
    return entry;
  });
  return { passages: file.passages, documents };
}

/** The order in which a review status is packed into a document's flags (verified is 0). */
const PACKED_STATUSES: readonly ReviewStatus[] = ["verified", "proofread", "draft"];

/** A document's flags: collection × 16 + dated × 8 + has copies × 4 + review status index. */
export interface DocumentFlags {
  collection: number;
  dated: boolean;
  hasCopies: boolean;
  status: ReviewStatus;
}

export function packFlags({ collection, dated, hasCopies, status }: DocumentFlags): number {
  return collection * 16 + (dated ? 8 : 0) + (hasCopies ? 4 : 0) + PACKED_STATUSES.indexOf(status);
}

export function unpackFlags(flags: number): DocumentFlags {
  return {
    collection: Math.floor(flags / 16),
    dated: (flags & 8) !== 0,
    hasCopies: (flags & 4) !== 0,
    status: PACKED_STATUSES[flags & 3] ?? "verified",
  };
}

export const packPassage = (length: number, kind: PassageKind) => length * 4 + PASSAGE_KINDS.indexOf(kind);
/** A packed passage's normalised length (packPassage). */
export const packedLength = (packed: number) => Math.floor(packed / 4);
/** A packed passage's kind, as its index in PASSAGE_KINDS (packPassage). */
export const packedKind = (packed: number) => packed & 3;

/** A passage as a search sees it: its global number, document, kind, and the character of its record where it starts. */
export interface PassagePlace {
  passage: number;
  document: ShardDocument;
  /** The passage's number within its document (0 is the title). */
  indexInDocument: number;
  kind: PassageKind;
  start: number;
  length: number;
}

/**
 * A record's passages, read from the shard that holds them: where each one
 * starts, and which passage a position of the record falls in.
 */
export class RecordPassages {
  /** The character of the record at which each passage starts, and one past the last. */
  private readonly starts: number[];
  private readonly first: number;
  /** Index in the shard's passages of the record's first passage. */
  private readonly offset: number;

  constructor(
    private readonly shard: IndexShard,
    manifest: IndexManifest,
    record: number,
  ) {
    const shardFirstRecord = Math.floor(record / manifest.recordsPerShard) * manifest.recordsPerShard;
    const from = (record - shardFirstRecord) * manifest.passagesPerRecord;
    const to = Math.min(from + manifest.passagesPerRecord, shard.passages.length);
    this.first = record * manifest.passagesPerRecord;
    this.starts = [0];
    for (let index = from; index < to; index += 1) {
      this.starts.push((this.starts.at(-1) ?? 0) + packedLength(shard.passages[index] ?? 0));
    }
    this.offset = from;
  }

  /** How many passages the record holds. */
  get size(): number {
    return this.starts.length - 1;
  }

  /** The passage in which the record's character `position` falls, or undefined past the record's end. */
  at(position: number): PassagePlace | undefined {
    const index = this.indexAt(position);
    return index < 0 ? undefined : this.place(index);
  }

  /**
   * The number within the record of the passage in which the record's
   * character `position` falls, or -1 past the record's end. Makes nothing,
   * so that it can be asked of every position of a common word.
   */
  indexAt(position: number): number {
    const { starts } = this;
    let low = 0;
    let high = starts.length - 1;
    if (position < 0 || position >= (starts[high] ?? 0)) return -1;
    // Invariant: starts[low] <= position < starts[high]. Empty passages share a start with the next one.
    while (low + 1 < high) {
      const middle = (low + high) >> 1;
      if ((starts[middle] ?? 0) <= position) low = middle;
      else high = middle;
    }
    return low;
  }

  /** The character of the record at which its passage `index` (see indexAt) starts. */
  startOf(index: number): number {
    return this.starts[index] ?? 0;
  }

  /** Where the record's passage `index` (see indexAt) ends: one past its last character. */
  endOf(index: number): number {
    return this.starts[index + 1] ?? 0;
  }

  /** The global number of the record's passage `index` (see indexAt). */
  passageNumber(index: number): number {
    return this.first + index;
  }

  /** The record's passage `index` (see indexAt) as its shard packs it: normalised length × 4 + index of its kind. */
  packedAt(index: number): number {
    return this.shard.passages[this.offset + index] ?? 0;
  }

  /** The shard's entry of the document that holds the record's passage `index` (see indexAt), if any. */
  documentAt(index: number): ShardDocument | undefined {
    const passage = this.first + index;
    const last = this.lastDocument;
    if (last && passage >= last[1] && passage < last[1] + last[2]) return last;
    const found = documentOf(this.shard, passage);
    if (found) this.lastDocument = found;
    return found;
  }

  /** The document of the passage asked for last: passages are mostly asked in order, so mostly the next one's too. */
  private lastDocument: ShardDocument | undefined;

  /** The record's passage `index` (see indexAt); undefined if no document of the shard holds it. */
  place(index: number): PassagePlace | undefined {
    const passage = this.first + index;
    const packed = this.packedAt(index);
    const document = this.documentAt(index);
    if (!document) return undefined;
    return {
      passage,
      document,
      indexInDocument: passage - document[1],
      kind: PASSAGE_KINDS[packedKind(packed)] ?? "text",
      start: this.startOf(index),
      length: packedLength(packed),
    };
  }
}

/** The part of the index that holds `word` of `family`: the family's last part whose `from` is not after the word; -1 if none. */
export function partOf(parts: readonly IndexPart[], family: WordFamily, word: string): number {
  let found = -1;
  parts.forEach((part, index) => {
    if (part.family === family && part.from <= word) found = index;
  });
  return found;
}

/** The shard's entry of the document that holds global passage `passage`. */
export function documentOf(shard: IndexShard, passage: number): ShardDocument | undefined {
  const { documents } = shard;
  let low = 0;
  let high = documents.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const entry = documents[middle];
    if (!entry) break;
    if (passage < entry[1]) high = middle - 1;
    else if (passage >= entry[1] + entry[2]) low = middle + 1;
    else return entry;
  }
  return undefined;
}
