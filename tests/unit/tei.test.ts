import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DOMParser } from "linkedom";
import { describe, expect, it } from "vitest";
import { passageAnchor } from "../../src/lib/passage-numbers.ts";
import { teiCorpus, teiDocument, type TeiEdition } from "../../src/lib/tei.ts";
import { passagesEntrySchema, type PassagesEntry } from "../../src/schemas/entities.ts";
import { publishedDocuments } from "../helpers/corpus-documents.ts";
import { projectRoot } from "../helpers/root.ts";

const edition: TeiEdition = {
  name: "网络强国文献汇编",
  version: "0.2.0",
  date: "2026-12-03",
  licence: "CC BY 4.0 & <markup>",
};
const documents = publishedDocuments();
const publishedOf = (slug: string): PassagesEntry =>
  passagesEntrySchema.parse(
    JSON.parse(readFileSync(join(projectRoot, "content", "generated", "passages", `${slug}.json`), "utf8")),
  );
const parse = (xml: string) => new DOMParser().parseFromString(xml, "text/xml");

/** The passages a TEI file gives back: each element of the body with an id, with its number and text. */
const readBack = (xml: string) =>
  [...parse(xml).querySelectorAll("body [xml\\:id]")].map((element) => ({
    anchor: element.getAttribute("xml:id"),
    number: Number(element.getAttribute("n")),
    text: element.textContent,
  }));

describe("TEI P5", () => {
  it.for(documents.map((document) => document.slug))("%s: read back, gives exactly the published text", (slug) => {
    const speech = documents.find((document) => document.slug === slug);
    if (!speech) throw new Error(slug);
    const published = publishedOf(slug);
    const xml = teiDocument(speech, published, edition);
    expect(readBack(xml)).toEqual(
      published.passages
        .filter((passage) => passage.type !== "title")
        .map((passage) => ({ anchor: passageAnchor(passage), number: passage.number, text: passage.text })),
    );
    const tei = parse(xml);
    expect(tei.querySelector("titleStmt > title")?.textContent).toBe(speech.title.text);
    expect(tei.querySelector("idno[type=sha256]")?.textContent).toBe(speech.source.sha256);
    expect(tei.querySelector("revisionDesc")?.getAttribute("status")).toBe(speech.status);
    expect(tei.querySelector("licence")?.textContent).toBe("CC BY 4.0 & <markup>");
    const date = tei.querySelector("sourceDesc date");
    expect(date?.getAttribute("cert") ?? undefined).toBe(speech.date?.basis ? "medium" : undefined);
    if (speech.date?.basis) expect(tei.querySelector("note[type=date-basis]")?.textContent).toBe(speech.date.basis);
    const gaps = speech.blocks.filter((block) => block.type === "gap");
    expect([...tei.querySelectorAll("gap")].map((gap) => gap.getAttribute("reason"))).toEqual(
      gaps.map((gap) => gap.decision?.reason ?? "unspecified"),
    );
    // Headings open a division; a list holds only items.
    for (const head of tei.querySelectorAll("head")) expect(head.parentElement?.firstElementChild).toBe(head);
    for (const list of tei.querySelectorAll("list"))
      expect([...list.children].every((child) => child.localName === "item")).toBe(true);
  });

  it("escapes what XML would read as markup", () => {
    const [speech] = documents;
    if (!speech) throw new Error("no documents");
    const published = publishedOf(speech.slug);
    const hostile = {
      ...published,
      passages: published.passages.map((passage) => ({ ...passage, text: `<b>&amp;"${passage.text}` })),
    };
    const xml = teiDocument(speech, hostile, edition);
    expect(parse(xml).querySelectorAll("b")).toHaveLength(0);
    expect(readBack(xml).map((passage) => passage.text)).toEqual(
      hostile.passages.filter((passage) => passage.type !== "title").map((passage) => passage.text),
    );
  });

  it("gathers every document in one teiCorpus, each with its own id", () => {
    const corpus = parse(
      teiCorpus(
        documents.map((speech) => ({ speech, published: publishedOf(speech.slug) })),
        edition,
      ),
    );
    const members = [...corpus.querySelectorAll("teiCorpus > TEI")];
    expect(members.map((member) => member.getAttribute("xml:id"))).toEqual(
      documents.map((document) => `doc-${document.slug}`),
    );
  });
});
