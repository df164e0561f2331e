import { describe, expect, it } from "vitest";
import { statesDate } from "../../scripts/lib/assemble.ts";
import { proposeDate } from "../../scripts/lib/draft-dates.ts";
import { endsSentence, joinEvidence, layoutOf } from "../../scripts/lib/draft-joins.ts";
import {
  opensText,
  pageHeader,
  splitDate,
  trailingNavigation,
  unbulletedItems,
  type LineShape,
} from "../../scripts/lib/draft-layout.ts";
import {
  bulletLength,
  captionEnd,
  findDateline,
  findIssueLine,
  findMetadataRun,
  fullDateIn,
  htmlTags,
  isCaptionLine,
  isCreditLine,
  isNameList,
  isNamedAuthor,
  isOutletByline,
  numberOf,
  proposeCuts,
  runTogetherBreaks,
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

  it("reads datelines in brackets, in traditional characters, by any outlet, with the day alone or no date", () => {
    expect(findDateline("【據新華社北京十五日電】中共中央總書記……")).toMatchObject({
      outlet: "新華社",
      month: undefined,
      day: 15,
      length: "【據新華社北京十五日電】".length,
    });
    expect(findDateline("浙江在线12月17日讯 (浙江日报记者 应建勇)全球……")).toMatchObject({
      outlet: "浙江在线",
      month: 12,
      day: 17,
    });
    expect(findDateline("黄南新闻网讯 9月23日,省委网信办……")).toMatchObject({ outlet: "黄南新闻网", day: undefined });
    expect(findDateline("本报综合消息")).toMatchObject({ outlet: undefined, day: undefined });
    expect(findDateline("国际在线报道(记者 王嘉宁 侯嘉慧):11月23日,论坛举行。")).toMatchObject({
      outlet: "国际在线",
      length: "国际在线报道(记者 王嘉宁 侯嘉慧):".length,
    });
    expect(findDateline("人民网报道称,会议举行。")).toBeUndefined();
    expect(findDateline("据新华社星期六(7月15日)报道,会议召开。")).toBeUndefined();
    expect([numberOf("十五"), numberOf("二十一"), numberOf("三十"), numberOf("十"), numberOf("7")]).toEqual([
      15, 21, 30, 10, 7,
    ]);
  });

  it("reads an e-paper's issue line, but not a date alone", () => {
    expect(findIssueLine("2015年12月17日 星期四 新京报")).toEqual({ date: "2015-12-17", outlet: "新京报" });
    expect(findIssueLine("人民日报 2023年07月15日 第01版")).toEqual({ date: "2023-07-15", outlet: "人民日报" });
    expect(findIssueLine("2023年5月6日")).toBeUndefined();
  });

  it("reads page information in traditional characters, opened by a bare time, with its residue", () => {
    const cri = findMetadataRun("2025-09-15 09:09:49來源:中央廣電總臺央視新聞客戶端編輯:陸華宇");
    expect(cri?.fields).toEqual([
      { key: "时间", value: "2025-09-15 09:09:49" },
      { key: "來源", value: "中央廣電總臺央視新聞客戶端" },
      { key: "編輯", value: "陸華宇" },
    ]);
    const fused = "时间:2023-07-15 20:35内容来源:联合早报 版阅读:新闻归类:中国聚焦";
    expect(findMetadataRun(fused)?.length).toBe(fused.length);
    const spaced = "来源 :人民日报海外版 访问次数 : 发布时间:2020-09-15 11:18 打印";
    expect(findMetadataRun(spaced)?.length).toBe(spaced.length);
    expect(findMetadataRun("会议时间：2023年5月6日上午九时。")).toBeUndefined();
    const sources = "  来源:《人民日报》、中国网信网、《中国互联网络发展状况统计报告》";
    expect(findMetadataRun(sources)).toMatchObject({ length: sources.length, guessedEnd: false });
  });

  it("tells credit lines from bylines, and never takes 佚名 for an author", () => {
    expect(isCreditLine("新京报记者 许雯 编辑 陈思")).toBe(true);
    expect(isCreditLine("专栏策划:高春宽 责任编")).toBe(true);
    expect(isCreditLine("新京报记者 彭子洋 侯少卿 王飞 摄")).toBe(true);
    expect(isCreditLine("水母网首席评论员 姜春康")).toBe(false);
    expect(isOutletByline("水母网首席评论员 姜春康")).toBe(true);
    expect(isOutletByline("本报记者作为为数不多进入现场的中外记者之一。")).toBe(false);
    expect([isNamedAuthor("佚名"), isNamedAuthor("本站"), isNamedAuthor("张三")]).toEqual([false, false, true]);
  });

  it("reads empty keys between bars, a journal issue as one value, captions without credits, names alone", () => {
    const blog = findMetadataRun("|  阅读量 | 分类: 微新闻 | 作者: 卢松松 | 时间:2015年12月10日 13:17");
    expect(blog?.fields.map((field) => field.key)).toEqual(["阅读量", "分类", "作者", "时间"]);
    const journal = findMetadataRun(
      "发布日期:2020-09-27 作者:周雅颂 来源:《云南行政学院学报》2019年第02期 文章浏览量:",
    );
    expect(journal?.fields.find((field) => field.key === "来源")?.value).toBe("《云南行政学院学报》2019年第02期");
    expect([isCaptionLine("图为国家互联网信息办公室主任"), isCaptionLine("▲2023年11月7日，观众参观。")]).toEqual([
      true,
      true,
    ]);
    expect(isCaptionLine("图书馆开放时间延长。")).toBe(false);
    expect([isNameList("刘华军,张昊天"), isNameList("丁铁"), isNameList("网络强国建设取得新进展。")]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it("finds the HTML tags a capture kept", () => {
    const line = '<P style="A: 0px">答:</STRONG>当前,5G';
    expect(htmlTags(line).map(([start, end]) => line.slice(start, end))).toEqual(['<P style="A: 0px">', "</STRONG>"]);
    expect(htmlTags("比较 a<b 与 b>c")).toEqual([]);
  });

  it("finds paragraphs a capture ran together with spaces, from three on", () => {
    const line = "第一段。 第二段：　第三段。 第四段。";
    expect(runTogetherBreaks(line).map((at) => line.slice(at, at + 3))).toEqual(["第二段", "第三段", "第四段"]);
    expect(runTogetherBreaks("一句。 二句。")).toEqual([]);
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
    const roleFirst = "浙江省省委书记袁家军致欢迎词 摄影 王嘉宁";
    expect(captionEnd(roleFirst)).toBe(roleFirst.length);
    expect(captionEnd("卡巴斯基发表视频讲话 摄影 ")).toBe("卡巴斯基发表视频讲话 摄影 ".length);
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

describe("the page's layout", () => {
  const shape = (body: string, extra: Partial<LineShape> = {}): LineShape => ({
    body,
    pageInfo: false,
    blankBefore: true,
    ...extra,
  });

  it("takes the title from above the page information, and the site's lines above and beside it", () => {
    const lines = [
      shape("法治"),
      shape("《国家网络安全事件报告管理办法》发布"),
      shape("", { pageInfo: true }),
      shape("观点"),
      shape("近日,国家互联网信息办公室发布《国家网络安全事件报告管理办法》。"),
    ];
    expect(pageHeader(lines)).toEqual({ title: 1, above: [0], labels: [3] });
  });

  it("does not begin the text at a short banner ending with an exclamation mark", () => {
    expect(opensText("欢迎来到国脉互联官方网站!")).toBe(false);
    expect(opensText("网络强国建设取得新的重大进展。")).toBe(true);
    // a long headline without clauses is a title, not text
    expect(
      opensText("衡阳市| 衡阳市信息网络领域扫黑除恶专项斗争培训会暨新媒体代表人士采风活动在常宁市西岭镇举行"),
    ).toBe(false);
  });

  it("keeps the first title-like line, and every label, when no page information shows the site", () => {
    const lines = [shape("加快建设网络强国"), shape("陈某"), shape("网络强国建设取得新的重大进展。")];
    expect(pageHeader(lines)).toEqual({ title: 0, above: [], labels: [] });
    const numbered = [shape("国务院办公厅关于加强数据安全管理工作的通知"), shape("国办发〔2023〕12号")];
    expect(pageHeader([...numbered, shape("", { pageInfo: true })]).title).toBe(0);
  });

  it("takes two or more labels after the text for navigation, never a signature with its date", () => {
    const isDate = (text: string) => fullDateIn(text) !== undefined;
    const text = shape("互联网违法和有害不良信息举报工作是网络综合治理体系建设的重要抓手。");
    expect(trailingNavigation([text, shape("工作动态"), shape("举报指南")], isDate)).toEqual([1, 2]);
    expect(trailingNavigation([text, shape("国务院办公厅"), shape("2023年5月6日")], isDate)).toEqual([]);
    expect(trailingNavigation([text, shape("国家互联网信息办公室")], isDate)).toEqual([]);
    const repeated = shape("一图读懂", { repeats: true });
    expect(trailingNavigation([text, repeated, shape("新聞"), shape("文娛")], isDate)).toEqual([2, 3]);
  });

  it("reads a posting date printed over several lines", () => {
    expect(splitDate(["观点", "2021", "09/16", "08:34", "亚设网"])).toEqual({
      lines: [1, 2, 3],
      value: "2021-09-16",
      text: "2021 09/16 08:34",
    });
    expect(splitDate(["2021", "年度报告"])).toBeUndefined();
  });

  it("finds a list of three or more items, each a title line and one paragraph, and not two", () => {
    const pair = (title: string) => [
      shape(title, { blankBefore: false }),
      shape(`${title}的摘要写在这里，是一段完整的话。`, { blankBefore: false }),
    ];
    const three = [
      ...pair("深圳市民捡到金条 警方寻得失主"),
      ...pair("甘肃省网络安全宣传周启动"),
      ...pair("某地出台数据要素政策"),
    ];
    expect(unbulletedItems(three)).toEqual([0, 2, 4]);
    expect(unbulletedItems(three.slice(0, 4))).toEqual([]);
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

  it("never joins a sentence closed before a short bracketed note, nor a line to a list item", () => {
    expect(endsSentence("……报告网络安全事件。(瞭新社)")).toBe(true);
    expect(endsSentence("会议强调(记者")).toBe(false);
    const entry = "- 致中共辽宁省委政法委于天...2020-08-24";
    const wrapped = { blankSeparated: false, wrapWidth: [...entry].length };
    expect(joinEvidence(entry, "- 致忻州市忻府区人民政府王...2020-07-02", "nothing", wrapped).join).toBe(false);
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

  it("dates a reposted journal article by the issue its source names, not by the repost", () => {
    const proposal = proposeDate({
      opening: [],
      posted: { value: "2020-09-27", text: "发布日期:2020-09-27", line: 7 },
      issue: { year: "2019", text: "《云南行政学院学报》2019年第02期", line: 7 },
    });
    expect(proposal.date).toMatchObject({ value: "2019", precision: "year" });
    expect(proposal.date?.basis).toContain("转载");
  });

  it("counts an ISO date in a line as stated", () => {
    expect(statesDate("发布时间:2023-11-09 08:58:53", "2023-11-09")).toBe(true);
    expect(statesDate("发布时间:2023-11-19", "2023-11-09")).toBe(false);
  });
});
