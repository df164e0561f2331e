/**
 * What a line of a captured web page or e-paper is, read from its text alone:
 * the recognisers `draft-source.ts` uses. Each returns where the recognised
 * part ends (so that a line holding it and body text can be cut there) and
 * what it states; none decides what to publish.
 */

const HAN = "\\p{Script=Han}";
/** Outlets a dateline names; any other name ending like an outlet's (…社, …网, …报, …在线) is read too. */
const OUTLETS = [
  "新华社",
  "新华网",
  "中新社",
  "中新网",
  "中国新闻网",
  "人民网",
  "央视网",
  "央广网",
  "光明网",
  "中国日报网",
  "国际在线",
  "网易",
  "新浪",
  "腾讯",
  "搜狐",
  "本报",
  "本刊",
  "本网",
];
const OUTLET = `(?:${OUTLETS.join("|")}|[${HAN}]{2,8}?(?:社|网|網|报|報|台|在线|在線|客户端))`;
const NUMBER = "\\d{1,2}|[一二三四五六七八九十]{1,3}";

/** A news dateline (新华网北京2月28日电（记者 张三）, 【据新华社北京十五日电】, 本报讯, 国际在线报道(记者 张三):) opening a paragraph. */
export interface Dateline {
  /** Characters of the line the dateline takes, leading space and a following reporters' bracket included. */
  length: number;
  /** The agency or site that filed it; absent for 本报/本刊/本网, which name no outlet. */
  outlet?: string | undefined;
  year?: number | undefined;
  /** Absent when the dateline gives the day alone (十五日电) or no date (本报讯). */
  month?: number | undefined;
  day?: number | undefined;
}

const REPORTERS = "(\\s*[（(][^）)]{1,40}[）)])?";
const KNOWN = `(?:${OUTLETS.join("|")})`;
const datedDateline = (outlet: string) =>
  new RegExp(
    `^\\s*[【[]?\\s*(?:据|據)?\\s*(${outlet})[^\\s，。；：:,]{0,12}?(?:(\\d{4})\\s*年\\s*)?(?:(${NUMBER})\\s*月\\s*)?(${NUMBER})\\s*日\\s*(?:电|電|讯|訊)\\s*[】\\]]?${REPORTERS}`,
    "u",
  );
const KNOWN_DATELINE = datedDateline(KNOWN);
const DATED_DATELINE = datedDateline(OUTLET);
/** An undated dateline may name the place between the outlet and 讯 (本报北京讯, 网易廊坊讯). */
const undatedDateline = (outlet: string) =>
  new RegExp(
    `^\\s*[【[]?\\s*(${outlet})(?:(?:[${HAN}]{2,4}?)?(?:讯|訊|综合消息|综合报道)\\s*[】\\]]?${REPORTERS}|(?:报道|報道)${REPORTERS}\\s*[:：])`,
    "u",
  );
const KNOWN_UNDATED = undatedDateline(KNOWN);
const UNDATED_DATELINE = undatedDateline(OUTLET);

/** `known`: only the outlets of the list, as where a dateline is looked for inside other text. */
export function findDateline(text: string, known = false): Dateline | undefined {
  const dated = (known ? KNOWN_DATELINE : DATED_DATELINE).exec(text);
  const found = dated ?? (known ? KNOWN_UNDATED : UNDATED_DATELINE).exec(text);
  if (!found) return undefined;
  const outlet = found[1] ?? "";
  const [year, month, day] = dated ? [dated[2], dated[3], dated[4]] : [];
  return {
    length: found[0].length,
    outlet: /^本(报|刊|网)$/.test(outlet) ? undefined : outlet,
    year: year ? Number(year) : undefined,
    month: month ? numberOf(month) : undefined,
    day: day ? numberOf(day) : undefined,
  };
}

/** A day or month in Arabic or Chinese numerals (十五, 二十一, 三十) as a number. */
export function numberOf(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  const digits = "一二三四五六七八九";
  const [tens = "", units = ""] = text.includes("十") ? text.split("十") : ["", text];
  const ten = text.includes("十") ? (tens === "" ? 1 : digits.indexOf(tens) + 1) : 0;
  return ten * 10 + (units === "" ? 0 : digits.indexOf(units) + 1);
}

/**
 * An e-paper's issue line (2015年12月17日 星期四 新京报, 人民日报 2023年07月15日 第01版,
 * 秦皇岛日报 2026-04-19):
 * the issue's date, with a weekday, a newspaper's name or a page; a date
 * alone is not one (a notice's signed date is written so).
 */
export interface IssueLine {
  date: string;
  /** The newspaper the line names. */
  outlet?: string | undefined;
}

const PAPER = `[${HAN}]{1,8}(?:报|報|刊)`;
const ISSUE_LINE = new RegExp(
  `^\\s*(?:(${PAPER})\\s*)?(\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日|\\d{4}-\\d{1,2}-\\d{1,2})\\s*(星期[一二三四五六日天]|周[一二三四五六日])?\\s*(${PAPER})?\\s*(第\\s*\\d{1,3}\\s*版[^。，]{0,12})?\\s*$`,
  "u",
);

export function findIssueLine(text: string): IssueLine | undefined {
  const found = ISSUE_LINE.exec(text);
  if (!found) return undefined;
  const [, before, date = "", weekday, after, page] = found;
  if (!before && !weekday && !after && !page) return undefined;
  const value = fullDateIn(date)?.value;
  return value ? { date: value, outlet: before ?? after } : undefined;
}

/** Keys of the page information a news or government site prints above or below an article. */
const KEYS = [
  "发布时间|發布時間|發佈時間|发布日期|發布日期|發佈日期|发稿时间|更新时间|更新時間|时间|時間|日期",
  "来源|來源|内容来源|文章来源|信息来源|信息來源|新闻来源|稿件来源|稿件來源|稿源|出处",
  "作者|责任编辑|責任編輯|责编|責編|编辑|編輯",
  "浏览次数|瀏覽次數|访问次数|訪問次數|阅读次数|点击数|點擊數|点击量|阅读量|閱讀量|浏览量|访问量",
  "字号|字號|新闻归类|分类|栏目",
].join("|");
const META_KEY = new RegExp(`^(${KEYS})\\s*[:：]\\s*`, "u");
/** A key without a colon or value, before a separator (| 阅读量 | 分类: …): an empty field of the page. */
const BARE_KEY = new RegExp(`^(${KEYS})\\s*(?=[|｜])`, "u");
/** A publication title and the issue it names (《云南行政学院学报》2019年第02期): one value, however long. */
const PUBLICATION = /^《[^》]{1,30}》(\s*\d{4}\s*年(\s*第\s*\d{1,3}\s*期)?)?/u;
const DATE_TIME =
  /^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(\s*\d{1,2}[:：]\d{2}([:：]\d{2})?)?|^[（(]\s*\d{4}-\d{2}-\d{2}\s*[）)]/u;
const SEPARATOR = /^[\s|｜丨/]*/u;
/** A value of page information (a name, a site) is short; a longer run is the article fused onto it. */
const LONGEST_VALUE = 16;
/** A list of names (several sources) that ends its line may be this long. */
const LONGEST_LIST = 60;
/** What may follow a run of page information on its line and still be page information: empty keys, controls. */
const RESIDUE = /^[^。！？，,；;“”]{0,24}$/u;
const RESIDUE_SIGN = /[:：]|打印|分享|收藏|关闭|關閉|字号|字號|[大中小]\s*[大中小]/u;

/** A run of page information (`发布时间:2023-11-09 08:58:53 | 来源:新华网 | 责任编辑:张三`) at the start of a line. */
export interface MetadataRun {
  /** Characters the run takes, separators after it included. */
  length: number;
  /** Each key with its value, in order. */
  fields: { key: string; value: string }[];
  /** True when where the run ends is a guess: a value ran on into text without a separator. */
  guessedEnd: boolean;
}

export function findMetadataRun(text: string): MetadataRun | undefined {
  let at = SEPARATOR.exec(text)?.[0].length ?? 0;
  const fields: { key: string; value: string }[] = [];
  let guessedEnd = false;
  // a posting time without its key opens a run when a key follows it (2025-09-15 09:09:49來源:……)
  const opening = DATE_TIME.exec(text.slice(at));
  if (opening) {
    const after = at + opening[0].length;
    const gap = SEPARATOR.exec(text.slice(after))?.[0].length ?? 0;
    if (META_KEY.test(text.slice(after + gap))) {
      fields.push({ key: "时间", value: opening[0] });
      at = after + gap;
    }
  }
  for (;;) {
    const bare = BARE_KEY.exec(text.slice(at));
    if (bare) {
      fields.push({ key: bare[1] ?? "", value: "" });
      at += bare[0].length;
      at += SEPARATOR.exec(text.slice(at))?.[0].length ?? 0;
      continue;
    }
    const key = META_KEY.exec(text.slice(at));
    if (!key) break;
    const rest = text.slice(at + key[0].length);
    const date = DATE_TIME.exec(rest);
    // a publication followed by more names is the first of a list, read as the list
    const found = PUBLICATION.exec(rest)?.[0];
    const publication = found !== undefined && !/^[、，,]/u.test(rest.slice(found.length)) ? found : undefined;
    let value = date ? date[0] : (publication ?? /^[^\s|｜丨]*/u.exec(rest)?.[0] ?? "");
    if (!date && publication === undefined) {
      // a value runs to the next separator, unless a dateline, another key or a posting time begins inside it
      const inner = [...value].findIndex(
        (_, index) =>
          index > 0 &&
          (findDateline(value.slice(index), true) ||
            META_KEY.test(value.slice(index)) ||
            timedDate(rest.slice(index)) !== undefined),
      );
      // a long value that ends the line without a sentence in it is a list (来源:《人民日报》、中国网信网), not text
      const wholeList =
        /来源|來源|出处|稿源/u.test(key[1] ?? "") &&
        /[、，,《]/u.test(value) &&
        rest.slice(value.length).trim() === "" &&
        !/[。！？!?]/u.test(value) &&
        [...value].length <= LONGEST_LIST;
      if (inner > 0) value = [...value].slice(0, inner).join("");
      else if ([...value].length > LONGEST_VALUE && !wholeList) {
        value = new RegExp(`^[${HAN}·]{0,4}`, "u").exec(value)?.[0] ?? "";
        guessedEnd = true;
      }
    }
    fields.push({ key: key[1] ?? "", value });
    at += key[0].length + value.length;
    at += SEPARATOR.exec(text.slice(at))?.[0].length ?? 0;
    if (guessedEnd) break;
    // a date with its time after a value, without a key (来源:新华网2017-12-06 11:13), is when the page was posted
    const posted = date ? undefined : timedDate(text.slice(at));
    if (posted !== undefined) {
      fields.push({ key: "时间", value: posted });
      at += posted.length;
      at += SEPARATOR.exec(text.slice(at))?.[0].length ?? 0;
    }
  }
  if (fields.length === 0) return undefined;
  // what is left of the line is page information too when it is short, unpunctuated and keyed or a control (打印)
  const residue = text.slice(at);
  if (!guessedEnd && residue.trim() !== "" && RESIDUE.test(residue) && RESIDUE_SIGN.test(residue))
    return { length: text.length, fields, guessedEnd };
  return { length: at, fields, guessedEnd };
}

/** A date with a clock time opening the text (2017-12-06 11:13): a web page's posting time, never a date a text states. */
function timedDate(text: string): string | undefined {
  const found = DATE_TIME.exec(text);
  return found?.[1] ? found[0] : undefined;
}

/** Whether a run of page information says when or where the page was posted (not an author's byline alone). */
export function isPostingInformation(run: MetadataRun): boolean {
  return run.fields.some((field) =>
    /时间|時間|日期|来源|來源|出处|稿源|编辑|編輯|责编|責編|浏览|瀏覽|访问|訪問|点击|點擊|阅读|閱讀|字号|字號|归类|分类|栏目/.test(
      field.key,
    ),
  );
}

/**
 * A photo credit (新华社记者 李学仁 摄, 新华社发, 视觉中国供图): where the
 * caption it closes ends. A caption is the line up to and with its credit.
 */
const NAME = `[${HAN}·]{2,4}`;
const PHOTO_CREDIT = new RegExp(
  [
    `(记者|記者|通讯员|通訊員|摄影|攝影|\\s)\\s*${NAME}(\\s*[、,，]\\s*${NAME})*\\s*(摄|攝)(?![影像制])`,
    `[（(]\\s*(新华社|中新社|人民网)发[^）)]{0,12}[）)]`,
    `(新华社|中新社)发\\s*${NAME}\\s*(摄|攝)`,
    `(视觉中国|图虫创意)供图`,
    // a credit after the caption, the role first, ending the line (…致欢迎词 摄影 王嘉宁); the name may be cut off
    `\\s(摄影|攝影)\\s*[:：]?\\s*(${NAME})?\\s*$`,
  ].join("|"),
  "gu",
);

/** A caption without a credit: a line that says what a picture shows (图为……, 上图：……, ▲……). */
export function isCaptionLine(text: string): boolean {
  return /^\s*(图为|圖為|上图|下图|左图|右图|图[:：]|▲|△)/u.test(text);
}

/**
 * Names alone on a line (刘华军,张昊天; 丁铁; 冉从敬 何梦婷 宋 凯): at most five,
 * each two to four characters, a two-character name perhaps spaced out to the
 * width of the others as journals print it.
 */
const LISTED_NAME = "(?:[\\p{Script=Han}·]{2,4}|\\p{Script=Han}[ \\u3000]\\p{Script=Han})";
const NAME_LIST = new RegExp(`^${LISTED_NAME}([,，、\\s]+${LISTED_NAME}){0,4}$`, "u");
export function isNameList(text: string): boolean {
  return NAME_LIST.test(text.trim());
}

/**
 * An author's affiliation in brackets under the names ((武汉大学信息管理学院 武汉 430072)):
 * an institution or a postal code, never a sentence.
 */
export function isAffiliation(text: string): boolean {
  const trimmed = text.trim();
  return (
    /^[（(][^（()）。！？]{2,80}[）)]$/u.test(trimmed) &&
    (/(?<!\d)\d{6}(?!\d)/u.test(trimmed) || /大学|大學|学院|學院|研究院|研究所|研究中心|党校|黨校/u.test(trimmed))
  );
}

/** The end of a caption's photo credit within the line, or undefined when the line has none. */
export function captionEnd(text: string): number | undefined {
  let end: number | undefined;
  for (const found of text.matchAll(PHOTO_CREDIT)) {
    const before = text.slice(0, found.index);
    // a credit closes a caption, which does not end a sentence before it
    if (/[。！？]$/.test(before.trim()) && before.trim().length > 0) continue;
    end = found.index + found[0].length;
    break;
  }
  return end;
}

const PERSON = `[${HAN}·]{2,4}`;
const ROLE = [
  "记者|記者|通讯员|通訊員|评论员|評論員|撰稿人|实习生|實習生",
  "责任编辑|責任編輯|编辑|編輯|责编|責編|校对|校對|审核|審核|审校|策划|策劃|监制|監製|统筹|統籌|制作|美编|美編|摄影|攝影|设计|設計|制图|製圖",
].join("|");
const CREDIT_SEGMENT = `\\s*[（(【[]?\\s*[${HAN}]{0,6}?(?:${ROLE})\\s*[:：]?\\s*${PERSON}(?:[\\s、,，]+${PERSON})*\\s*[）)】\\]]?`;
const CREDIT_LINE = new RegExp(`^(?:${CREDIT_SEGMENT})+(?:\\s+[${HAN}]{1,4})?\\s*$`, "u");
/** A credit line names who edited, checked or photographed, not only who reported. */
const EDITING =
  /编辑|編輯|责编|責編|校对|校對|审核|審核|审校|策划|策劃|监制|監製|统筹|統籌|制作|美编|美編|摄|攝|设计|設計|制图|製圖/u;

/**
 * A line of credits only (新京报记者 许雯 编辑 陈思, 编辑:王书莹 责任编辑:李洁,
 * 新京报记者 彭子洋 侯少卿 摄): roles and names, an editor or photographer
 * among them; a last role cut off by the capture (责任编) is allowed.
 */
export function isCreditLine(text: string): boolean {
  const trimmed = text.trim();
  return [...trimmed].length <= 48 && EDITING.test(trimmed) && CREDIT_LINE.test(trimmed);
}

/**
 * Roles and names only (记者:王思北), any role: a credit when it stands among
 * credit lines (监制, 记者, 设计 one a line), a byline when it stands alone.
 */
export function isRoleLine(text: string): boolean {
  const trimmed = text.trim();
  return [...trimmed].length <= 48 && CREDIT_LINE.test(trimmed);
}

/**
 * A credit that names the agency or site that made a text or graphic: the
 * outlet and names alone (新华社 徐骏), or a producer's line (新华社国内部出品).
 * Its outlet is the known agency it begins with, or the name ending like an outlet's.
 */
const AGENCY_CREDIT = new RegExp(`^(${OUTLET})\\s+${PERSON}(?:[\\s、,，]+${PERSON}){0,3}$`, "u");
const PRODUCER_CREDIT = new RegExp(`^(${OUTLET})[${HAN}]{0,8}?(?:出品|製作|联合制作|聯合製作|供稿|供图|供圖)$`, "u");

export function agencyCredit(text: string): { outlet: string } | undefined {
  const trimmed = text.trim();
  const found = AGENCY_CREDIT.exec(trimmed) ?? PRODUCER_CREDIT.exec(trimmed);
  return found?.[1] && isNamedAuthor(found[1]) ? { outlet: found[1] } : undefined;
}

/** A reporter's or commentator's byline with the outlet before the role (水母网首席评论员 姜春康). */
const OUTLET_BYLINE = new RegExp(
  `^[${HAN}]{1,8}?(?:记者|記者|评论员|評論員|通讯员|通訊員|撰稿人)\\s+${PERSON}(?:[\\s、,，]+${PERSON})*\\s*$`,
  "u",
);

export function isOutletByline(text: string): boolean {
  return OUTLET_BYLINE.test(text.trim());
}

/** Words a byline or a 来源 line uses for no author or outlet (佚名, 本站, 互联网): never a name. */
export function isNamedAuthor(name: string): boolean {
  return !/^(佚名|匿名|本站|本网|本報|本报|不详|未知|网络|網絡|互联网|互聯網|网友|網友|网络转载|網絡轉載|转载|轉載|综合|綜合)$/u.test(
    name,
  );
}

/** A list bullet (•, ·, ●, ■, ◆, ▪, ▶, or a dash and a space) in front of a title: its length with the space after it. */
export function bulletLength(text: string): number | undefined {
  const found = /^\s*([•·●■◆▪▶►]\s*|[-–]\s+)/u.exec(text);
  return found && found[0].length < text.length ? found[0].length : undefined;
}

/** A full date (2016年4月19日, 2016-04-19, 20.11.2021) in the text, as ISO, or undefined. */
export function fullDateIn(text: string): { value: string; text: string } | undefined {
  const found =
    /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u.exec(text) ??
    /(?<!\d)(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d)/u.exec(text);
  if (found) {
    const [whole, year = "", month = "", day = ""] = found;
    return { value: `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`, text: whole };
  }
  // day.month.year with dots, as European sites print it (20.11.2021); never with slashes, which may be month first
  const dotted = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.])/u.exec(text);
  const [whole = "", day = "", month = "", year = ""] = dotted ?? [];
  if (!dotted || Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > 31) return undefined;
  return { value: `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`, text: whole };
}

/** The month and day a text gives for its own today (在今天（3月17日）召开的……, 今日(7月1日)): a dateline in the sentence. */
export function todayIn(text: string): { month: number; day: number; text: string } | undefined {
  const found = /(今天|今日)\s*[（(]\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[）)]/u.exec(text);
  if (!found) return undefined;
  const [whole, , month = "", day = ""] = found;
  return { month: Number(month), day: Number(day), text: whole };
}

/**
 * Where a line runs paragraphs together that a capture lost the breaks of:
 * after each sentence end (or a colon) followed by a space and more text.
 * Offsets (UTF-16, as `splits` counts) where each next paragraph begins;
 * fewer than three such places are a typing slip, not lost breaks.
 */
export function runTogetherBreaks(text: string): number[] {
  const breaks = [...text.matchAll(/[。！？：:][”’」』）)]*[ \u3000]+(?=\S)/gu)].map(
    (found) => (found.index ?? 0) + found[0].length,
  );
  return breaks.length >= 3 ? breaks : [];
}

/** A wrapped text's lines run together need this many pieces, and their common width this many, to show a width. */
const WRAPPED_PIECES = 6;
const WRAP_SHARE = 0.4;
/** A piece this much shorter than the wrap width, ending a sentence, ends its paragraph. */
const SHORT_BY = 3;

/**
 * Where a line that ran a hard-wrapped text together (a PDF's lines joined
 * with spaces, some inside words: 这 个会) begins each paragraph: after a
 * piece that ends a sentence and stops well short of the width most pieces
 * are cut at. Offsets (UTF-16, as `splits` counts) of each paragraph's first
 * character; none when the pieces show no common width.
 */
export function wrappedParagraphStarts(text: string): number[] {
  const pieces = [...text.matchAll(/\S+/gu)].map((found) => ({
    start: found.index ?? 0,
    text: found[0],
    length: [...found[0]].length,
  }));
  if (pieces.length < WRAPPED_PIECES) return [];
  const counts = new Map<number, number>();
  for (const piece of pieces) counts.set(piece.length, (counts.get(piece.length) ?? 0) + 1);
  const [width = 0] = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [];
  const near = pieces.filter((piece) => Math.abs(piece.length - width) <= 1).length;
  if (width < 10 || near < WRAP_SHARE * pieces.length) return [];
  return pieces.flatMap((piece, index) => {
    const next = pieces[index + 1];
    const ends = /[。！？][”’」』）)]*$/u.test(piece.text) && piece.length <= width - SHORT_BY;
    return ends && next ? [next.start] : [];
  });
}

/** HTML tags a capture kept in its text (<P style="…">, </STRONG>), each as [start, end) in UTF-16 offsets. */
export function htmlTags(text: string): [number, number][] {
  const attribute = `\\s+[A-Za-z-]+(=("[^"]*"|'[^']*'|[^\\s"'<>]+))?`;
  return [...text.matchAll(new RegExp(`</?[A-Za-z][A-Za-z0-9]*(${attribute})*\\s*/?>`, "gu"))].map((found) => [
    found.index ?? 0,
    (found.index ?? 0) + found[0].length,
  ]);
}

/** An HTML tag that opens or closes a block of the page (<div …>, </p>, <br>): where a paragraph ends. */
export function isBlockTag(tag: string): boolean {
  return /^<\/?(div|p|br|section|article|h[1-6]|li|ul|ol|table|tr|td|th|blockquote|header|footer)\b/iu.test(tag.trim());
}

/** A line far longer than any paragraph: `limit` is the longest a paragraph may be before the drafter asks. */
export function isOverlong(text: string, limit: number): boolean {
  return [...text].length > limit;
}

/**
 * Character offsets to cut an over-long line at: after the sentence-final
 * punctuation nearest each `every` characters, so that each piece is about a
 * paragraph long. Offsets count UTF-16 units, as `splits` does.
 */
export function proposeCuts(text: string, every: number): number[] {
  const cuts: number[] = [];
  let from = 0;
  while (text.length - from > every) {
    const window = text.slice(from + Math.floor(every / 2), from + every * 2);
    const found = /[。！？][”’」』）)]*/u.exec(window);
    if (!found) break;
    const cut = from + Math.floor(every / 2) + found.index + found[0].length;
    if (cut >= text.length) break;
    cuts.push(cut);
    from = cut;
  }
  return cuts;
}
