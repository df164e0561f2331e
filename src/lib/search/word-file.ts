/**
 * The site's own files of word positions. The words of the index that occur
 * most (at least `heavyWordPositions` times, see index-layout.ts) are not
 * asked of Pagefind, which takes about a microsecond over each position it
 * returns: the build writes each one's positions into a file of its own,
 * which the search decodes here with typed arrays, some hundred times
 * faster. Pagefind holds the placeholder word where these words stand, so
 * positions agree with its parts.
 *
 * A word file's content (gzip-compressed on disk, like the rest of the search
 * data), every number an unsigned LEB128 varint:
 *
 *     "EXPW" 0x01                      signature and format version
 *     length, bytes                    the word (ASCII)
 *     length, bytes                    the index's id (IndexManifest.indexId)
 *     records                          how many records hold the word
 *     per record, ascending:
 *       gap                            record − previous record − 1 (the first: the record)
 *       count                          positions of the word in it (at least 1)
 *       first, differences…            its first position, then each one's step from the one before (at least 1)
 *     4 bytes                          the first 4 bytes of the SHA-1 of everything before
 *
 * A positions list of n steps over a record of u characters takes about
 * n·⌈log₂(u/n)/7⌉ bytes before gzip (one byte a step for any word occurring
 * once in 128 characters or more often). Reading checks everything a wrong
 * file could break: the signature, that the word and index are the ones asked
 * for (a file of another word or an earlier build), the counts and steps,
 * that nothing is left over, and the digest (a garbled file a host served
 * uncompressed).
 */

const SIGNATURE = [0x45, 0x58, 0x50, 0x57, 0x01] as const;
/** Bytes of the SHA-1 that end the file. */
export const WORD_FILE_DIGEST_BYTES = 4;

/** Where each word stands, by record: ascending positions. */
export type RecordPositions = Map<number, Int32Array>;

/** A growable byte buffer that writes varints. */
class ByteWriter {
  #bytes = new Uint8Array(256);
  #length = 0;

  #room(extra: number): void {
    if (this.#length + extra <= this.#bytes.length) return;
    const grown = new Uint8Array(Math.max(this.#bytes.length * 2, this.#length + extra));
    grown.set(this.#bytes.subarray(0, this.#length));
    this.#bytes = grown;
  }

  varint(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0 || value > 0xffffffff) {
      throw new RangeError(`word file: ${value} is not a count or position (0 to 2³²−1)`);
    }
    this.#room(5);
    let rest = value;
    while (rest >= 0x80) {
      this.#bytes[this.#length++] = (rest & 0x7f) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.#bytes[this.#length++] = rest;
  }

  bytes(values: ArrayLike<number>): void {
    this.#room(values.length);
    this.#bytes.set(values, this.#length);
    this.#length += values.length;
  }

  ascii(text: string): void {
    const bytes = new TextEncoder().encode(text);
    this.varint(bytes.length);
    this.bytes(bytes);
  }

  get length(): number {
    return this.#length;
  }

  result(): Uint8Array<ArrayBuffer> {
    return this.#bytes.slice(0, this.#length);
  }
}

/**
 * The positions section of one word's file, written record by record in
 * ascending record order, so that a build can write every heavy word's
 * positions in one pass over the records without holding them as numbers.
 */
export class WordPositionsWriter {
  readonly #body = new ByteWriter();
  #records = 0;
  #lastRecord = -1;
  #positions = 0;

  /** Adds the word's positions in `record` (ascending, distinct, non-empty), after those of earlier records. */
  add(record: number, positions: ArrayLike<number>): void {
    if (record <= this.#lastRecord) throw new RangeError(`word file: record ${record} after ${this.#lastRecord}`);
    if (positions.length === 0) throw new RangeError(`word file: record ${record} with no positions`);
    this.#body.varint(record - this.#lastRecord - 1);
    this.#body.varint(positions.length);
    let previous = -1;
    for (let index = 0; index < positions.length; index += 1) {
      const position = positions[index] ?? 0;
      if (position <= previous) throw new RangeError(`word file: position ${position} after ${previous}`);
      this.#body.varint(previous < 0 ? position : position - previous);
      previous = position;
    }
    this.#lastRecord = record;
    this.#records += 1;
    this.#positions += positions.length;
  }

  /** Positions added so far. */
  get positions(): number {
    return this.#positions;
  }

  /** The records section: the count of records, then each record's entry. */
  section(): Uint8Array<ArrayBuffer> {
    const section = new ByteWriter();
    section.varint(this.#records);
    section.bytes(this.#body.result());
    return section.result();
  }
}

/**
 * A word file's content without its digest: signature, word, index id and
 * the positions `section` (WordPositionsWriter.section). The build appends
 * the first WORD_FILE_DIGEST_BYTES bytes of this content's SHA-1.
 */
export function wordFileContent(word: string, indexId: string, section: Uint8Array): Uint8Array<ArrayBuffer> {
  const file = new ByteWriter();
  file.bytes(SIGNATURE);
  file.ascii(word);
  file.ascii(indexId);
  file.bytes(section);
  return file.result();
}

/** A word file that does not hold what the search asked for; the message says what is wrong. */
export class WordFileError extends Error {}

/** Reads varints and ASCII from a file's content, failing on anything past `end`. */
class ByteReader {
  at = 0;

  constructor(
    readonly bytes: Uint8Array,
    readonly end: number,
  ) {}

  varint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (this.at >= this.end) throw new WordFileError("ends inside a number (cut short?)");
      const byte = this.bytes[this.at++] ?? 0;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) break;
      scale *= 0x80;
      if (scale > 0x80 ** 4) throw new WordFileError("holds a number longer than five bytes");
    }
    return value;
  }

  ascii(): string {
    const length = this.varint();
    if (this.at + length > this.end) throw new WordFileError("ends inside its header");
    const text = String.fromCharCode(...this.bytes.subarray(this.at, this.at + length));
    this.at += length;
    return text;
  }
}

/** What a word file's digest is taken of: all of its content but the digest itself. */
export const digestedPart = <T extends Uint8Array>(content: T): T =>
  content.subarray(0, Math.max(0, content.length - WORD_FILE_DIGEST_BYTES)) as T;

/**
 * The positions of `word` in a word file's content (after gzip decoding),
 * checked to be that word's of the index `indexId`, by record. `expected` is
 * the SHA-1 of the file's digestedPart (integrity.ts `sha1`), given rather
 * than computed here because Web Crypto is asynchronous and this is not.
 * Throws a WordFileError saying what is wrong.
 */
export function readWordFile(
  content: Uint8Array,
  word: string,
  indexId: string,
  expected: Uint8Array,
): RecordPositions {
  const end = content.length - WORD_FILE_DIGEST_BYTES;
  if (end < SIGNATURE.length || SIGNATURE.some((byte, index) => content[index] !== byte)) {
    throw new WordFileError("is not a word file of this format (EXPW 1)");
  }
  for (let index = 0; index < WORD_FILE_DIGEST_BYTES; index += 1) {
    if (content[end + index] !== expected[index]) throw new WordFileError("does not match its digest (damaged)");
  }
  const reader = new ByteReader(content, end);
  reader.at = SIGNATURE.length;
  const found = reader.ascii();
  if (found !== word) throw new WordFileError(`holds the word ${found}, not ${word}`);
  const builtFor = reader.ascii();
  if (builtFor !== indexId) throw new WordFileError(`belongs to index ${builtFor}, not ${indexId} (an earlier build?)`);
  const positions: RecordPositions = new Map();
  const records = reader.varint();
  let record = -1;
  for (let entry = 0; entry < records; entry += 1) {
    record += reader.varint() + 1;
    const count = reader.varint();
    if (count === 0) throw new WordFileError(`lists record ${record} with no positions`);
    // Each position takes at least a byte, so a count larger than what is left is a damaged file, not an allocation.
    if (count > end - reader.at) throw new WordFileError(`counts more positions in record ${record} than it holds`);
    const at = new Int32Array(count);
    let position = reader.varint();
    at[0] = position;
    for (let index = 1; index < count; index += 1) {
      const step = reader.varint();
      if (step === 0) throw new WordFileError(`repeats a position in record ${record}`);
      position += step;
      at[index] = position;
    }
    if (position > 0x7fffffff) throw new WordFileError(`holds a position past 2³¹ in record ${record}`);
    positions.set(record, at);
  }
  if (reader.at !== end) throw new WordFileError(`holds ${end - reader.at} bytes after its last record`);
  return positions;
}
