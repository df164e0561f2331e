/**
 * Where a captured page's text sits among the page's own furniture, read from
 * the order of its lines: which line is the title, which lines above it and
 * between it and the first paragraph are the site's header, which lines after
 * the last paragraph are its navigation, a posting date printed over several
 * lines, and whether the page lists several items, each a title and a
 * paragraph. Pure: it reads line shapes `draft-source.ts` gives it and says
 * which lines are what; the drafter records each finding with a question.
 */
import { isTerminated } from "../../src/lib/punctuation.ts";

/** One non-blank line, as far as the line recognisers have read it. */
export interface LineShape {
  /** The text the line still has as body, trimmed; "" when all of it is omitted or a field. */
  body: string;
  /** The line says when or where the page was posted (a posting time, a source, an issue line). */
  pageInfo: boolean;
  /** A blank line lies between this line and the one before it. */
  blankBefore: boolean;
  /** The line repeats an earlier line word for word (a headline printed again under a picture). */
  repeats?: boolean | undefined;
  /** The line is the site's own (a breadcrumb, a control, a section label): the page shows its furniture. */
  site?: boolean | undefined;
}

const HAN = /\p{Script=Han}/u;
/** The longest line that may be a title. */
const TITLE_LENGTH = 60;
/** A body line longer than this is text when it has punctuation inside; longer than TITLE_LENGTH, whatever it has. */
const PARAGRAPH_LENGTH = 40;
/** A line this short that ends with ! or ? is a banner (欢迎来到……!), not where the text begins. */
const BANNER_LENGTH = 20;
/** The longest line that reads as a label of the page (观点, 亚设网, 关于我们). */
const LABEL_LENGTH = 12;

const length = (text: string) => [...text].length;
/** A document number (国办发〔2023〕12号): never a title or a label. */
const DOCUMENT_NUMBER = /[〔［[（(]\s*\d{4}\s*[〕］\]）)]\s*\d{1,4}\s*号$/u;

/**
 * A line that is text: it ends a sentence or opens one with a colon, or it is
 * too long to be a title (a long line with clauses in it, or any longer than a title may be).
 */
export function isParagraphLike(text: string): boolean {
  return (
    text !== "" &&
    (isTerminated(text) ||
      /[：:]$/u.test(text) ||
      length(text) > TITLE_LENGTH ||
      (length(text) > PARAGRAPH_LENGTH && /[，,；;。]/u.test(text)))
  );
}

/** Where a page's text begins: a line that is text, not a short banner ending with ! or ?. */
export function opensText(text: string): boolean {
  return isParagraphLike(text) && !(length(text) <= BANNER_LENGTH && /[!！?？]$/u.test(text));
}

/** A line that may be a title: short, with Chinese text, not ending a sentence or a clause. */
export function isTitleLike(text: string): boolean {
  return (
    HAN.test(text) &&
    length(text) <= TITLE_LENGTH &&
    !/[。；;，,、：:]$/u.test(text) &&
    !isParagraphLike(text) &&
    !DOCUMENT_NUMBER.test(text)
  );
}

/**
 * A short line of words only, Chinese among them: a label of the page (观点,
 * 工作动态, layer 分享), never a sentence; a control may keep an untranslated Latin word.
 */
function isLabel(text: string): boolean {
  return length(text) <= LABEL_LENGTH && /^(?=.*\p{Script=Han})[\p{Script=Han}A-Za-z·\s]+$/u.test(text);
}

export interface PageHeader {
  /** The index of the title line; undefined when no line before the first paragraph reads as one. */
  title?: number | undefined;
  /** Body lines above the title, once page information shows where the article begins: the site's header. */
  above: number[];
  /** Short labels between the title and the first paragraph (观点, 亚设网): the site's, not the text's. */
  labels: number[];
}

/**
 * The title is the first line that reads as one, unless page information
 * (a posting time, 来源) comes before the first paragraph: then it is the
 * nearest such line above it, skipping labels shorter than four characters
 * when a longer candidate exists, and what lies above the title is the site's.
 * A page without page information whose last control before the text (立即下载)
 * has no title-like line after it is read the same way from that control.
 */
export function pageHeader(lines: readonly LineShape[]): PageHeader {
  const first = lines.findIndex((line) => opensText(line.body));
  const end = first < 0 ? lines.length : first;
  const candidates = lines.flatMap((line, index) => (index < end && isTitleLike(line.body) ? [index] : []));
  const info = lines.findIndex((line, index) => index < end && line.pageInfo);
  // without page information, a control of the page (下载, 分享) right above the text anchors the title the same way
  const control = info < 0 ? lines.findLastIndex((line, index) => index < end && line.site === true) : -1;
  const anchor = info >= 0 ? info : control >= 0 && !candidates.some((index) => index > control) ? control : -1;
  let title: number | undefined;
  let above: number[] = [];
  if (anchor >= 0) {
    const before = candidates.filter((index) => index < anchor);
    title = before.filter((index) => length(lines[index]?.body ?? "") >= 4).at(-1) ?? before.at(-1);
    if (title !== undefined) {
      const top = title;
      above = lines.flatMap((line, index) => (index < top && line.body !== "" ? [index] : []));
    }
  }
  title ??= candidates[0];
  const from = title ?? -1;
  // labels are the site's only on a page that shows its furniture before the text: page information, navigation
  const furnished = lines.some((line, index) => index < end && (line.pageInfo || line.site === true));
  const labels = lines.flatMap((line, index) =>
    furnished && from >= 0 && index > from && index < end && isLabel(line.body) ? [index] : [],
  );
  return { title, above, labels };
}

/**
 * The page's navigation after its text: at least two short lines without
 * punctuation (工作动态, 举报指南; 新聞, 文娛, 體育) after the last line that is
 * text or a date, each a label, a repeated headline among them skipped. One
 * such line is kept: it may be a signature.
 */
export function trailingNavigation(lines: readonly LineShape[], isDate: (text: string) => boolean): number[] {
  const anchor = lines.findLastIndex((line) => isParagraphLike(line.body) || (line.body !== "" && isDate(line.body)));
  // a repeated headline among them is neither text nor navigation: the drafter omits it as such
  const tail = lines.flatMap((line, index) => (index > anchor && line.body !== "" && !line.repeats ? [index] : []));
  const labels = tail.filter((index) => isLabel(lines[index]?.body ?? "") && !isDate(lines[index]?.body ?? ""));
  return labels.length === tail.length && tail.length >= 2 ? tail : [];
}

/** A posting date printed over several short lines (2021 / 09/16 / 08:34): the lines and the date. */
export interface SplitDate {
  lines: number[];
  value: string;
  text: string;
}

/** A year on a line of its own followed by a month and day (09/16, 09-16), and perhaps a time, among the first lines. */
export function splitDate(texts: readonly string[]): SplitDate | undefined {
  for (let index = 0; index + 1 < Math.min(texts.length, 12); index += 1) {
    const year = /^(19|20)\d{2}$/.exec(texts[index]?.trim() ?? "")?.[0];
    const monthDay = /^(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/u.exec(texts[index + 1]?.trim() ?? "");
    if (!year || !monthDay) continue;
    const [, month = "", day = ""] = monthDay;
    const time = /^\d{1,2}[:：]\d{2}([:：]\d{2})?$/u.test(texts[index + 2]?.trim() ?? "");
    const used = time ? [index, index + 1, index + 2] : [index, index + 1];
    return {
      lines: used,
      value: `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`,
      text: used.map((at) => texts[at]?.trim()).join(" "),
    };
  }
  return undefined;
}

/** Items of a list page need at least this many titles, each directly followed by one paragraph. */
const ITEMS = 3;

/**
 * The titles of a page that lists items without bullets: lines that read as
 * titles of 8 characters or more, each directly followed (no blank line) by
 * one paragraph and then by the next title or the end, at least three in a
 * row. An article's subheadings are rarely so regular; the drafter asks.
 */
export function unbulletedItems(lines: readonly LineShape[]): number[] {
  const isItemTitle = (index: number) => {
    const line = lines[index];
    const next = lines[index + 1];
    return (
      line !== undefined &&
      next !== undefined &&
      isTitleLike(line.body) &&
      length(line.body) >= 8 &&
      !next.blankBefore &&
      isParagraphLike(next.body)
    );
  };
  let best: number[] = [];
  let run: number[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    if (!isItemTitle(index)) continue;
    const previous = run.at(-1);
    run = previous !== undefined && index === previous + 2 ? [...run, index] : [index];
    if (run.length > best.length) best = run;
  }
  return best.length >= ITEMS ? best : [];
}

/** What a page information line holds besides its date: at most three short words (百科, 贵州, 692次, 冉从敬何梦婷). */
const INFO_WORDS = 3;
const INFO_WORD_LENGTH = 8;

/**
 * A line above the text that gives a date, perhaps with its time, among a few
 * short words and nothing else (百科 2024-09-09 14:56 贵州; 国新办 2021-03-29
 * 692次; 2021-03-09冉从敬何梦婷): the page's posting information, a category,
 * place, source, author or view count beside it. `dateIn` finds the date.
 */
export function isPostingLine(text: string, dateIn: (text: string) => { text: string } | undefined): boolean {
  const date = dateIn(text);
  if (!date) return false;
  const rest = text
    .replace(date.text, " ")
    .replace(/(?<!\d)\d{1,2}[:：]\d{2}([:：]\d{2})?(?!\d)/u, " ")
    .trim();
  if (rest === "") return true;
  const words = rest.split(/\s+/u);
  return (
    words.length <= INFO_WORDS &&
    words.every((word) => length(word) <= INFO_WORD_LENGTH && !/[，。！？；：:,;!?、“”《》]/u.test(word))
  );
}

/** A label naming a field of the page (活動標題, 文字內容:): a few Chinese words, perhaps with a colon. */
export function isFieldLabel(text: string): boolean {
  return /^[\p{Script=Han}]{2,8}\s*[:：]?$/u.test(text.trim());
}

/** A field label that names the title (标题, 活动标题, 文章题目). */
export function isTitleLabel(text: string): boolean {
  return /^[\p{Script=Han}]{0,4}(标题|標題|题目|題目)\s*[:：]?$/u.test(text.trim());
}

/** A headline and its repeat are the same words: spaces, dashes and a dispatch's 题： aside. */
export function sameHeadline(a: string, b: string): boolean {
  const words = (text: string) => text.replace(/^\s*[题題]\s*[:：]/u, "").replace(/[\s—－\-–]+/gu, "");
  return words(a) !== "" && words(a) === words(b);
}

/**
 * Where a line that opens with the headline repeated (spaces aside, as a PDF
 * wraps it) stops repeating it: the length of the repeat, or undefined when
 * the line does not open with the whole headline or is nothing else.
 */
export function repeatedHeadlineEnd(text: string, headline: string): number | undefined {
  const wanted = headline.replace(/\s+/gu, "");
  let matched = 0;
  let at = 0;
  while (at < text.length && matched < wanted.length) {
    const char = text[at] ?? "";
    if (/\s/u.test(char)) at += 1;
    else if (char === wanted[matched]) {
      matched += 1;
      at += 1;
    } else return undefined;
  }
  return matched === wanted.length && text.slice(at).trim() !== "" ? at : undefined;
}
