import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { documentOrdering, loadGroups } from "../../src/lib/search/engine.ts";
import type { SearchDocument } from "../../src/schemas/passage.ts";
import { createSearchData, decodeSearchData, SearchDataError } from "../../src/lib/search/documents.ts";
import {
  documentFile,
  MANIFEST_FILE,
  TEXT_BLOCK_PASSAGES,
  textFile,
  type IndexManifest,
} from "../../src/lib/search/index-layout.ts";
import { findOccurrences, keywordInContext } from "../../src/lib/search/kwic.ts";
import { normalizeForSearch, normalizeWithOrigin } from "../../src/lib/search/normalize.ts";
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
  it("ranks title matches first, then a heading, then more hits, then corpus order", () => {
    // the rule the engine orders matching documents by (orderDocuments); tier 0 title, 1 heading, 2 other
    const key = (doc: string, order: number, tier: number, hits: number) => ({ doc, order, tier, hits });
    const ranked = [key("many", 0, 2, 3), key("few", 1, 2, 1), key("heading", 2, 1, 1), key("titled", 3, 0, 1)].sort(
      documentOrdering("rank"),
    );
    expect(ranked.map((entry) => entry.doc)).toEqual(["titled", "heading", "many", "few"]);
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
    const [group] = await loadGroups(() => Promise.resolve(document), { clauses, scope: "passage" }, [
      { ordinal: 0, positions: [0, 1, 2, 3, 4], lengths: [], size: 5 },
    ]);
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

  /** A document of two text blocks, the second of two passages, as the search data holds it. */
  const six: SearchDocument["passages"] = [
    ["title", "title", "网络强国"],
    ...Array.from({ length: TEXT_BLOCK_PASSAGES + 1 }, (_, index): [string, "paragraph", string] => [
      `p${index + 1}`,
      "paragraph",
      `第${index + 1}段`,
    ]),
  ];
  const SIZE = six.length;
  /** A passage of the second block. */
  const LAST = SIZE - 1;
  const head = { ...document, passages: six.map(([id, type]) => [id, type]) };
  const sixFiles = () =>
    new Map<string, unknown>([
      [documentFile(7), { ...document, passages: six }],
      [textFile(7, 0), { head, texts: six.slice(0, TEXT_BLOCK_PASSAGES).map(([, , text]) => text) }],
      [textFile(7, 1), { head, texts: six.slice(TEXT_BLOCK_PASSAGES).map(([, , text]) => text) }],
    ]);
  /** The passages with the text of those at `positions` only. */
  const shown = (positions: number[]) => ({
    ...document,
    passages: six.map(([id, type, text], position) => [id, type, positions.includes(position) ? text : ""]),
  });
  /** The normalised lengths of the passages at `positions`, as the index counts them. */
  const lengthsOf = (positions: number[]) => positions.map((position) => [...(six[position]?.[2] ?? "")].length);

  it("fetches each file once, relative to the base, tries a failed one again, and gives only the texts asked", async () => {
    const requested: string[] = [];
    let failNext = true;
    const files = sixFiles();
    const fetchFile = (input: string | URL | Request) => {
      requested.push(String(input));
      const body = files.get(String(input).split("/").pop() ?? "");
      const status = failNext ? 503 : body === undefined ? 404 : 200;
      failNext = false;
      return Promise.resolve(new Response(status === 200 ? gzipSync(JSON.stringify(body)) : null, { status }));
    };
    const data = createSearchData("http://example.test/corpus/", fetchFile as typeof fetch);
    // matches in one of two blocks: that block, which holds the head
    await expect(data.document(7, [0, 2], SIZE)).rejects.toThrow(`search data ${textFile(7, 0)}: HTTP 503`);
    expect(await data.document(7, [0, 2], SIZE)).toEqual(shown([0, 2]));
    expect(await data.document(7, [0, 2], SIZE)).toEqual(shown([0, 2]));
    // with matches in more than half its blocks: the whole document, only the passages asked given
    expect(await data.document(7, [0, 2, LAST], SIZE)).toEqual(shown([0, 2, LAST]));
    const fetched = (name: string) =>
      requested.filter((url) => url === `http://example.test/corpus/search-data/${name}`);
    expect(fetched(textFile(7, 0))).toHaveLength(2);
    expect(fetched(textFile(7, 1))).toHaveLength(0);
    expect(fetched(documentFile(7))).toHaveLength(1);
    // documents' text is kept up to a number of bytes, the least recently used dropped first
    const size = (name: string) => gzipSync(JSON.stringify(files.get(name))).length;
    const small = createSearchData("http://example.test/corpus/", fetchFile as typeof fetch, {
      textBytes: size(documentFile(7)) + size(textFile(7, 0)) - 1,
    });
    requested.length = 0;
    await small.document(7, [0, 2, LAST], SIZE);
    await small.document(7, [0, 2], SIZE);
    await small.document(7, [0, 2, LAST], SIZE);
    expect(fetched(documentFile(7))).toHaveLength(2);
    await small.document(7, [0, 2, LAST], SIZE);
    expect(fetched(documentFile(7))).toHaveLength(2);
  });

  /** A manifest of two records, as the build writes one. */
  const manifest: IndexManifest = {
    passages: 6,
    documents: 1,
    passagesPerRecord: 4,
    recordsPerShard: 4,
    records: 2,
    parts: [],
    years: [],
    yearCharacters: [],
    collections: [],
    wordFiles: [],
    indexId: "0",
    digests: {},
  };

  it("refuses a file that loads but does not hold what the index counts, keeps nothing of it, and reads it again", async () => {
    // valid JSON, wrong contents: a text block or a document emptied, a head short of passages, record ids
    // …or text of another build: as many passages, of other lengths than the index counts (4 and 3 characters)
    const otherText = six.slice(0, TEXT_BLOCK_PASSAGES).map(([, , text]) => `${text}，另`);
    const wrong: [name: string, bad: unknown, read: (data: ReturnType<typeof createSearchData>) => Promise<unknown>][] =
      [
        [textFile(7, 0), [], (data) => data.document(7, [0, 2], SIZE)],
        [textFile(7, 0), { head, texts: [] }, (data) => data.document(7, [0, 2], SIZE)],
        [textFile(7, 0), { head, texts: otherText }, (data) => data.document(7, [0, 2], SIZE, lengthsOf([0, 2]))],
        [
          textFile(7, 0),
          {
            head: { ...document, passages: [["title", "title"]] },
            texts: six.slice(0, TEXT_BLOCK_PASSAGES).map(([, , text]) => text),
          },
          (data) => data.document(7, [0, 2], SIZE),
        ],
        [documentFile(7), { ...document, passages: [] }, (data) => data.document(7, [0, 2, LAST], SIZE)],
        [
          documentFile(7),
          { ...document, passages: six.map(([id, type, text]) => [id, type, `${text}。`]) },
          (data) => data.document(7, [0, 2, LAST], SIZE, lengthsOf([0, 2, LAST])),
        ],
        ["records-0.json.gz", [], (data) => data.partRecords(0)],
        [MANIFEST_FILE, [], (data) => data.partRecords(0)],
        [MANIFEST_FILE, { ...manifest, digests: undefined }, (data) => data.manifest()],
      ];
    for (const [name, bad, read] of wrong) {
      let serveBad = true;
      const files = new Map([...sixFiles(), [MANIFEST_FILE, manifest], ["records-0.json.gz", ["a", null]]]);
      const fetchFile = (input: string | URL | Request) => {
        const file = String(input).split("/").pop() ?? "";
        const body = file === name && serveBad ? bad : files.get(file);
        return Promise.resolve(new Response(gzipSync(JSON.stringify(body)), { status: 200 }));
      };
      const data = createSearchData("http://example.test/", fetchFile as typeof fetch);
      const error = await read(data).catch((caught: unknown) => caught);
      expect(error, name).toBeInstanceOf(SearchDataError);
      expect((error as SearchDataError).file, name).toBe(`http://example.test/search-data/${name}`);
      // nothing of it was kept: once the file is right, the same data reads it
      serveBad = false;
      await expect(read(data), name).resolves.toBeTruthy();
    }
  });
});
