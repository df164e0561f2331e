import { describe, expect, it } from "vitest";
import { formatDate, formatMilestoneDate, milestoneYear } from "../../src/lib/dates.ts";
import { isTerminated } from "../../src/lib/punctuation.ts";
import { createUrls, joinBase } from "../../src/lib/urls.ts";
import { statesDate } from "../../scripts/lib/assemble.ts";
import { escapeMdxText } from "../../scripts/lib/emit.ts";
import { buildPieceTable, expandRange } from "../../scripts/lib/pieces.ts";

describe("urls", () => {
  it("builds every URL under the base path", () => {
    expect(joinBase("/corpus", "/speeches/")).toBe("/corpus/speeches/");
    const urls = createUrls("/corpus/");
    expect(urls.home()).toBe("/corpus/");
    expect(urls.speech("zhao")).toBe("/corpus/speeches/zhao/");
    expect(urls.block("zhao", "p3")).toBe("/corpus/speeches/zhao/#p3");
    expect(createUrls("/").speech("zhao")).toBe("/speeches/zhao/");
    expect(urls.principleSet("ten-principles", "party-leads-internet")).toBe(
      "/corpus/principles/ten-principles/#party-leads-internet",
    );
    expect(urls.milestones("law-2017")).toBe("/corpus/milestones/#law-2017");
    expect(urls.term("wangxin")).toBe("/corpus/terms/wangxin/");
  });
});

describe("dates", () => {
  it("writes a date at its precision", () => {
    expect(formatDate("2024-02-27", "day")).toBe("2024年2月27日");
    expect(formatDate("2023-08", "month")).toBe("2023年8月");
    expect(formatDate("2017-10", "after")).toBe("2017年10月以后");
    expect(formatDate("2017", "after")).toBe("2017年以后");
    expect(formatDate("2023-07-14", "year")).toBe("2023年");
  });

  it("writes a milestone date at its precision, ranges and open intervals included", () => {
    expect(formatMilestoneDate("1994", "year")).toBe("1994年");
    expect(formatMilestoneDate("2016-06", "month")).toBe("2016年6月");
    expect(formatMilestoneDate("2014-02-27", "day")).toBe("2014年2月27日");
    expect(formatMilestoneDate("2023-07-14/2023-07-15", "range")).toBe("2023年7月14日至15日");
    expect(formatMilestoneDate("2023-06-30/2023-07-02", "range")).toBe("2023年6月30日至7月2日");
    expect(formatMilestoneDate("2022-12-30/2023-01-02", "range")).toBe("2022年12月30日至2023年1月2日");
    expect(formatMilestoneDate("2014/..", "since")).toBe("2014年以来");
    expect(milestoneYear("2014/..")).toBe("2014");
  });

  it("checks that a text states a date", () => {
    expect(statesDate("《 人民日报 》( 2024年02月27日 10 版)", "2024-02-27")).toBe(true);
    expect(statesDate("2023年8月", "2023-08")).toBe(true);
    expect(statesDate("2023年8月", "2023-09")).toBe(false);
    expect(statesDate("2023 年 6 月 1 日", "2023-06-01")).toBe(true);
    expect(statesDate("2023年6月11日", "2023-06-01")).toBe(false);
  });
});

describe("punctuation", () => {
  it("tells a sentence end from a cut", () => {
    expect(isTerminated("……作出新贡献。")).toBe(true);
    expect(isTerminated("晴朗起来”。")).toBe(true);
    expect(isTerminated("再出发!")).toBe(true);
    expect(isTerminated("共建共享网络文明……")).toBe(true);
    expect(isTerminated("以重大工程、重点任")).toBe(false);
    expect(isTerminated("习近平总书记的重大论断，")).toBe(false);
    expect(isTerminated("甘于拼搏奉献”")).toBe(false);
    expect(isTerminated("风险评估；")).toBe(false);
  });
});

describe("piece table", () => {
  const lines = ["# 标题 后半", "", "正文。", "再一段。"];

  it("splits lines into lettered pieces that cover them exactly", () => {
    const { table, errors } = buildPieceTable(lines, { 1: ["# ", "标题", " ", "后半"] });
    expect(errors).toEqual([]);
    expect(table.pieces.map((piece) => piece.ref)).toEqual(["1a", "1b", "1c", "1d", "3", "4"]);
    expect(table.get("1b")).toMatchObject({ line: 1, start: 2, end: 4, text: "标题" });
    expect(expandRange(table, 1, 4).map((piece) => piece.ref)).toEqual(["1a", "1b", "1c", "1d", "3", "4"]);
  });

  it("refuses a split that does not cover its line, or names a blank line", () => {
    const { errors } = buildPieceTable(lines, { 1: ["# ", "标题"], 2: ["a", "b"] });
    expect(errors).toEqual([
      { kind: "mismatch", line: 1, expected: "# 标题 后半", actual: "# 标题" },
      { kind: "no-such-line", line: 2 },
    ]);
  });
});

describe("MDX escaping", () => {
  it("writes Markdown and MDX syntax as character references that decode to the same text", () => {
    const hostile = "<img src=x onerror=alert(1)> {expr} *a* _b_ [c](d) `e` \\ & # | ~ ^ ! + - = :";
    const escaped = escapeMdxText(hostile);
    expect(escaped).not.toMatch(/[<>{}*_[\]`\\]/);
    const decoded = escaped.replace(/&#x([0-9A-F]+);/g, (_, hex: string) =>
      String.fromCodePoint(Number.parseInt(hex, 16)),
    );
    expect(decoded).toBe(hostile);
    expect(escapeMdxText("网络强国“十个坚持”。")).toBe("网络强国“十个坚持”。");
  });
});
