import { describe, expect, it } from "vitest";
import { collate, findSharedPassages, MIN_SHARED_LENGTH } from "../../src/lib/collation.ts";

/** A run of distinct characters, so that no two filler texts share anything by chance. */
function filler(from: number, length: number): string {
  return Array.from({ length }, (_, index) => String.fromCodePoint(0x4e00 + from + index * 7)).join("");
}

describe("shared passages", () => {
  const common = (length: number) => filler(5000, length);

  it(`links passages of two documents that share ${MIN_SHARED_LENGTH} characters in a row, both ways`, () => {
    const links = findSharedPassages([
      { doc: "x", id: "p1", text: `${filler(0, 30)}${common(MIN_SHARED_LENGTH)}${filler(300, 20)}` },
      { doc: "y", id: "p4", text: `${filler(600, 10)}${common(MIN_SHARED_LENGTH)}` },
    ]);
    expect(links.map((link) => `${link.from.doc}#${link.from.id}>${link.to.doc}#${link.to.id}`)).toEqual([
      "x#p1>y#p4",
      "y#p4>x#p1",
    ]);
    expect(links[0]?.longest).toBe(MIN_SHARED_LENGTH);
    expect(links[0]?.identical).toBe(false);
  });

  it("does not link passages below the threshold, nor passages of one document", () => {
    const shortShare = common(MIN_SHARED_LENGTH - 1);
    expect(
      findSharedPassages([
        { doc: "x", id: "p1", text: `${filler(0, 30)}${shortShare}${filler(300, 20)}` },
        { doc: "y", id: "p1", text: `${shortShare}${filler(600, 30)}` },
        { doc: "y", id: "p2", text: `${filler(0, 30)}${shortShare}${filler(300, 20)}` },
      ]).filter((link) => link.from.doc !== link.to.doc || link.from.doc === "y"),
    ).toEqual([
      // y#p2 and x#p1 share 30 + 15 + 20 characters in one stretch: linked; the 15-character share alone is not.
      expect.objectContaining({ from: { doc: "x", id: "p1" }, to: { doc: "y", id: "p2" }, identical: true }),
      expect.objectContaining({ from: { doc: "y", id: "p2" }, to: { doc: "x", id: "p1" }, identical: true }),
    ]);
  });

  it("counts spacing and character width as the same text", () => {
    const [link] = findSharedPassages([
      { doc: "x", id: "p1", text: "2023年6月1日，网络安全法施行六周年。这部我国网络安全领域的基础性法律" },
      { doc: "y", id: "p9", text: "2023 年 6 月 1 日,网络安全法施行六周年。这部我国网络安全领域的基础性法律" },
    ]);
    expect(link?.identical).toBe(true);
  });
});

describe("collation variants", () => {
  it("give each variant the common text around it and the row that holds it", () => {
    const collation = collate(
      [
        { doc: "a", id: "p1", text: "第一段文字完全相同没有差别。" },
        { doc: "a", id: "p2", text: "我们要勇于担当有所作为" },
      ],
      [
        { doc: "b", id: "p1", text: "第一段文字完全相同没有差别。" },
        { doc: "b", id: "p2", text: "我们要毅于担当有所作为" },
      ],
    );
    expect(collation.variants).toEqual([
      { a: "勇", aPassage: "p2", b: "毅", bPassage: "p2", before: "我们要", after: "于担当有所作", row: 1 },
    ]);
    expect(collation.rows[1]?.a.passages.map((passage) => passage.id)).toEqual(["p2"]);
  });
});
