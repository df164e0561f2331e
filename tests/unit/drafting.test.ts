import { describe, expect, it } from "vitest";
import { statesDate } from "../../scripts/lib/assemble.ts";
import { proposeDate } from "../../scripts/lib/draft-dates.ts";
import { joinEvidence, layoutOf } from "../../scripts/lib/draft-joins.ts";
import {
  bulletLength,
  captionEnd,
  findDateline,
  findMetadataRun,
  fullDateIn,
  proposeCuts,
} from "../../scripts/lib/draft-lines.ts";

const loose = { blankSeparated: false };

describe("the drafter's recognisers", () => {
  it("reads a dateline with its outlet, month and day, and none where a sentence only mentions an agency", () => {
    expect(findDateline("新华网北京2月28日电 （记者 张三）今天上午……")).toMatchObject({
      outlet: "新华网",
      month: 2,
      day: 28,
      length: "新华网北京2月28日电 （记者 张三）".length,
    });
    expect(findDateline("本报北京3月5日电 会议指出……")?.outlet).toBeUndefined();
    expect(findDateline("据新华社报道，会议于3月5日闭幕。")).toBeUndefined();
  });

  it("finds where a fused run of page information ends, at a separator, a dateline or a guessed name", () => {
    const line = "发布时间:2023-11-09 08:58:53 | 来源:新华网 | 作者: | 责任编辑:王某新华社北京11月8日电 会议……";
    const run = findMetadataRun(line);
    expect(line.slice(run?.length)).toMatch(/^新华社北京11月8日电/);
    expect(run?.fields.map((field) => field.key)).toEqual(["发布时间", "来源", "作者", "责任编辑"]);
    expect(run?.guessedEnd).toBe(false);
    const fused = findMetadataRun("责任编辑:李四会议强调要坚持和加强党的全面领导推进各项工作");
    expect(fused?.guessedEnd).toBe(true);
    expect(findMetadataRun("来源不明的消息不宜转载。")).toBeUndefined();
  });

  it("ends a caption at its photo credit, not at a sentence that mentions a photographer", () => {
    const line = "习近平出席会议。新华社记者 李学仁 摄习近平指出，要……";
    expect(line.slice(captionEnd(line))).toBe("习近平指出，要……");
    expect(captionEnd("他在现场拍摄了纪录片。")).toBeUndefined();
    expect(captionEnd("会场一角（新华社发）")).toBe("会场一角（新华社发）".length);
  });

  it("measures a bullet before a title, and reads full dates in both notations", () => {
    expect(bulletLength("• 关于加强网络治理的通知")).toBe(2);
    expect(bulletLength("•")).toBeUndefined();
    expect(fullDateIn("发布时间：2023-11-09 08:58")?.value).toBe("2023-11-09");
    expect(fullDateIn("2016年4月19日，座谈会召开")?.value).toBe("2016-04-19");
  });

  it("proposes cuts of an over-long line after sentence ends, each piece about a paragraph", () => {
    const sentence = "这是一句足够长的话，用来检验切分是否落在句末。";
    const line = sentence.repeat(40);
    const cuts = proposeCuts(line, 100);
    expect(cuts.length).toBeGreaterThan(3);
    for (const cut of cuts) expect(line[cut - 1]).toBe("。");
    expect(proposeCuts("短句。", 100)).toEqual([]);
  });
});

describe("join evidence", () => {
  it("never joins across a blank line unless the text shows a wrap", () => {
    expect(joinEvidence("吹响新时代的号角", "2016年4月19日，座谈会召开。", "blank", loose).join).toBe(false);
    expect(joinEvidence("会议强调，要坚持", "，推进改革。", "blank", loose).join).toBe(true);
    expect(joinEvidence("会议强调，要坚持改革开放，", "推进高质量发展。", "blank", loose).join).toBe(true);
  });

  it("joins lines with nothing between them only where the layout shows wrapping", () => {
    const long = "网络安全和信息化工作要坚持以人民为中心的发展思想推进";
    expect(joinEvidence(long, "各项工作。", "nothing", { blankSeparated: true }).join).toBe(true);
    expect(joinEvidence(long, "各项工作。", "nothing", loose).join).toBe(false);
    expect(joinEvidence("短标题", "正文。", "nothing", { blankSeparated: true }).join).toBe(false);
    expect(
      joinEvidence(long, "各项工作。", "nothing", { blankSeparated: false, wrapWidth: [...long].length }),
    ).toMatchObject({
      join: true,
      reason: "line-wrap",
    });
    expect(joinEvidence(long, "各项工作。", "omitted", { blankSeparated: true })).toMatchObject({
      reason: "page-break",
    });
  });

  it("reads the layout: blank-separated paragraphs, and a hard wrap width", () => {
    const wrapped = Array.from({ length: 6 }, () => ({
      text: "一二三四五六七八九十一二三四五六七八九十",
      blankBefore: false,
    }));
    expect(layoutOf(wrapped)).toEqual({ blankSeparated: false, wrapWidth: 20 });
    const spaced = ["第一段。", "第二段。", "第三段。"].map((text, index) => ({ text, blankBefore: index > 0 }));
    expect(layoutOf(spaced).blankSeparated).toBe(true);
  });
});

describe("the proposed date", () => {
  const dateline = { month: 2, day: 28, text: "新华网北京2月28日电", piece: "3a", line: 3 };

  it("prefers a dateline to a later posting time, and asks instead of writing a false basis", () => {
    const proposal = proposeDate({
      dateline,
      opening: [],
      posted: { value: "2016-09-20", text: "2016-09-20 08:00", line: 2 },
    });
    expect(proposal.date).toBeUndefined();
    expect(proposal.question?.fix).toContain('value: "2016-02-28"');
  });

  it("takes the year of a date in the opening that agrees with the dateline, as stated", () => {
    const opening = [{ value: "2016-02-28", text: "2016年2月28日", piece: "1", line: 1 }];
    expect(proposeDate({ dateline, opening }).date).toEqual({ value: "2016-02-28", precision: "day", from: "1" });
  });

  it("infers the posting date only with a basis that is true of the text", () => {
    const posted = { value: "2023-11-09", text: "发布时间:2023-11-09", line: 2 };
    expect(proposeDate({ opening: [], posted }).date?.basis).toContain("文中开头未另载日期");
    const other = proposeDate({
      opening: [{ value: "2023-10-01", text: "2023年10月1日", piece: "4", line: 4 }],
      posted,
    });
    expect(other.date?.basis).not.toContain("未另载");
    expect(other.question?.fix).toContain("2023-10-01");
  });

  it("counts an ISO date in a line as stated", () => {
    expect(statesDate("发布时间:2023-11-09 08:58:53", "2023-11-09")).toBe(true);
    expect(statesDate("发布时间:2023-11-19", "2023-11-09")).toBe(false);
  });
});
