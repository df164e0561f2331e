/**
 * Citations of a passage of this edition, in two forms: GB/T 7714-2015 (the
 * Chinese national standard for bibliographic references) and a plain
 * Chinese form for running text. Both carry the paragraph number and the
 * paragraph's URL. Citations stay Chinese in every interface language.
 */
import { formatDate, type DatePrecision } from "./dates.ts";

export interface CitedDocument {
  /** The title as cited (with the material number for a booklet's materials). */
  title: string;
  authors: readonly string[];
  outlet?: string | undefined;
  date?: { value: string; precision: DatePrecision; inferred: boolean } | undefined;
  /** The newspaper page, such as `10`. */
  page?: string | undefined;
  kind: "report" | "article" | "review" | "booklet" | "study-material";
}

export interface Citation {
  /** Everything before the access date. */
  head: string;
  /** The passage's URL. */
  url: string;
}

/**
 * GB/T 7714 document type: a newspaper page `N`, the printed study booklet
 * `M`, anything else an online text `EB`; `/OL` because the passage is cited
 * at its URL.
 */
function typeCode(document: CitedDocument): string {
  if (document.page) return "N/OL";
  if (document.kind === "booklet") return "M/OL";
  return "EB/OL";
}

function locator(passageId: string): string {
  return passageId === "title" ? "" : `第${passageId.replace(/^p/, "")}段`;
}

/**
 * The GB/T 7714 reference of a passage, without its access date (`[YYYY-MM-DD]`,
 * which belongs between `head` and `. url`; the page adds it when it can).
 * A date the editor inferred is in square brackets, as the standard marks
 * information not taken from the source.
 *
 * @example gbt7714({ title: "题名", authors: ["某某"], outlet: "人民日报", date: { value: "2024-02-27", precision: "day", inferred: false }, page: "10", kind: "article" }, "p3", "https://example.org/speeches/x/#p3")
 * // { head: "某某. 题名[N/OL]. 人民日报, 2024-02-27(10): 第3段", url: "https://example.org/speeches/x/#p3" }
 */
export function gbt7714(document: CitedDocument, passageId: string, url: string): Citation {
  const parts: string[] = [];
  if (document.authors.length > 0) parts.push(`${document.authors.join(", ")}. `);
  parts.push(`${document.title}[${typeCode(document)}]`);
  const date = document.date ? (document.date.inferred ? `[${document.date.value}]` : document.date.value) : "";
  const publication = [document.outlet, date].filter(Boolean).join(", ");
  if (publication) parts.push(`. ${publication}${document.page ? `(${document.page})` : ""}`);
  const where = locator(passageId);
  if (where) parts.push(`: ${where}`);
  return { head: parts.join(""), url };
}

/** The whole GB/T 7714 reference as one string, with the access date when one is given. */
export function gbt7714Text(citation: Citation, accessDate?: string): string {
  return `${citation.head}${accessDate ? `[${accessDate}]` : ""}. ${citation.url}`;
}

/**
 * A plain Chinese citation of a passage.
 *
 * @example plainCitation({ title: "题名", authors: ["某某"], outlet: "人民日报", date: { value: "2024-02-27", precision: "day", inferred: false }, page: "10", kind: "article" }, "p3", "https://example.org/speeches/x/#p3", "网络强国文献汇编")
 * // "某某：《题名》，《人民日报》2024年2月27日第10版，第3段。网络强国文献汇编，https://example.org/speeches/x/#p3"
 */
export function plainCitation(document: CitedDocument, passageId: string, url: string, edition: string): string {
  const author = document.authors.length > 0 ? `${document.authors.join("、")}：` : "";
  const date = document.date
    ? `${formatDate(document.date.value, document.date.precision)}${document.date.inferred ? "（编者推断）" : ""}`
    : "";
  const publication = `${document.outlet ? `《${document.outlet}》` : ""}${date}${document.page ? `第${document.page}版` : ""}`;
  const pieces = [`${author}《${document.title}》`, publication, locator(passageId)].filter(Boolean);
  return `${pieces.join("，")}。${edition}，${url}`;
}
