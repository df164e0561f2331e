import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  contentDigest,
  DIGEST_LENGTH,
  listedFileProblem,
  pagefindFileProblem,
  pagefindNameHash,
  sha1,
} from "../../src/lib/search/integrity.ts";

const bytes = (text: string) => new TextEncoder().encode(text);
/** A Pagefind file as Pagefind writes one: gzip of its signature and content. */
const pagefindFile = (content: string) =>
  new Uint8Array(gzipSync(Buffer.concat([bytes("pagefind_dcd"), bytes(content)])));
/** The hash Pagefind names a file with: SHA-1 bytes in hex, each without its leading zero, cut to `length`. */
const pagefindName = (content: string, length = 7) =>
  Array.from(createHash("sha1").update(content).digest(), (byte) => byte.toString(16))
    .join("")
    .slice(0, length);

afterEach(() => vi.unstubAllGlobals());

describe("integrity of served files", () => {
  it("reads the hash of the Pagefind files named after their content, and of no other", () => {
    const at = (path: string) => pagefindNameHash(`https://edition.test/corpus/${path}`);
    expect(at("pagefind/index/und_4d4429c.pf_index")).toBe("4d4429c");
    expect(at("pagefind/part-3/index/zh-cn_0ab.pf_index?ts=1")).toBe("0ab");
    expect(at("pagefind/part-1/pagefind.und_7427a3e936d.pf_meta")).toBe("7427a3e936d");
    for (const other of [
      "pagefind/pagefind.js",
      "pagefind/pagefind-entry.json",
      "pagefind/wasm.unknown.pagefind",
      "pagefind/fragment/und_c75f7e1.pf_fragment",
      "search-data/shard-0.json.gz",
    ])
      expect(at(other), other).toBeUndefined();
  });

  it("accepts a Pagefind file whose content is what its name says, compressed or already decompressed", async () => {
    // a content whose SHA-1 has a byte below 0x10, written by Pagefind without its leading zero
    const content = Array.from({ length: 50 }, (_, index) => `word${index}`).find((text) =>
      Array.from(createHash("sha1").update(text).digest().subarray(0, 4)).some((byte) => byte < 16),
    );
    if (!content) throw new Error("no content with a small byte among 50");
    const file = pagefindFile(content);
    expect(await pagefindFileProblem(pagefindName(content), file)).toBeUndefined();
    const decompressed = new Uint8Array(Buffer.concat([bytes("pagefind_dcd"), bytes(content)]));
    expect(await pagefindFileProblem(pagefindName(content), decompressed)).toBeUndefined();
  });

  it("refuses a Pagefind file cut short, garbled, of another format or of other content", async () => {
    const file = pagefindFile("the words of a chunk");
    const name = pagefindName("the words of a chunk");
    expect(await pagefindFileProblem(name, file.slice(0, file.length - 4))).toMatch(/not complete gzip/);
    expect(await pagefindFileProblem(name, Uint8Array.from([0x1f, 0x8b, 1, 2, 3, 4, 5, 6]))).toMatch(
      /not complete gzip/,
    );
    expect(await pagefindFileProblem(name, bytes("<!doctype html><title>首页</title>"))).toMatch(/wrong signature/);
    expect(await pagefindFileProblem(name, pagefindFile("the words of another chunk"))).toMatch(
      new RegExp(`not ${name}`),
    );
  });

  it("checks a listed file's content against its digest, the same with and without Web Crypto", async () => {
    const json = bytes('{"records":2}');
    const digest = createHash("sha1").update(json).digest("hex").slice(0, DIGEST_LENGTH);
    expect(await contentDigest(json)).toBe(digest);
    expect(await listedFileProblem(digest, new Uint8Array(gzipSync(json)))).toBeUndefined();
    expect(await listedFileProblem(digest, json)).toBeUndefined();
    expect(await listedFileProblem(digest, bytes("[]"))).toMatch(/not the .* the search manifest lists/);
    // over plain http there is no crypto.subtle: the fallback gives the same hash
    const withSubtle = await sha1(json);
    vi.stubGlobal("crypto", {});
    expect(await sha1(json)).toEqual(withSubtle);
    expect(await listedFileProblem(digest, json)).toBeUndefined();
  });
});
