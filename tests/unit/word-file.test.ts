import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  digestedPart,
  readWordFile,
  WORD_FILE_DIGEST_BYTES,
  wordFileContent,
  WordFileError,
  WordPositionsWriter,
  type RecordPositions,
} from "../../src/lib/search/word-file.ts";
import { seededRandom } from "../../scripts/support/seeded-random.ts";

const sha1 = (bytes: Uint8Array) => new Uint8Array(createHash("sha1").update(bytes).digest());

/** A word file as the build writes it (before gzip): content, then the first bytes of its SHA-1. */
function wordFile(word: string, indexId: string, positions: RecordPositions): Uint8Array {
  const writer = new WordPositionsWriter();
  for (const [record, at] of [...positions].sort(([a], [b]) => a - b)) writer.add(record, at);
  const content = wordFileContent(word, indexId, writer.section());
  const file = new Uint8Array(content.length + WORD_FILE_DIGEST_BYTES);
  file.set(content);
  file.set(sha1(content).subarray(0, WORD_FILE_DIGEST_BYTES), content.length);
  return file;
}

const read = (file: Uint8Array, word = "9qp9ng", indexId = "1a2b3c4d") =>
  readWordFile(file, word, indexId, sha1(digestedPart(file)));

/** The file with its digest made right again after `change`, so that only the check under test can refuse it. */
function redigested(file: Uint8Array, change: (content: Uint8Array) => Uint8Array): Uint8Array {
  const content = change(file.slice(0, file.length - WORD_FILE_DIGEST_BYTES));
  const result = new Uint8Array(content.length + WORD_FILE_DIGEST_BYTES);
  result.set(content);
  result.set(sha1(content).subarray(0, WORD_FILE_DIGEST_BYTES), content.length);
  return result;
}

describe("word files", () => {
  it("give back every position of every record, for random lists and the varint edges", () => {
    const random = seededRandom(35);
    for (let trial = 0; trial < 50; trial += 1) {
      const positions: RecordPositions = new Map();
      let record = Math.floor(random() * 3);
      for (let records = Math.floor(random() * 20); records > 0; records -= 1) {
        const count = 1 + Math.floor(random() * 200);
        const spread = [1, 127, 128, 16_384, 2 ** 21][Math.floor(random() * 5)] ?? 1;
        const at = new Set<number>();
        while (at.size < count) at.add(Math.floor(random() * spread * count));
        positions.set(record, Int32Array.from([...at].sort((a, b) => a - b)));
        record += 1 + Math.floor(random() * (random() < 0.2 ? 300 : 3));
      }
      expect(read(wordFile("9qp9ng", "1a2b3c4d", positions))).toEqual(positions);
    }
    const edges: RecordPositions = new Map([
      [0, Int32Array.from([0, 127, 128, 255, 16_383, 16_384, 2 ** 31 - 1])],
      [2 ** 20, Int32Array.from([5])],
    ]);
    expect(read(wordFile("9qp9ng", "1a2b3c4d", edges))).toEqual(edges);
    expect(read(wordFile("9qp9ng", "1a2b3c4d", new Map()))).toEqual(new Map());
  });

  it("takes about a byte a position for a word every few characters", () => {
    const positions: RecordPositions = new Map([[0, Int32Array.from({ length: 10_000 }, (_, index) => index * 40)]]);
    const size = wordFile("9qp9ng", "1a2b3c4d", positions).length;
    expect(size).toBeGreaterThan(10_000);
    expect(size).toBeLessThan(10_100);
  });

  it("refuses positions out of order, records out of order and empty records when written", () => {
    const writer = new WordPositionsWriter();
    expect(() => writer.add(0, [3, 3])).toThrow(/position 3 after 3/);
    writer.add(1, [2]);
    expect(() => writer.add(1, [4])).toThrow(/record 1 after 1/);
    expect(() => writer.add(2, [])).toThrow(/no positions/);
  });

  it("refuses another word's file, another build's, a damaged, cut or padded one, saying which", () => {
    const file = wordFile("9qp9ng", "1a2b3c4d", new Map([[3, Int32Array.from([1, 5, 900])]]));
    const refused = (bytes: Uint8Array, word?: string, indexId?: string) => {
      try {
        read(bytes, word, indexId);
      } catch (error) {
        expect(error).toBeInstanceOf(WordFileError);
        return (error as Error).message;
      }
      return "read";
    };
    expect(refused(file, "9qp9nh")).toMatch(/holds the word 9qp9ng, not 9qp9nh/);
    expect(refused(file, undefined, "ffffffff")).toMatch(/belongs to index 1a2b3c4d, not ffffffff/);
    const damaged = file.slice();
    damaged[damaged.length - 6] = (damaged[damaged.length - 6] ?? 0) ^ 1;
    expect(refused(damaged)).toMatch(/digest/);
    expect(refused(file.slice(0, file.length - 3))).toMatch(/digest|format/);
    expect(refused(new TextEncoder().encode("<!doctype html><title>404</title>"))).toMatch(/not a word file/);
    expect(refused(new Uint8Array())).toMatch(/not a word file/);
    // right digests, wrong structure
    expect(refused(redigested(file, (content) => content.subarray(0, content.length - 1)))).toMatch(/ends inside/);
    expect(refused(redigested(file, (content) => Uint8Array.from([...content, 0])))).toMatch(/1 bytes after/);
    const repeated = redigested(file, (content) => {
      const copy = content.slice();
      copy[copy.length - 3] = 0;
      return copy;
    });
    expect(refused(repeated)).toMatch(/repeats a position|ends inside|after its last/);
  });
});
