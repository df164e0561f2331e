/**
 * What a line of a captured web page or e-paper is, read from its text alone:
 * the recognisers `draft-source.ts` uses. Each returns where the recognised
 * part ends (so that a line holding it and body text can be cut there) and
 * what it states; none decides what to publish.
 */

const HAN = "\\p{Script=Han}";
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
  "本报",
  "本刊",
];

/** A news dateline (新华网北京2月28日电（记者 张三）) opening a paragraph. */
export interface Dateline {
  /** Characters of the line the dateline takes, leading space and a following reporters' bracket included. */
  length: number;
  /** The agency or site that filed it; absent for 本报/本刊, which name no outlet. */
  outlet?: string | undefined;
  year?: number | undefined;
  month: number;
  day: number;
}

const DATELINE = new RegExp(
  `^\\s*(${OUTLETS.join("|")})[^\\s，。；：:,]{0,12}?(?:(\\d{4})\\s*年\\s*)?(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日\\s*电(\\s*[（(][^）)]{1,40}[）)])?`,
  "u",
);

export function findDateline(text: string): Dateline | undefined {
  const found = DATELINE.exec(text);
  if (!found) return undefined;
  const [whole, outlet = "", year, month = "", day = ""] = found;
  return {
    length: whole.length,
    outlet: outlet === "本报" || outlet === "本刊" ? undefined : outlet,
    year: year ? Number(year) : undefined,
    month: Number(month),
    day: Number(day),
  };
}

/** Keys of the page information a news or government site prints above or below an article. */
const META_KEY =
  /^(发布时间|发布日期|发稿时间|更新时间|时间|日期|来源|稿件来源|作者|责任编辑|责编|编辑|浏览次数|点击数|点击量|阅读量|浏览量|字号)\s*[:：]\s*/u;
const DATE_TIME =
  /^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(\s*\d{1,2}[:：]\d{2}([:：]\d{2})?)?|^[（(]\s*\d{4}-\d{2}-\d{2}\s*[）)]/u;
const SEPARATOR = /^[\s|｜丨/]*/u;
/** A value of page information (a name, a site) is short; a longer run is the article fused onto it. */
const LONGEST_VALUE = 16;

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
  for (;;) {
    const key = META_KEY.exec(text.slice(at));
    if (!key) break;
    const rest = text.slice(at + key[0].length);
    const date = DATE_TIME.exec(rest);
    let value = date ? date[0] : (/^[^\s|｜丨]*/u.exec(rest)?.[0] ?? "");
    if (!date) {
      // a value runs to the next separator, unless a dateline or another key begins inside it
      const inner = [...value].findIndex(
        (_, index) => index > 0 && (findDateline(value.slice(index)) || META_KEY.test(value.slice(index))),
      );
      if (inner > 0) value = [...value].slice(0, inner).join("");
      else if ([...value].length > LONGEST_VALUE) {
        value = new RegExp(`^[${HAN}·]{0,4}`, "u").exec(value)?.[0] ?? "";
        guessedEnd = true;
      }
    }
    fields.push({ key: key[1] ?? "", value });
    at += key[0].length + value.length;
    at += SEPARATOR.exec(text.slice(at))?.[0].length ?? 0;
    if (guessedEnd) break;
  }
  return fields.length > 0 ? { length: at, fields, guessedEnd } : undefined;
}

/** Whether a run of page information says when or where the page was posted (not an author's byline alone). */
export function isPostingInformation(run: MetadataRun): boolean {
  return run.fields.some((field) => /时间|日期|来源|编辑|责编|浏览|点击|阅读|字号/.test(field.key));
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
  ].join("|"),
  "gu",
);

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

/** A list bullet (•, ·, ●, ■, ◆, ▪, ▶) in front of a title: its length with the space after it. */
export function bulletLength(text: string): number | undefined {
  const found = /^\s*[•·●■◆▪▶►]\s*/u.exec(text);
  return found && found[0].length < text.length ? found[0].length : undefined;
}

/** A full date (2016年4月19日, 2016-04-19) in the text, as ISO, or undefined. */
export function fullDateIn(text: string): { value: string; text: string } | undefined {
  const found =
    /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u.exec(text) ??
    /(?<!\d)(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d)/u.exec(text);
  if (!found) return undefined;
  const [whole, year = "", month = "", day = ""] = found;
  return { value: `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`, text: whole };
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
