import { describe, expect, it } from "vitest";
import {
  documentTree,
  facets,
  filters,
  listView,
  outletKey,
  UNSTATED_OUTLET,
  type ListEntry,
  type ListedDocument,
} from "../../src/lib/document-list.ts";
import { createUrls } from "../../src/lib/urls.ts";
import { documentKinds } from "../../src/schemas/speech.ts";
import { publishedDocuments } from "../helpers/corpus-documents.ts";

function doc(slug: string, extra: Partial<ListedDocument> = {}): ListedDocument {
  return { slug, kind: "article", relations: [], ...extra };
}

const partOf = (target: string) => ({ type: "part-of", target });
const hasPart = (target: string) => ({ type: "has-part", target });

/** The tree as nested slugs: `slug` for a leaf, `[slug, [...parts]]` for a container; `~` marks one kept for its parts only. */
function shape(entries: readonly ListEntry<ListedDocument>[]): unknown[] {
  return entries.map((entry) => {
    const name = `${entry.matches ? "" : "~"}${entry.document.slug}`;
    return entry.parts.length > 0 ? [name, shape(entry.parts)] : name;
  });
}

/** In corpus order: material 2 is dated before material 1, the booklet after both. */
const booklet = doc("booklet", {
  kind: "booklet",
  relations: [hasPart("m1"), hasPart("m2"), hasPart("m3")],
  contents: [
    { label: { text: "材料 1" }, target: "m1" },
    { label: { text: "材料 2" }, target: "m2" },
    { label: { text: "材料 3" }, target: "m3" },
  ],
});
const corpus = [
  doc("early", { outlet: { value: "新华社" } }),
  doc("m2", { kind: "study-material", outlet: { value: "共产党员网" }, relations: [partOf("booklet")] }),
  doc("report", { kind: "report", outlet: { value: "新华社" } }),
  doc("m1", { kind: "study-material", outlet: { value: "共产党员网" }, relations: [partOf("booklet")] }),
  doc("m3", { kind: "study-material", outlet: { value: "人民网" }, relations: [partOf("booklet")] }),
  booklet,
  doc("late", { outlet: { value: "人民日报" } }),
];

describe("the document tree", () => {
  it("lists a container's materials under it, in its contents order and with its labels, and nowhere else", () => {
    const tree = documentTree(corpus);
    expect(shape(tree)).toEqual(["early", "report", ["booklet", ["m1", "m2", "m3"]], "late"]);
    const container = tree.find((entry) => entry.document.slug === "booklet");
    expect(container?.parts.map((part) => part.label)).toEqual(["材料 1", "材料 2", "材料 3"]);
    expect(container?.label).toBeUndefined();
    expect(container?.partsLeftOut).toBe(0);
  });

  it("groups by either side of the relation, contents first, then has-part, then part-of in corpus order", () => {
    const onlyHasPart = [doc("b", { relations: [hasPart("y"), hasPart("x")] }), doc("x"), doc("y")];
    expect(shape(documentTree(onlyHasPart))).toEqual([["b", ["y", "x"]]]);
    const onlyPartOf = [doc("x", { relations: [partOf("b")] }), doc("b"), doc("y", { relations: [partOf("b")] })];
    expect(shape(documentTree(onlyPartOf))).toEqual([["b", ["x", "y"]]]);
  });

  it("lists a material at the top when its container is not in the list", () => {
    expect(shape(documentTree([doc("m1", { relations: [partOf("gone")] })]))).toEqual(["m1"]);
  });

  it("nests containers of containers and stops at a circle", () => {
    const nested = [doc("a", { relations: [hasPart("b")] }), doc("b", { relations: [hasPart("c")] }), doc("c")];
    expect(shape(documentTree(nested))).toEqual([["a", [["b", ["c"]]]]]);
    const circle = [doc("a", { relations: [hasPart("b")] }), doc("b", { relations: [hasPart("a")] })];
    expect(shape(documentTree(circle))).toEqual([["a", ["b"]]]);
  });

  it("keeps a container that does not match for its matching materials, and says how many it leaves out", () => {
    const tree = documentTree(corpus, (document) => document.outlet?.value === "共产党员网");
    expect(shape(tree)).toEqual([["~booklet", ["m1", "m2"]]]);
    expect(tree[0]?.partsLeftOut).toBe(1);
  });

  it("keeps a matching container without its materials when none of them match", () => {
    const tree = documentTree(corpus, (document) => document.kind === "booklet");
    expect(shape(tree)).toEqual(["booklet"]);
    expect(tree[0]?.partsLeftOut).toBe(3);
  });

  it("lists every published document exactly once, each material under its container", () => {
    const documents = publishedDocuments();
    const listed: string[] = [];
    const walk = (entries: readonly ListEntry<ListedDocument>[], container?: string) => {
      for (const entry of entries) {
        listed.push(entry.document.slug);
        const containers = entry.document.relations.filter((relation) => relation.type === "part-of");
        if (containers.length > 0) expect(containers.map((relation) => relation.target)).toContain(container);
        walk(entry.parts, entry.document.slug);
      }
    };
    walk(documentTree(documents));
    expect(listed.toSorted()).toEqual(documents.map((document) => document.slug).toSorted());
  });
});

describe("the list's filters", () => {
  it("gives each outlet a stable ASCII key, and documents without one their own", () => {
    expect(outletKey("新华社")).toMatch(/^[0-9a-f]{8}$/);
    expect(outletKey("新华社")).toBe(outletKey("新华社".normalize("NFD")));
    expect(outletKey("新华社")).not.toBe(outletKey("新华网"));
    expect(outletKey(undefined)).toBe(UNSTATED_OUTLET);
  });

  it("counts kinds in the given order and outlets most first, not stated last", () => {
    const all = facets([...corpus, doc("plain")], documentKinds);
    expect(all.kind).toEqual([
      { key: "report", count: 1 },
      { key: "article", count: 3 },
      { key: "booklet", count: 1 },
      { key: "study-material", count: 3 },
    ]);
    expect(all.outlet.map((value) => [value.outlet, value.count])).toEqual([
      ["新华社", 2],
      ["共产党员网", 2],
      ["人民网", 1],
      ["人民日报", 1],
      [undefined, 2],
    ]);
    expect(all.outlet.at(-1)?.key).toBe(UNSTATED_OUTLET);
  });

  it("offers no facet with a single value", () => {
    const same = [doc("a", { outlet: { value: "新华社" } }), doc("b", { outlet: { value: "新华社" } })];
    expect(facets(same, documentKinds)).toEqual({ kind: [], outlet: [] });
    expect(filters(same, documentKinds)).toEqual([]);
  });

  it("offers one filter per value shown, each with its own address", () => {
    const offered = filters(corpus, documentKinds);
    expect(offered).toContainEqual({ facet: "kind", key: "study-material" });
    expect(offered).toContainEqual({ facet: "outlet", key: outletKey("人民网") });
    expect(offered).toContainEqual({ facet: "outlet", key: UNSTATED_OUTLET });
    const addresses = offered.map((filter) => createUrls("/corpus/", "en").speeches(filter));
    expect(new Set(addresses).size).toBe(offered.length);
    expect(addresses).toContain("/corpus/en/speeches/kind/study-material/");
    for (const address of addresses) expect(address).toMatch(/^[\x21-\x7e]+$/);
  });

  it("counts the documents a filter keeps, not the containers kept for their materials", () => {
    const view = listView(corpus, documentKinds, { facet: "outlet", key: outletKey("共产党员网") });
    expect(view.count).toBe(2);
    expect(shape(view.entries)).toEqual([["~booklet", ["m1", "m2"]]]);
    expect(listView(corpus, documentKinds).count).toBe(corpus.length);
  });
});
