/**
 * The strings the search page's script shows, in each interface language.
 * They are kept apart from ui.ts, which takes them in, so that the script
 * carries these and not every page's strings.
 */
import type { Locale } from "./locales.ts";
import type { Strings } from "./strings.ts";

const zh = {
  paragraphLink: "本段链接",
  /** Said on a button once its text is on the clipboard. */
  copied: "已复制",
  passage: {
    title: "标题",
    paragraph: (number: number) => `第${number}段`,
    heading: (number: number) => `小标题${number}`,
    item: (number: number) => `第${number}项`,
  },
  review: {
    label: "校订状态",
    names: { draft: "初稿", proofread: "已校对", verified: "已核定" },
    descriptions: {
      draft: "由 npm run add-source 起草，编者尚未通读：正文逐字取自底本，分段、标题与元数据是工具的提议，有待核对。",
      proofread: "编者已对照底本核对正文（标题、分段、接排、未刊文字）；日期、署名与关联尚待核定。",
      verified: "正文之外，日期、署名等元数据和提法、大事记的引文也已核定；没有待定问题。",
    },
    intro:
      "每篇文献标明编者核对到哪一级（仿维基文库的校对等级）。各级文献都刊出、可检索；文献列表标出每篇的校订状态，检索结果只标出尚未核定的文献。",
    count: (count: number) => `${count} 篇。`,
    badge: (name: string) => `校订：${name}`,
    openQuestions: "待定问题",
    openQuestionsIntro: "编者尚未决定以下各处；决定之前，本篇照底本刊出，不作改动。",
    questionKinds: { "date-expression": "日期未归类", unterminated: "段末无句末标点", drafting: "起草存疑" },
    /** How much of the text an open question affects, shown beside it on the worksheet. */
    affects: (count: number) => `涉及 ${count} 字`,
    openQuestionsOrder: "按涉及的字数排列，多者在前。",
  },
  search: {
    label: "搜索",
    siteLabel: "全站搜索",
    title: "检索",
    placeholder: "搜索词句",
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
    invisibleRemoved: "（检索式中看不见的字符，如零宽空格、方向标记、软连字符，已去除后检索。）",
    tooLong: (length: number, max: number) => `检索词过长（${length} 字）；请缩短到 ${max} 字以内。`,
    none: (query: string) => `没有找到包含“${query}”的段落。可以试试更短的词句，或去掉一个检索词。`,
    summary: (occurrences: number, total: number, documents: number) =>
      `命中 ${occurrences} 次，在 ${total} 段、${documents} 篇文献中。`,
    count: (count: number) => `${count} 段`,
    more: (documents: number) => `显示其余 ${documents} 篇文献的结果`,
    pending: (documents: number) => `其中 ${documents} 篇文献尚未展开；以上计数已包括它们。`,
    distribution: "各文献命中段数",
    notShown: (documents: number, passages: number) => `尚未展开的 ${documents} 篇文献：共 ${passages} 段。`,
    ranking:
      "相关度排序：标题命中的文献在前，其次是小标题命中的文献，再按命中段数从多到少、文献先后排列；同一文献内按原文顺序。排序和计数覆盖全部命中文献，结果每次展开 12 篇。",
    semantics:
      "检索规则：逐字匹配。全角半角、简繁、英文大小写视为相同，空白不计。空格分隔的多个词须同时出现在检索范围内（同句、同段或同篇）；匹配不跨段，除非范围是同篇。",
    operators: [
      ["网络强国 数字中国", "两个词都出现"],
      ["网络强国 | 网信事业", "出现其中任一"],
      ["网络安全 -信息化", "含前者、不含后者"],
      ["数字中国|网络强国 -安全", "含其中任一，且不含“安全”"],
      ["网络强国 NEAR/10 建设", "两词相距不超过 10 字（不论先后）"],
      ["(网信 | 网络) 安全", "括号分组"],
      ["“NEAR/5”", "引号内为一个词，照字面查找"],
    ],
    examples: ["网络强国 NEAR/10 建设", "“NEAR/5”", "数字中国|网络强国 -安全"],
    examplesLead: "例如",
    operatorsTitle: "检索式",
    operatorsAll: "全部写法",
    settings: "检索设置",
    entityKinds: { term: "术语", "principle-set": "提法", principle: "提法条目", milestone: "大事记" },
    entityPassages: (count: number) => `${count} 段`,
    entitySeparator: "：",
    view: "显示",
    views: { documents: "按文献", kwic: "语境索引（KWIC）" },
    kwic: {
      caption: "语境索引：每处匹配一行",
      width: "语境字数",
      left: "左语境",
      match: "命中",
      right: "右语境",
      date: "日期",
      document: "文献",
      sortBy: (column: string) => `按${column}排序`,
      export: "导出全部命中（CSV）",
      exportJson: "JSON",
      preparing: "正在准备导出……",
      copy: "复制全部（CSV）",
      shown: (shown: number, total: number) =>
        `显示 ${shown} 行${shown < total ? `（共 ${total} 行，导出包含全部）` : ""}。`,
      countedAs: {
        terms: "每行是检索词的一处出现；相接或重叠的出现合为一行。",
        near: "每行是一处邻近匹配：两个词及其间的文字，相互重叠的合为一行；其余检索词每处出现一行。",
        sentence: "每行是一个匹配的句子，句中的检索词已标出。",
      },
      moreLines: (count: number) => `再显示 ${count} 行`,
    },
    options: "筛选与设置",
    distributions: "命中分布",
    sort: "排序",
    sorts: { rank: "相关度", oldest: "按日期（由远及近）", newest: "按日期（由近及远）", hits: "按命中段数" },
    reprints: "同文合并（两处相同的段落只计一次）",
    alsoIn: "亦见",
    perYear: "各年命中：次数、每万字次数、段数与篇数",
    yearBar: (year: string, passages: number, documents: number) => `${year}年：${passages} 段，${documents} 篇`,
    yearColumns: {
      year: "年份",
      occurrences: "次数",
      rate: "每万字",
      passages: "段",
      documents: "篇",
      characters: "该年全部文献字数",
    },
    lowerBound: (year: string) => `${year}年以后`,
    compare: {
      title: "逐年比较",
      add: "加入比较",
      clear: "清除比较",
      caption: "各检索式逐年命中次数与每万字次数（分母为该年全部文献字数，各检索式相同）",
      occurrences: "次数",
      rate: "每万字",
      export: "导出比较表（CSV）",
      failed: (query: string) => `“${query}”未能检索`,
      notResults: (query: string) => `“${query}”：没有可比较的结果`,
    },
    clusters: {
      title: "左右搭配（紧挨命中的 2–4 个字）",
      left: "命中之前",
      right: "命中之后",
      counting: "正在统计全部命中……",
      failed: "未能统计搭配",
      note: "在全部命中（含尚未展开的文献）中统计，只计由汉字、字母或数字组成的字串；点击可检索该词组。",
      count: (count: number) => `${count} 次`,
    },
    lowerBoundNote: "日期仅知下限（如“2017年以后”，编者推断）的文献单列一行，不计入该年。",
    countsNote: (merged: boolean, near: boolean) =>
      `次数：检索词每出现一次计一次（重叠的出现亦各计一次${near ? "；NEAR 的两词只计相互邻近的出现" : ""}）；每万字：以该年全部文献的字数（检索规范化后）为分母。${
        merged ? "同文合并：开——转载的相同段落只计一次。" : "同文合并：关（默认）——转载的相同段落各计一次。"
      }`,
    undated: "无日期",
    filteredNone: "当前筛选条件下没有结果。",
    unknownFilter: (label: string, value: string) =>
      `筛选条件“${label}：${value}”在本版中没有对应的内容，因此未作检索。请改选或清除筛选。`,
    unknownOption: (value: string) => `${value}（本版无此项）`,
    clearFilters: "清除筛选",
    inferredMark: "（推断）",
    scope: "范围",
    scopes: { sentence: "同句", passage: "同段", document: "同篇" },
    sentenceRule: "同句：句子以“。！？；”（及其后的引号、括号）为界。",
    invalid: {
      "only-excluded": "检索式中每个选项都需要至少一个不带减号的词。",
      "near-operand": "NEAR/n 的两边各需一个词，例如：网络强国 NEAR/10 战略。",
      "near-distance": "NEAR/ 后须是一个整数（相隔的字数），例如：网络强国 NEAR/10 战略。",
      unbalanced: "括号或“|”不完整，请检查检索式。",
      "too-complex": "检索式展开后的选项过多，请简化。",
    },
    error: "检索出错：检索所需的文件未能全部读取，因此不给出计数。",
    failedFiles: (files: string) => `未能读取：${files}。如果重试后仍然如此，请把这一行转告网站管理者。`,
    retry: "重试",
    moreFailed: "未能载入其余文献的结果；以上计数不受影响。",
    exportFailed: "未能准备导出文件",
    needsScript: "检索需要启用 JavaScript；其余页面无需脚本即可阅读。",
    needsServer: "从文件打开时无法检索。请在本站文件夹中运行 python3 -m http.server，再打开它给出的地址。",
    needsServerShort: "检索需经网页服务器打开：python3 -m http.server",
  },
} as const;

/** The shape of a language's search strings: the Chinese ones with every literal widened to `string`. */
export type SearchUiStrings = Strings<typeof zh>;

const en: SearchUiStrings = {
  paragraphLink: "Link to paragraph",
  copied: "Copied",
  passage: {
    title: "title",
    paragraph: (number: number) => `paragraph ${number}`,
    heading: (number: number) => `heading ${number}`,
    item: (number: number) => `item ${number}`,
  },
  review: {
    label: "Review status",
    names: { draft: "draft", proofread: "proofread", verified: "verified" },
    descriptions: {
      draft:
        "Drafted by npm run add-source and not yet read by an editor: the text is the source's, character for character, but paragraphs, headings and metadata are the tool's proposals.",
      proofread:
        "An editor has checked the reading text against the source (title, paragraphs, joins, omitted text); dates, authors and links are still to be checked.",
      verified:
        "Besides the text, the dates, authors and other metadata and the citations of principles and milestones have been checked; no question is open.",
    },
    intro:
      "Each document states how far an editor has checked it (after Wikisource's proofreading levels). Documents at every level are published and searchable; the document list gives each document's status, search results mark only those not yet verified.",
    count: (count: number) => `${count} ${count === 1 ? "document" : "documents"}.`,
    badge: (name: string) => `Review: ${name}`,
    openQuestions: "Open questions",
    openQuestionsIntro:
      "The editor has not yet decided the following; until then the text is published as the source has it.",
    questionKinds: {
      "date-expression": "date not classified",
      unterminated: "paragraph ends without sentence-final punctuation",
      drafting: "drafting decision to check",
    },
    affects: (count: number) => `affects ${count} ${count === 1 ? "character" : "characters"}`,
    openQuestionsOrder: "Listed by the characters of text each affects, most first.",
  },
  search: {
    label: "Search",
    siteLabel: "Site search",
    title: "Search",
    placeholder: "Search a phrase",
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
    invisibleRemoved:
      "(Invisible characters in the query, such as zero-width spaces, direction marks and soft hyphens, were removed before searching.)",
    tooLong: (length: number, max: number) =>
      `The query is too long (${length} characters); please shorten it to ${max} or fewer.`,
    none: (query: string) => `No passage contains “${query}”. Try a shorter phrase, or leave out one of the terms.`,
    summary: (occurrences: number, total: number, documents: number) =>
      `${occurrences} ${occurrences === 1 ? "occurrence" : "occurrences"} in ${total} ${total === 1 ? "passage" : "passages"} of ${documents} ${documents === 1 ? "document" : "documents"}.`,
    count: (count: number) => `${count} ${count === 1 ? "passage" : "passages"}`,
    more: (documents: number) => `Show results from the other ${documents} documents`,
    pending: (documents: number) => ` ${documents} of these documents are not shown yet; the counts include them.`,
    distribution: "Matching passages per document",
    notShown: (documents: number, passages: number) =>
      `Documents not shown yet: ${documents}, with ${passages} ${passages === 1 ? "passage" : "passages"}.`,
    ranking:
      "Relevance order: documents whose title matches come first, then those with a matching heading, then by number of matching passages and document order; within a document, passages in text order. Ranking and counts cover every matching document; results are shown twelve documents at a time.",
    semantics:
      "Matching is character-exact. Full-width and half-width forms, Traditional and Simplified characters and Latin case count as the same; whitespace is ignored. Terms separated by spaces must all occur within the scope (one sentence, passage or document); a match never crosses a passage boundary unless the scope is the document.",
    operators: [
      ["网络强国 数字中国", "both terms"],
      ["网络强国 | 网信事业", "either term"],
      ["网络安全 -信息化", "the first without the second"],
      ["数字中国|网络强国 -安全", "either of the first two, without 安全"],
      ["网络强国 NEAR/10 建设", "at most 10 characters apart, in either order"],
      ["(网信 | 网络) 安全", "parentheses group"],
      ["“NEAR/5”", "quotation marks make one literal term"],
    ],
    examples: ["网络强国 NEAR/10 建设", "“NEAR/5”", "数字中国|网络强国 -安全"],
    examplesLead: "Try",
    operatorsTitle: "Query syntax",
    operatorsAll: "Every operator",
    settings: "Settings",
    entityKinds: { term: "Term", "principle-set": "Formula", principle: "Formula item", milestone: "Timeline" },
    entityPassages: (count: number) => `${count} ${count === 1 ? "passage" : "passages"}`,
    entitySeparator: ": ",
    view: "Show",
    views: { documents: "By document", kwic: "Concordance (KWIC)" },
    kwic: {
      caption: "Concordance: one line per match",
      width: "Context characters",
      left: "Left context",
      match: "Match",
      right: "Right context",
      date: "Date",
      document: "Document",
      sortBy: (column: string) => `Sort by ${column.toLowerCase()}`,
      export: "Export every occurrence (CSV)",
      exportJson: "JSON",
      preparing: "Preparing the export …",
      copy: "Copy all (CSV)",
      shown: (shown: number, total: number) =>
        `${shown} ${shown === 1 ? "line" : "lines"} shown${shown < total ? ` (of ${total}; the export holds all)` : ""}.`,
      countedAs: {
        terms: "Each line is one occurrence of a search term; touching or overlapping occurrences share a line.",
        near: "Each line is one NEAR match: both terms and the text between them, overlapping matches sharing a line; other terms have a line per occurrence.",
        sentence: "Each line is one matching sentence, with the search terms marked in it.",
      },
      moreLines: (count: number) => `Show ${count} more ${count === 1 ? "line" : "lines"}`,
    },
    options: "Filters and settings",
    distributions: "Distribution of matches",
    sort: "Order",
    sorts: {
      rank: "Relevance",
      oldest: "Date, oldest first",
      newest: "Date, newest first",
      hits: "Matching passages",
    },
    reprints: "Merge reprints (a passage identical in two copies counts once)",
    alsoIn: "also in",
    perYear: "Matches per year: occurrences, per 10,000 characters, passages and documents",
    yearBar: (year: string, passages: number, documents: number) =>
      `${year}: ${passages} ${passages === 1 ? "passage" : "passages"}, ${documents} ${documents === 1 ? "document" : "documents"}`,
    yearColumns: {
      year: "Year",
      occurrences: "Occurrences",
      rate: "Per 10,000 characters",
      passages: "Passages",
      documents: "Documents",
      characters: "Characters that year",
    },
    lowerBound: (year: string) => `${year} or later`,
    compare: {
      title: "Compare over time",
      add: "Add to comparison",
      clear: "Clear the comparison",
      caption:
        "Occurrences per year and per 10,000 characters for each query (the denominator, all of a year's documents, is the same for every query)",
      occurrences: "Occurrences",
      rate: "Per 10,000",
      export: "Export the table (CSV)",
      failed: (query: string) => `“${query}” could not be searched`,
      notResults: (query: string) => `“${query}”: no results to compare`,
    },
    clusters: {
      title: "Clusters (2–4 characters next to the match)",
      left: "Before the match",
      right: "After the match",
      counting: "Counting every match …",
      failed: "The clusters could not be counted",
      note: "Counted over every match, documents not shown yet included; only strings of letters or digits count. Follow one to search for the phrase.",
      count: (count: number) => `${count}×`,
    },
    lowerBoundNote:
      "Documents whose date is only a lower bound (such as “2017 or later”, the editor's inference) have a row of their own and are not counted in that year.",
    countsNote: (merged: boolean, near: boolean) =>
      `Occurrences: each place a term occurs counts once (overlapping ones too${near ? "; of a NEAR pair only those near each other" : ""}); per 10,000 characters: of all that year's documents (as normalised for search). ${
        merged
          ? "Reprints merged: a passage identical in two copies counts once."
          : "Reprints not merged (the default): a passage identical in two copies counts in each."
      }`,
    undated: "undated",
    filteredNone: "No results with the current filters.",
    unknownFilter: (label: string, value: string) =>
      `The filter “${label}: ${value}” names nothing in this edition, so nothing was searched. Choose another, or clear the filters.`,
    unknownOption: (value: string) => `${value} (not in this edition)`,
    clearFilters: "Clear filters",
    inferredMark: " (inferred)",
    scope: "Scope",
    scopes: { sentence: "Same sentence", passage: "Same passage", document: "Same document" },
    sentenceRule: "Sentences end at 。！？； (with any closing quotes or brackets after them).",
    invalid: {
      "only-excluded": "Each alternative of the query needs at least one term without a minus sign.",
      "near-operand": "NEAR/n needs a term on each side, for example: 网络强国 NEAR/10 战略.",
      "near-distance": "NEAR/ must be followed by a whole number of characters, for example: 网络强国 NEAR/10 战略.",
      unbalanced: "A parenthesis or “|” is incomplete; please check the query.",
      "too-complex": "The query expands to too many alternatives; please simplify it.",
    },
    error: "The search failed: not every file it needs could be read, so no count is given.",
    failedFiles: (files: string) =>
      `Could not read: ${files}. If retrying does not help, please pass this line to the site's host.`,
    retry: "Retry",
    moreFailed: "The results of the other documents could not be loaded; the counts above stand.",
    exportFailed: "The export could not be prepared",
    needsScript: "Search needs JavaScript; every other page can be read without it.",
    needsServer:
      "Search cannot run from files. In the site's folder, run python3 -m http.server and open the address it gives.",
    needsServerShort: "Search needs a web server: python3 -m http.server",
  },
};

/** The search strings of each interface language. */
export const searchUi: Readonly<Record<Locale, SearchUiStrings>> = { "zh-CN": zh, en };
