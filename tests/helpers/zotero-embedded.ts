/**
 * What Zotero's Embedded Metadata translator makes of a page's `<meta>` tags,
 * reduced to the tags this edition writes. Modelled on zotero/translators
 * `Embedded Metadata.js` (Highwire tags: `citation_journal_title` makes a
 * journal article, `citation_book_title` a book section, any `citation_title`
 * guesses a journal article; the HIGHWIRE_MAPPINGS fields) and `RDF.js`
 * (`detectType`: a `dc:type` that names a Zotero item type wins over the
 * Highwire type; `dc:title`, `dc:creator`, `dc:date`, `dc:publisher`), and on
 * Zotero keeping only the fields an item type has.
 */
type Tags = readonly (readonly [name: string, content: string])[];

export interface ZoteroItem {
  itemType: string;
  fields: Record<string, string>;
  creators: string[];
}

/** Zotero item types the reader knows (`ZU.itemTypeExists`), with the fields of each that these tags can fill. */
const itemFields: Readonly<Record<string, readonly string[]>> = {
  journalArticle: ["title", "date", "publicationTitle", "pages", "url", "language"],
  newspaperArticle: ["title", "date", "publicationTitle", "pages", "url", "language"],
  magazineArticle: ["title", "date", "publicationTitle", "pages", "url", "language"],
  webpage: ["title", "date", "publicationTitle", "url", "language"],
  bookSection: ["title", "date", "bookTitle", "publisher", "pages", "url", "language"],
  book: ["title", "date", "publisher", "url", "language"],
  report: ["title", "date", "institution", "pages", "url", "language"],
};

const highwireFields: Readonly<Record<string, string>> = {
  citation_title: "title",
  citation_publication_date: "date",
  citation_date: "date",
  citation_journal_title: "publicationTitle",
  citation_book_title: "bookTitle",
  citation_publisher: "publisher",
  citation_technical_report_institution: "institution",
  citation_public_url: "url",
  citation_language: "language",
};

export function zoteroRead(tags: Tags): ZoteroItem {
  const first = (name: string) => tags.find(([tag]) => tag.toLowerCase() === name.toLowerCase())?.[1];
  const all = (name: string) =>
    tags.filter(([tag]) => tag.toLowerCase() === name.toLowerCase()).map(([, value]) => value);
  const names = tags.map(([name]) => name);
  const highwire = names.includes("citation_journal_title")
    ? "journalArticle"
    : names.includes("citation_technical_report_institution")
      ? "report"
      : names.includes("citation_book_title")
        ? "bookSection"
        : names.includes("citation_title")
          ? "journalArticle"
          : undefined;
  const dcType = first("DC.type");
  const itemType = (dcType && dcType in itemFields ? dcType : undefined) ?? highwire ?? "webpage";
  // Dublin Core first (the RDF import), then the Highwire fields over it (addHighwireMetadata).
  const read: Record<string, string | undefined> = {
    title: first("DC.title"),
    date: first("DC.date"),
    publisher: first("DC.publisher"),
  };
  for (const [tag, field] of Object.entries(highwireFields)) read[field] = first(tag) ?? read[field];
  const firstPage = first("citation_firstpage");
  if (firstPage) read["pages"] = firstPage;
  const kept = itemFields[itemType] ?? [];
  const fields = Object.fromEntries(
    Object.entries(read).filter((entry): entry is [string, string] => kept.includes(entry[0]) && Boolean(entry[1])),
  );
  const creators = all("citation_author");
  return { itemType, fields, creators: creators.length > 0 ? creators : all("DC.creator") };
}
