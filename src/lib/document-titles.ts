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

function qualifier(document: TitledDocument): string | undefined {
  if (document.container) return `《${document.container.title}》${document.container.label ?? ""}`;
  if (document.outlet) return document.outlet.isPublication ? `《${document.outlet.name}》` : document.outlet.name;
  return undefined;
}

/**
 * Each document's distinguishing title, by slug.
 *
 * @example distinctTitles([{ slug: "a", title: "综述", outlet: { name: "新华社", isPublication: false } }, { slug: "b", title: "综述", container: { title: "学习资料", label: "材料 2" } }])
 * // Map { "a" => "综述（新华社）", "b" => "综述（《学习资料》材料 2）" }
 */
export function distinctTitles(documents: readonly TitledDocument[]): Map<string, string> {
  const byTitle = Map.groupBy(documents, (document) => document.title);
  const titles = new Map<string, string>();
  for (const [title, namesakes] of byTitle) {
    if (namesakes.length === 1) {
      for (const { slug } of namesakes) titles.set(slug, title);
      continue;
    }
    const present = (parts: (string | undefined)[]) => parts.filter((part): part is string => Boolean(part));
    const first = namesakes.map((document) => present([qualifier(document)]));
    const unique = (parts: string[][]) => new Set(parts.map((part) => part.join("，"))).size === parts.length;
    const withDates = namesakes.map((document, index) => [...(first[index] ?? []), ...present([document.date])]);
    const parts = unique(first) ? first : unique(withDates) ? withDates : namesakes.map((document) => [document.slug]);
    namesakes.forEach((document, index) => titles.set(document.slug, `${title}（${(parts[index] ?? []).join("，")}）`));
  }
  return titles;
}
