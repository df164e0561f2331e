/**
 * The edition as TEI P5 XML, for digital-edition tools (TEI Publisher, EVT,
 * CETEIcean): one `<TEI>` file per document and a `<teiCorpus>` of all.
 *
 * The header records the title, authors, the edition, the date as the text
 * states it or as the editor inferred it (`cert="medium"` and a note of the
 * basis), the outlet and page, the source file and its SHA-256, the review
 * status, the licence, and the conventions below. The body gives the
 * published passages in reading order: headings open a `<div>`, paragraphs
 * are `<p>`, list items `<item>` in a `<list>`; each carries its reader number
 * as `n` and, as `xml:id`, the anchor it has on the site (`para3`,
 * src/lib/passage-numbers.ts), so that a TEI id and a site address name the
 * same passage. Editorial decisions stand where they fall in the text:
 *
 * - a join of two source lines: `<lb n="LINE" break="no"/>` where the later
 *   line's piece begins, then `<note type="join" subtype="REASON">`;
 * - an omitted piece of the source: `<gap xml:id="omission-N" reason>` (with
 *   the editor's note as `<desc>`), then `<note type="omitted">` holding the
 *   omitted text, inside the title or passage that holds its line, or between
 *   passages; `omission-N` is its anchor on the document page;
 * - a gap the page has (text it does not carry): `<gap reason>`;
 * - passages sharing text with passages of other documents: `<link>`s in a
 *   `<linkGrp type="shared-passages">` in the `<back>`.
 *
 * The published text of a passage is its text without the content of its
 * `<note>` and `<gap>` elements, exactly the text the site publishes.
 * In the `teiCorpus` every id is prefixed with its document's id
 * (`doc-SLUG.para3`), so that ids stay unique; a single file's links to
 * another document point into that document's file (`SLUG.xml#para3`).
 */
import { MIN_SHARED_LENGTH } from "./collation.ts";
import { passageAnchor } from "./passage-numbers.ts";
import type { PassagesEntry } from "../schemas/entities.ts";
import type { Provenance } from "../schemas/provenance.ts";
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

/** One document and what its TEI is made from. */
export interface TeiSource {
  speech: Speech;
  published: PassagesEntry;
  /** The omissions of the document's source (its provenance record), which `speech.omissions` numbers from 1. */
  omissions: Provenance["omissions"];
}

/** The site anchor of a published passage of any document (`para3`, `title`); undefined for one not published. */
export type AnchorLookup = (doc: string, id: string) => string | undefined;

/** Anchors of the passages of the given documents. */
export function anchorLookup(documents: readonly { published: PassagesEntry }[]): AnchorLookup {
  const anchors = new Map(
    documents.flatMap(({ published }) =>
      published.passages.map((passage) => [`${published.doc}#${passage.id}`, passageAnchor(passage)] as const),
    ),
  );
  return (doc, id) => anchors.get(`${doc}#${id}`);
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

/** Markup to stand at an offset (UTF-16) of a text. */
interface Mark {
  at: number;
  markup: string;
}

/** A text escaped, with each mark at its offset (marks at one offset in the order given). */
function marked(text: string, marks: readonly Mark[]): string {
  let written = "";
  let from = 0;
  for (const mark of [...marks].sort((a, b) => a.at - b.at)) {
    if (mark.at > text.length) throw new Error(`a mark at ${mark.at} lies beyond the text (${text.length})`);
    written += xmlText(text.slice(from, mark.at)) + mark.markup;
    from = mark.at;
  }
  return written + xmlText(text.slice(from));
}

/** The date of a document as TEI attributes: `when`, or `notBefore` for a lower bound; `cert` when inferred. */
function teiDate(date: NonNullable<Speech["date"]>): Record<string, string | undefined> {
  return {
    ...(date.precision === "after" ? { notBefore: date.value } : { when: date.value }),
    cert: date.basis ? "medium" : undefined,
  };
}

/** The `<xml:id>` of a document's `<TEI>` element: a slug may start with a digit, an XML name may not. */
export const teiDocumentId = (slug: string): string => `doc-${slug}`;

/** How one file names its own elements and points at another document's. */
interface Ids {
  id(anchor: string): string;
  pointer(doc: string, anchor: string): string;
}

/** Ids in a document's own file: the site's anchors; another document is its file beside this one. */
const fileIds = (): Ids => ({ id: (anchor) => anchor, pointer: (doc, anchor) => `${doc}.xml#${anchor}` });

/** Ids in the teiCorpus: prefixed with the document's id, unique in the corpus. */
const corpusIds = (slug: string): Ids => ({
  id: (anchor) => `${teiDocumentId(slug)}.${anchor}`,
  pointer: (doc, anchor) => `#${teiDocumentId(doc)}.${anchor}`,
});

/** Who publishes the edition, which version, when, under which licence: the same for every file. */
function publicationStmt(edition: TeiEdition): string {
  return element(
    "publicationStmt",
    {},
    [
      element("publisher", {}, xmlText(edition.name)),
      element("date", { when: edition.date }, edition.date),
      element("availability", {}, element("licence", {}, xmlText(edition.licence))),
    ].join(""),
  );
}

const editionStmt = (edition: TeiEdition): string =>
  element("editionStmt", {}, element("edition", { n: edition.version }, xmlText(edition.version)));

/** The conventions of the markup, for a reader of the file. */
const encodingDesc = element(
  "encodingDesc",
  {},
  element(
    "editorialDecl",
    { "xml:lang": "en" },
    [
      "Each passage carries its reader number as n and its anchor on the edition's site as xml:id.",
      "A piece of the source the edition omits is a gap with the edition's reason (and the editor's note as desc); the omitted text follows in a note of type omitted. Text inside note and gap is not published text.",
      "Where source lines were joined into one passage, lb marks where the later line begins (n: its line in the source file), followed by a note of type join with the reason as subtype.",
      `Passages sharing at least ${MIN_SHARED_LENGTH} characters with a passage of another document are linked in the back (linkGrp of type shared-passages; link of type identical for the same text).`,
    ]
      .map((sentence) => element("p", {}, sentence))
      .join(""),
  ),
);

/** An omission of the source as it stands in the text: its gap, then its text in a note. */
function omissionMarkup(omission: Provenance["omissions"][number], number: number, ids: Ids): string {
  const id = ids.id(`omission-${number}`);
  return (
    element(
      "gap",
      { "xml:id": id, reason: omission.reason },
      omission.note ? element("desc", {}, xmlText(omission.note)) : undefined,
    ) + element("note", { type: "omitted", target: `#${id}` }, xmlText(omission.text))
  );
}

/** The omissions placed `in` a passage (`title`, a block id) or between blocks (`text`), as marks. */
function omissionMarks(source: TeiSource, where: string, ids: Ids): Mark[] {
  return source.speech.omissions.flatMap((place) => {
    const omission = source.omissions[place.omission - 1];
    if (place.in !== where || !omission) return [];
    return [{ at: place.at, markup: omissionMarkup(omission, place.omission, ids) }];
  });
}

function header(source: TeiSource, edition: TeiEdition, ids: Ids): string {
  const { speech } = source;
  const authors = speech.authors.map((author) => element("author", {}, xmlText(author.value))).join("");
  const date = speech.date;
  const bibl = [
    element("title", { "xml:id": ids.id("title") }, marked(speech.title.text, omissionMarks(source, "title", ids))),
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
          editionStmt(edition),
          publicationStmt(edition),
          element("sourceDesc", {}, element("bibl", {}, bibl)),
        ].join(""),
      ),
      encodingDesc,
      element(
        "revisionDesc",
        { status: speech.status },
        element("change", { when: edition.date, status: speech.status }, xmlText(edition.version)),
      ),
    ].join(""),
  );
}

/** A block's joins as marks: where each later line begins, and why the break was removed. */
const joinMarks = (block: Speech["blocks"][number]): Mark[] =>
  block.joins.map((join) => ({
    at: join.at,
    markup:
      element("lb", { n: String(join.before), break: "no" }) +
      element("note", { type: "join", subtype: join.reason }, join.note === undefined ? undefined : xmlText(join.note)),
  }));

/** The body: the published passages in the order of the document's blocks, headings opening divisions. */
function body(source: TeiSource, ids: Ids): string {
  const { speech, published } = source;
  const texts = new Map(published.passages.map((passage) => [passage.id, passage]));
  const between = omissionMarks(source, "text", ids);
  const divisions: string[][] = [[]];
  let list: string[] | undefined;
  const current = () => list ?? divisions[divisions.length - 1] ?? [];
  const closeList = () => {
    const items = list;
    list = undefined;
    if (items) current().push(element("list", {}, items.join("")));
  };
  const omittedBefore = (index: number) =>
    between.filter((mark) => mark.at === index).forEach((mark) => current().push(mark.markup));
  speech.blocks.forEach((block, index) => {
    omittedBefore(index);
    if (block.type === "gap") {
      closeList();
      current().push(element("gap", { reason: block.decision?.reason ?? "unspecified" }));
      return;
    }
    const passage = texts.get(block.id);
    if (!passage) return;
    const attributes = { "xml:id": ids.id(passageAnchor(passage)), n: String(passage.number) };
    const content = marked(passage.text, [...joinMarks(block), ...omissionMarks(source, block.id, ids)]);
    if (block.type === "item") {
      list ??= [];
      list.push(element("item", attributes, content));
      return;
    }
    closeList();
    if (block.type === "heading") divisions.push([element("head", attributes, content)]);
    else current().push(element("p", attributes, content));
  });
  omittedBefore(speech.blocks.length);
  closeList();
  const written = divisions
    .filter((division) => division.length > 0)
    .map((division) => element("div", {}, division.join("")));
  // A body needs content: a document without published text still has an (empty) division.
  return element("body", {}, written.length > 0 ? written.join("") : element("div", {}, element("p", {}, "")));
}

/** The `<back>` with a link for each passage of another document that shares text with one of this one's. */
function back(source: TeiSource, anchors: AnchorLookup, ids: Ids): string {
  const links = source.published.passages.flatMap((passage) =>
    passage.shared.flatMap((other) => {
      const there = anchors(other.doc, other.id);
      if (there === undefined) return [];
      const target = `#${ids.id(passageAnchor(passage))} ${ids.pointer(other.doc, there)}`;
      return [element("link", { type: other.identical ? "identical" : "shared-text", target })];
    }),
  );
  return links.length > 0 ? element("back", {}, element("linkGrp", { type: "shared-passages" }, links.join(""))) : "";
}

function teiElementWith(source: TeiSource, edition: TeiEdition, anchors: AnchorLookup, ids: Ids): string {
  return element(
    "TEI",
    { xmlns: "http://www.tei-c.org/ns/1.0", "xml:id": teiDocumentId(source.speech.slug), "xml:lang": "zh-CN" },
    header(source, edition, ids) + element("text", {}, body(source, ids) + back(source, anchors, ids)),
  );
}

/** One document as a `<TEI>` element (without the XML declaration), ids as in its own file. */
export function teiElement(source: TeiSource, edition: TeiEdition, anchors: AnchorLookup): string {
  return teiElementWith(source, edition, anchors, fileIds());
}

const declaration = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** One document as a TEI P5 file; `anchors` names the passages of the documents it links to. */
export function teiDocument(source: TeiSource, edition: TeiEdition, anchors: AnchorLookup): string {
  return `${declaration}${teiElement(source, edition, anchors)}\n`;
}

/** The whole edition as a `<teiCorpus>`: its own header, then each document's `<TEI>`, in the order given. */
export function teiCorpus(documents: readonly TeiSource[], edition: TeiEdition): string {
  const corpusHeader = element(
    "teiHeader",
    {},
    [
      element(
        "fileDesc",
        {},
        [
          element("titleStmt", {}, element("title", {}, xmlText(edition.name))),
          editionStmt(edition),
          publicationStmt(edition),
          element("sourceDesc", {}, element("p", {}, xmlText(`${documents.length} documents`))),
        ].join(""),
      ),
      encodingDesc,
    ].join(""),
  );
  const anchors = anchorLookup(documents);
  const members = documents
    .map((source) => teiElementWith(source, edition, anchors, corpusIds(source.speech.slug)))
    .join("\n");
  return `${declaration}<teiCorpus xmlns="http://www.tei-c.org/ns/1.0">${corpusHeader}\n${members}\n</teiCorpus>\n`;
}
