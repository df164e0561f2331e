import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { statesDate } from "../../scripts/lib/assemble.ts";
import { proposeDate } from "../../scripts/lib/draft-dates.ts";
import { endsSentence, joinEvidence, layoutOf } from "../../scripts/lib/draft-joins.ts";
import {
  isFieldLabel,
  isPostingLine,
  isTitleLabel,
  opensText,
  pageHeader,
  repeatedHeadlineEnd,
  sameHeadline,
  splitDate,
  trailingNavigation,
  unbulletedItems,
  type LineShape,
} from "../../scripts/lib/draft-layout.ts";
import {
  agencyCredit,
  bulletLength,
  captionEnd,
  findDateline,
  findIssueLine,
  findMetadataRun,
  fullDateIn,
  htmlTags,
  isAffiliation,
  isBlockTag,
  isCaptionLine,
  isCreditLine,
  isNameList,
  isNamedAuthor,
  isOutletByline,
  isRoleLine,
  numberOf,
  proposeCuts,
  runTogetherBreaks,
  todayIn,
  wrappedParagraphStarts,
} from "../../scripts/lib/draft-lines.ts";
import { draftSource, recogniseClutter } from "../../scripts/lib/draft-source.ts";
import { questionReport } from "../../scripts/lib/question-report.ts";
import { rankByAffected } from "../../src/lib/open-questions.ts";
import { readVocabulary } from "../../scripts/lib/vocabulary.ts";
import type { EditorialDocument } from "../../src/schemas/editorial.ts";
import { projectRoot } from "../helpers/root.ts";

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

  it("reads an issue line with an ISO date, and a date written day.month.year", () => {
    expect(findIssueLine("南方日报 2024-05-06")).toEqual({ date: "2024-05-06", outlet: "南方日报" });
    expect(findIssueLine("2024-05-06")).toBeUndefined();
    expect(fullDateIn("更新于 06.05.2024 09:30")?.value).toBe("2024-05-06");
    expect([fullDateIn("版本 1.2.3"), fullDateIn("13.13.2020"), fullDateIn("5/6/2024")]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("ends a source's value where a posting time is glued to it, and keeps a publication's own date", () => {
    const fused = findMetadataRun("来源:人民网2024-05-06 10:20");
    expect(fused?.fields).toEqual([
      { key: "来源", value: "人民网" },
      { key: "时间", value: "2024-05-06 10:20" },
    ]);
    expect(fused?.length).toBe("来源:人民网2024-05-06 10:20".length);
    expect(findMetadataRun("来源:光明日报 2023-01-02 08:00")?.fields.map((field) => field.key)).toEqual([
      "来源",
      "时间",
    ]);
    expect(findMetadataRun("来源:《人民日报》2023年7月15日")?.fields).toHaveLength(1);
  });

  it("reads a dateline that names a portal, or a place before 讯", () => {
    expect(findDateline("新浪北京讯(记者 李四)5月6日上午，论坛举行。")).toMatchObject({
      outlet: "新浪",
      length: "新浪北京讯(记者 李四)".length,
    });
    expect(findDateline("本报上海讯 记者日前获悉……")).toMatchObject({ outlet: undefined, day: undefined });
    expect(findDateline("新浪微博上的讨论很热烈。")).toBeUndefined();
  });

  it("reads an agency's credit, a producer's line and roles in a run of credits", () => {
    expect(agencyCredit("中新社 王五")).toEqual({ outlet: "中新社" });
    expect(agencyCredit("新华社 王五 赵六")).toEqual({ outlet: "新华社" });
    expect(agencyCredit("人民网舆情数据中心出品")).toEqual({ outlet: "人民网" });
    expect([agencyCredit("本报 张三"), agencyCredit("会议强调 要坚持")]).toEqual([undefined, undefined]);
    expect([isCreditLine("设计:王五"), isCreditLine("记者:赵六"), isRoleLine("记者:赵六")]).toEqual([
      true,
      false,
      true,
    ]);
  });

  it("reads names spaced to width, an affiliation in brackets, and no outlet in 互联网", () => {
    expect([isNameList("张三丰 李四 王 五"), isNameList("王 五六七八")]).toEqual([true, false]);
    expect(isAffiliation("(清华大学公共管理学院 北京 100084)")).toBe(true);
    expect(isAffiliation("（某某研究所，上海 200000）")).toBe(true);
    expect([isAffiliation("(2023年5月6日)"), isAffiliation("(本报记者 张三)")]).toEqual([false, false]);
    expect([isNamedAuthor("互联网"), isNamedAuthor("网友"), isNamedAuthor("央视网")]).toEqual([false, false, true]);
  });

  it("reads the month and day a text gives its own 今天", () => {
    expect(todayIn("在今天(5月6日)举行的发布会上，……")).toEqual({ month: 5, day: 6, text: "今天(5月6日)" });
    expect(todayIn("今日（12月1日）起施行。")).toMatchObject({ month: 12, day: 1 });
    expect(todayIn("今天是个好日子。")).toBeUndefined();
  });

  it("tells the HTML tags that end a block from those inside a paragraph", () => {
    expect(["</div>", '<p class="x">', "<br/>", "<DIV>"].map(isBlockTag)).toEqual([true, true, true, true]);
    expect(["<strong>", "</span>", '<img src="a.jpg">', "<pre>"].map(isBlockTag)).toEqual([false, false, false, false]);
  });

  it("finds where a hard-wrapped text run together on one line ends its paragraphs", () => {
    const paragraphs = [
      "网络安全和信息化工作是一项长期任务，需要久久为功，不能一蹴而就。各地各部门要结合实际，抓好贯彻落实，确保各项部署取得实效。",
      "数据是新型生产要素，是数字化、网络化、智能化的基础，已快速融入生产、分配、流通、消费和社会服务管理等各环节，深刻改变着生产方式。",
      "要加强数据安全保护，健全数据安全治理体系，提高数据安全保障能力。",
    ];
    const wrap = (text: string) => text.match(/.{1,20}/gu)?.join(" ") ?? "";
    const line = paragraphs.map(wrap).join(" ");
    expect(wrappedParagraphStarts(line).map((at) => line.slice(at, at + 4))).toEqual(["数据是新", "要加强数"]);
    // paragraphs run together without a common width: no cut (asked about instead)
    expect(wrappedParagraphStarts(paragraphs.join(" "))).toEqual([]);
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

  it("takes short controls with a Latin word for navigation after the text", () => {
    const isDate = (text: string) => fullDateIn(text) !== undefined;
    const text = shape("互联网违法和有害不良信息举报工作是网络综合治理体系建设的重要抓手。");
    expect(trailingNavigation([text, shape("今日聚焦"), shape("layer 分享"), shape("layer 评论")], isDate)).toEqual([
      1, 2, 3,
    ]);
    expect(trailingNavigation([text, shape("Chen Wenjun:"), shape("layer 分享")], isDate)).toEqual([]);
  });

  it("anchors the title on a control above the text when no page information shows where it begins", () => {
    const paragraph = shape("近日,国家互联网信息办公室发布《国家网络安全事件报告管理办法》。");
    const control = shape("", { site: true });
    const lines = [shape("购物"), shape("帮助中心"), shape("关于数据安全的十个问题"), control, paragraph];
    expect(pageHeader(lines)).toMatchObject({ title: 2, above: [0, 1] });
    // a breadcrumb above the title is the site's too, but the title still comes after it
    expect(pageHeader([control, shape("关于数据安全的十个问题"), paragraph]).title).toBe(1);
  });

  it("reads a date among a few short words above the text as page information", () => {
    expect(isPostingLine("时政 2023-05-06 10:20 北京", fullDateIn)).toBe(true);
    expect(isPostingLine("2022-01-02张三李四", fullDateIn)).toBe(true);
    expect(isPostingLine("国办 2021-03-29 1203次", fullDateIn)).toBe(true);
    expect(isPostingLine("06.05.2024  09:30", fullDateIn)).toBe(true);
    expect(isPostingLine("2023年5月6日，会议在北京召开，强调要加强网络安全。", fullDateIn)).toBe(false);
    expect(isPostingLine("关于2023年5月6日会议精神的学习体会与思考", fullDateIn)).toBe(false);
    expect(isPostingLine("网络强国建设", fullDateIn)).toBe(false);
  });

  it("reads field labels, the one that names the title, and a headline repeated with spaces, dashes or 题：", () => {
    expect([
      isFieldLabel("活动标题"),
      isFieldLabel("文字内容:"),
      isFieldLabel("国务院关于加强网络安全工作的通知"),
    ]).toEqual([true, true, false]);
    expect([isTitleLabel("活动标题"), isTitleLabel("标题："), isTitleLabel("活动描述")]).toEqual([true, true, false]);
    expect(sameHeadline("题：再见北京——写在大会闭幕之际", "再见北京 写在大会闭幕之际")).toBe(true);
    expect(sameHeadline("再见北京", "再见上海")).toBe(false);
    const line = "关于数据 安全的通知 (2020年1月1日) 正文开始";
    expect(line.slice(repeatedHeadlineEnd(line, "关于数据安全的通知"))).toBe(" (2020年1月1日) 正文开始");
    expect(repeatedHeadlineEnd("关于数据安全的通知", "关于数据安全的通知")).toBeUndefined();
    expect(repeatedHeadlineEnd("关于数据的通知 正文", "关于数据安全的通知")).toBeUndefined();
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

  it("reads a dash at a line's end as introducing what follows, not as a cut sentence", () => {
    const dashed = "今天，数字技术深度融入百姓生活，让民生幸福成色更足——";
    expect(joinEvidence(dashed, "“一网通办”让办事更便捷。", "blank", loose).join).toBe(false);
    expect(joinEvidence(dashed, "“一网通办”让办事更便捷。", "omitted", loose).join).toBe(true);
    expect(joinEvidence(dashed, "“一网通办”让办事更便捷。", "nothing", loose).join).toBe(false);
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

  it("reads the text's own 今天 as a dateline, against the posting time", () => {
    const today = { month: 3, day: 5, text: "今天(3月5日)", piece: "4", line: 4 };
    const later = proposeDate({
      opening: [],
      today,
      posted: { value: "2024-03-06", text: "2024-03-06 09:00", line: 2 },
    });
    expect(later.date).toBeUndefined();
    expect(later.question?.fix).toContain("the text's 今天");
    expect(later.question?.fix).toContain('value: "2024-03-05"');
    const same = proposeDate({
      opening: [],
      today,
      posted: { value: "2024-03-05", text: "2024-03-05 21:00", line: 2 },
    });
    expect(same.date).toMatchObject({ value: "2024-03-05", precision: "day" });
    expect(same.date?.basis).toContain("文中载");
  });

  it("dates a text by the page's own description of it, and asks; a paragraph opening with a date is only asked", () => {
    const opening = { value: "2019-05-06", text: "2019年5月6日", piece: "4b", line: 4 };
    const described = proposeDate({ opening: [{ ...opening, described: true }] });
    expect(described.date).toEqual({ value: "2019-05-06", precision: "day", from: "4b" });
    expect(described.question?.fix).toContain("taken as the date");
    const recalled = proposeDate({ opening: [opening] });
    expect(recalled.date).toBeUndefined();
    expect(recalled.question?.fix).toContain("the text states no date of its own");
  });

  it("counts an ISO date in a line as stated", () => {
    expect(statesDate("发布时间:2023-11-09 08:58:53", "2023-11-09")).toBe(true);
    expect(statesDate("发布时间:2023-11-19", "2023-11-09")).toBe(false);
    // day.month.year with dots, as the drafter reads it, and not month first nor with slashes
    expect(statesDate("19.11.2021 12:30", "2021-11-19")).toBe(true);
    expect(statesDate("11.19.2021", "2021-11-19")).toBe(false);
    expect(statesDate("19/11/2021", "2021-11-19")).toBe(false);
    expect(statesDate("119.11.2021", "2021-11-19")).toBe(false);
  });
});

describe("the vocabulary's patterns for a page's furniture", () => {
  const vocabulary = readVocabulary(projectRoot);
  const reasonOf = (line: string) => recogniseClutter(line, vocabulary);

  it("omits app prompts, font-size and download controls and comment counts, not sentences that use their words", () => {
    expect(
      [
        "打开某某新闻 查看更多图片",
        "下载某某APP，随时随地看新闻！",
        "字号变大 | 字号变小",
        "T小字 T大字",
        "12 条评论",
      ].map(reasonOf),
    ).toEqual(["page-control", "page-control", "page-control", "page-control", "page-control"]);
    expect(reasonOf("加入VIP免费下载 立即下载")).toBe("page-control");
    expect([reasonOf("下载量突破一百万次。"), reasonOf("今年共收到评论12条。")]).toEqual([undefined, undefined]);
  });

  it("omits copyright lines, disclaimers in English and the site's registration numbers", () => {
    expect(reasonOf("Copyright © 2010-2024 某某网 版权所有")).toBe("rights-notice");
    expect(reasonOf("版权为 某某网 所有 未经同意不得复制")).toBe("rights-notice");
    expect(reasonOf("Disclaimer: the views expressed in this content are the author's own.")).toBe("rights-notice");
    expect([reasonOf("京ICP备12345678号-1"), reasonOf("互联网新闻信息服务许可证 11120180001")]).toEqual([
      "site-registration",
      "site-registration",
    ]);
    expect(reasonOf("营业执照办理时间缩短一半。")).toBeUndefined();
  });
});

describe("a page drafted whole", () => {
  const vocabulary = readVocabulary(projectRoot);
  const draft = (text: string) => {
    const { editorial } = draftSource({ file: "t.txt", text, sha256: "0".repeat(64), slug: "t", vocabulary });
    return parse(editorial) as {
      omissions?: { pieces: (string | number)[]; reason: string }[];
      documents: EditorialDocument[];
    };
  };
  const omitted = (result: ReturnType<typeof draft>, reason: string) =>
    result.omissions?.find((omission) => omission.reason === reason)?.pieces.map(String) ?? [];

  it("takes the title from the field the page labels as the title, and omits the labels", () => {
    const result = draft(
      [
        "活动标题",
        "- 数据安全论坛在京举行",
        "活动描述",
        "- 2024年5月6日上午，论坛在京举行。",
        "文字内容：",
        "- 主持人：",
        "各位来宾，上午好！",
      ].join("\n"),
    );
    const [document] = result.documents;
    expect(document?.title).toEqual(["2b"]);
    expect(omitted(result, "field-label")).toEqual(["1", "3", "5"]);
    expect(document?.date).toMatchObject({ value: "2024-05-06", from: "4b" });
    expect(document?.questions.some((question) => question.about === "date")).toBe(true);
    expect(document?.authors).toBeUndefined();
  });

  it("reads page information behind bullets as the page's, and keeps the page one document", () => {
    const result = draft(
      [
        "首页 > 新闻",
        "",
        "数据安全论坛在京举行",
        "",
        "  • 来源:网络",
        "  • 2024-05-06",
        "  • 3 条评论",
        "",
        "  昨天，论坛在京举行。",
      ].join("\n"),
    );
    expect(result.documents).toHaveLength(1);
    const [document] = result.documents;
    expect(document?.title).toEqual([3]);
    expect(document?.date).toMatchObject({ value: "2024-05-06", precision: "day" });
    expect(document?.date?.basis).toContain("发布时间");
    expect(document?.outlet).toBeUndefined();
    expect(omitted(result, "list-bullet")).toEqual(["5a", "6a", "7a"]);
  });

  it("makes a run of credits fields, takes the outlet from an agency's credit, and omits a repeated paragraph", () => {
    const paragraph = "会议强调，要加强数据安全保护，推动数字经济健康发展。";
    const result = draft(
      [
        "数据安全论坛在京举行",
        "",
        paragraph,
        "新华社 李明",
        paragraph,
        "",
        "监制：王一",
        "记者：赵二",
        "设计：钱三",
      ].join("\n"),
    );
    const [document] = result.documents;
    expect(document?.fields?.credit).toEqual([4, 7, 8, 9]);
    expect(document?.outlet).toEqual({ value: "新华社", from: 4 });
    expect(omitted(result, "repeated-text")).toEqual(["5"]);
    expect(document?.body).toEqual([3]);
  });

  it("never joins across a kept HTML tag that ends a block, a dash before it notwithstanding", () => {
    const result = draft(
      [
        "<div>",
        "数字生活的新图景",
        "</div>",
        "<div>",
        "今天，数字技术深度融入百姓生活，让民生幸福成色更足——",
        "</div>",
        "<div>",
        "“一网通办”让办事更便捷。",
        "</div>",
      ].join("\n"),
    );
    expect(result.documents[0]?.joins).toBeUndefined();
    expect(result.documents[0]?.body).toEqual([5, 8]);
  });

  it("cuts a speech run together from a PDF at its paragraphs, its title and date line repeated at the start", () => {
    const paragraphs = [
      "网络安全和信息化工作是一项长期任务，需要久久为功，不能一蹴而就。各地各部门要结合实际，抓好贯彻落实，确保各项部署取得实效。",
      "数据是新型生产要素，是数字化、网络化、智能化的基础，已快速融入生产、分配、流通、消费和社会服务管理等各环节，深刻改变着生产方式。",
      "要加强数据安全保护，健全数据安全治理体系，提高数据安全保障能力。",
    ];
    const wrap = (text: string) => text.match(/.{1,20}/gu)?.join(" ") ?? "";
    const line = ["在数据安全 工作会议上的讲话 (2024年5月6日)", ...paragraphs.map(wrap)].join(" ");
    const result = draft(["在数据安全工作会议上的讲话", "", "立即下载", line].join("\n"));
    const [document] = result.documents;
    expect(document?.title).toEqual([1]);
    expect(document?.fields?.dateline).toEqual(["4b"]);
    expect(document?.date).toMatchObject({ value: "2024-05-06", from: "4b" });
    expect(omitted(result, "repeated-headline")).toEqual(["4a"]);
    expect(document?.body).toEqual(["4c", "4d", "4e"]);
  });
});

describe("open questions, ranked by the characters of text they affect", () => {
  it("puts the question affecting most text first and keeps the order questions were raised in for ties", () => {
    const raised = [
      { id: "a", affects: 4 },
      { id: "b", affects: 120 },
      { id: "c", affects: 0 },
      { id: "d", affects: 4 },
      { id: "e", affects: 120 },
    ];
    expect(rankByAffected(raised).map((question) => question.id)).toEqual(["b", "e", "a", "d", "c"]);
    expect(raised.map((question) => question.id)).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("gives every drafting question the characters it affects, the largest first", () => {
    const vocabulary = readVocabulary(projectRoot);
    const text = [
      "数据安全论坛在京举行",
      "",
      "会议强调",
      "",
      "会议强调，要加强数据安全保护，推动数字经济健康发展。",
      "",
    ].join("\n");
    const { editorial } = draftSource({ file: "t.txt", text, sha256: "0".repeat(64), slug: "t", vocabulary });
    const questions = (parse(editorial) as { documents: EditorialDocument[] }).documents[0]?.questions ?? [];
    expect(questions.length).toBeGreaterThanOrEqual(3);
    const affects = questions.map((question) => question.affects);
    expect(affects.every((value) => typeof value === "number")).toBe(true);
    expect(affects).toEqual([...affects].sort((a, b) => (b ?? 0) - (a ?? 0)));
    // the date concerns the whole document, the heading its own four characters, the capture's provenance no text
    expect(questions.find((question) => question.about === "date")?.affects).toBe([...text.replace(/\n/g, "")].length);
    expect(questions.find((question) => question.about === "3")?.affects).toBe(4);
    expect(questions.find((question) => question.about === "source")?.affects).toBe(0);
  });

  it("prints add-source's questions ranked, each led by the characters it affects", () => {
    const question = (block: string, affects: number) => ({
      doc: "t",
      kind: "drafting" as const,
      block,
      text: block,
      fix: `fix ${block}`,
      affects,
    });
    expect(questionReport([question("p1", 8), question("p2", 1200), question("title", 8)])).toEqual([
      "[1200 chars] t#p2 (drafting) “p2”: fix p2",
      "[   8 chars] t#p1 (drafting) “p1”: fix p1",
      "[   8 chars] t#title (drafting) “title”: fix title",
    ]);
  });
});
