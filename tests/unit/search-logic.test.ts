import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  DOCUMENTS_PER_STEP,
  loadGroups,
  loadMoreResults,
  rankGroups,
  searchPassages,
  type DocumentGroup,
  type PagefindApi,
  type PassageType,
  type SearchDocument,
} from "../../src/lib/search/engine.ts";
import { createDocumentLoader, decodeSearchData, searchDataFile } from "../../src/lib/search/documents.ts";
import { findOccurrences, keywordInContext } from "../../src/lib/search/kwic.ts";
import { indexTokens, normalizeForSearch, normalizeWithOrigin } from "../../src/lib/search/normalize.ts";
import { MAX_QUERY_LENGTH, parseQuery } from "../../src/lib/search/query.ts";
import { T2S_PATH, traditionalToSimplifiedPairs } from "../../scripts/generate-t2s.ts";

describe("normalisation", () => {
  it("folds width, case, script and whitespace", () => {
    expect(normalizeForSearch("網絡強國")).toBe("网络强国");
    expect(normalizeForSearch("７６．４％")).toBe("76.4%");
    expect(normalizeForSearch("ＡＰＰ App")).toBe("appapp");
    expect(normalizeForSearch("2023 年 6 月\t1 日")).toBe("2023年6月1日");
    expect(normalizeForSearch("数據安全")).toBe("数据安全");
  });

  it("keeps for every normalised character the place it came from", () => {
    expect(normalizeWithOrigin("10 亿，Ａ")).toEqual({ text: "10亿,a", origin: [0, 1, 3, 4, 5] });
  });

  it("gives one index token per character, spelling punctuation as tokens no text can form", () => {
    expect(indexTokens("网信76.4%")).toBe("网 信 7 6 x2e 4 x25");
  });

  it("ships the Traditional–Simplified table that opencc-js gives today (npm run generate:t2s)", () => {
    const shipped = JSON.parse(readFileSync(T2S_PATH, "utf8")) as { pairs: string };
    expect(shipped.pairs).toBe(traditionalToSimplifiedPairs());
  });
});

describe("query parsing", () => {
  it("splits terms at spaces and Chinese quotation marks", () => {
    expect(parseQuery("“网络强国”“数字中国”")).toMatchObject({ kind: "query", terms: ["网络强国", "数字中国"] });
    expect(parseQuery("网信  人才")).toMatchObject({ kind: "query", terms: ["网信", "人才"] });
    expect(parseQuery("网络 网络强国")).toMatchObject({ kind: "query", terms: ["网络强国"] });
  });

  it("names an empty and an over-long query", () => {
    expect(parseQuery("  “”  ")).toEqual({ kind: "empty" });
    expect(parseQuery("网".repeat(MAX_QUERY_LENGTH))).toMatchObject({ kind: "query" });
    expect(parseQuery("网".repeat(MAX_QUERY_LENGTH + 1))).toEqual({ kind: "too-long", length: MAX_QUERY_LENGTH + 1 });
  });
});

describe("keyword in context", () => {
  const text = "坚持网信为民，坚持走中国特色治网之道，坚持统筹发展和安全，网信事业高质量发展。";

  it("finds every occurrence, in the original text, and none when a term is missing", () => {
    expect(findOccurrences(text, ["网信"])).toEqual([
      [2, 4],
      [29, 31],
    ]);
    expect(findOccurrences("１０ 亿人", ["10亿"])).toEqual([[0, 4]]);
    expect(findOccurrences(text, ["网信", "不在"])).toEqual([]);
  });

  it("marks every occurrence and elides what lies between distant ones", () => {
    const segments = keywordInContext(text, findOccurrences(text, ["网信"]), 4);
    expect(segments).toEqual([
      { text: "坚持", marked: false },
      { text: "网信", marked: true },
      { text: "为民，坚", marked: false },
      { text: "…", marked: false },
      { text: "和安全，", marked: false },
      { text: "网信", marked: true },
      { text: "事业高质", marked: false },
      { text: "…", marked: false },
    ]);
  });
});

describe("search engine", () => {
  const documents: Record<string, SearchDocument> = {
    a: {
      doc: "a",
      title: "甲",
      order: 0,
      year: "2017",
      collection: "speeches",
      passages: [
        ["title", "title", "甲"],
        ["p1", "paragraph", "网络强国建设。"],
        ["p2", "paragraph", "网络 强国"],
      ],
    },
    b: {
      doc: "b",
      title: "网络强国",
      order: 1,
      year: "2024",
      collection: "speeches",
      passages: [
        ["title", "title", "网络强国"],
        ["p1", "paragraph", "网络强国与数字中国"],
      ],
    },
  };
  // Record ids stand for Pagefind's page hashes; the fake index below knows which documents contain 网络强国.
  const recordOf: Record<string, string> = { a: "zh-cn_aaa", b: "zh-cn_bbb", c: "zh-cn_ccc" };
  const loaded: string[] = [];
  const loadDocument = (recordId: string) => {
    loaded.push(recordId);
    const document = Object.values(documents).find((candidate) => recordOf[candidate.doc] === recordId);
    return document ? Promise.resolve(document) : Promise.reject(new Error(recordId));
  };
  const fakePagefind: PagefindApi & { calls: unknown[] } = {
    calls: [],
    search(term, options) {
      this.calls.push([term, options]);
      const year = options?.filters?.["year"];
      const matching = Object.values(documents).filter((document) => !year || document.year === year);
      return Promise.resolve({ results: matching.map((document) => ({ id: recordOf[document.doc] ?? "" })) });
    },
  };

  it("searches the longest term as one quoted phrase and keeps passages that contain every term", async () => {
    const outcome = await searchPassages(fakePagefind, loadDocument, "中国 网络强国");
    expect(fakePagefind.calls.at(-1)).toEqual(['"网 络 强 国"', { filters: {} }]);
    expect(outcome).toMatchObject({
      kind: "results",
      total: 1,
      pending: [],
      groups: [{ doc: "b", passages: [{ id: "p1" }] }],
    });
  });

  it("passes the filters to Pagefind and loads only the records it names", async () => {
    loaded.length = 0;
    const outcome = await searchPassages(fakePagefind, loadDocument, "网络强国", { year: "2017" });
    expect(fakePagefind.calls.at(-1)).toEqual(['"网 络 强 国"', { filters: { year: "2017" } }]);
    expect(loaded).toEqual(["zh-cn_aaa"]);
    // whitespace does not count: “网络 强国” contains 网络强国
    expect(outcome).toMatchObject({
      kind: "results",
      total: 2,
      groups: [{ doc: "a", passages: [{ id: "p1" }, { id: "p2" }] }],
    });
  });

  /** An index in which every record of `ids` matches, and a loader that records what it loads. */
  const manyMatches = (ids: readonly string[]) => {
    const many: PagefindApi = { search: () => Promise.resolve({ results: ids.map((id) => ({ id })) }) };
    const requested: string[] = [];
    const stub = (recordId: string) => {
      requested.push(recordId);
      return Promise.resolve({ ...documents["b"], doc: recordId } as SearchDocument);
    };
    return { many, requested, stub };
  };

  it("loads at most one step of documents, in Pagefind's order, and names the rest as pending", async () => {
    const ids = Array.from({ length: DOCUMENTS_PER_STEP + 3 }, (_, index) => `zh-cn_${index}`);
    const { many, requested, stub } = manyMatches(ids);
    const outcome = await searchPassages(many, stub, "网络强国");
    if (outcome.kind !== "results") throw new Error("no results");
    expect(requested).toEqual(ids.slice(0, DOCUMENTS_PER_STEP));
    expect(outcome.groups).toHaveLength(DOCUMENTS_PER_STEP);
    expect(outcome.pending).toEqual(ids.slice(DOCUMENTS_PER_STEP));
    expect(outcome.total).toBe(2 * DOCUMENTS_PER_STEP);
  });

  it("loads the pending documents a step at a time, keeping the shown groups first, until none is pending", async () => {
    const ids = Array.from({ length: 2 * DOCUMENTS_PER_STEP + 1 }, (_, index) => `zh-cn_${index}`);
    const { many, requested, stub } = manyMatches(ids);
    const first = await searchPassages(many, stub, "网络强国");
    if (first.kind !== "results") throw new Error("no results");
    const second = await loadMoreResults(stub, first);
    expect(second.groups.map((group) => group.doc)).toEqual(ids.slice(0, 2 * DOCUMENTS_PER_STEP));
    expect(second.pending).toEqual(ids.slice(2 * DOCUMENTS_PER_STEP));
    expect(second.total).toBe(2 * 2 * DOCUMENTS_PER_STEP);
    const third = await loadMoreResults(stub, second);
    expect(third.pending).toEqual([]);
    expect(third.groups).toHaveLength(ids.length);
    expect(requested).toEqual(ids);
    // Nothing pending: the same results, and nothing more is fetched.
    expect(await loadMoreResults(stub, third)).toBe(third);
    expect(requested).toHaveLength(ids.length);
  });

  it("ranks title matches first, then more hits, then corpus order; passages in reading order", () => {
    const group = (doc: string, order: number, types: PassageType[]): DocumentGroup => ({
      doc,
      title: doc,
      order,
      year: "",
      collection: "",
      passages: types.map((type, index) => ({
        id: `p${types.length - index}`,
        type,
        text: "",
        position: types.length - index,
        number: types.length - index,
        occurrences: [],
      })),
    });
    const ranked = rankGroups([
      group("many", 0, ["paragraph", "paragraph", "paragraph"]),
      group("few", 1, ["paragraph"]),
      group("heading", 2, ["heading"]),
      group("titled", 3, ["title"]),
    ]);
    expect(ranked.map((entry) => entry.doc)).toEqual(["titled", "heading", "many", "few"]);
    expect(ranked.find((entry) => entry.doc === "many")?.passages.map((entry) => entry.position)).toEqual([1, 2, 3]);
  });
});

describe("search results' passage numbers", () => {
  it("are the reader numbers the document page shows: paragraphs, headings and items counted apart", async () => {
    const document: SearchDocument = {
      doc: "d",
      title: "题",
      order: 0,
      year: "",
      collection: "speeches",
      passages: [
        ["title", "title", "网信题"],
        ["p1", "heading", "一、网信"],
        ["p2", "paragraph", "网信一"],
        ["p3", "item", "网信项"],
        ["p4", "paragraph", "网信二"],
      ],
    };
    const clauses = [{ all: ["网信"], none: [], near: [] }];
    const [group] = await loadGroups(() => Promise.resolve(document), { clauses, scope: "passage" }, ["d"]);
    expect(group?.passages.map(({ id, type, number }) => [id, type, number])).toEqual([
      ["title", "title", 0],
      ["p1", "heading", 1],
      ["p2", "paragraph", 1],
      ["p3", "item", 1],
      ["p4", "paragraph", 2],
    ]);
  });
});

describe("search data files", () => {
  const document: SearchDocument = {
    doc: "a b",
    title: "网络强国",
    order: 0,
    year: "2023",
    collection: "speeches",
    passages: [["title", "title", "网络强国"]],
  };
  const json = new TextEncoder().encode(JSON.stringify(document));

  it("reads gzip-compressed data, and data a server has already decompressed", async () => {
    expect(await decodeSearchData(new Uint8Array(gzipSync(json)))).toEqual(document);
    expect(await decodeSearchData(json)).toEqual(document);
  });

  it("fetches each document once, relative to the base, and tries a failed one again", async () => {
    const requested: string[] = [];
    let failNext = true;
    const fetchFile = (input: string | URL | Request) => {
      requested.push(String(input));
      const status = failNext ? 503 : 200;
      failNext = false;
      return Promise.resolve(new Response(status === 200 ? gzipSync(json) : null, { status }));
    };
    const load = createDocumentLoader("http://example.test/corpus/", fetchFile as typeof fetch);
    await expect(load("a b")).rejects.toThrow("search data for a b: HTTP 503");
    expect(await load("a b")).toEqual(document);
    expect(await load("a b")).toEqual(document);
    expect(requested).toEqual([
      `http://example.test/corpus/search-data/${encodeURIComponent(searchDataFile("a b"))}`,
      `http://example.test/corpus/search-data/${encodeURIComponent(searchDataFile("a b"))}`,
    ]);
  });
});
