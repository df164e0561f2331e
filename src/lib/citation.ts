/**
 * Citations of a document of this edition, or of one passage of it, in two
 * human forms: GB/T 7714-2025 (the Chinese national standard for
 * bibliographic references, in force since 2026-07-01) and a plain Chinese
 * form for running text and footnotes. The machine-readable forms (CSL-JSON,
 * BibTeX, RIS) are in src/lib/citation-formats.ts. Citations stay Chinese in
 * every interface language.
 *
 * What each reference describes is the publication the text states (its
 * newspaper and page, the booklet it is part of, the agency or website it
 * credits), read at this edition's URL. The rules, each with the example of
 * the standard it follows, are in docs/citing.md; in short:
 * - entries are in Chinese, so marks inside an element are full-width
 *   (`，` `：` `（）`) and elements end with `. `; the entry ends with `.`;
 * - a newspaper or periodical article: `[N/OL]` or `[J/OL]`, `报纸名，出版日期（版次）`,
 *   no access date;
 * - a part of a compilation (a study booklet's material): `[G/OL]//` and the
 *   compilation as its container (issuer, title, date), the part's label in
 *   the place of the page (`：材料 1`), the part's own stated source kept as a
 *   note in the plain form;
 * - a compilation as a whole: `[G/OL]`, no access date;
 * - anything else, such as a news agency's report or a website's article:
 *   `[EB/OL]`, `（发布日期）[引用日期]`, with the agency or website as the
 *   responsible party when no person is named.
 * A date the editor inferred is in square brackets, the standard's mark of an
 * estimated date; a date known only as a lower bound ends in 以后 (the
 * edition's own mark: the standard has none).
 */
import { formatDate, type DatePrecision } from "./dates.ts";
import { passageName, type PassageNames } from "./passage-numbers.ts";
import type { PassageType } from "../schemas/passage.ts";

import type { OutletKind } from "../schemas/speech.ts";

export interface CitedDate {
  /** ISO date at its precision: `2024-02-27`, `2023-07`, `2017`. */
  value: string;
  precision: DatePrecision;
  /** The editor inferred it (it has a basis rather than a statement in the text). */
  inferred: boolean;
}

/** The compilation a document is part of. */
export interface CitedContainer {
  title: string;
  /** Other title information stated with it, such as its series (主题教育学习资料). */
  subtitle?: string | undefined;
  authors: readonly string[];
  /** Who issued it. */
  publisher?: string | undefined;
  date?: CitedDate | undefined;
}

export interface CitedDocument {
  title: string;
  authors: readonly string[];
  /** Where the text says it was published; for a part of a compilation, where the compilation says the part comes from. */
  outlet?: { name: string; kind: OutletKind } | undefined;
  date?: CitedDate | undefined;
  /** The newspaper page (版次), such as `10`. */
  page?: string | undefined;
  /** The document is itself a compilation (a study booklet). */
  compilation: boolean;
  /** Other title information of a compilation, such as its series. */
  subtitle?: string | undefined;
  /** The issuer of a compilation. */
  publisher?: string | undefined;
  /** The original publication online, where the source's manifest records it (never guessed). */
  original?: { url: string; retrieved?: string | undefined } | undefined;
  /** For a part of a compilation: the compilation, and the part's label in it (材料 1). */
  container?: CitedContainer | undefined;
  label?: string | undefined;
}

/** The passage a citation points to; absent when the whole document is cited. */
export interface CitedPassage {
  type: PassageType;
  number: number;
}

/** This edition, as the place where the text was read. */
export interface CitedEdition {
  name: string;
  version: string;
  /** Release date of the version, ISO. */
  date: string;
}

/** How Chinese citations name passages: 第3段, 小标题2, 第4项. */
const chineseNames: PassageNames = {
  title: "标题",
  paragraph: (number) => `第${number}段`,
  heading: (number) => `小标题${number}`,
  item: (number) => `第${number}项`,
};

/** The name of the cited passage, or "" for the whole document or its title. */
export function passageLocator(passage: CitedPassage | undefined): string {
  return passage && passage.type !== "title" ? passageName(chineseNames, passage.type, passage.number) : "";
}

/** Whether an outlet's name is a publication title (《人民日报》): a newspaper's or periodical's, not an agency's or website's. */
export function isPublicationTitle(kind: OutletKind | undefined): boolean {
  return kind === "newspaper" || kind === "periodical";
}

/** The GB/T 7714 document type code. */
export function referenceType(document: CitedDocument): "N" | "J" | "G" | "EB" {
  if (document.container || document.compilation) return "G";
  if (document.outlet?.kind === "newspaper") return "N";
  if (document.outlet?.kind === "periodical") return "J";
  return "EB";
}

/**
 * A date as GB/T 7714 writes it: ISO at its precision; `以后` after a lower
 * bound; in square brackets when inferred (GB/T 7714-2025 7.5.4.3, `[1936]`).
 *
 * @example gbtDate({ value: "2017-10", precision: "after", inferred: true }) // "[2017-10以后]"
 */
export function gbtDate(date: CitedDate): string {
  const written = `${date.value}${date.precision === "after" ? "以后" : ""}`;
  return date.inferred ? `[${written}]` : written;
}

/**
 * A date as Chinese running text writes it, with the inference said in words.
 *
 * @example plainDate({ value: "2023-06", precision: "after", inferred: true }) // "2023年6月以后（编者推断）"
 */
export function plainDate(date: CitedDate): string {
  return `${formatDate(date.value, date.precision)}${date.inferred ? "（编者推断）" : ""}`;
}

const joinParts = (parts: readonly (string | undefined)[], separator: string) =>
  parts.filter((part): part is string => Boolean(part)).join(separator);

/** The GB/T 7714 reference in three parts, around the access date and the URL. */
export interface Gbt7714Parts {
  /** Everything before the dates of an `[EB/OL]` item, or before the URL. */
  head: string;
  /** Whether the reference takes an access date (`[YYYY-MM-DD]`): only an `[EB/OL]` item does, after its date of publication. */
  accessDate: boolean;
  /** An `[EB/OL]` item's date of publication, `（2023-07-15）`, or "". */
  published: string;
  /** What follows the URL and its closing `.`: a passage's locator, where the reference has no place for it. */
  after: string;
}

/**
 * The GB/T 7714-2025 reference, complete: the head, the access date where
 * the type takes one, `. `, the URL, `.`, and a passage's locator where it
 * cannot go inside the reference.
 *
 * @example gbt7714({ title: "题名", authors: ["某某"], outlet: { name: "人民日报", kind: "newspaper" }, date: { value: "2024-02-27", precision: "day", inferred: false }, page: "10", compilation: false }, { type: "paragraph", number: 3 }, "https://corpus.example.net/speeches/x/#para3", "2026-12-03")
 * // "某某. 题名[N/OL]. 人民日报，2024-02-27（10）. https://corpus.example.net/speeches/x/#para3.（第3段）"
 */
export function gbt7714(
  document: CitedDocument,
  passage: CitedPassage | undefined,
  url: string,
  accessDate?: string,
): string {
  const parts = gbt7714Parts(document, passage);
  const dates = `${parts.published}${parts.accessDate && accessDate ? `[${accessDate}]` : ""}`;
  return `${parts.head}${dates ? `. ${dates}` : ""}. ${url}.${parts.after}`;
}

/** The names of a reference's responsible parties, as GB/T 7714-2025 separates them in a Chinese entry. */
const names = (authors: readonly string[]) => authors.join("，");

/**
 * `出版者，出版年` of a compilation, or whichever of the two is known: the year
 * only, as a book's 出版年 is written (8.2, 8.3 examples: `北京：人民出版社，2013：302`).
 * No place: the sources state none, and none is invented.
 */
function publication(publisher: string | undefined, date: CitedDate | undefined): string {
  return joinParts([publisher, date && gbtDate({ ...date, value: date.value.slice(0, 4) })], "，");
}

/** The GB/T 7714-2025 reference around its access date and URL: what a page writes before it knows the reader's date. */
export function gbt7714Parts(document: CitedDocument, passage: CitedPassage | undefined): Gbt7714Parts {
  const type = `[${referenceType(document)}/OL]`;
  const title = joinParts([document.title, document.compilation ? document.subtitle : undefined], "：");
  const locator = passageLocator(passage);
  const after = locator ? `（${locator}）` : "";
  const { container, outlet } = document;
  const element = (parts: readonly (string | undefined)[]) => joinParts(parts, ". ");
  if (container) {
    // 析出文献: the part, `//`, the compilation; the part's place in it where a page would be (7.7, `：扉页`).
    const within = joinParts([document.label, locator], "，");
    const host = element([
      names(container.authors),
      joinParts([container.title, container.subtitle], "："),
      joinParts([publication(container.publisher, container.date), within], "："),
    ]);
    const head = `${element([names(document.authors), `${title}${type}`])}//${host}`;
    return { head, accessDate: false, published: "", after: "" };
  }
  if (outlet && isPublicationTitle(outlet.kind)) {
    // 连续出版物中的析出文献 (8.5; B.4 example 6): `报纸名，出版日期（版次）`, no access date.
    const place = `${joinParts([outlet.name, document.date && gbtDate(document.date)], "，")}${document.page ? `（${document.page}）` : ""}`;
    return {
      head: element([names(document.authors), `${title}${type}`, place]),
      accessDate: false,
      published: "",
      after,
    };
  }
  if (document.compilation) {
    // A compilation as a book (8.2): `出版者，出版年`, no access date.
    const place = publication(document.publisher, document.date);
    return {
      head: element([names(document.authors), `${title}${type}`, place]),
      accessDate: false,
      published: "",
      after,
    };
  }
  // 网站和网页 (8.11; 8.11.3.2 example 3): `（发布日期）[引用日期]`; the agency or website is the responsible party when no person is named (B.10 example 4).
  const responsible = document.authors.length > 0 ? names(document.authors) : outlet?.name;
  const published = document.date ? `（${gbtDate(document.date)}）` : "";
  return { head: element([responsible, `${title}${type}`]), accessDate: true, published, after };
}

/**
 * The plain Chinese citation: 《》 around titles of publications only (the
 * document, the compilation, a newspaper or periodical), never around a news
 * agency or a website; then where it was read, in this edition.
 *
 * @example plainCitation({ title: "题名", authors: ["某某"], outlet: { name: "人民日报", kind: "newspaper" }, date: { value: "2024-02-27", precision: "day", inferred: false }, page: "10", compilation: false }, { type: "paragraph", number: 3 }, "https://corpus.example.net/speeches/x/#p7", { name: "网络强国文献汇编", version: "0.2.0", date: "2026-12-03" })
 * // "某某：《题名》，《人民日报》2024年2月27日第10版，第3段。见《网络强国文献汇编》0.2.0版（2026-12-03），https://corpus.example.net/speeches/x/#p7。"
 */
export function plainCitation(
  document: CitedDocument,
  passage: CitedPassage | undefined,
  url: string,
  edition: CitedEdition,
): string {
  const { before, after } = plainCitationParts(document, passage, edition);
  return `${before}${url}${after}`;
}

/** The plain citation before and after its URL, for a page that writes the URL itself. */
export function plainCitationParts(
  document: CitedDocument,
  passage: CitedPassage | undefined,
  edition: CitedEdition,
): { before: string; after: string } {
  const author = document.authors.length > 0 ? `${document.authors.join("、")}：` : "";
  const date = document.date && plainDate(document.date);
  const { container, outlet } = document;
  let where: string | undefined;
  let note = "";
  if (container) {
    const compilation = `《${container.title}》${container.subtitle ? `（${container.subtitle}）` : ""}`;
    where = joinParts(
      [`载${container.authors.join("、")}${compilation}`, container.date && plainDate(container.date), document.label],
      "，",
    );
    if (outlet) note = `原注来源：${outlet.name}。`;
  } else if (outlet && isPublicationTitle(outlet.kind)) {
    where = `《${outlet.name}》${date ?? ""}${document.page ? `第${document.page}版` : ""}`;
  } else {
    // A compilation's issuer is named once when it is also its author.
    const publisher = document.compilation ? document.publisher : outlet?.name;
    where = joinParts([publisher && !document.authors.includes(publisher) ? publisher : undefined, date], "，");
  }
  const title = `《${document.title}》${document.compilation && document.subtitle ? `（${document.subtitle}）` : ""}`;
  const cited = joinParts([`${author}${title}`, where, passageLocator(passage)], "，");
  const { original } = document;
  if (original) note += `原文：${original.url}${original.retrieved ? `（${original.retrieved}获取）` : ""}。`;
  return { before: `${cited}。${note}见《${edition.name}》${edition.version}版（${edition.date}），`, after: "。" };
}
