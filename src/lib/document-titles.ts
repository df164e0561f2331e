import type { Locale } from "../i18n/ui.ts";
import type { OutletKind } from "../schemas/speech.ts";
import { isPublicationTitle } from "./citation.ts";
import { formatDateIn, type DatePrecision } from "./dates.ts";

/**
 * Titles that tell documents apart. Two documents may share a title (one
 * text printed in a newspaper and reprinted in a booklet); wherever a title
 * names a document (lists, result headings, chart labels, filter options,
 * links), such a title is followed by the document's container or outlet,
 * and its date when that is still not enough, so that no two documents are
 * named alike. A title no other document has is shown as it is.
 */

/** What tells a document apart, from its editorial data. */
export interface TitledDocument {
  slug: string;
  title: string;
  /** The compilation it is part of, and its label there (材料 2). */
  container?: { title: string; label?: string | undefined } | undefined;
  outlet?: { name: string; isPublication: boolean } | undefined;
  /** The date as written for readers, such as 2023年6月以后. */
  date?: string | undefined;
}

/** How one interface language writes a title and what tells it apart from its namesakes. */
export interface TitleStyle {
  /** A compilation's title, with the document's label in it (材料 2). */
  container(title: string, label: string | undefined): string;
  /** An outlet's name: a publication's in 《》 in Chinese. */
  outlet(name: string, isPublication: boolean): string;
  /** The title followed by what tells it apart. */
  qualified(title: string, parts: readonly string[]): string;
}

export const chineseTitleStyle: TitleStyle = {
  container: (title, label) => `《${title}》${label ?? ""}`,
  outlet: (name, isPublication) => (isPublication ? `《${name}》` : name),
  qualified: (title, parts) => `${title}（${parts.join("，")}）`,
};

/** English: names as they are (an option of a select has no italics), the qualifier in parentheses. */
export const englishTitleStyle: TitleStyle = {
  container: (title, label) => (label ? `${title}, ${label}` : title),
  outlet: (name) => name,
  qualified: (title, parts) => `${title} (${parts.join(", ")})`,
};

function qualifier(document: TitledDocument, style: TitleStyle): string | undefined {
  if (document.container) return style.container(document.container.title, document.container.label);
  if (document.outlet) return style.outlet(document.outlet.name, document.outlet.isPublication);
  return undefined;
}

/**
 * Each document's distinguishing title, by slug.
 *
 * @example distinctTitles([{ slug: "a", title: "综述", outlet: { name: "新华社", isPublication: false } }, { slug: "b", title: "综述", container: { title: "学习资料", label: "材料 2" } }])
 * // Map { "a" => "综述（新华社）", "b" => "综述（《学习资料》材料 2）" }
 */
export function distinctTitles(
  documents: readonly TitledDocument[],
  style: TitleStyle = chineseTitleStyle,
): Map<string, string> {
  const byTitle = Map.groupBy(documents, (document) => document.title);
  const titles = new Map<string, string>();
  for (const [title, namesakes] of byTitle) {
    if (namesakes.length === 1) {
      for (const { slug } of namesakes) titles.set(slug, title);
      continue;
    }
    const present = (parts: (string | undefined)[]) => parts.filter((part): part is string => Boolean(part));
    const first = namesakes.map((document) => present([qualifier(document, style)]));
    const unique = (parts: string[][]) => new Set(parts.map((part) => part.join("，"))).size === parts.length;
    const withDates = namesakes.map((document, index) => [...(first[index] ?? []), ...present([document.date])]);
    const parts = unique(first) ? first : unique(withDates) ? withDates : namesakes.map((document) => [document.slug]);
    namesakes.forEach((document, index) => titles.set(document.slug, style.qualified(title, parts[index] ?? [])));
  }
  return titles;
}

/** What `titledDocuments` reads of a document, as the editorial data and the generated collection both hold it. */
export interface TitleSource {
  slug: string;
  title: { text: string };
  /** The edition's English translation of the title. */
  titleEnglish?: string | undefined;
  relations: readonly { type: string; target: string }[];
  fields: { label?: { text: string } | undefined };
  outlet?: { value: string } | undefined;
  outletKind?: OutletKind | undefined;
  date?: { value: string; precision: DatePrecision } | undefined;
}

/**
 * The documents as `distinctTitles` tells them apart in one interface
 * language: in English each title, and a container's, is the edition's
 * translation where there is one and the Chinese title where there is none;
 * outlets and labels stay as the text prints them.
 */
export function titledDocuments(documents: readonly TitleSource[], locale: Locale): TitledDocument[] {
  const bySlug = new Map(documents.map((document) => [document.slug, document]));
  const titleOf = (document: TitleSource) =>
    locale === "en" ? (document.titleEnglish ?? document.title.text) : document.title.text;
  return documents.map((document) => {
    const container = bySlug.get(document.relations.find((relation) => relation.type === "part-of")?.target ?? "");
    return {
      slug: document.slug,
      title: titleOf(document),
      container: container && { title: titleOf(container), label: document.fields.label?.text },
      outlet: document.outlet && {
        name: document.outlet.value,
        isPublication: isPublicationTitle(document.outletKind),
      },
      date: document.date && formatDateIn(locale, document.date.value, document.date.precision),
    };
  });
}

/** Each document's distinguishing title in an interface language (`titledDocuments`, `distinctTitles`). */
export function documentTitlesIn(documents: readonly TitleSource[], locale: Locale): Map<string, string> {
  return distinctTitles(titledDocuments(documents, locale), locale === "en" ? englishTitleStyle : chineseTitleStyle);
}
