/**
 * The kinds of editorial decision this edition makes. Every omission, join,
 * gap and unterminated paragraph in `content/editorial/*.yaml` names one of
 * these kinds; the site shows the description to readers beside the decision.
 * A decision may add a `note` with the particulars of its case.
 */
export const reasonKinds = {
  "page-break": {
    zh: "换页或分栏处断行：上一段在句中截断，下一段接续同一句，合为一段。",
    en: "A page or column break cut a sentence; the next piece continues it, so the two are one paragraph.",
  },
  "clause-series": {
    zh: "分号之后句子未完，断行处并非真正分段，合为一段。",
    en: "The sentence goes on after a semicolon; the line break is not a real paragraph break, so the pieces are one paragraph.",
  },
  "page-lacks-text": {
    zh: "原版面缺少此处文字；本版如实标出缺文，不从他处补入。",
    en: "The page does not carry this text; the gap is marked, never filled from elsewhere.",
  },
  "markup-artifact": {
    zh: "文本提取留下的 Markdown 标题符号（#），以标题结构代替。",
    en: "Markdown heading markers (#) left by the text extraction; the heading is marked up as structure instead.",
  },
  "column-gap": {
    zh: "多栏标题各栏之间的空格，标题按阅读顺序拼合后不再需要。",
    en: "A space between the columns of a multi-column headline, not needed once the headline is joined in reading order.",
  },
  "heading-wrap": {
    zh: "标题折行处留下的空格；目录中同一标题无此空格。",
    en: "A space left where a heading wrapped onto a second line; the contents list gives the same title without it.",
  },
  "repeated-headline": {
    zh: "标题重复出现，只刊出一次。",
    en: "The headline is repeated; it is published once.",
  },
  "contents-layout": {
    zh: "印刷本目录的版式（标题“目 录”、分隔空格与制表符）；目录作为结构呈现。",
    en: "Layout of the printed contents list (its heading, separating spaces and tabs); the contents are shown as structure.",
  },
  "printed-page-number": {
    zh: "印刷本的页码；网页版没有页码。",
    en: "A page number of the printed booklet; the web edition has no pages.",
  },
} as const satisfies Record<string, { zh: string; en: string }>;

export type ReasonKind = keyof typeof reasonKinds;

export const reasonKindNames = Object.keys(reasonKinds) as [ReasonKind, ...ReasonKind[]];

/** The description of a kind of decision in an interface language. */
export function reasonText(kind: ReasonKind, locale: "zh-CN" | "en"): string {
  return locale === "en" ? reasonKinds[kind].en : reasonKinds[kind].zh;
}
