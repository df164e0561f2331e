import { describe, expect, it } from "vitest";
import { documentView, neighboursOf, passageNotesOf, type DocumentSources } from "../../src/lib/document-view.ts";
import { passageLookup } from "../../src/lib/passages.ts";
import { compareDocuments, type OrderKey } from "../../src/lib/document-order.ts";
import type { PassagesEntry } from "../../src/schemas/entities.ts";
import type { Provenance } from "../../src/schemas/provenance.ts";
import type { Speech } from "../../src/schemas/speech.ts";

/** A document with only what these tests read. */
function speech(slug: string, order: number, extra: Partial<Speech> = {}): Speech {
  return {
    slug,
    order,
    kind: "article",
    title: { text: `${slug}题`, lines: [1] },
    fields: {},
    authors: [],
    relations: [],
    blocks: [],
    source: { file: `${slug}.txt`, sha256: "0".repeat(64) },
    ...extra,
  } as Speech;
}

function passages(doc: string, list: PassagesEntry["passages"]): PassagesEntry {
  return { doc, title: `${doc}题`, citeTitle: `${doc}题（材料）`, passages: list };
}

const a = speech("a", 0, {
  relations: [{ type: "same-text-as", target: "c" }],
  blocks: [
    { id: "p1", type: "paragraph", lines: [3, 5], joins: [{ after: 3, before: 5, reason: "page-break" }] },
    { id: "p2", type: "heading", lines: [6], joins: [] },
  ],
  date: { value: "2023-07", precision: "month", basis: "据会议日期推定" },
  authors: [{ value: "某某" }],
} as Partial<Speech>);
const b = speech("b", 1);
const c = speech("c", 2, { relations: [{ type: "same-text-as", target: "a" }] } as Partial<Speech>);

const site: DocumentSources = {
  // Out of order on purpose: neighbours follow `order`, not the list.
  documents: [c, a, b],
  passages: new Map([
    [
      "a",
      passages("a", [
        { id: "title", type: "title", number: 0, text: "a题", shared: [] },
        {
          id: "p1",
          type: "paragraph",
          number: 1,
          text: "正文",
          shared: [{ doc: "c", id: "p4", longest: 20, shared: 20, identical: true }],
        },
        { id: "p2", type: "heading", number: 1, text: "一、小标题", shared: [] },
      ]),
    ],
    [
      "c",
      passages("c", [
        { id: "p3", type: "heading", number: 1, text: "二、小标题", shared: [] },
        { id: "p4", type: "paragraph", number: 1, text: "正文", shared: [] },
      ]),
    ],
  ]),
  passage: (doc, id) => passageLookup([...site.passages.values()])(doc, id),
  citeTitle: (doc) => `${doc}题（材料）`,
  entities: { sets: [], principles: [], milestones: [], terms: [] },
  provenance: new Map([
    ["a.txt", { omissions: [{ text: "# ", lines: [2], reason: "markup-artifact" }] } as unknown as Provenance],
  ]),
  sameTextPairs: [{ a: "a", b: "c" }],
};

describe("document view", () => {
  it("finds the neighbours in corpus order, and none beyond either end", () => {
    expect(neighboursOf(site.documents, "b")).toEqual({ previous: a, next: c });
    expect(neighboursOf(site.documents, "a").previous).toBeUndefined();
    expect(neighboursOf(site.documents, "c").next).toBeUndefined();
    expect(neighboursOf(site.documents, "missing")).toEqual({});
  });

  it("gives relations their titles and the collation page of two copies, joins their block, headings their text", () => {
    const view = documentView(site, "c");
    expect(view.relations).toEqual([
      { type: "same-text-as", target: "a", title: "a题（材料）", collation: { a: "a", b: "c" } },
    ]);
    const first = documentView(site, "a");
    expect(first.joins).toEqual([{ after: 3, before: 5, reason: "page-break", id: "p1", anchor: "para1", label: "1" }]);
    expect(first.headings).toEqual([{ id: "p2", anchor: "sec1", text: "一、小标题" }]);
    expect(first.omissions).toEqual([{ text: "# ", lines: [2], reason: "markup-artifact" }]);
    expect(documentView(site, "b").omissions).toEqual([]);
    expect(() => documentView(site, "missing")).toThrow(/no document missing/);
  });

  it("gives the notes under each passage the citation data, inferred date marked, and the shared passages with titles", () => {
    const notes = passageNotesOf(site, "a");
    expect(notes.cited).toMatchObject({
      title: "a题",
      authors: ["某某"],
      date: { value: "2023-07", precision: "month", inferred: true },
    });
    expect(notes.shared.get("p1")).toEqual([
      {
        doc: "c",
        id: "p4",
        type: "paragraph",
        number: 1,
        identical: true,
        longest: 20,
        title: "c题（材料）",
        words: expect.objectContaining({ length: expect.any(Number) }),
      },
    ]);
    expect(notes.numbers.get("p2")).toEqual({ type: "heading", number: 1 });
    expect(notes.shared.get("title")).toEqual([]);
    expect(() => passageNotesOf(site, "b")).toThrow(/no document b/);
  });

  it("orders documents by date, coarser dates first, lower bounds after, then sequence, source and position", () => {
    const key = (slug: string, value?: string, extra: Partial<OrderKey> = {}): OrderKey => ({
      slug,
      ...(value ? { date: { value, precision: extra.date?.precision ?? "month" } } : {}),
      source: "b.txt",
      position: 0,
      ...extra,
    });
    const keys = [
      key("undated"),
      key("day", "2023-07-15", { date: { value: "2023-07-15", precision: "day" } }),
      key("after", "2023-07", { date: { value: "2023-07", precision: "after" } }),
      key("month", "2023-07"),
      key("year", "2023", { date: { value: "2023", precision: "year" } }),
      key("second", "2017", { sequence: 2 }),
      key("first", "2017", { sequence: 1 }),
      key("other-source", "2017", { sequence: 1, source: "a.txt", position: 3 }),
      key("later-in-file", "2014", { position: 2 }),
      key("earlier-in-file", "2014", { position: 1 }),
    ];
    expect([...keys].sort(compareDocuments).map((entry) => entry.slug)).toEqual([
      "earlier-in-file",
      "later-in-file",
      "other-source",
      "first",
      "second",
      "year",
      "month",
      "after",
      "day",
      "undated",
    ]);
  });
});
