import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DOMParser } from "linkedom";
import { describe, expect, it } from "vitest";
import { passageAnchor } from "../../src/lib/passage-numbers.ts";
import { anchorLookup, teiCorpus, teiDocument, type TeiEdition, type TeiSource } from "../../src/lib/tei.ts";
import { passagesEntrySchema, type PassagesEntry } from "../../src/schemas/entities.ts";
import { provenanceSchema, type Provenance } from "../../src/schemas/provenance.ts";
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
const omissionsOf = (file: string): Provenance["omissions"] =>
  provenanceSchema.parse(
    JSON.parse(
      readFileSync(join(projectRoot, "content", "generated", "provenance", file.replace(/\.txt$/, ".json")), "utf8"),
    ),
  ).omissions;
const sources: TeiSource[] = documents.map((speech) => ({
  speech,
  published: publishedOf(speech.slug),
  omissions: omissionsOf(speech.source.file),
}));
const sourceOf = (slug: string): TeiSource => {
  const source = sources.find((candidate) => candidate.speech.slug === slug);
  if (!source) throw new Error(slug);
  return source;
};
const anchors = anchorLookup(sources);
const parse = (xml: string) => new DOMParser().parseFromString(xml, "text/xml");

/** The published text of an element: its text without what its notes and gaps say (src/lib/tei.ts). */
function publishedText(node: Node): string {
  if (node.nodeType === 3) return node.nodeValue ?? "";
  if (node.nodeType !== 1 || ["note", "gap"].includes((node as Element).localName)) return "";
  return [...node.childNodes].map(publishedText).join("");
}

/** The passages a TEI file gives back: each paragraph, heading and item of the body, with its id, number and text. */
const readBack = (xml: string) =>
  [...parse(xml).querySelectorAll("body p[xml\\:id], body head[xml\\:id], body item[xml\\:id]")].map((element) => ({
    anchor: element.getAttribute("xml:id"),
    number: Number(element.getAttribute("n")),
    text: publishedText(element),
  }));

describe("TEI P5", () => {
  it.for(documents.map((document) => document.slug))("%s: read back, gives exactly the published text", (slug) => {
    const source = sourceOf(slug);
    const { speech, published } = source;
    const xml = teiDocument(source, edition, anchors);
    expect(readBack(xml)).toEqual(
      published.passages
        .filter((passage) => passage.type !== "title")
        .map((passage) => ({ anchor: passageAnchor(passage), number: passage.number, text: passage.text })),
    );
    const tei = parse(xml);
    expect(tei.querySelector("titleStmt > title")?.textContent).toBe(speech.title.text);
    const title = tei.querySelector("sourceDesc title");
    expect(title?.getAttribute("xml:id")).toBe("title");
    if (title) expect(publishedText(title)).toBe(speech.title.text);
    expect(tei.querySelector("idno[type=sha256]")?.textContent).toBe(speech.source.sha256);
    expect(tei.querySelector("revisionDesc")?.getAttribute("status")).toBe(speech.status);
    expect(tei.querySelector("licence")?.textContent).toBe("CC BY 4.0 & <markup>");
    const date = tei.querySelector("sourceDesc date");
    expect(date?.getAttribute("cert") ?? undefined).toBe(speech.date?.basis ? "medium" : undefined);
    if (speech.date?.basis) expect(tei.querySelector("note[type=date-basis]")?.textContent).toBe(speech.date.basis);
    const gaps = speech.blocks.filter((block) => block.type === "gap");
    expect([...tei.querySelectorAll("gap:not([xml\\:id])")].map((gap) => gap.getAttribute("reason"))).toEqual(
      gaps.map((gap) => gap.decision?.reason ?? "unspecified"),
    );
    // Headings open a division; a list holds items, and the gaps and notes of omissions between them.
    for (const head of tei.querySelectorAll("head")) expect(head.parentElement?.firstElementChild).toBe(head);
    for (const list of tei.querySelectorAll("list"))
      expect([...list.children].every((child) => ["item", "gap", "note"].includes(child.localName))).toBe(true);
  });

  /** The published text of an element up to one of its descendants. */
  const textBefore = (container: Element, mark: Element): string => {
    const range = container.ownerDocument.createElement("x");
    for (const node of container.childNodes) {
      if (node === mark || node.contains(mark)) break;
      range.append(node.cloneNode(true));
    }
    return publishedText(range);
  };

  it.for(documents.map((document) => document.slug))(
    "%s: each join where its later line begins, with its reason",
    (slug) => {
      const source = sourceOf(slug);
      const tei = parse(teiDocument(source, edition, anchors));
      for (const block of source.speech.blocks) {
        const passage = source.published.passages.find((candidate) => candidate.id === block.id);
        if (!passage || block.joins.length === 0) continue;
        const element = tei.querySelector(`[xml\\:id="${passageAnchor(passage)}"]`);
        if (!element) throw new Error(`${slug}: no element for ${block.id}`);
        const breaks = [...element.querySelectorAll("lb")];
        expect(breaks.map((lb) => [lb.getAttribute("n"), lb.getAttribute("break")])).toEqual(
          block.joins.map((join) => [String(join.before), "no"]),
        );
        breaks.forEach((lb, index) => {
          const join = block.joins[index];
          if (!join) throw new Error("more breaks than joins");
          expect(textBefore(element, lb)).toBe(passage.text.slice(0, join.at));
          const note = lb.nextElementSibling;
          expect([note?.localName, note?.getAttribute("type"), note?.getAttribute("subtype")]).toEqual([
            "note",
            "join",
            join.reason,
          ]);
          expect(note?.textContent).toBe(join.note ?? "");
        });
      }
    },
  );

  it.for(documents.map((document) => document.slug))(
    "%s: each omission a gap with its reason, its text in a note",
    (slug) => {
      const source = sourceOf(slug);
      const tei = parse(teiDocument(source, edition, anchors));
      const gaps = [...tei.querySelectorAll("gap[xml\\:id]")];
      expect(gaps.map((gap) => gap.getAttribute("xml:id"))).toEqual(
        expect.arrayContaining(source.speech.omissions.map((place) => `omission-${place.omission}`)),
      );
      expect(gaps).toHaveLength(source.speech.omissions.length);
      for (const place of source.speech.omissions) {
        const omission = source.omissions[place.omission - 1];
        const gap = gaps.find((candidate) => candidate.getAttribute("xml:id") === `omission-${place.omission}`);
        if (!omission || !gap) throw new Error(`${slug}: omission ${place.omission}`);
        expect(gap.getAttribute("reason")).toBe(omission.reason);
        expect(gap.querySelector("desc")?.textContent).toBe(omission.note);
        const note = gap.nextElementSibling;
        expect([note?.localName, note?.getAttribute("type"), note?.getAttribute("target")]).toEqual([
          "note",
          "omitted",
          `#omission-${place.omission}`,
        ]);
        expect(note?.textContent).toBe(omission.text);
        if (place.in === "text") continue;
        const holder = gap.parentElement;
        if (!holder) throw new Error("a gap without a parent");
        const text =
          place.in === "title"
            ? source.speech.title.text
            : source.published.passages.find((passage) => passage.id === place.in)?.text;
        expect(publishedText(holder)).toBe(text);
        expect(textBefore(holder, gap)).toBe(text?.slice(0, place.at));
      }
    },
  );

  it("places every omission of every source in a document of that source", () => {
    for (const file of new Set(documents.map((document) => document.source.file))) {
      const placed = new Set(
        sources
          .filter((source) => source.speech.source.file === file)
          .flatMap((source) => source.speech.omissions.map((place) => place.omission)),
      );
      const count = omissionsOf(file).length;
      expect(
        [...placed].sort((a, b) => a - b),
        file,
      ).toEqual(Array.from({ length: count }, (_, index) => index + 1));
    }
  });

  it.for(documents.map((document) => document.slug))("%s: each shared passage a link to both copies", (slug) => {
    const source = sourceOf(slug);
    const tei = parse(teiDocument(source, edition, anchors));
    const links = [...tei.querySelectorAll("back > linkGrp[type=shared-passages] > link")];
    const expected = source.published.passages.flatMap((passage) =>
      passage.shared.map((other) => ({
        type: other.identical ? "identical" : "shared-text",
        target: `#${passageAnchor(passage)} ${other.doc}.xml#${anchors(other.doc, other.id) ?? "?"}`,
      })),
    );
    expect(links.map((link) => ({ type: link.getAttribute("type"), target: link.getAttribute("target") }))).toEqual(
      expected,
    );
    for (const link of links) {
      const [here = "", there = ""] = (link.getAttribute("target") ?? "").split(" ");
      expect(tei.querySelector(`[xml\\:id="${here.slice(1)}"]`), here).not.toBeNull();
      const [file = "", id = ""] = there.split("#");
      const other = parse(teiDocument(sourceOf(file.replace(/\.xml$/, "")), edition, anchors));
      expect(other.querySelector(`[xml\\:id="${id}"]`), there).not.toBeNull();
    }
  });

  it("escapes what XML would read as markup", () => {
    const [source] = sources;
    if (!source) throw new Error("no documents");
    const published = source.published;
    const hostile = {
      ...published,
      passages: published.passages.map((passage) => ({ ...passage, text: `<b>&amp;"${passage.text}` })),
    };
    const xml = teiDocument(
      { ...source, speech: { ...source.speech, omissions: [] }, published: hostile },
      edition,
      anchors,
    );
    expect(parse(xml).querySelectorAll("b")).toHaveLength(0);
    expect(readBack(xml).map((passage) => passage.text)).toEqual(
      hostile.passages.filter((passage) => passage.type !== "title").map((passage) => passage.text),
    );
  });

  it("gathers every document in one teiCorpus, each with its own id, ids unique, links resolved", () => {
    const corpus = parse(teiCorpus(sources, edition));
    const members = [...corpus.querySelectorAll("teiCorpus > TEI")];
    expect(members.map((member) => member.getAttribute("xml:id"))).toEqual(
      documents.map((document) => `doc-${document.slug}`),
    );
    const ids = [...corpus.querySelectorAll("[xml\\:id]")].map((element) => element.getAttribute("xml:id"));
    expect(new Set(ids).size).toBe(ids.length);
    const member = members[0];
    const first = sources[0];
    if (!member || !first) throw new Error("no documents");
    expect(
      [...member.querySelectorAll("body p[xml\\:id]")].map((p) => [p.getAttribute("xml:id"), publishedText(p)]),
    ).toEqual(
      first.published.passages
        .filter((passage) => passage.type === "paragraph")
        .map((passage) => [`doc-${first.speech.slug}.${passageAnchor(passage)}`, passage.text]),
    );
    const pointers = [...corpus.querySelectorAll("link, note[target]")].flatMap((element) =>
      (element.getAttribute("target") ?? "").split(" "),
    );
    expect(pointers.length).toBeGreaterThan(0);
    for (const pointer of pointers) expect(ids, pointer).toContain(pointer.slice(1));
  });
});
