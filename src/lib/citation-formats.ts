/**
 * Machine-readable citations of a document or a passage: CSL-JSON (what
 * Zotero, Mendeley and citeproc read), BibTeX (biblatex fields, which BibTeX
 * ignores where it lacks them) and RIS. One CSL item is the model; BibTeX and
 * RIS are written from it, so the three always agree. These run in the
 * browser too (a passage's citation is written when the reader asks for it),
 * so they are small serialisers here rather than a citation library; the
 * tests parse their output with citation-js.
 */
import {
  passageLocator,
  plainDate,
  referenceType,
  type CitedDate,
  type CitedDocument,
  type CitedEdition,
  type CitedPassage,
} from "./citation.ts";

export type CslType = "article-newspaper" | "article-journal" | "chapter" | "book" | "webpage";

interface CslDate {
  "date-parts": number[][];
  /** The date is approximate: here, inferred by the editor. */
  circa?: boolean;
}

/** A CSL-JSON item (the fields this edition fills). */
export interface CslItem {
  id: string;
  type: CslType;
  title: string;
  author?: { literal: string }[];
  "container-title"?: string;
  "container-author"?: { literal: string }[];
  "collection-title"?: string;
  publisher?: string;
  issued?: CslDate;
  page?: string;
  URL?: string;
  accessed?: CslDate;
  note?: string;
  language: "zh-CN";
}

export interface CitationRequest {
  document: CitedDocument;
  /** The cited passage; absent for the whole document. */
  passage?: CitedPassage | undefined;
  /** A stable key: the document's slug, with the passage id for a passage (`slug-p7`). */
  key: string;
  /** The absolute URL; absent when the site has no known address, and then `path` goes into the note. */
  url?: string | undefined;
  /** The site-relative path of what is cited. */
  path: string;
  edition: CitedEdition;
  /** The reader's access date, ISO; absent when not known (a file written at build time). */
  accessed?: string | undefined;
}

const dateParts = (iso: string) => [iso.split("-").map(Number)];

function cslDate(date: CitedDate): CslDate {
  return { "date-parts": dateParts(date.value), ...(date.inferred ? { circa: true } : {}) };
}

function cslType(document: CitedDocument): CslType {
  if (document.container) return "chapter";
  if (document.compilation) return "book";
  const type = referenceType(document);
  if (type === "N") return "article-newspaper";
  if (type === "J") return "article-journal";
  // An [EB/OL] item: an agency's or a website's text read online.
  return "webpage";
}

const names = (values: readonly string[]) => values.map((literal) => ({ literal }));

/** The CSL-JSON item of a document or a passage. */
export function cslItem(request: CitationRequest): CslItem {
  const { document, passage, edition } = request;
  const type = cslType(document);
  const { container } = document;
  const date = container ? container.date : document.date;
  const notes = [
    passageLocator(passage),
    container ? document.label : undefined,
    date?.inferred ? `日期为编者推断：${plainDate({ ...date, inferred: false })}` : undefined,
    container && document.outlet ? `原注来源：${document.outlet.name}` : undefined,
    document.original ? `原文：${document.original.url}` : undefined,
    `见《${edition.name}》${edition.version}版（${edition.date}）`,
    request.url ? undefined : `本版站内路径：${request.path}`,
  ].filter(Boolean);
  const publisher = container
    ? container.publisher
    : document.compilation
      ? document.publisher
      : type === "webpage"
        ? document.outlet?.name
        : undefined;
  return {
    id: request.key,
    type,
    title: document.title,
    ...(document.authors.length > 0 ? { author: names(document.authors) } : {}),
    ...(container ? { "container-title": container.title } : {}),
    ...(container && container.authors.length > 0 ? { "container-author": names(container.authors) } : {}),
    ...(type === "article-newspaper" || type === "article-journal"
      ? { "container-title": document.outlet?.name ?? "" }
      : {}),
    ...((container?.subtitle ?? (document.compilation ? document.subtitle : undefined))
      ? { "collection-title": container?.subtitle ?? document.subtitle ?? "" }
      : {}),
    ...(publisher ? { publisher } : {}),
    ...(date ? { issued: cslDate(date) } : {}),
    ...(document.page && !container ? { page: document.page } : {}),
    ...(request.url ? { URL: request.url } : {}),
    ...(request.accessed ? { accessed: { "date-parts": dateParts(request.accessed) } } : {}),
    note: notes.join("；"),
    language: "zh-CN",
  };
}

/** CSL-JSON: an array of items, as Zotero imports it. */
export function cslJson(items: readonly CslItem[]): string {
  return `${JSON.stringify(items, null, 2)}\n`;
}

const isoOf = (date: CslDate | undefined) =>
  date?.["date-parts"][0]?.map((part, index) => String(part).padStart(index === 0 ? 4 : 2, "0")).join("-");

/** A BibTeX field value: braces and TeX's special characters escaped. */
function bibtexValue(value: string): string {
  return value.replace(/[\\{}%&$#_^~]/g, (character) =>
    character === "\\"
      ? "\\textbackslash{}"
      : character === "^" || character === "~"
        ? `\\${character}{}`
        : `\\${character}`,
  );
}

/** Names in BibTeX: each in an extra pair of braces, as an institution or a Chinese name is not "First Last". */
const bibtexNames = (values: readonly { literal: string }[]) =>
  values.map((name) => `{${bibtexValue(name.literal)}}`).join(" and ");

const bibtexTypes: Readonly<Record<CslType, string>> = {
  "article-newspaper": "article",
  "article-journal": "article",
  chapter: "incollection",
  book: "book",
  webpage: "online",
};

/** One BibTeX entry of a CSL item. */
export function bibtexEntry(item: CslItem): string {
  const issued = isoOf(item.issued);
  const fields: [string, string | undefined][] = [
    ["author", item.author && bibtexNames(item.author)],
    ["title", `{${bibtexValue(item.title)}}`],
    item.type === "chapter"
      ? ["booktitle", item["container-title"] && bibtexValue(item["container-title"])]
      : ["journal", item["container-title"] && bibtexValue(item["container-title"])],
    ["entrysubtype", item.type === "article-newspaper" ? "newspaper" : undefined],
    ["bookauthor", item["container-author"] && bibtexNames(item["container-author"])],
    ["series", item["collection-title"] && bibtexValue(item["collection-title"])],
    ["publisher", item.publisher && bibtexValue(item.publisher)],
    ["date", issued],
    ["year", issued?.slice(0, 4)],
    ["pages", item.page],
    ["url", item.URL],
    ["urldate", isoOf(item.accessed)],
    ["note", item.note && bibtexValue(item.note)],
    ["langid", "chinese"],
  ];
  const body = fields
    .filter((field): field is [string, string] => Boolean(field[1]))
    .map(([name, value]) => `  ${name} = {${value}},`)
    .join("\n");
  return `@${bibtexTypes[item.type]}{${item.id},\n${body}\n}\n`;
}

const risTypes: Readonly<Record<CslType, string>> = {
  "article-newspaper": "NEWS",
  "article-journal": "JOUR",
  chapter: "CHAP",
  book: "BOOK",
  webpage: "ELEC",
};

/** A RIS date: `YYYY/MM/DD/`, the parts not known left empty. */
function risDate(iso: string): string {
  const [year = "", month = "", day = ""] = iso.split("-");
  return `${year}/${month}/${day}/`;
}

/** One RIS record of a CSL item; lines end in CRLF, as the format specifies. */
export function risRecord(item: CslItem): string {
  const issued = isoOf(item.issued);
  const tags: [string, string | undefined][] = [
    ["TY", risTypes[item.type]],
    ["ID", item.id],
    ["TI", item.title],
    ...(item.author ?? []).map((name): [string, string] => ["AU", name.literal]),
    ["T2", item["container-title"]],
    ...(item["container-author"] ?? []).map((name): [string, string] => ["A2", name.literal]),
    ["T3", item["collection-title"]],
    ["PB", item.publisher],
    ["PY", issued?.slice(0, 4)],
    ["DA", issued && risDate(issued)],
    ["SP", item.page],
    ["UR", item.URL],
    ["Y2", isoOf(item.accessed)?.replaceAll("-", "/")],
    ["N1", item.note],
    ["LA", item.language],
  ];
  const lines = tags
    .filter((tag): tag is [string, string] => Boolean(tag[1]))
    .map(([tag, value]) => `${tag}  - ${value.replace(/\s*\n\s*/g, " ")}`);
  return `${[...lines, "ER  - "].join("\r\n")}\r\n`;
}

/** The three files of a citation, by format, with their file extension and media type. */
export const citationFormats = {
  bibtex: { extension: "bib", mediaType: "application/x-bibtex", write: bibtexEntry },
  ris: { extension: "ris", mediaType: "application/x-research-info-systems", write: risRecord },
  csl: {
    extension: "json",
    mediaType: "application/vnd.citationstyles.csl+json",
    write: (item: CslItem) => cslJson([item]),
  },
} as const;

export type CitationFormat = keyof typeof citationFormats;

/** The file name of the collection's citations in a format, under `data/`: every document in one file. */
export const collectionCitationFile = (format: CitationFormat): string =>
  `citations.${citationFormats[format].extension}`;

/**
 * Every document's citation in one file of a format, in the order given:
 * BibTeX entries and RIS records one after another, CSL-JSON as one array.
 */
export function collectionCitations(items: readonly CslItem[], format: CitationFormat): string {
  if (format === "csl") return cslJson(items);
  const write = citationFormats[format].write;
  return items.map((item) => write(item)).join(format === "bibtex" ? "\n" : "");
}

/** The Zotero item type a document page declares (`DC.type`): what Zotero's Embedded Metadata translator should make of it. */
export type ZoteroItemType = "newspaperArticle" | "journalArticle" | "bookSection" | "book" | "webpage";

const zoteroTypes: Readonly<Record<CslType, ZoteroItemType>> = {
  "article-newspaper": "newspaperArticle",
  "article-journal": "journalArticle",
  chapter: "bookSection",
  book: "book",
  webpage: "webpage",
};

/**
 * The document's citation as `<meta>` tags that Zotero's browser connector
 * (its Embedded Metadata translator) and Google Scholar read from the page:
 * Highwire Press `citation_*` tags for the fields, and Dublin Core `DC.*`
 * tags, because `DC.type` may name any Zotero item type, while the Highwire
 * tags can only say journal article, book section, report and a few more
 * (a newspaper's `citation_journal_title` alone would make a journal
 * article). A date the editor inferred is left out: these tags state facts.
 */
export function citationMetaTags(document: CitedDocument, url: string | undefined): [name: string, content: string][] {
  const { container } = document;
  const date = container ? container.date : document.date;
  const type = cslType(document);
  const stated = date && !date.inferred ? date.value : undefined;
  const publisher = container ? container.publisher : type === "webpage" ? document.outlet?.name : document.publisher;
  const tags: [string, string | undefined][] = [
    ["citation_title", document.title],
    ...document.authors.map((author): [string, string] => ["citation_author", author]),
    ["citation_publication_date", stated?.replaceAll("-", "/")],
    ["citation_journal_title", type.startsWith("article") ? document.outlet?.name : undefined],
    ["citation_book_title", container?.title],
    ["citation_publisher", publisher],
    ["citation_firstpage", container ? undefined : document.page],
    ["citation_public_url", url],
    ["citation_language", "zh"],
    ["DC.type", zoteroTypes[type]],
    ["DC.title", document.title],
    ...document.authors.map((author): [string, string] => ["DC.creator", author]),
    ["DC.date", stated],
    ["DC.publisher", publisher],
    ["DC.identifier", url],
    ["DC.language", "zh"],
  ];
  return tags.filter((tag): tag is [string, string] => Boolean(tag[1]));
}
