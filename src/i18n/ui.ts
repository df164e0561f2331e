/**
 * Every interface string of the site, in one place, in each interface
 * language. The texts themselves, and the editorial notes written about
 * them, stay Chinese in both interfaces.
 */

/** The interface languages; the first is the default, served at the site's root. */
export const locales = ["zh-CN", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "zh-CN";

const zh = {
  siteName: "网络强国文献汇编",
  siteDescription: "“网络强国”战略相关政策文献的校勘本：忠实于原文，逐段可引，全文可检索。",
  otherLanguage: "English",
  breadcrumbs: "位置",
  theme: { label: "配色", system: "跟随系统", light: "浅色", dark: "深色" },
  blockNotes: {
    summary: "引用 · 关联",
    gbt: "GB/T 7714",
    plain: "通用格式",
    copy: "复制",
    copied: "已复制",
    copyFailed: "无法复制，请手动选择文字。",
  },
  shared: {
    marker: (count: number) => `他处亦见 ${count}`,
    elsewhere: "他处亦见",
    identical: "全同",
    common: (length: number) => `共有 ${length} 字连续相同`,
    title: "互见文字",
    intro: (minimum: number, seed: number) =>
      `语料各篇相互引用、转载。构建程序找出不同文献之间共有一段至少 ${minimum} 字连续相同文字的段落（先以 ${seed} 字片段找候选，再逐字对齐；比较时不计空白，全角半角视为相同）。`,
    matrix: "各篇之间共有的文字（字数）",
    matrixNote: "每格为行、列两篇之间共有文字的字数，按段落对齐计算；颜色越深，共有越多。",
    longest: "最长的共有段落",
    collations: "同文异本对校",
    collationLink: "逐段对校",
    collation: (title: string) => `对校：${title}`,
  },
  collation: {
    intro:
      "两个本子逐段对齐，逐字比较。不同之处加标记；一本缺而另一本有的长段（至少 40 字）视为缺文，单列。比较时不计空白，全角半角视为相同；文字照刊出原样显示。",
    lacking: "此本无此段",
    variants: "异文表",
    lacunae: "缺文",
    omitted: "（无）",
    reading: "读作",
    side: "本子",
    passage: "段",
    length: (count: number) => `${count} 字`,
  },
  tableOfContents: "本文目录",
  previous: "上一篇",
  next: "下一篇",
  documentNavigation: "前后文献",
  homePage: {
    editing: "编辑说明",
    editingText:
      "正文逐字取自底本，不改一字；报纸版面的乱序各栏按阅读顺序复原，跨页断开的段落接排，底本中的排版符号等未刊文字逐条列出理由，底本未载的日期等元数据标为推断并写明依据。",
    readMore: "详见“关于”页。",
    explore: "浏览",
    entries: {
      principles: "成套提法及其出处",
      milestones: "按年份排列的事件",
      terms: "政策用语及出现次数",
      search: "逐字精确检索",
      shared: "各篇互见的文字与同文异本对校",
    },
  },
  notFound: {
    title: "页面不存在",
    body: "没有找到这个地址对应的页面。可以从首页进入，或用检索查找词句。",
  },
  about: {
    title: "关于",
    intro:
      "本站收录五份底本中的九篇文献。正文逐字取自底本；每一处编辑处理（阅读顺序、跨页接排、未刊文字、推断的元数据）都记录在数据中，并在此逐条列出。",
    sources: "底本",
    sourceLines: (count: number) => `${count} 行`,
    method: "编辑方法",
    methodText:
      "构建程序读取底本和编辑数据，把底本的每一行分派到正文或“未刊出的文字”中，并由测试证明底本的每个字符恰好出现一次。页面中的段落编号即永久链接。日期、作者等元数据凡底本未明载者，标为编者推断并写明依据。",
    readingOrder: "阅读顺序",
    joins: "接排",
    omissions: "未刊出的文字",
    inferences: "推断的元数据",
    gaps: "缺文与未完之段",
    reasons: "处理类别",
    openData: "开放数据",
    openDataText: "全部语料及其结构化数据可以下载，供研究使用：",
    files: {
      corpus: "语料（文献、段落与元数据，JSON）",
      principles: "提法（JSON）",
      milestones: "大事记（JSON）",
      milestonesCsv: "大事记（CSV）",
      terms: "术语（JSON）",
      schema: "以上 JSON 文件的 JSON Schema（由校验用的 zod 模式生成）",
    },
    document: "文献",
    decision: "处理",
  },
  skipToContent: "跳到正文",
  mainNavigation: "主导航",
  documents: "文献",
  home: "首页",
  kinds: {
    report: "报道",
    article: "文章",
    review: "综述",
    booklet: "学习资料",
    "study-material": "学习材料",
  },
  fields: {
    byline: "署名",
    credit: "稿源",
    imprint: "刊载",
    label: "编号",
    series: "丛书",
    issuer: "编印",
    dateline: "日期行",
    sourceNote: "来源",
  },
  kind: "类别",
  date: "日期",
  authors: "作者",
  outlet: "刊发",
  page: "版次",
  inferred: "编者推断",
  inferenceBasis: "推断依据",
  stated: "原文所载",
  provenance: "来源与校勘",
  sourceFile: "底本文件",
  sourceLines: "底本行",
  readingOrder: "阅读顺序",
  contents: "目录",
  relations: "相关文献",
  relationTypes: {
    "part-of": "收录于",
    "has-part": "收录",
    "same-text-as": "同文异本",
    "shares-page-with": "同版刊载",
  },
  gap: "缺文",
  joined: "接排",
  paragraphLink: "本段链接",
  paragraphNumber: (number: string) => `第${number}段`,
  titlePassage: "标题",
  mentions: { title: "本文涉及" },
  principles: {
    title: "提法",
    intro:
      "语料中列举的成套提法，按原文次序给出各项措辞，并列出陈述或阐述各项的全部段落。只提名称而未列内容的提法照实注明，不从语料之外补入。",
    namedIn: "语料提到此提法之处",
    unnamed: "语料未给此组提法命名，以原文列举的措辞为名。",
    items: (count: number) => `共 ${count} 项`,
    states: "陈述",
    elaborates: "阐述",
    passages: (count: number) => `${count} 处`,
    itemOf: (order: number, count: number) => `共 ${count} 项中的第 ${order} 项`,
    itemNavigation: "同组前后各项",
  },
  milestones: {
    title: "大事记",
    intro:
      "语料中有日期的事件，按时间排列。日期按原文的精确程度写出；由原文推算的日期标为“推算”，并写明推算依据。每条都引原文段落。",
    derived: "推算",
    derivation: "推算依据",
    related: "相关",
    principles: "相关提法",
  },
  terms: {
    title: "术语",
    intro: "语料中的重要政策用语。出现次数由构建程序从刊出的正文（标题、小标题、段落）逐字统计，不手工填写。",
    term: "术语",
    total: "出现次数",
    documents: "文献数",
    earliest: "最早见于",
    perDocument: "各文献出现次数",
    occurrences: "出现之处",
    inferredDate: "日期为编者推断",
    principleSet: "对应提法",
    variants: "计入的其他写法",
  },
  search: {
    label: "搜索",
    siteLabel: "全站搜索",
    title: "检索",
    placeholder: "搜索词句（按 / 键）",
    submit: "搜索",
    filters: "筛选",
    collection: "集合",
    document: "文献",
    year: "年份",
    any: "全部",
    collections: { speeches: "文献正文" },
    idle: "输入要查找的词句。",
    empty: "请输入要查找的词句。",
    searching: "正在检索……",
    tooLong: (length: number, max: number) => `检索词过长（${length} 字）；请缩短到 ${max} 字以内。`,
    none: (query: string) => `没有找到包含“${query}”的段落。可以试试更短的词句，或去掉一个检索词。`,
    summary: (total: number, documents: number) => `共 ${total} 段，分布在 ${documents} 篇文献中。`,
    count: (count: number) => `${count} 段`,
    more: (documents: number) => `显示其余 ${documents} 篇文献的结果`,
    pending: (documents: number) => `另有 ${documents} 篇文献含有最长的检索词，尚未展开、核对。`,
    distribution: "各文献命中段数",
    ranking:
      "排序规则：标题命中的文献在前，其次是小标题命中的文献，再按命中段数从多到少、文献先后排列；同一文献内按原文顺序。文献较多时分批展开，排序在已展开的文献之间进行。",
    semantics:
      "检索规则：逐字匹配。全角半角、简繁、英文大小写视为相同，空白不计；空格或引号分隔的多个词须出现在同一段中。匹配不跨段。",
    error: "检索出错，请刷新页面重试。",
    needsScript: "检索需要启用 JavaScript；其余页面无需脚本即可阅读。",
  },
  footer: "本站为静态网站，可离线部署；正文逐字依据底本，编辑处理均有记录。",
} as const;

/** The shape of a language's strings: the Chinese strings with every literal widened to `string`. */
type Strings<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : { readonly [K in keyof T]: Strings<T[K]> };
export type UiStrings = Strings<typeof zh>;

const en: UiStrings = {
  siteName: "Cyber Power Texts: A Digital Edition",
  siteDescription:
    "A faithful edition of Chinese policy texts on the “cyber power” (网络强国) strategy: every paragraph citable, the whole text searchable.",
  otherLanguage: "中文",
  breadcrumbs: "Breadcrumbs",
  theme: { label: "Colours", system: "System", light: "Light", dark: "Dark" },
  blockNotes: {
    summary: "Cite · links",
    gbt: "GB/T 7714",
    plain: "Plain",
    copy: "Copy",
    copied: "Copied",
    copyFailed: "Could not copy; please select the text.",
  },
  shared: {
    marker: (count: number) => `also in ${count} ${count === 1 ? "place" : "places"}`,
    elsewhere: "Also found in",
    identical: "identical",
    common: (length: number) => `${length} characters in common`,
    title: "Shared passages",
    intro: (minimum: number, seed: number) =>
      `The texts quote and reprint each other. The build finds every passage that shares a stretch of at least ${minimum} identical characters with a passage of another document (candidates by common ${seed}-character pieces, then character alignment; whitespace is ignored and full-width and half-width forms count as the same).`,
    matrix: "Text shared between documents (characters)",
    matrixNote:
      "Each cell is the number of characters the row's and the column's documents share, aligned passage by passage; the darker, the more.",
    longest: "Longest shared passages",
    collations: "Collations of two copies of one text",
    collationLink: "collate paragraph by paragraph",
    collation: (title: string) => `Collation: ${title}`,
  },
  collation: {
    intro:
      "The two copies are aligned paragraph by paragraph and compared character by character. Differences are marked; a long stretch (40 characters or more) that one copy lacks is a lacuna, listed apart. Whitespace is ignored and full-width and half-width forms count as the same; the text is shown as published.",
    lacking: "not in this copy",
    variants: "Variants",
    lacunae: "Lacunae",
    omitted: "(nothing)",
    reading: "reads",
    side: "Copy",
    passage: "Passage",
    length: (count: number) => `${count} characters`,
  },
  tableOfContents: "In this document",
  previous: "Previous",
  next: "Next",
  documentNavigation: "Previous and next document",
  homePage: {
    editing: "How the texts were edited",
    editingText:
      "The text is taken from the sources character by character, unchanged. The columns of the newspaper page, extracted out of order, are put back in reading order; paragraphs cut by page breaks are joined; source text that is not published (layout marks and the like) is listed with a reason; metadata the sources do not state is marked as inferred, with its basis.",
    readMore: "See the About page.",
    explore: "Explore",
    entries: {
      principles: "Enumerated formulas and where they are stated",
      milestones: "Dated events by year",
      terms: "Policy terms and how often they occur",
      search: "Character-exact phrase search",
      shared: "Text the documents share, and collation of two copies",
    },
  },
  notFound: {
    title: "Page not found",
    body: "There is no page at this address. Start from the home page, or search for a phrase.",
  },
  about: {
    title: "About",
    intro:
      "This site publishes nine documents from five source texts. The text is taken from the sources character by character; every editorial decision (reading order, joins across breaks, omitted text, inferred metadata) is recorded as data and listed here.",
    sources: "Sources",
    sourceLines: (count: number) => `${count} lines`,
    method: "Editorial method",
    methodText:
      "The build reads the sources and the editorial data, assigns every source line to the published text or to the list of omitted text, and a test proves that every character of every source appears exactly once. Paragraph numbers are permalinks. Metadata the sources do not state (dates, authors) is marked as the editor's inference, with its basis.",
    readingOrder: "Reading order",
    joins: "Joins across breaks",
    omissions: "Omitted text",
    inferences: "Inferred metadata",
    gaps: "Missing text and unfinished paragraphs",
    reasons: "Kinds of decision",
    openData: "Open data",
    openDataText: "The whole corpus and its structured data can be downloaded for research:",
    files: {
      corpus: "Corpus (documents, paragraphs and metadata, JSON)",
      principles: "Formulas (JSON)",
      milestones: "Timeline (JSON)",
      milestonesCsv: "Timeline (CSV)",
      terms: "Terms (JSON)",
      schema: "JSON Schema of these JSON files (generated from the zod schemas that validate them)",
    },
    document: "Document",
    decision: "Decision",
  },
  skipToContent: "Skip to content",
  mainNavigation: "Main navigation",
  documents: "Documents",
  home: "Home",
  kinds: {
    report: "Report",
    article: "Article",
    review: "Review",
    booklet: "Study booklet",
    "study-material": "Study material",
  },
  fields: {
    byline: "Byline",
    credit: "Credit",
    imprint: "Printed in",
    label: "Number",
    series: "Series",
    issuer: "Issued by",
    dateline: "Dateline",
    sourceNote: "Source",
  },
  kind: "Type",
  date: "Date",
  authors: "Authors",
  outlet: "Published in",
  page: "Page",
  inferred: "editor's inference",
  inferenceBasis: "basis",
  stated: "as the source states it",
  provenance: "Source and editing",
  sourceFile: "Source file",
  sourceLines: "source lines",
  readingOrder: "Reading order",
  contents: "Contents",
  relations: "Related documents",
  relationTypes: {
    "part-of": "Part of",
    "has-part": "Contains",
    "same-text-as": "Another copy of the same text",
    "shares-page-with": "On the same page as",
  },
  gap: "text missing",
  joined: "Joined across a break",
  paragraphLink: "Link to paragraph",
  paragraphNumber: (number: string) => `paragraph ${number}`,
  titlePassage: "title",
  mentions: { title: "Mentioned in this document" },
  principles: {
    title: "Formulas",
    intro:
      "The enumerated formulas the corpus states, each item in the wording and order of the texts, with every passage that states or elaborates it. Formulas the corpus names without listing are marked as such; nothing is added from outside the corpus.",
    namedIn: "Where the corpus names this formula",
    unnamed: "The corpus gives this set no name; it is named by the wording of its items.",
    items: (count: number) => `${count} items`,
    states: "states",
    elaborates: "elaborates",
    passages: (count: number) => `${count} ${count === 1 ? "passage" : "passages"}`,
    itemOf: (order: number, count: number) => `item ${order} of ${count}`,
    itemNavigation: "Previous and next item of the set",
  },
  milestones: {
    title: "Timeline",
    intro:
      "Dated events in the corpus, in time order. Each date is as precise as the text makes it; a date computed from the text is marked “derived” with its basis. Each entry quotes its passages.",
    derived: "derived",
    derivation: "basis",
    related: "Related",
    principles: "Related formulas",
  },
  terms: {
    title: "Terms",
    intro:
      "Key policy terms of the corpus. Counts are computed by the build from the published text (titles, headings, paragraphs), never entered by hand.",
    term: "Term",
    total: "Occurrences",
    documents: "Documents",
    earliest: "Earliest in",
    perDocument: "Occurrences per document",
    occurrences: "Where it occurs",
    inferredDate: "date inferred by the editor",
    principleSet: "Formula",
    variants: "Other spellings counted",
  },
  search: {
    label: "Search",
    siteLabel: "Site search",
    title: "Search",
    placeholder: "Search a phrase (press /)",
    submit: "Search",
    filters: "Filters",
    collection: "Collection",
    document: "Document",
    year: "Year",
    any: "All",
    collections: { speeches: "Document texts" },
    idle: "Type a phrase to find.",
    empty: "Please type a phrase to find.",
    searching: "Searching …",
    tooLong: (length: number, max: number) =>
      `The query is too long (${length} characters); please shorten it to ${max} or fewer.`,
    none: (query: string) => `No passage contains “${query}”. Try a shorter phrase, or leave out one of the terms.`,
    summary: (total: number, documents: number) =>
      `${total} ${total === 1 ? "passage" : "passages"} in ${documents} ${documents === 1 ? "document" : "documents"}.`,
    count: (count: number) => `${count} ${count === 1 ? "passage" : "passages"}`,
    more: (documents: number) => `Show results from the other ${documents} documents`,
    pending: (documents: number) =>
      ` ${documents} more documents contain the longest term and are not yet shown or checked.`,
    distribution: "Matching passages per document",
    ranking:
      "Ranking: documents whose title matches come first, then those with a matching heading, then by number of matching passages and document order; within a document, passages in text order. With many documents, results are shown in steps and ranked among the documents shown.",
    semantics:
      "Matching is character-exact. Full-width and half-width forms, Traditional and Simplified characters and Latin case count as the same; whitespace is ignored; several terms separated by spaces or quotation marks must occur in one paragraph. A match never crosses a paragraph boundary.",
    error: "The search failed; please reload the page and try again.",
    needsScript: "Search needs JavaScript; every other page can be read without it.",
  },
  footer:
    "A static site that can be hosted offline; the text follows the sources character by character, and every editorial decision is recorded.",
};

const strings: Readonly<Record<Locale, UiStrings>> = { "zh-CN": zh, en };

/** The interface strings of a language. */
export function uiFor(locale: Locale): UiStrings {
  return strings[locale];
}

/** The default language's strings, for code that has no page (build scripts, tests). */
export const ui: UiStrings = zh;
