import { describe, expect, it } from "vitest";
import { joinOffset, offsetInSpans, placeOmissions, type PlacedDocument } from "../../scripts/lib/text-places.ts";

const span = (line: number, start: number, end: number) => ({ line, start, end });

/** A document of one source: title on line 1, a field on line 2, blocks on the lines given. */
const document = (slug: string, blocks: [string, ...ReturnType<typeof span>[]][]): PlacedDocument => ({
  slug,
  title: { spans: [span(1, 2, 8)] },
  fields: { byline: { spans: [span(2, 0, 4)] } },
  blocks: blocks.map(([id, ...spans]) => ({ id, spans })),
});

describe("text places", () => {
  it("finds a piece between two spans of its line, and before the first when nothing precedes it", () => {
    const spans = [span(2, 0, 5), span(2, 6, 9)];
    expect(offsetInSpans(spans, span(2, 5, 6))).toBe(5);
    expect(offsetInSpans([span(4, 3, 10)], span(4, 0, 3))).toBe(0);
    expect(offsetInSpans([span(3, 0, 4), span(4, 0, 6)], span(4, 6, 8))).toBe(10);
    expect(offsetInSpans(spans, span(7, 0, 1))).toBeUndefined();
  });

  it("puts a join where the later line's piece starts", () => {
    expect(joinOffset([span(31, 0, 12), span(33, 0, 40)], { after: 31, before: 33 })).toBe(12);
    expect(joinOffset([span(5, 2, 6), span(6, 0, 3), span(7, 0, 9)], { after: 6, before: 7 })).toBe(7);
    expect(() => joinOffset([span(5, 0, 3)], { after: 5, before: 6 })).toThrow(/no piece of line 6/);
  });

  it("places an omission in the title, in a block, or between blocks, in the document that uses its line, in source order", () => {
    const first = document("first", [
      ["p1", span(3, 3, 10)],
      ["p2", span(5, 0, 8), span(6, 0, 4)],
    ]);
    const second = document("second", [["p1", span(9, 0, 5)]]);
    second.title = { spans: [span(8, 0, 6)] };
    second.fields = {};
    const placed = placeOmissions(
      [first, second],
      [
        { spans: [span(1, 0, 2)] }, // the title's marker
        { spans: [span(3, 0, 3)] }, // a heading's marker
        { spans: [span(2, 4, 6)] }, // in a field: between blocks, before the first
        { spans: [span(4, 0, 7)] }, // a whole line between p1 and p2
        { spans: [span(7, 0, 3)] }, // a whole line after the last block of the first
        { spans: [span(9, 5, 6)] }, // the end of the second's block
      ],
    );
    expect(placed.get("first")).toEqual([
      { omission: 1, in: "title", at: 0 },
      { omission: 3, in: "text", at: 0 },
      { omission: 2, in: "p1", at: 0 },
      { omission: 4, in: "text", at: 1 },
      { omission: 5, in: "text", at: 2 },
    ]);
    expect(placed.get("second")).toEqual([{ omission: 6, in: "p1", at: 5 }]);
  });

  it("gives a whole line before every used line to the document of the nearest line after it", () => {
    const only = document("only", [["p1", span(5, 0, 4)]]);
    only.title = { spans: [] };
    only.fields = {};
    expect(placeOmissions([only], [{ spans: [span(2, 0, 3)] }]).get("only")).toEqual([
      { omission: 1, in: "text", at: 0 },
    ]);
  });
});
