import { earliestEventOf, mergeSameQuotes } from "../../src/lib/timeline.ts";
import type { QuotedPassage } from "../../src/lib/passages.ts";
import { describe, expect, it } from "vitest";
import { layoutBars, shortLabel } from "../../src/lib/bar-chart.ts";
import { isLongDocument, LONG_DOCUMENT_CHARACTERS, sectionInView } from "../../src/lib/reading-aids.ts";
import { editorialDecisions } from "../../src/lib/editorial-decisions.ts";
import { passageMentionsOf } from "../../src/lib/mentions.ts";
import { milestonesCsv } from "../../src/lib/open-data.ts";
import { createUrls, localeOfParam, localeParams } from "../../src/lib/urls.ts";
import type { MilestoneEntry, PrincipleEntry, PrincipleSetEntry, TermEntry } from "../../src/schemas/entities.ts";
import type { Provenance } from "../../src/schemas/provenance.ts";
import type { Speech } from "../../src/schemas/speech.ts";

describe("urls in each interface language", () => {
  it("puts English pages under en/ and leaves assets and data where they are", () => {
    const english = createUrls("/corpus/", "en");
    expect(english.home()).toBe("/corpus/en/");
    expect(english.passage("zhao", { type: "item", number: 3 })).toBe("/corpus/en/speeches/zhao/#item3");
    expect(english.search("网信")).toBe("/corpus/en/search/?q=%E7%BD%91%E4%BF%A1");
    expect(english.asset("pagefind/pagefind.js")).toBe("/corpus/pagefind/pagefind.js");
    expect(english.data("corpus.json")).toBe("/corpus/data/corpus.json");
    expect(createUrls("/").about("open-data")).toBe("/about/#open-data");
  });

  it("finds the same page in the other language", () => {
    expect(createUrls("/corpus/", "en").samePage("/corpus/terms/wangxin/")).toBe("/corpus/en/terms/wangxin/");
    expect(createUrls("/corpus/").samePage("/corpus/en/terms/wangxin/")).toBe("/corpus/terms/wangxin/");
    expect(createUrls("/corpus/").samePage("/corpus/en/")).toBe("/corpus/");
    expect(createUrls("/", "en").samePage("/")).toBe("/en/");
    // A page whose first segment merely starts with “en” is not an English page.
    expect(createUrls("/", "en").samePage("/entries/")).toBe("/en/entries/");
  });

  it("maps route parameters to languages and refuses unknown ones", () => {
    expect(localeParams().map((params) => localeOfParam(params.lang))).toEqual(["zh-CN", "en"]);
    expect(() => localeOfParam("fr")).toThrow(/Unknown interface language/);
  });
});

describe("passage mentions", () => {
  const set = { id: "ten", name: "十个坚持", order: 0, items: ["a", "b"], namedIn: [{ doc: "d", block: "p1" }] };
  const principle = (id: string, order: number, blocks: string[]) =>
    ({
      id,
      set: "ten",
      order,
      wording: `坚持${id}`,
      passages: blocks.map((block) => ({ doc: "d", block, relation: "states" as const })),
    }) as unknown as PrincipleEntry;
  const collections = {
    sets: [set as unknown as PrincipleSetEntry],
    principles: [principle("b", 2, ["p2"]), principle("a", 1, ["p2", "p3"])],
    milestones: [
      {
        id: "m",
        passages: [
          { doc: "d", block: "p3", quote: "x" },
          { doc: "e", block: "p1", quote: "x" },
        ],
      },
    ] as unknown as MilestoneEntry[],
    terms: [
      {
        id: "t",
        documents: [
          {
            doc: "d",
            count: 2,
            passages: [
              { block: "title", count: 1 },
              { block: "p2", count: 1 },
            ],
          },
        ],
      },
    ] as unknown as TermEntry[],
  };

  it("reverse every link to a passage of the document, principles in set order", () => {
    const mentions = passageMentionsOf("d", collections);
    expect(mentions.get("p2")?.principles.map((entry) => entry.item.id)).toEqual(["a", "b"]);
    expect(mentions.get("p3")?.principles.map((entry) => entry.item.id)).toEqual(["a"]);
    expect(mentions.get("p3")?.milestones.map((entry) => entry.id)).toEqual(["m"]);
    expect(mentions.get("p1")?.namedSets.map((entry) => entry.id)).toEqual(["ten"]);
    expect(mentions.get("title")?.terms.map((entry) => entry.id)).toEqual(["t"]);
    expect([...mentions.keys()].sort()).toEqual(["p1", "p2", "p3", "title"]);
    expect(passageMentionsOf("e", collections).get("p1")?.milestones).toHaveLength(1);
  });
});

describe("bar chart", () => {
  it("scales bars to the largest value", () => {
    const bars = layoutBars([
      { label: "a", value: 10 },
      { label: "b", value: 5 },
      { label: "c", value: 0 },
    ]);
    expect(bars.map((bar) => bar.share)).toEqual([1, 0.5, 0]);
    expect(layoutBars([{ label: "a", value: 0 }])[0]?.share).toBe(0);
  });

  it("shortens labels in the middle so their ends stay apart", () => {
    const one = shortLabel("向着网络强国阔步迈进——党的十八大以来我国网信事业发展综述（材料 1）", 16);
    const two = shortLabel("向着网络强国阔步迈进——党的十八大以来我国网信事业发展综述（材料 2）", 16);
    expect([...one]).toHaveLength(16);
    expect(one).not.toBe(two);
    expect(shortLabel("短标题", 16)).toBe("短标题");
  });
});

describe("open data", () => {
  it("writes milestones as RFC 4180 CSV with a byte-order mark, quoting what needs it", () => {
    const csv = milestonesCsv([
      {
        id: "m",
        date: { value: "2023-07-14/2023-07-15", precision: "range", derivation: "据“今年”, 推算" },
        description: "会议召开。",
        documents: ["a", "b"],
        passages: [{ doc: "a", block: "p1", quote: "q" }],
        principles: [],
      } as unknown as MilestoneEntry,
    ]);
    expect(csv.startsWith("\uFEFFid,date,precision,start,end,derivation,")).toBe(true);
    expect(csv).toContain(
      'm,2023-07-14/2023-07-15,range,2023-07-14,2023-07-15,"据“今年”, 推算",会议召开。,a;b,a#p1,\r\n',
    );
  });

  it("lists milestones in date order, with a start and an end a spreadsheet reads", () => {
    const milestone = (id: string, value: string, precision: string) =>
      ({
        id,
        date: { value, precision },
        description: "事。",
        documents: [],
        passages: [],
        principles: [],
      }) as unknown as MilestoneEntry;
    const csv = milestonesCsv([
      milestone("late", "2023-07", "month"),
      milestone("open", "2014/..", "since"),
      milestone("early", "1994", "year"),
    ]);
    const rows = csv.split("\r\n").slice(1, -1);
    expect(rows.map((row) => row.split(",").slice(0, 5).join(","))).toEqual([
      "early,1994,year,1994,",
      "open,2014/..,since,2014,",
      "late,2023-07,month,2023-07,",
    ]);
  });
});

describe("editorial decisions", () => {
  it("list reading orders, joins, gaps, omissions and inferred metadata from the data", () => {
    const speech = {
      slug: "d",
      order: 0,
      readingOrder: "各栏乱序",
      date: { value: "2023", precision: "after", basis: "文中提到2023年" },
      authors: [{ value: "某某", stated: { text: "某某", lines: [1] } }],
      blocks: [
        { id: "p1", type: "paragraph", lines: [3, 5], joins: [{ after: 3, before: 5, reason: "page-break" }] },
        { id: "gap-1", type: "gap", lines: [], joins: [], decision: { reason: "page-lacks-text" } },
      ],
    } as unknown as Speech;
    const source = {
      manifest: { file: "s.txt" },
      omissions: [{ text: "# ", lines: [2], reason: "markup-artifact" }],
    } as unknown as Provenance;
    const decisions = editorialDecisions([speech], [source]);
    expect(decisions.readingOrders).toEqual([{ doc: "d", text: "各栏乱序" }]);
    expect(decisions.joins).toEqual([{ doc: "d", block: "p1", after: 3, before: 5, reason: "page-break" }]);
    expect(decisions.gaps.map((gap) => gap.block)).toEqual(["gap-1"]);
    expect(decisions.omissions).toEqual([{ file: "s.txt", text: "# ", lines: [2], reason: "markup-artifact" }]);
    expect(decisions.inferences).toEqual([{ doc: "d", field: "date", value: "2023", basis: "文中提到2023年" }]);
  });
});

describe("timeline quotes", () => {
  const passage = (doc: string, text: string): QuotedPassage => ({
    doc,
    docTitle: `${doc}题`,
    id: "p1",
    type: "paragraph",
    number: 1,
    text,
  });
  it("gives an excerpt that two copies state in the same words once, with both places", () => {
    const merged = mergeSameQuotes(
      [
        { passage: passage("a", "前文。2014年2月27日，领导小组成立。后文"), phrases: ["领导小组成立"] },
        { passage: passage("b", "别的前文。2014年2月27日，领导小组成立。后文"), phrases: ["领导小组成立"] },
        { passage: passage("c", "2014年2月27日，领导小组正式成立。"), phrases: ["领导小组正式成立"] },
      ],
      8,
    );
    expect(merged.map((quote) => quote.passages.map((found) => found.doc))).toEqual([["a", "b"], ["c"]]);
    expect(merged[0]?.segments.find((segment) => segment.marked)?.text).toBe("领导小组成立");
  });
});

describe("the earliest event of a phrase", () => {
  it("is the earliest milestone whose name, description or quote contains it", () => {
    const milestone = (id: string, value: string, quote: string, description = "事。") => ({
      id,
      date: { value, precision: "day" },
      description,
      passages: [{ quote }],
    });
    const milestones = [
      milestone("late", "2023-07-14", "建设网络强国"),
      milestone("early", "2014-02-27", "努力把我国建设成为网络 强国"),
      milestone("unrelated", "1994", "全功能接入"),
      milestone("described", "2016", "别的", "网络强国战略提出后"),
    ];
    expect(earliestEventOf(["网络强国"], milestones)?.id).toBe("early");
    expect(earliestEventOf(["数字中国"], milestones)).toBeUndefined();
  });
});

describe("reading aids", () => {
  it("marks the last section whose heading has reached the reading line", () => {
    expect(sectionInView([-800, -20, 400], 100)).toBe(1);
    expect(sectionInView([-800, -20, 100], 100)).toBe(2);
    expect(sectionInView([150, 400], 100)).toBe(-1);
    expect(sectionInView([], 100)).toBe(-1);
  });

  it("offers a way back to the top only when a document is long, counting characters, not code units", () => {
    expect(isLongDocument(["字".repeat(LONG_DOCUMENT_CHARACTERS)])).toBe(false);
    expect(isLongDocument(["字".repeat(LONG_DOCUMENT_CHARACTERS), "。"])).toBe(true);
    // a character outside the BMP is two code units but one character
    expect(isLongDocument(["𠀀".repeat(LONG_DOCUMENT_CHARACTERS)])).toBe(false);
  });
});
