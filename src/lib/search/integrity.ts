/**
 * Whether a file the search read is the file the build wrote. A host can
 * answer with status 200 and the wrong bytes: a truncated or garbled file,
 * its `index.html` for a missing one (a "soft 404"), a file left from an
 * earlier build. Pagefind skips an index chunk it cannot decode, which would
 * make a count silently short, so every file is checked before use, and one
 * that fails is a failed load.
 *
 * Two kinds of check, both on a file's content (after gzip decoding, so
 * that a server that sends `.gz` files with `Content-Encoding: gzip` gives
 * the same content):
 * - Pagefind's index, filter and metadata files are named after their
 *   content: the hex digits in `index/und_4d4429c.pf_index` begin the SHA-1
 *   of what follows the "pagefind_dcd" signature in the decompressed file,
 *   each byte written without its leading zero.
 * - Every other file the search reads whole is listed in the search
 *   manifest with the first DIGEST_LENGTH hex digits of the SHA-1 of its
 *   content (IndexManifest.digests), written by the build.
 * The text of documents is too many files to list; what is shown of it is
 * checked against the passage lengths the shards record (SearchData.document).
 */

/** Hex digits of a SHA-1 the manifest records of a file: 32 bits, so a wrong file passes once in four billion. */
export const DIGEST_LENGTH = 8;

/** The signature Pagefind puts before the content of each of its binary files. */
const PAGEFIND_SIGNATURE = new TextEncoder().encode("pagefind_dcd");

const GZIP_MAGIC = [0x1f, 0x8b] as const;

export const isGzip = (bytes: Uint8Array) => bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];

/**
 * The content of a file: its bytes decompressed if they are gzip, else as
 * they are. A truncated or corrupt gzip stream rejects: gzip ends with the
 * CRC-32 and length of its content, which the decompressor checks.
 */
export async function fileContent(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  if (!isGzip(bytes)) return bytes;
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** What is wrong with a file whose gzip does not decode. */
const DAMAGED = "is not complete gzip (cut short or damaged)";

/** The file's content (fileContent), or undefined where its gzip is cut short or damaged. */
async function intactContent(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer> | undefined> {
  try {
    return await fileContent(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The SHA-1 of `bytes`. Web Crypto exists only in secure contexts (https,
 * localhost); a site opened over plain http on a local network loads a
 * small implementation instead.
 */
export async function sha1(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const subtle = globalThis.crypto?.subtle as SubtleCrypto | undefined;
  return subtle
    ? new Uint8Array(await subtle.digest("SHA-1", bytes))
    : (await import("@noble/hashes/legacy.js")).sha1(bytes);
}

/** Bytes in lower-case hex, two digits each. */
const hex = (bytes: Uint8Array) => Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");

/** Bytes as Pagefind writes a hash into a file name: each byte in hex without its leading zero (0x06 → "6"). */
const pagefindHex = (bytes: Uint8Array) => Array.from(bytes, (byte) => byte.toString(16)).join("");

/**
 * The hash a Pagefind file's name carries (`und_4d4429c` → `4d4429c`), or
 * undefined for a file not named after its content (its script, entry file
 * and WASM) or no longer holding it (fragments, which the build empties of
 * text, scripts/lib/search-index.ts, and the search never reads). Only the
 * path of `address` is read.
 */
export function pagefindNameHash(address: string): string | undefined {
  const path = new URL(address).pathname;
  const named =
    /\/(?:index|filter)\/[a-z-]+_([0-9a-f]+)\.pf_(?:index|filter)$/.exec(path) ??
    /\/pagefind\.[a-z-]+_([0-9a-f]+)\.pf_meta$/.exec(path);
  return named?.[1];
}

const startsWith = (bytes: Uint8Array, prefix: Uint8Array) =>
  bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);

/**
 * What is wrong with a Pagefind file named after its content, or undefined
 * if its content is what its name says.
 */
export async function pagefindFileProblem(
  nameHash: string,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<string | undefined> {
  const content = await intactContent(bytes);
  if (!content) return DAMAGED;
  if (!startsWith(content, PAGEFIND_SIGNATURE)) return "is not a Pagefind file (wrong signature)";
  const digest = pagefindHex(await sha1(content.slice(PAGEFIND_SIGNATURE.length)));
  return digest.startsWith(nameHash)
    ? undefined
    : `has content of hash ${digest.slice(0, nameHash.length)}, not ${nameHash}`;
}

/** The digest the manifest records of a file's content (DIGEST_LENGTH hex digits of its SHA-1). */
export const contentDigest = async (content: Uint8Array<ArrayBuffer>): Promise<string> =>
  hex(await sha1(content)).slice(0, DIGEST_LENGTH);

/** What is wrong with a file the manifest lists with `digest`, or undefined if its content has that digest. */
export async function listedFileProblem(digest: string, bytes: Uint8Array<ArrayBuffer>): Promise<string | undefined> {
  const content = await intactContent(bytes);
  if (!content) return DAMAGED;
  const actual = await contentDigest(content);
  return actual === digest ? undefined : `has content of digest ${actual}, not the ${digest} the search manifest lists`;
}
