import { describe, expect, it } from "vitest";
import {
  concordanceColumns,
  concordanceCsv,
  concordanceJson,
  concordanceRecords,
  concordanceLines,
  contextAround,
  csvField,
  sortConcordance,
} from "../../src/lib/search/concordance.ts";
import { perTenThousand, yearDistribution, yearKey } from "../../src/lib/search/distribution.ts";
import { clusterPhrase, clustersAround } from "../../src/lib/search/clusters.ts";
import { compareCsv, compareRows } from "../../src/lib/search/compare.ts";
import { entitiesNamed, type SearchEntity } from "../../src/lib/search/entities.ts";
import {
  documentOrdering,
  loadMoreResults,
  mergeReprints,
  type DocumentGroup,
  type SearchResults,
} from "../../src/lib/search/engine.ts";
import type { SearchDocument } from "../../src/schemas/passage.ts";
import {
  matchDocument,
  matchDocumentHits,
  matchPassage,
  matchPassageHits,
  occurNear,
  sentenceRanges,
  startsNearAny,
} from "../../src/lib/search/match.ts";
import { MAX_CLAUSES, parseQuery } from "../../src/lib/search/query.ts";
import { findOccurrences, keywordInContext } from "../../src/lib/search/kwic.ts";
import { holdsInvisible, normalizeForSearch } from "../../src/lib/search/normalize.ts";

const clauses = (raw: string) => {
  const parsed = parseQuery(raw);
  if (parsed.kind !== "query") throw new Error(`${raw}: ${parsed.kind}`);
  return parsed.clauses;
};

describe("query syntax", () => {
  it("reads spaces as AND, | as OR, - as NOT, NEAR/n as distance, and normalises terms", () => {
    expect(clauses("網絡強國 数字中国")).toEqual([{ all: ["网络强国", "数字中国"], none: [], near: [] }]);
    expect(clauses("网信 | 网络强国")).toEqual([
      { all: ["网信"], none: [], near: [] },
      { all: ["网络强国"], none: [], near: [] },
    ]);
    expect(clauses("网络 -安全 －信息")).toEqual([{ all: ["网络"], none: ["安全", "信息"], near: [] }]);
    expect(clauses("网络强国 NEAR/10 战略")).toEqual([
      { all: [], none: [], near: [{ a: "网络强国", b: "战略", within: 10 }] },
    ]);
    expect(clauses("网络强国near/3战略")).toEqual([
      { all: [], none: [], near: [{ a: "网络强国", b: "战略", within: 3 }] },
    ]);
  });

  it("groups with parentheses, expanding to alternatives", () => {
    expect(clauses("(网信 | 网络) 安全 -法")).toEqual([
      { all: ["网信", "安全"], none: ["法"], near: [] },
      { all: ["网络", "安全"], none: ["法"], near: [] },
    ]);
    expect(clauses("(a | b) (c | d)")).toHaveLength(4);
  });

  it("takes what quotation marks enclose as one literal term, a minus before them excluding it", () => {
    expect(clauses("“NEAR/5” “a | b”")).toEqual([{ all: ["near/5", "a|b"], none: [], near: [] }]);
    expect(clauses("网络 -“安全法”")).toEqual([{ all: ["网络"], none: ["安全法"], near: [] }]);
    expect(clauses("“网络强国”“数字中国”")).toEqual([{ all: ["网络强国", "数字中国"], none: [], near: [] }]);
  });

  it("drops repeated terms and terms another required term contains", () => {
    expect(clauses("网络强国 网络 网络强国")).toEqual([{ all: ["网络强国"], none: [], near: [] }]);
  });

  it("refuses what it cannot mean, saying why", () => {
    expect(parseQuery("-网络")).toEqual({ kind: "invalid", problem: "only-excluded" });
    expect(parseQuery("网信 | -网络")).toEqual({ kind: "invalid", problem: "only-excluded" });
    expect(parseQuery("网络 NEAR/5")).toEqual({ kind: "invalid", problem: "near-operand" });
    expect(parseQuery("NEAR/5 网络")).toEqual({ kind: "invalid", problem: "near-operand" });
    expect(parseQuery("(网络 | 安全")).toEqual({ kind: "invalid", problem: "unbalanced" });
    expect(parseQuery("网络 )")).toEqual({ kind: "invalid", problem: "unbalanced" });
    expect(parseQuery("网络 |")).toEqual({ kind: "invalid", problem: "unbalanced" });
    const many = Array.from({ length: 5 }, (_, index) => `(a${index} | b${index})`).join(" ");
    expect(2 ** 5).toBeGreaterThan(MAX_CLAUSES);
    expect(parseQuery(many)).toEqual({ kind: "invalid", problem: "too-complex" });
    expect(parseQuery("   ")).toEqual({ kind: "empty" });
    expect(parseQuery("“”")).toEqual({ kind: "empty" });
  });

  it("lists every positive term of every alternative for marking", () => {
    expect(parseQuery("网信 | 网络 NEAR/2 安全 -法")).toMatchObject({ terms: ["网信", "网络", "安全"] });
  });
});

describe("matching at a scope", () => {
  it("cuts sentences after 。！？； and the closing quotes that follow", () => {
    const text = "他说：“好。”然后走了！再见；余下";
    expect(sentenceRanges(text).map(([start, end]) => text.slice(start, end))).toEqual([
      "他说：“好。”",
      "然后走了！",
      "再见；",
      "余下",
    ]);
    expect(sentenceRanges("")).toEqual([]);
  });

  it("measures NEAR between the end of one term and the start of the other, in either order", () => {
    expect(occurNear("网络强国建设", "网络强国", "建设", 0)).toBe(true);
    expect(occurNear("建设一二三网络强国", "网络强国", "建设", 3)).toBe(true);
    expect(occurNear("建设一二三网络强国", "网络强国", "建设", 2)).toBe(false);
    expect(occurNear("网络强国", "网络", "强国", 0)).toBe(true);
  });

  it("marks a passage only where a clause holds, and a sentence only inside itself", () => {
    const text = "网络强国是目标。网信事业在发展。";
    expect(matchPassage(text, clauses("网络强国 网信事业"), "passage")).toEqual([
      [0, 4],
      [8, 12],
    ]);
    expect(matchPassage(text, clauses("网络强国 网信事业"), "sentence")).toEqual([]);
    expect(matchPassage(text, clauses("网络强国 -网信"), "sentence")).toEqual([[0, 4]]);
    expect(matchPassage(text, clauses("网络强国 -网信"), "passage")).toEqual([]);
  });

  it("at document scope, requires each term somewhere and an excluded one nowhere", () => {
    const texts = ["网络强国", "其他", "网信事业"];
    expect([...matchDocument(texts, clauses("网络强国 网信事业")).keys()]).toEqual([0, 2]);
    expect(matchDocument(texts, clauses("网络强国 -网信")).size).toBe(0);
    expect([...matchDocument(texts, clauses("网络强国 -不在"))]).toEqual([[0, [[0, 4]]]]);
  });
});

describe("the match itself", () => {
  // 建设 at 0, 网络强国 at 6, 建设 at 12, and 建设 again far off at 30
  const text = "建设一二三四网络强国五六建设七八九十一二三四五六七八九十一二建设";

  it("marks of a NEAR pair only the occurrences that stand near, and counts only them", () => {
    const { ranges, spans, hits } = matchPassageHits(text, clauses("网络强国 NEAR/2 建设"), "passage");
    expect(ranges).toEqual([
      [6, 10],
      [12, 14],
    ]);
    // the span runs from the start of one term to the end of the other, what lies between included
    expect(spans).toEqual([[6, 14]]);
    expect(hits).toBe(2);
    // a wider distance reaches the first 建设 too: one span from it, joined with the other pair's
    const wider = matchPassageHits(text, clauses("网络强国 NEAR/5 建设"), "passage");
    expect(wider.ranges).toEqual([
      [0, 2],
      [6, 10],
      [12, 14],
    ]);
    expect(wider.spans).toEqual([[0, 14]]);
    expect(wider.hits).toBe(3);
  });

  it("gives a span per required term's occurrence, and marks every one", () => {
    const { ranges, spans, hits } = matchPassageHits(text, clauses("网络强国 建设"), "passage");
    expect(ranges).toEqual([
      [0, 2],
      [6, 10],
      [12, 14],
      [30, 32],
    ]);
    expect(spans).toEqual(ranges);
    expect(hits).toBe(4);
  });

  it("at sentence scope, spans each matching sentence and marks its terms", () => {
    const sentences = "网络强国是目标。建设网络强国。其他。";
    const { ranges, spans, hits } = matchPassageHits(sentences, clauses("网络强国"), "sentence");
    expect(spans).toEqual([
      [0, 8],
      [8, 15],
    ]);
    expect(ranges).toEqual([
      [0, 4],
      [10, 14],
    ]);
    expect(hits).toBe(2);
  });

  it("at document scope, marks a near pair only in the passage where it stands near", () => {
    const texts = ["网络强国一二建设", "网络强国一二三四五六七八九十建设", "建设"];
    const matches = matchDocumentHits(texts, clauses("网络强国 NEAR/3 建设"));
    expect([...matches.keys()]).toEqual([0]);
    expect(matches.get(0)).toEqual({
      ranges: [
        [0, 4],
        [6, 8],
      ],
      spans: [[0, 8]],
      hits: 2,
    });
    // a required term is marked wherever it occurs once the document satisfies the clause
    expect([...matchDocumentHits(texts, clauses("网络强国 建设")).keys()]).toEqual([0, 1, 2]);
  });

  it("finds the starts of one term near another on both sides, at the distance's edges", () => {
    // A of length 2 at 5; B of length 1 qualifies from 5 - 1 - 2 = 2 to 5 + 2 + 2 = 9
    expect(startsNearAny([5], 2, [1, 2, 9, 10], 1, 2)).toEqual([5]);
    expect(startsNearAny([5], 2, [1, 10], 1, 2)).toEqual([]);
    expect(startsNearAny([0, 5, 20], 2, [3], 1, 1)).toEqual([0, 5]);
  });

  it("shows each span in context with its terms marked and the rest of the match set apart", () => {
    const { ranges, spans } = matchPassageHits(text, clauses("网络强国 NEAR/2 建设"), "passage");
    expect(keywordInContext(text, spans, 2, ranges)).toEqual([
      { text: "…", marked: false },
      { text: "三四", marked: false },
      { text: "网络强国", marked: true },
      { text: "五六", marked: false, inMatch: true },
      { text: "建设", marked: true },
      { text: "七八", marked: false },
      { text: "…", marked: false },
    ]);
  });

  it("keeps a mark that runs across two sentence spans for both", () => {
    // touching marks joined into one range across the sentence end
    expect(
      keywordInContext(
        "甲乙。丙丁",
        [
          [0, 3],
          [3, 5],
        ],
        0,
        [[1, 4]],
      ),
    ).toEqual([
      { text: "甲", marked: false, inMatch: true },
      { text: "乙。", marked: true },
      { text: "丙", marked: true },
      { text: "丁", marked: false, inMatch: true },
    ]);
  });
});

const group = (doc: string, order: number, passages: number, date?: string, extra: Partial<DocumentGroup> = {}) =>
  ({
    doc,
    title: doc,
    order,
    year: date?.slice(0, 4) ?? "",
    collection: "speeches",
    date: date ? { value: date, precision: "day", inferred: false } : undefined,
    passages: Array.from({ length: passages }, (_, index) => ({
      id: `p${index + 1}`,
      type: "paragraph",
      text: `段${index}`,
      position: index + 1,
      number: index + 1,
      occurrences: [[0, 1]],
    })),
    ...extra,
  }) as DocumentGroup;

describe("arranging results", () => {
  const groups = [group("a", 0, 1, "2023-07"), group("b", 1, 3, "2017"), group("c", 2, 2)];
  it("sorts by date either way (undated last), by hits, or by the ranking rule", () => {
    // the keys the engine orders matching documents by (orderDocuments)
    const keys = groups.map((each) => ({
      doc: each.doc,
      order: each.order,
      tier: 2,
      hits: each.passages.length,
      date: each.date?.value,
    }));
    const sorted = (sort: "oldest" | "newest" | "hits" | "rank") =>
      [...keys].sort(documentOrdering(sort)).map((each) => each.doc);
    expect(sorted("oldest")).toEqual(["b", "a", "c"]);
    expect(sorted("newest")).toEqual(["a", "b", "c"]);
    expect(sorted("hits")).toEqual(["b", "c", "a"]);
    expect(sorted("rank")).toEqual(["b", "c", "a"]);
  });

  it("counts per year, oldest first, a lower bound after its year, undated last, with each year's text", () => {
    const counted = groups.map((each) => ({
      year: each.year,
      passages: each.passages.length,
      occurrences: 2 * each.passages.length,
    }));
    const index = { years: ["", "2017", "2017+", "2023"], yearCharacters: [50, 1000, 300, 4000] };
    expect(yearDistribution([...counted, { year: "2017+", passages: 1, occurrences: 3 }], index)).toEqual([
      { year: "2017", passages: 3, documents: 1, occurrences: 6, characters: 1000 },
      { year: "2017+", passages: 1, documents: 1, occurrences: 3, characters: 300 },
      { year: "2023", passages: 1, documents: 1, occurrences: 2, characters: 4000 },
      { year: "", passages: 2, documents: 1, occurrences: 4, characters: 50 },
    ]);
    expect(perTenThousand({ year: "2017", passages: 3, documents: 1, occurrences: 6, characters: 1000 })).toBe(60);
    // a date that is only a lower bound is counted in a year of its own, never silently in its first year
    expect(yearKey({ year: "2017", date: { precision: "after" } })).toBe("2017+");
    expect(yearKey({ year: "2017", date: { precision: "month" } })).toBe("2017");
    expect(yearKey({ year: "", date: undefined })).toBe("");
  });

  it("merges identical passages of copies of one text, keeping both places", () => {
    const first = group("x", 0, 2, "2023-06", { sameText: ["y"] });
    const second = group("y", 1, 3, "2023-08", { sameText: ["x"] });
    const other = group("z", 2, 2);
    const merged = mergeReprints([first, second, other]);
    expect(merged.map((each) => [each.doc, each.passages.length])).toEqual([
      ["x", 2],
      ["y", 1],
      ["z", 2],
    ]);
    expect(merged[0]?.passages[0]?.alsoIn).toEqual([{ doc: "y", title: "y", id: "p1", number: 1, type: "paragraph" }]);
    // Unrelated documents with the same text are not merged.
    expect(merged[2]?.passages[0]?.alsoIn).toBeUndefined();
  });

  it("shows a later step's copies as the merge over every copy left them, or not at all", async () => {
    const first = group("x", 0, 2, "2023-06", { sameText: ["y"] });
    const second = group("y", 1, 3, "2023-08", { sameText: ["x"] });
    const other = group("z", 2, 2);
    // what the search keeps when merging: every matching document with copies, merged in the order shown
    const merged = new Map(mergeReprints([first, second]).map((each) => [each.doc, each]));
    const stored = new Map(
      [second, other].map((each, index): [number, SearchDocument] => [
        index + 1,
        { ...each, passages: each.passages.map((hit) => [hit.id, hit.type, hit.text]) },
      ]),
    );
    const load = (ordinal: number) => {
      const document = stored.get(ordinal);
      if (!document) throw new Error(`no document ${ordinal}`);
      return Promise.resolve(document);
    };
    const results = (withMerge: boolean): SearchResults => ({
      kind: "results",
      terms: ["段"],
      clauses: clauses("段"),
      scope: "passage",
      groups: [withMerge ? (merged.get("x") ?? first) : first],
      pending: [1, 2],
      total: withMerge ? 5 : 7,
      occurrences: withMerge ? 5 : 7,
      documents: [1, 2].map((ordinal) => ({
        ordinal,
        positions: [1, 2, 3],
        lengths: [],
        size: 4,
        year: "",
        passages: 2,
        occurrences: 2,
      })),
      years: [],
      merged: withMerge ? merged : undefined,
    });
    const shown = (loaded: SearchResults) => loaded.groups.map((each) => [each.doc, each.passages.length]);
    expect(shown(await loadMoreResults(load, results(true)))).toEqual([
      ["x", 2],
      ["y", 1],
      ["z", 2],
    ]);
    expect(shown(await loadMoreResults(load, results(false)))).toEqual([
      ["x", 2],
      ["y", 3],
      ["z", 2],
    ]);
    // a copy whose every passage stands in an earlier one is not listed
    const whole = new Map([["x", first]]);
    expect(shown(await loadMoreResults(load, { ...results(true), merged: whole }))).toEqual([
      ["x", 2],
      ["z", 2],
    ]);
  });
});

describe("the concordance", () => {
  const hit = (text: string, occurrences: [number, number][], id = "p1", spans = occurrences) => ({
    id,
    type: "paragraph" as const,
    text,
    position: 1,
    number: 1,
    occurrences,
    spans,
    hits: occurrences.length,
  });
  const groups = [
    group("a", 0, 0, "2023-07", {
      title: "甲",
      passages: [
        hit("一二三网信四五六网信七", [
          [3, 5],
          [8, 10],
        ]),
      ],
    }),
    group("b", 1, 0, "2017", { title: "乙", outlet: "新华社", passages: [hit("网信之末", [[0, 2]], "p4")] }),
  ];

  it("gives one line per occurrence with context cut in characters", () => {
    expect(concordanceLines(groups, 2).map(({ left, match, right }) => [left, match, right])).toEqual([
      ["二三", "网信", "四五"],
      ["五六", "网信", "七"],
      ["", "网信", "之末"],
    ]);
  });

  it("gives one line per span, the terms marked within it", () => {
    const near = group("n", 0, 0, "2023", {
      passages: [
        hit(
          "一二三网信四五六网信七",
          [
            [3, 5],
            [8, 10],
          ],
          "p1",
          [[3, 10]],
        ),
      ],
    });
    const lines = concordanceLines([near], 2);
    expect(lines.map(({ left, match, right, marks }) => [left, match, right, marks])).toEqual([
      [
        "二三",
        "网信四五六网信",
        "七",
        [
          [0, 2],
          [5, 7],
        ],
      ],
    ]);
  });

  it("sorts by left context read backwards from the match, by date and by document", () => {
    const lines = concordanceLines(groups, 3);
    // The character next to the match decides first, in Chinese (pinyin) order: 六 liù before 三 sān.
    expect(sortConcordance(lines, "left").map((line) => line.left)).toEqual(["", "四五六", "一二三"]);
    expect(sortConcordance(lines, "date").map((line) => line.doc)).toEqual(["b", "a", "a"]);
    expect(sortConcordance(lines, "document", true).map((line) => line.doc)).toEqual(["b", "a", "a"]);
  });

  it("exports CSV with a byte-order mark, a header, quoted fields where needed and CRLF line ends", () => {
    const context = { locatorOf: () => "第1段", urlOf: () => "u" };
    const csv = concordanceCsv(
      concordanceLines([group("q", 0, 0, undefined, { title: "题,“引”", passages: [hit('a"b网信', [[3, 5]])] })], 5),
      context,
    );
    expect(csv).toBe(
      "\uFEFFdocument_id,document,date,date_precision,date_inferred,outlet,passage,passage_type,passage_number,locator,passage_id,left,match,right,sentence,url\r\n" +
        'q,"题,“引”",,,,,para1,paragraph,1,第1段,p1,"a""b",网信,,,u\r\n',
    );
  });

  it("exports every column the page knows: the date as stated with its precision and inference, type, locator, sentence", () => {
    const inferred = group("r", 0, 0, "2017", {
      title: "乙",
      outlet: "新华社",
      date: { value: "2017", precision: "after", inferred: true },
      passages: [hit("前句。网信在此句中。后句", [[3, 5]], "p4", [[3, 10]])],
    });
    const context = { locatorOf: () => "第1段", urlOf: () => "https://edition.test/speeches/r/#p4" };
    const [record] = concordanceRecords(concordanceLines([inferred], 2, "sentence"), context);
    expect(record).toEqual({
      document_id: "r",
      document: "乙",
      date: "2017",
      date_precision: "after",
      date_inferred: "true",
      outlet: "新华社",
      passage: "para1",
      passage_type: "paragraph",
      passage_number: "1",
      locator: "第1段",
      passage_id: "p4",
      left: "句。",
      match: "网信在此句中。",
      right: "后句",
      sentence: "网信在此句中。",
      url: "https://edition.test/speeches/r/#p4",
    });
    expect(Object.keys(record ?? {})).toEqual([...concordanceColumns]);
    // JSON: the same records, in the lines' order
    expect(JSON.parse(concordanceJson(concordanceLines([inferred], 2, "sentence"), context))).toEqual([record]);
  });
});

describe("entities in search", () => {
  const term: SearchEntity = {
    kind: "term",
    id: "cyber-power",
    label: "网络强国",
    english: ["cyber power"],
    names: ["网络强国", "cyber power", "cyberpower"],
    passages: 57,
  };
  const principle: SearchEntity = {
    kind: "principle",
    id: "p",
    set: "s",
    label: "坚持党管互联网",
    english: [],
    names: ["坚持党管互联网", "党管互联网"],
    passages: 3,
  };
  it("are named by the whole query, in any of their names, width, case and script aside", () => {
    expect(entitiesNamed([term, principle], " Cyber Power ")).toEqual([term]);
    expect(entitiesNamed([term, principle], "網絡強國")).toEqual([term]);
    expect(entitiesNamed([term, principle], "党管互联网")).toEqual([principle]);
    expect(entitiesNamed([term, principle], "网络")).toEqual([]);
    expect(entitiesNamed([term, principle], "  ")).toEqual([]);
  });
});

describe("queries asked in ways that are easy to get wrong", () => {
  it("says what to fix in a NEAR without a whole number, rather than searching it as words", () => {
    for (const raw of ["网络 NEAR/-1 安全", "网络 NEAR/1.5 安全", "网络 NEAR/ 安全", "网络 near/x 安全", "NEAR/ 网络"])
      expect(parseQuery(raw), raw).toEqual({ kind: "invalid", problem: "near-distance" });
    expect(parseQuery("网络 NEAR/0 安全")).toMatchObject({ kind: "query", clauses: [{ near: [{ within: 0 }] }] });
    // quoted, it is a literal term
    expect(parseQuery("“NEAR/1.5”")).toMatchObject({ kind: "query", terms: ["near/1.5"] });
  });

  it("drops invisible characters from queries and text alike, and says so", () => {
    const pasted = ["网\u200B络", "\u202E网络", "网\u00AD络", "网\uFEFF络", "网\u0000络", "\u2066网络\u2069"];
    for (const raw of pasted) {
      expect(normalizeForSearch(raw), JSON.stringify(raw)).toBe("网络");
      expect(parseQuery(raw), JSON.stringify(raw)).toEqual(parseQuery("网络"));
      expect(holdsInvisible(raw), JSON.stringify(raw)).toBe(true);
    }
    // the same in the text searched, so that a passage pasted with them is found, and where
    expect(matchPassage("建设网\u200B络强国", clauses("网络强国"), "passage")).toHaveLength(1);
    // whitespace is a separator, not an invisible character to report
    expect(holdsInvisible("网络 安全\t数字")).toBe(false);
    expect(parseQuery("网络\t安全")).toMatchObject({ kind: "query", terms: ["网络", "安全"] });
  });
});

describe("the concordance export", () => {
  it("never hands a spreadsheet a formula: a cell starting with = + - @ starts with an apostrophe", () => {
    for (const cell of ["=1+1", "+86 10", "-网络", "@SUM(A1)", "＝1", "\tx"]) expect(csvField(cell)).toMatch(/^"?'/);
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField("网络强国")).toBe("网络强国");
    expect(csvField("a,b")).toBe('"a,b"');
  });
});

describe("concordance context", () => {
  it("is the width of code points each side, read from the neighbourhood only, astral characters whole", () => {
    const naive = (text: string, start: number, end: number, width: number) => [
      [...text.slice(0, start)].slice(-width).join(""),
      [...text.slice(end)].slice(0, width).join(""),
    ];
    const text = "𠀀网络𠀁强国。网络𠀂𠀃安全a网络b𠀄𠀅𠀆网络";
    expect(contextAround(text, 2, 4, 0)).toEqual(["", ""]);
    for (const width of [1, 2, 3, 5, 40])
      for (const [start, end] of findOccurrences(text, ["网络"]))
        expect(contextAround(text, start, end, width), `${width} ${start}`).toEqual(naive(text, start, end, width));
    // a very long passage: each line's context is its own, whatever the passage's length
    const long = "网络强国建设。".repeat(30_000);
    const occurrences = findOccurrences(long, ["网络"]);
    expect(occurrences.length).toBe(30_000);
    const [left, right] = contextAround(long, occurrences[15_000]?.[0] ?? 0, occurrences[15_000]?.[1] ?? 0, 15);
    expect([left, right]).toEqual([
      "国建设。网络强国建设。网络强国建设。".slice(-15),
      "强国建设。网络强国建设。网络强国建设。".slice(0, 15),
    ]);
  });
});

describe("clusters around the matches", () => {
  it("counts the 2 to 4 letters or digits on each side, in the normalised text, never across punctuation", () => {
    // full-width digits and Traditional characters are read normalised; 。 ends what a cluster may hold
    const passages = [{ text: "建设網絡強國，建设网络强国。２０网络强国", occurrences: [] as [number, number][] }];
    const text = passages[0]?.text ?? "";
    for (const term of ["網絡強國", "网络强国"])
      for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1))
        passages[0]?.occurrences.push([at, at + term.length]);
    passages[0]?.occurrences.sort((a, b) => a[0] - b[0]);
    const clusters = clustersAround(passages);
    const count = (side: string, cluster: string) =>
      clusters.find((each) => each.side === side && each.text === cluster && each.match === "网络强国")?.count;
    expect(count("left", "建设")).toBe(2);
    expect(count("left", "20")).toBe(1);
    expect(count("left", "设建设")).toBeUndefined();
    expect(count("right", "，建")).toBeUndefined();
    expect(clusters[0]).toMatchObject({ side: "left", text: "建设", count: 2 });
    expect(clusterPhrase({ side: "left", text: "建设", match: "网络强国" })).toBe("建设网络强国");
    expect(clusterPhrase({ side: "right", text: "战略", match: "网络强国" })).toBe("网络强国战略");
  });
});

describe("queries compared over time", () => {
  const year = (value: string, occurrences: number, characters: number) => ({
    year: value,
    passages: occurrences,
    documents: 1,
    occurrences,
    characters,
  });
  it("gives every year any query has a hit in, each query's hits and rate on the year's text, and CSV", () => {
    const series = [
      { query: "网络强国", years: [year("2017", 22, 10_000), year("2024", 39, 6_000)] },
      { query: "数字中国", years: [year("2023", 5, 2_000), year("2024", 3, 6_000), year("", 1, 500)] },
    ];
    expect(compareRows(series)).toEqual([
      {
        year: "2017",
        characters: 10_000,
        cells: [
          { occurrences: 22, rate: 22 },
          { occurrences: 0, rate: 0 },
        ],
      },
      {
        year: "2023",
        characters: 2_000,
        cells: [
          { occurrences: 0, rate: 0 },
          { occurrences: 5, rate: 25 },
        ],
      },
      {
        year: "2024",
        characters: 6_000,
        cells: [
          { occurrences: 39, rate: 65 },
          { occurrences: 3, rate: 5 },
        ],
      },
      {
        year: "",
        characters: 500,
        cells: [
          { occurrences: 0, rate: 0 },
          { occurrences: 1, rate: 20 },
        ],
      },
    ]);
    expect(compareCsv(series).split("\r\n").slice(0, 2)).toEqual([
      "\uFEFFyear,characters,网络强国 occurrences,网络强国 per 10000 characters,数字中国 occurrences,数字中国 per 10000 characters",
      "2017,10000,22,22.00,0,0.00",
    ]);
  });
});
