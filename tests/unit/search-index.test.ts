import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSearchData } from "../../src/lib/search/documents.ts";
import {
  loadMoreResults,
  searchPassages,
  DOCUMENTS_PER_STEP,
  SearchIndex,
  type PagefindApi,
} from "../../src/lib/search/engine.ts";
import {
  documentFile,
  documentOf,
  packShard,
  unpackShard,
  type ShardDocument,
  MANIFEST_FILE,
  packFlags,
  partOf,
  partPath,
  RecordPassages,
  SEARCH_DATA_DIR,
  TEXT_BLOCK_PASSAGES,
  textFile,
  unpackFlags,
  wordFile,
  type IndexManifest,
} from "../../src/lib/search/index-layout.ts";
import { normalizeForSearch } from "../../src/lib/search/normalize.ts";
import {
  characterCode,
  END_CODE,
  firstCode,
  indexWords,
  PLACEHOLDER_WORD,
  termCover,
  unigram,
} from "../../src/lib/search/tokens.ts";
import type { Passage, SearchDocument } from "../../src/schemas/passage.ts";
import { passagesOfDocuments } from "../../scripts/lib/search-corpus.ts";
import {
  addFetchOption,
  cutParts,
  slimFragments,
  wordOccurrences,
  writeSearchIndex,
} from "../../scripts/lib/search-index.ts";
import { nodePagefindStarter } from "../helpers/node-pagefind.ts";
import { createSearchSession, SearchFailure, type PagefindStarter } from "../../src/lib/search/session.ts";
import { oracleHits, oracleMatches } from "../../scripts/support/search-oracle.ts";

const totalHits = (hits: ReadonlyMap<string, number>) => [...hits.values()].reduce((sum, count) => sum + count, 0);
import { serveStatic, type StaticServer } from "../../scripts/support/static-server.ts";

const work = mkdtempSync(join(tmpdir(), "search-index-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("index words", () => {
  it("spell every character in ASCII, prefix-free, one word per character in each family", () => {
    const codes = ["网", "信", "a", "7", "。", "%", "𠀀", "ｱ"].map(characterCode);
    for (const code of codes) expect(code).toMatch(/^([0-9a-y][0-9a-z]{2}|z[0-9a-z]{4})$/);
    expect(new Set(codes).size).toBe(codes.length);
    for (const a of codes) for (const b of codes) if (a !== b) expect(b.startsWith(a)).toBe(false);
    const [wang, xin, luo] = [characterCode("网"), characterCode("信"), characterCode("络")];
    expect(indexWords("网信络", "bigram")).toEqual([wang + xin, xin + luo, PLACEHOLDER_WORD]);
    expect(indexWords("网信", "unigram")).toEqual([wang + END_CODE, xin + END_CODE]);
    expect(unigram("网")).toBe(wang + END_CODE);
    // no word of either family starts another
    const words = [...indexWords("网信络𠀀网", "bigram"), ...indexWords("网信络𠀀", "unigram")].filter(
      (word) => word !== PLACEHOLDER_WORD,
    );
    for (const a of words) for (const b of words) if (a !== b) expect(b.startsWith(a)).toBe(false);
    expect(firstCode(characterCode("𠀀") + wang)).toBe(characterCode("𠀀"));
  });

  it("cover a term with bigrams at every other offset and the last pair", () => {
    expect(termCover("网络强国").map((word) => word.offset)).toEqual([0, 2]);
    expect(termCover("网络强").map((word) => word.offset)).toEqual([0, 1]);
    expect(termCover("网")).toEqual([]);
  });
});

describe("index layout", () => {
  it("finds the passage a record's character falls in, empty passages included", () => {
    const manifest = { passagesPerRecord: 3, recordsPerShard: 2 } as IndexManifest;
    const shard = {
      passages: [5 * 4 + 0, 0 * 4 + 2, 4 * 4 + 1, 2 * 4 + 2, 3 * 4 + 2],
      documents: [
        [0, 0, 3, 0, 0] as [number, number, number, number, number],
        [1, 3, 2, 0, 0] as [number, number, number, number, number],
      ],
    };
    const first = new RecordPassages(shard, manifest, 0);
    expect([0, 4, 5, 8, 9].map((at) => first.at(at)?.passage)).toEqual([0, 0, 2, 2, undefined]);
    expect(first.at(5)).toMatchObject({ kind: "heading", start: 5, length: 4, indexInDocument: 2 });
    const second = new RecordPassages(shard, manifest, 1);
    expect(second.at(3)).toMatchObject({ passage: 4, indexInDocument: 1, start: 2, length: 3 });
    expect(documentOf(shard, 4)?.[0]).toBe(1);
  });

  it("cuts each family into parts of at most the words asked, in code order, bigrams first", () => {
    const texts = ["网络强国建设。数字中国", "网信事业发展，网络安全", "网络空间命运共同体"];
    const normalized = texts.flatMap((text) => Array.from({ length: 20 }, () => ({ normalized: text })));
    const parts = cutParts(wordOccurrences(normalized), 40);
    expect(parts[0]).toMatchObject({ path: "pagefind/", family: "bigram", from: "" });
    expect(parts.map((part) => part.path)).toEqual(parts.map((_, index) => partPath(index)));
    for (const family of ["bigram", "unigram"] as const) {
      const ofFamily = parts.filter((part) => part.family === family);
      expect(ofFamily.length).toBeGreaterThan(3);
      expect(ofFamily.map((part) => part.from)).toEqual([...ofFamily.map((part) => part.from)].sort());
      // every word falls in one part of its family, and no part holds more than 40 words unless one code has more
      const words = normalized.flatMap(({ normalized: text }) =>
        indexWords(text, family).filter((word) => word !== PLACEHOLDER_WORD),
      );
      const perPart = Map.groupBy(words, (word) => partOf(parts, family, word));
      for (const [part, held] of perPart) {
        expect(parts[part]?.family).toBe(family);
        const codes = new Set(held.map(firstCode));
        if (codes.size > 1) expect(held.length).toBeLessThanOrEqual(40);
      }
    }
    expect(cutParts(wordOccurrences(normalized), 1e9).map((part) => part.family)).toEqual(["bigram", "unigram"]);
  });

  it("writes a shard without the ordinals and first passages its documents imply, and reads it the same", () => {
    const shard = {
      passages: [5 * 4, 3 * 4 + 2, 2 * 4],
      documents: [
        [4, 10, 12, 1, 16] as ShardDocument,
        [5, 22, 1, 2, 8] as ShardDocument,
        [6, 23, 30, 0, 0] as ShardDocument,
      ],
    };
    const file = packShard(shard);
    expect(file.documents.flat()).toHaveLength(9);
    expect(unpackShard(JSON.parse(JSON.stringify(file)) as typeof file)).toEqual(shard);
  });

  it("packs a document's flags and unpacks them the same", () => {
    const flags = { collection: 3, dated: true, hasCopies: false, status: "draft" as const };
    expect(unpackFlags(packFlags(flags))).toEqual(flags);
  });
});

/** A document of `texts`, the first its title; a passage whose id starts with h is a heading. */
function document(doc: string, order: number, year: string, texts: [id: string, text: string][]): SearchDocument {
  return {
    doc,
    title: `${doc} 题`,
    order,
    year,
    collection: "speeches",
    passages: texts.map(([id, text]) => [
      id,
      id === "title" ? "title" : id.startsWith("h") ? "heading" : "paragraph",
      text,
    ]),
  };
}

/** A corpus of many documents, so that records, shards and steps of results each hold several. */
function corpus(): SearchDocument[] {
  const texts = ["网络强国建设。数字中国", "网信事业发展，网络安全", "网络空间命运共同体", "网", "强国。网络"];
  return Array.from({ length: 40 }, (_, order) =>
    document(`d${order}`, order, String(2014 + (order % 5)), [
      ["title", order % 7 === 0 ? "网络强国题" : `题${order}`],
      ...Array.from({ length: 30 + (order % 4) }, (_, offset): [string, string] => {
        const index = offset + 1;
        return [`${index % 9 === 0 ? "h" : "p"}${index}`, texts[(order + index) % texts.length] ?? ""];
      }),
    ]),
  );
}

/** Queries at each scope whose totals, documents and years the index must count as the oracle does. */
const EXACT_CASES: [string, "passage" | "sentence" | "document"][] = [
  ["网络", "passage"],
  ["网", "passage"],
  ["强国。网", "passage"],
  ["网络强国", "sentence"],
  ["国。网", "sentence"],
  ["网络 数字", "sentence"],
  ["网络 -安全", "passage"],
  ["网信 | 空间", "passage"],
  ["网络 NEAR/2 发展", "passage"],
  ["数字中国 网络安全", "document"],
  ["网络强国题", "passage"],
  ["不在", "passage"],
];

/** Checks every EXACT_CASES query's total, documents, years and hits on `index` against the oracle over `passages`. */
async function expectExact(index: SearchIndex, passages: Passage[]): Promise<void> {
  for (const [query, scope] of EXACT_CASES) {
    const expected = [...oracleMatches(query, passages, scope)];
    const outcome = await searchPassages(index, query, { scope });
    const total = outcome.kind === "results" ? outcome.total : 0;
    expect({ query, scope, total }).toEqual({ query, scope, total: expected.length });
    if (outcome.kind !== "results") continue;
    expect(outcome.documents.length).toBe(new Set(expected.map((key) => key.split("#")[0])).size);
    expect(outcome.years.reduce((sum, year) => sum + year.passages, 0)).toBe(expected.length);
    expect({ query, hits: outcome.occurrences }).toEqual({
      query,
      hits: totalHits(oracleHits(query, passages, scope)),
    });
  }
}

describe("search from the index", () => {
  const outDir = join(work, "site");
  const documents = corpus();
  const passages = passagesOfDocuments(documents);
  let server: StaticServer | undefined;
  let pagefind: PagefindApi;
  /** A Pagefind instance of its own on the index, as each search session starts one. */
  const startPagefind = () =>
    nodePagefindStarter(outDir)(new URL("pagefind/", server?.url).href, Promise.resolve(fetch));
  /** The index read afresh through `pagefind` (by default an instance of its own), with search data fetched by `fetchFile`. */
  const openIndex = async (fetchFile: typeof fetch = fetch, through?: PagefindApi) =>
    new SearchIndex(through ?? (await startPagefind()), createSearchData(server?.url ?? "", fetchFile));
  beforeAll(async () => {
    // an earlier index in the same folder leaves nothing behind
    await writeSearchIndex([document("stale", 0, "2023", [["title", "stale 题"]])], outDir);
    // parts of a few thousand words: several of each family
    await writeSearchIndex(documents, outDir, { wordsPerPart: 3000 });
    server = await serveStatic(outDir);
    pagefind = await startPagefind();
  });
  afterAll(() => server?.close());

  it("writes one file per document, the manifest, shards and parts, and nothing of an earlier index", () => {
    const files = readdirSync(join(outDir, SEARCH_DATA_DIR));
    expect(files).toContain(MANIFEST_FILE);
    expect(files.filter((name) => name.startsWith("doc-"))).toHaveLength(40);
    expect(files.some((name) => name.startsWith("shard-"))).toBe(true);
    const manifest = JSON.parse(
      gunzipSync(readFileSync(join(outDir, SEARCH_DATA_DIR, MANIFEST_FILE))).toString(),
    ) as IndexManifest;
    expect(manifest.parts.filter((part) => part.family === "bigram").length).toBeGreaterThan(2);
    expect(manifest.parts.filter((part) => part.family === "unigram").length).toBeGreaterThan(2);
    expect(files.filter((name) => name.startsWith("records-"))).toHaveLength(manifest.parts.length);
    // only the first part's bundle carries Pagefind's script
    expect(readdirSync(join(outDir, "pagefind"))).toContain("pagefind.js");
    expect(readdirSync(join(outDir, "pagefind", "part-1")).some((name) => /\.(js|pagefind)$/.test(name))).toBe(false);
  });

  it("counts passages, documents and years exactly, for phrases, single characters and operators at every scope", async () => {
    await expectExact(await openIndex(), passages);
  });

  it("loads only one step of documents; the next steps show what the index counted", async () => {
    const requested: string[] = [];
    const index = await openIndex((input, init) => {
      requested.push(String(input));
      return fetch(input, init);
    });
    let outcome = await searchPassages(index, "网络");
    if (outcome.kind !== "results") throw new Error("no results");
    // one bigram: the records of one part of the index
    expect(requested.filter((url) => url.includes("/records-"))).toHaveLength(1);
    // of each document shown, its text blocks of the passages the index found, or the whole
    // document when they are more than half its blocks; nothing of the others
    const expected = outcome.documents.slice(0, DOCUMENTS_PER_STEP).flatMap((entry) => {
      const blocks = [...new Set(entry.positions.map((position) => Math.floor(position / TEXT_BLOCK_PASSAGES)))];
      return blocks.length * 2 > Math.ceil(entry.size / TEXT_BLOCK_PASSAGES)
        ? [documentFile(entry.ordinal)]
        : blocks.map((block) => textFile(entry.ordinal, block));
    });
    expect(
      requested
        .map((url) => url.split("/").pop() ?? "")
        .filter((name) => /^(doc|head|text)-/.test(name))
        .sort(),
    ).toEqual(expected.sort());
    expect(outcome.pending).toHaveLength(outcome.documents.length - DOCUMENTS_PER_STEP);
    // ranked: documents whose title matches first
    expect(outcome.groups[0]?.passages[0]?.type).toBe("title");
    while (outcome.pending.length > 0)
      outcome = await loadMoreResults(
        (ordinal, positions, size, lengths) => index.data.document(ordinal, positions, size, lengths),
        outcome,
      );
    expect(outcome.groups.reduce((sum, group) => sum + group.passages.length, 0)).toBe(outcome.total);
    expect(outcome.groups.map((group) => group.passages.length)).toEqual(
      outcome.documents.map((entry) => entry.passages),
    );
  });

  it("shows a match in a long document from one text block, which holds its head", async () => {
    const requested: string[] = [];
    const index = await openIndex((input, init) => {
      requested.push(String(input).split("/").pop() ?? "");
      return fetch(input, init);
    });
    const outcome = await searchPassages(index, "网络强国题");
    if (outcome.kind !== "results") throw new Error("no results");
    expect(outcome.groups.map((group) => group.passages.map((hit) => hit.text))).toEqual(
      outcome.groups.map(() => ["网络强国题"]),
    );
    const [first] = outcome.documents;
    const ordinal = first?.ordinal ?? -1;
    expect(requested.filter((name) => name.startsWith(`text-${ordinal}-`) || name === documentFile(ordinal))).toEqual([
      textFile(ordinal, 0),
    ]);
    expect(requested.some((name) => name.startsWith("doc-") || name.startsWith("head-"))).toBe(false);
  });

  it("filters by year and document", async () => {
    const index = await openIndex();
    const inYear = await searchPassages(index, "网络", { filters: { year: "2015" } });
    const of2015 = new Set(documents.filter((entry) => entry.year === "2015").map((entry) => entry.doc));
    const expected = [...oracleMatches("网络", passages, "passage")].filter((key) =>
      of2015.has(key.split("#")[0] ?? ""),
    );
    expect(inYear).toMatchObject({ kind: "results", total: expected.length });
    // a value the index does not hold is said, never searched without it
    for (const filters of [{ year: "1999" }, { document: "nonexistent" }, { collection: "bogus" }] as const) {
      const [[filter, value]] = Object.entries(filters) as [[string, string]];
      expect(await searchPassages(index, "网络", { filters })).toEqual({ kind: "unknown-filter", filter, value });
    }
    const inDocument = await searchPassages(index, "网络", { filters: { document: "d3" } });
    if (inDocument.kind !== "results") throw new Error("no results");
    expect(inDocument.groups.map((group) => group.doc)).toEqual(["d3"]);
  });

  it("asks Pagefind for a word once per site's data, again after a failed search, and counts the same", async () => {
    const asked: string[] = [];
    let failNext = false;
    const watched: PagefindApi = {
      search: (term) => {
        asked.push(term);
        if (failNext) {
          failNext = false;
          return Promise.reject(new Error("chunk did not load"));
        }
        return pagefind.search(term);
      },
      mergeIndex: (path) => pagefind.mergeIndex(path),
    };
    const index = await openIndex(fetch, watched);
    const expected = oracleMatches("网络强国", passages, "passage").size;
    failNext = true;
    await expect(searchPassages(index, "网络强国")).rejects.toThrow("chunk did not load");
    const first = await searchPassages(index, "网络强国");
    const again = await searchPassages(index, "网络");
    expect(first).toMatchObject({ kind: "results", total: expected });
    expect(again).toMatchObject({ kind: "results", total: oracleMatches("网络", passages, "passage").size });
    // 网络强国 is 网络 + 强国: one of them failed and was asked again; 网络 was not asked for 网络
    expect(new Set(asked)).toEqual(new Set(termCover("网络强国").map((entry) => entry.word)));
    expect(asked).toHaveLength(3);
    // another index (another session) asks afresh
    await searchPassages(await openIndex(fetch, watched), "网络");
    expect(asked).toHaveLength(4);
  });

  it("cuts Pagefind's index into small chunks, and leaves Pagefind's settings as they were", async () => {
    const whole = join(work, "whole");
    const positions = passages.reduce((sum, entry) => sum + [...entry.text].length, 0);
    // more than a chunk of 5,000 positions holds, less than Pagefind's default chunk of 20,000
    expect(positions).toBeGreaterThan(7_000);
    expect(positions).toBeLessThan(20_000);
    await writeSearchIndex(documents, whole);
    // one part per family, in more than one chunk
    expect(readdirSync(join(whole, "pagefind", "index")).length).toBeGreaterThan(1);
    expect(process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE).toBeUndefined();
  });

  it("gives each session a Pagefind of its own whose failed fetches fail its search, never a short count", async () => {
    const expected = oracleMatches("网络强国", passages, "passage").size;
    let failChunks = 0;
    const failing = createSearchSession({
      siteRoot: server?.url ?? "",
      startPagefind: nodePagefindStarter(outDir),
      fetchFile: (input, init) => {
        if (String(input).endsWith(".pf_index") && failChunks > 0) {
          failChunks -= 1;
          return Promise.resolve(new Response("", { status: 404 }));
        }
        return fetch(input, init);
      },
    });
    const other = createSearchSession({ siteRoot: server?.url ?? "", startPagefind: nodePagefindStarter(outDir) });
    const request = { query: "网络强国", filters: {}, scope: "passage", sort: "rank", mergeReprints: false } as const;
    failChunks = 1;
    const failure = await failing.search(request).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SearchFailure);
    // it names the file that failed, for the reader to pass on
    expect((failure as SearchFailure).files).toEqual([
      expect.stringMatching(/\/pagefind\/(part-\d+\/)?index\/.+\.pf_index$/),
    ]);
    // the other session saw nothing of it
    expect(await other.search(request)).toMatchObject({ kind: "results", total: expected });
    // the failed chunk is fetched again by the next search, which counts right
    expect(await failing.search(request)).toMatchObject({ kind: "results", total: expected });
    expect(await failing.search({ ...request, query: "  " })).toEqual({ kind: "empty" });
  });

  it("fails every search on a Pagefind after any of its loads failed, though Pagefind hands the failure on silently", async () => {
    // A Pagefind that keeps a failed load and hands it to every later search
    // that needs the file, with no new fetch: what Pagefind does for the few
    // microtasks before it forgets a failed load.
    let loadThrough: typeof fetch = fetch;
    const keepingFailures: PagefindStarter = async (bundleUrl, fetchFileWhenReady) => {
      const fetchFile = await fetchFileWhenReady;
      const loads = new Map<string, Promise<ArrayBuffer>>();
      loadThrough = (input, init) => {
        const key = String(input);
        const load =
          loads.get(key) ??
          fetchFile(input, init).then((response) => {
            if (!response.ok) throw new Error(`${key}: HTTP ${response.status}`);
            return response.arrayBuffer();
          });
        loads.set(key, load);
        return load.then((bytes) => new Response(bytes.slice(0)));
      };
      return nodePagefindStarter(outDir)(
        bundleUrl,
        Promise.resolve((input, init) => loadThrough(input, init)),
      );
    };
    let failing = false;
    const session = createSearchSession({
      siteRoot: server?.url ?? "",
      startPagefind: keepingFailures,
      fetchFile: (input, init) =>
        failing && String(input).endsWith(".pf_index")
          ? Promise.resolve(new Response("", { status: 404 }))
          : fetch(input, init),
    });
    const request = { query: "网络强国", filters: {}, scope: "passage", sort: "rank", mergeReprints: false } as const;
    const expected = oracleMatches("网络强国", passages, "passage").size;
    expect(await session.search(request)).toMatchObject({ kind: "results", total: expected });
    // another search's loads fail (every chunk the query needs among them), outside any search of this one
    const pagefindDir = join(outDir, "pagefind");
    const chunks = readdirSync(pagefindDir, { recursive: true, encoding: "utf8" }).filter((path) =>
      path.endsWith(".pf_index"),
    );
    failing = true;
    await Promise.all(
      chunks.map((path) => loadThrough(new URL(`pagefind/${path}`, server?.url)).catch(() => undefined)),
    );
    failing = false;
    // a later search on the same Pagefind would read nothing for those chunks: it fails, naming a file
    const failure = await session.search({ ...request, query: "网络安全" }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SearchFailure);
    expect((failure as SearchFailure).files).toContainEqual(expect.stringMatching(/\.pf_index$/));
    // and the next search starts a Pagefind of its own, which counts right
    expect(await session.search(request)).toMatchObject({ kind: "results", total: expected });
  });

  it("fails a search whose file does not arrive in time, naming it, and searches again once it does", async () => {
    let stall = true;
    const session = createSearchSession({
      siteRoot: server?.url ?? "",
      startPagefind: nodePagefindStarter(outDir),
      timeoutMs: 300,
      fetchFile: (input, init) =>
        stall && String(input).includes("/search-data/shard-")
          ? new Promise<Response>(() => undefined)
          : fetch(input, init),
    });
    const request = { query: "网络", filters: {}, scope: "passage", sort: "rank", mergeReprints: false } as const;
    const failure = await session.search(request).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SearchFailure);
    expect((failure as SearchFailure).files.every((file) => file.includes("/search-data/shard-"))).toBe(true);
    stall = false;
    expect(await session.search(request)).toMatchObject({
      kind: "results",
      total: oracleMatches("网络", passages, "passage").size,
    });
  });

  it("stops the build when Pagefind's script is not the one the fetch option is added to", () => {
    const script = join(work, "pagefind.js");
    writeFileSync(script, "const response=await fetch(queued.input);");
    expect(() => addFetchOption(script)).toThrow(/holds `this\.metaCacheTag=opts\.metaCacheTag\?\?null;` 0 times/);
    // the built bundle carries the option, once
    const built = readFileSync(join(outDir, "pagefind", "pagefind.js"), "utf8");
    expect(built.split("(this.fetchFile??fetch)(queued.input)")).toHaveLength(2);
  });

  it("stops with the file's name when a fragment is not in the format it reads", () => {
    const pagefindDir = join(work, "bad", "pagefind");
    mkdirSync(join(pagefindDir, "fragment"), { recursive: true });
    writeFileSync(join(pagefindDir, "fragment", "und_0000000.pf_fragment"), gzipSync('{"url":"/a/"}'));
    expect(() => slimFragments(pagefindDir)).toThrow(
      /und_0000000\.pf_fragment is not a fragment as Pagefind 1\.x writes it/,
    );
  });
});

describe("search from word files", () => {
  const documents = corpus();
  const passages = passagesOfDocuments(documents);
  /** Builds of the corpus with words of at least this many positions in word files: some words, and every word. */
  const thresholds = [40, 1] as const;
  const servers = new Map<number, StaticServer>();
  const dirOf = (threshold: number) => join(work, `words-${threshold}`);
  const urlOf = (threshold: number) => servers.get(threshold)?.url ?? "";
  const manifestOf = (threshold: number) =>
    JSON.parse(
      gunzipSync(readFileSync(join(dirOf(threshold), SEARCH_DATA_DIR, MANIFEST_FILE))).toString(),
    ) as IndexManifest;
  beforeAll(async () => {
    for (const threshold of thresholds) {
      await writeSearchIndex(documents, dirOf(threshold), { heavyWordPositions: threshold, wordsPerPart: 3000 });
      servers.set(threshold, await serveStatic(dirOf(threshold)));
    }
  });
  afterAll(async () => {
    for (const server of servers.values()) await server.close();
  });
  const openIndex = async (threshold: number, fetchFile: typeof fetch = fetch) =>
    new SearchIndex(
      await nodePagefindStarter(dirOf(threshold))(new URL("pagefind/", urlOf(threshold)).href, Promise.resolve(fetch)),
      createSearchData(urlOf(threshold), fetchFile),
    );

  it("writes a file for each word of at least the positions asked, and leaves those words out of Pagefind", () => {
    const occurrences = wordOccurrences(passages.map((passage) => ({ normalized: normalizeForSearch(passage.text) })));
    const counts = new Map([...occurrences.bigram, ...occurrences.unigram]);
    const some = manifestOf(40);
    expect(some.wordFiles).toEqual(
      [...counts]
        .filter(([, count]) => count >= 40)
        .map(([word]) => word)
        .sort(),
    );
    expect(some.wordFiles.length).toBeGreaterThan(5);
    expect(some.wordFiles.length).toBeLessThan(counts.size);
    const files = readdirSync(join(dirOf(40), SEARCH_DATA_DIR)).filter((name) => name.startsWith("word-"));
    expect(files.sort()).toEqual(some.wordFiles.map(wordFile).sort());
    // every word in a file but the rarest bigram, which Pagefind starts on: one part
    const every = manifestOf(1);
    const [rarest] = [...occurrences.bigram].sort(([a, countA], [b, countB]) => countA - countB || (a < b ? -1 : 1));
    expect(every.wordFiles).toEqual([...counts.keys()].filter((word) => word !== rarest?.[0]).sort());
    expect(every.parts).toHaveLength(1);
    expect(every.indexId).not.toBe(some.indexId);
  });

  it("counts passages, documents, years and hits exactly with some words and with all but one in word files", async () => {
    for (const threshold of thresholds) await expectExact(await openIndex(threshold), passages);
  });

  it("fails a search whose word file is missing, damaged, another word's or another build's, naming it, then recovers", async () => {
    const word = manifestOf(40).wordFiles.find((candidate) => candidate === termCover("网络")[0]?.word) ?? "";
    expect(word).not.toBe("");
    const path = `/${SEARCH_DATA_DIR}/${wordFile(word)}`;
    const original = readFileSync(join(dirOf(40), SEARCH_DATA_DIR, wordFile(word)));
    const otherWord = manifestOf(40).wordFiles.find((candidate) => candidate !== word) ?? "";
    const faults: [string, () => Response][] = [
      ["missing", () => new Response("", { status: 404 })],
      ["soft 404", () => new Response("<!doctype html><title>Not found</title>")],
      ["cut short", () => new Response(original.subarray(0, original.length - 20))],
      ["another word's", () => new Response(readFileSync(join(dirOf(40), SEARCH_DATA_DIR, wordFile(otherWord))))],
      ["another build's", () => new Response(readFileSync(join(dirOf(1), SEARCH_DATA_DIR, wordFile(word))))],
      [
        "uncompressed and garbled",
        () => {
          const content = gunzipSync(original);
          content[content.length - 10] = (content[content.length - 10] ?? 0) ^ 0x40;
          return new Response(content);
        },
      ],
    ];
    const expected = oracleMatches("网络强国", passages, "passage").size;
    const request = { query: "网络强国", filters: {}, scope: "passage", sort: "rank", mergeReprints: false } as const;
    for (const [fault, answer] of faults) {
      let broken = true;
      const session = createSearchSession({
        siteRoot: urlOf(40),
        startPagefind: nodePagefindStarter(dirOf(40)),
        fetchFile: (input, init) =>
          broken && new URL(String(input)).pathname === path ? Promise.resolve(answer()) : fetch(input, init),
      });
      const failure = await session.search(request).catch((error: unknown) => error);
      expect({ fault, failure }).toEqual({ fault, failure: expect.any(SearchFailure) });
      expect({ fault, files: (failure as SearchFailure).files }).toEqual({
        fault,
        files: [`${urlOf(40)}${path.slice(1)}`],
      });
      broken = false;
      expect({ fault, outcome: await session.search(request) }).toMatchObject({
        fault,
        outcome: { kind: "results", total: expected },
      });
    }
  });
});
