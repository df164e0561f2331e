import { describe, expect, it } from "vitest";
import {
  concordanceCsv,
  concordanceLines,
  contextAround,
  csvField,
  sortConcordance,
} from "../../src/lib/search/concordance.ts";
import { yearDistribution } from "../../src/lib/search/distribution.ts";
import { entitiesNamed, type SearchEntity } from "../../src/lib/search/entities.ts";
import {
  documentOrdering,
  loadMoreResults,
  mergeReprints,
  type DocumentGroup,
  type SearchResults,
} from "../../src/lib/search/engine.ts";
import type { SearchDocument } from "../../src/schemas/passage.ts";
import { matchDocument, matchPassage, occurNear, sentenceRanges } from "../../src/lib/search/match.ts";
import { MAX_CLAUSES, parseQuery } from "../../src/lib/search/query.ts";
import { findOccurrences } from "../../src/lib/search/kwic.ts";
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

  it("counts per year, oldest first, undated last", () => {
    expect(yearDistribution(groups.map((each) => ({ year: each.year, passages: each.passages.length })))).toEqual([
      { year: "2017", passages: 3, documents: 1 },
      { year: "2023", passages: 1, documents: 1 },
      { year: "", passages: 2, documents: 1 },
    ]);
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
      documents: [1, 2].map((ordinal) => ({
        ordinal,
        positions: [1, 2, 3],
        lengths: [],
        size: 4,
        year: "",
        passages: 2,
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
  const hit = (text: string, occurrences: [number, number][], id = "p1") => ({
    id,
    type: "paragraph" as const,
    text,
    position: 1,
    number: 1,
    occurrences,
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

  it("sorts by left context read backwards from the match, by date and by document", () => {
    const lines = concordanceLines(groups, 3);
    // The character next to the match decides first, in Chinese (pinyin) order: 六 liù before 三 sān.
    expect(sortConcordance(lines, "left").map((line) => line.left)).toEqual(["", "四五六", "一二三"]);
    expect(sortConcordance(lines, "date").map((line) => line.doc)).toEqual(["b", "a", "a"]);
    expect(sortConcordance(lines, "document", true).map((line) => line.doc)).toEqual(["b", "a", "a"]);
  });

  it("exports CSV with a byte-order mark, a header, quoted fields where needed and CRLF line ends", () => {
    const csv = concordanceCsv(
      concordanceLines([group("q", 0, 0, undefined, { title: "题,“引”", passages: [hit('a"b网信', [[3, 5]])] })], 5),
      () => "u",
    );
    expect(csv).toBe(
      '\uFEFFdocument,date,outlet,passage,passage_type,passage_number,left,match,right,url\r\n"题,“引”",,,para1,paragraph,1,"a""b",网信,,u\r\n',
    );
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
