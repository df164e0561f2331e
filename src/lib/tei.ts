/**
 * The edition as TEI P5 XML, for digital-edition tools (TEI Publisher, EVT,
 * CETEIcean): one `<TEI>` file per document and a `<teiCorpus>` of all.
 *
 * The header records the title, authors, the date as the text states it or
 * as the editor inferred it (`cert="medium"` and a note of the basis), the
 * outlet and page, the source file and its SHA-256, the review status and
 * the licence. The body gives the published passages in reading order:
 * headings open a `<div>`, paragraphs are `<p>`, list items `<item>` in a
 * `<list>`; each carries its reader number as `n` and, as `xml:id`, the
 * anchor it has on the site (`para3`, src/lib/passage-numbers.ts), so that
 * a TEI id and a site address name the same passage. A gap in the text is a
 * `<gap reason>`. The text of each element is exactly the published text.
 */
import { passageAnchor } from "./passage-numbers.ts";
import type { PassagesEntry } from "../schemas/entities.ts";
import type { Speech } from "../schemas/speech.ts";

/** What the header says of the edition itself. */
export interface TeiEdition {
  name: string;
  version: string;
  /** Release date, ISO. */
  date: string;
  /**
   * The licence of the editorial markup, and a sentence on the rights of the
   * texts, named in words: the files hold no absolute URL the build did not
   * get from SITE_URL (tests/site/addresses.test.ts).
   */
  licence: string;
}

/** Text for XML content or an attribute value: `&`, `<`, `>` and `"` escaped. */
export function xmlText(value: string): string {
  return value.replace(/[&<>"]/g, (character) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot" }[character]};`);
}

const element = (name: string, attributes: Record<string, string | undefined>, content?: string): string => {
  const written = Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${xmlText(value)}"`)
    .join("");
  return content === undefined ? `<${name}${written}/>` : `<${name}${written}>${content}</${name}>`;
};

/** The date of a document as TEI attributes: `when`, or `notBefore` for a lower bound; `cert` when inferred. */
function teiDate(date: NonNullable<Speech["date"]>): Record<string, string | undefined> {
  return {
    ...(date.precision === "after" ? { notBefore: date.value } : { when: date.value }),
    cert: date.basis ? "medium" : undefined,
  };
}

/** The `<xml:id>` of a document's `<TEI>` element: a slug may start with a digit, an XML name may not. */
export const teiDocumentId = (slug: string): string => `doc-${slug}`;

/** Who publishes the edition, which version, when, under which licence: the same for every file. */
function publicationStmt(edition: TeiEdition): string {
  return element(
    "publicationStmt",
    {},
    [
      element("publisher", {}, xmlText(edition.name)),
      element("edition", { n: edition.version }, xmlText(edition.version)),
      element("date", { when: edition.date }, edition.date),
      element("availability", {}, element("licence", {}, xmlText(edition.licence))),
    ].join(""),
  );
}

function header(speech: Speech, edition: TeiEdition): string {
  const authors = speech.authors.map((author) => element("author", {}, xmlText(author.value))).join("");
  const date = speech.date;
  const bibl = [
    element("title", {}, xmlText(speech.title.text)),
    authors,
    speech.outlet ? element("publisher", {}, xmlText(speech.outlet.value)) : "",
    date ? element("date", teiDate(date), xmlText(date.value)) : "",
    date?.basis ? element("note", { type: "date-basis" }, xmlText(date.basis)) : "",
    speech.page ? element("biblScope", { unit: "page" }, xmlText(speech.page.value)) : "",
    element("idno", { type: "source-file" }, xmlText(speech.source.file)),
    element("idno", { type: "sha256" }, speech.source.sha256),
    speech.source.url ? element("ref", { target: speech.source.url }, xmlText(speech.source.url)) : "",
  ].join("");
  return element(
    "teiHeader",
    {},
    [
      element(
        "fileDesc",
        {},
        [
          element("titleStmt", {}, element("title", {}, xmlText(speech.title.text)) + authors),
          publicationStmt(edition),
          element("sourceDesc", {}, element("bibl", {}, bibl)),
        ].join(""),
      ),
      element(
        "revisionDesc",
        { status: speech.status },
        element("change", { when: edition.date, status: speech.status }, xmlText(edition.version)),
      ),
    ].join(""),
  );
}

/** The body: the published passages in the order of the document's blocks, headings opening divisions. */
function body(speech: Speech, published: PassagesEntry): string {
  const texts = new Map(published.passages.map((passage) => [passage.id, passage]));
  const divisions: string[][] = [[]];
  let list: string[] | undefined;
  const current = () => divisions[divisions.length - 1] ?? [];
  const closeList = () => {
    if (list) current().push(element("list", {}, list.join("")));
    list = undefined;
  };
  for (const block of speech.blocks) {
    if (block.type === "gap") {
      closeList();
      current().push(element("gap", { reason: block.decision?.reason ?? "unspecified" }));
      continue;
    }
    const passage = texts.get(block.id);
    if (!passage) continue;
    const attributes = { "xml:id": passageAnchor(passage), n: String(passage.number) };
    if (block.type === "item") {
      list ??= [];
      list.push(element("item", attributes, xmlText(passage.text)));
      continue;
    }
    closeList();
    if (block.type === "heading") divisions.push([element("head", attributes, xmlText(passage.text))]);
    else current().push(element("p", attributes, xmlText(passage.text)));
  }
  closeList();
  const written = divisions
    .filter((division) => division.length > 0)
    .map((division) => element("div", {}, division.join("")));
  // A body needs content: a document without published text still has an (empty) division.
  return element("body", {}, written.length > 0 ? written.join("") : element("div", {}, element("p", {}, "")));
}

/** One document as a `<TEI>` element (without the XML declaration). */
export function teiElement(speech: Speech, published: PassagesEntry, edition: TeiEdition): string {
  return element(
    "TEI",
    { xmlns: "http://www.tei-c.org/ns/1.0", "xml:id": teiDocumentId(speech.slug), "xml:lang": "zh-CN" },
    header(speech, edition) + element("text", {}, body(speech, published)),
  );
}

const declaration = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** One document as a TEI P5 file. */
export function teiDocument(speech: Speech, published: PassagesEntry, edition: TeiEdition): string {
  return `${declaration}${teiElement(speech, published, edition)}\n`;
}

/** The whole edition as a `<teiCorpus>`: its own header, then each document's `<TEI>`, in the order given. */
export function teiCorpus(
  documents: readonly { speech: Speech; published: PassagesEntry }[],
  edition: TeiEdition,
): string {
  const corpusHeader = element(
    "teiHeader",
    {},
    element(
      "fileDesc",
      {},
      [
        element("titleStmt", {}, element("title", {}, xmlText(edition.name))),
        publicationStmt(edition),
        element("sourceDesc", {}, element("p", {}, xmlText(`${documents.length} documents`))),
      ].join(""),
    ),
  );
  const members = documents.map(({ speech, published }) => teiElement(speech, published, edition)).join("\n");
  return `${declaration}<teiCorpus xmlns="http://www.tei-c.org/ns/1.0">${corpusHeader}\n${members}\n</teiCorpus>\n`;
}
