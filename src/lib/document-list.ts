/**
 * The document list with structure: a container (a booklet) with its
 * materials under it, in the container's own order, and the facets a reader
 * filters the list by (kind, outlet), each value a page of its own so that
 * filtering is a plain link. Pure: the pages render what this computes.
 */

/** What the list reads of a document (a `Speech` has all of it). */
export interface ListedDocument {
  slug: string;
  kind: string;
  outlet?: { value: string } | undefined;
  relations: readonly { type: string; target: string }[];
  /** A container's contents list: its materials, in the order it prints them, with their labels (材料 1). */
  contents?: readonly { label: { text: string }; target: string }[] | undefined;
}

/** One entry of the list: a document and, for a container, the entries of its materials. */
export interface ListEntry<T> {
  document: T;
  /** The label the container gives this document (材料 1); only on a material listed under its container. */
  label?: string | undefined;
  /** False for a container listed only because materials under it match the filter. */
  matches: boolean;
  parts: ListEntry<T>[];
  /** How many of its materials the filter leaves out. */
  partsLeftOut: number;
}

/**
 * The list as a tree, in the order of `documents` (corpus order): every
 * document that matches, a material under each container that lists it (in
 * the container's contents order, then the order of its `has-part`
 * relations), never also at the top. A container none of whose materials
 * match is listed when it matches itself; a container that does not match is
 * listed, marked as not matching, when one of its materials does.
 *
 * @example documentTree([booklet, material]) // [{ document: booklet, matches: true, parts: [{ document: material, label: "材料 1", … }] }]
 */
export function documentTree<T extends ListedDocument>(
  documents: readonly T[],
  matches: (document: T) => boolean = () => true,
): ListEntry<T>[] {
  const bySlug = new Map(documents.map((document) => [document.slug, document]));
  const partsOf = (container: T): { slug: string; label?: string | undefined }[] => {
    const listed = (container.contents ?? []).map((entry) => ({ slug: entry.target, label: entry.label.text }));
    const related = container.relations
      .filter((relation) => relation.type === "has-part")
      .map((relation) => ({ slug: relation.target }));
    const claimed = documents
      .filter((document) =>
        document.relations.some((relation) => relation.type === "part-of" && relation.target === container.slug),
      )
      .map((document) => ({ slug: document.slug }));
    const seen = new Set<string>();
    return [...listed, ...related, ...claimed].filter(({ slug }) => {
      if (seen.has(slug) || !bySlug.has(slug)) return false;
      seen.add(slug);
      return true;
    });
  };
  const listedUnder = new Set(documents.flatMap((container) => partsOf(container).map(({ slug }) => slug)));
  const entry = (document: T, label: string | undefined, above: ReadonlySet<string>): ListEntry<T> | undefined => {
    const within = new Set([...above, document.slug]);
    const candidates = partsOf(document).filter(({ slug }) => !within.has(slug));
    const parts = candidates.flatMap(({ slug, label: partLabel }) => {
      const part = bySlug.get(slug);
      return part ? (entry(part, partLabel, within) ?? []) : [];
    });
    const matched = matches(document);
    if (!matched && parts.length === 0) return undefined;
    const partsLeftOut = candidates.length - parts.length;
    return { document, ...(label === undefined ? {} : { label }), matches: matched, parts, partsLeftOut };
  };
  // The tops: documents under no container, then, in a circle of containers, its first document.
  const reached = new Set<string>();
  const reach = (slug: string) => {
    if (reached.has(slug)) return;
    reached.add(slug);
    const document = bySlug.get(slug);
    if (document) for (const part of partsOf(document)) reach(part.slug);
  };
  const tops = new Set<string>();
  const top = (slug: string) => {
    tops.add(slug);
    reach(slug);
  };
  for (const { slug } of documents) if (!listedUnder.has(slug)) top(slug);
  for (const { slug } of documents) if (!reached.has(slug)) top(slug);
  return documents.flatMap((document) =>
    tops.has(document.slug) ? (entry(document, undefined, new Set()) ?? []) : [],
  );
}

/** The facets the list is filtered by. */
export const facetNames = ["kind", "outlet"] as const;
export type FacetName = (typeof facetNames)[number];

/** One filter: a facet and the key of one of its values (a kind, or an outlet's key, `outletKey`). */
export interface Filter {
  facet: FacetName;
  key: string;
}

/** One value of a facet: its key, the outlet's name (absent for a kind and for “not stated”), how many documents. */
export interface FacetValue {
  key: string;
  outlet?: string | undefined;
  count: number;
}

/** The key of documents whose outlet is not stated; an outlet's own key is always 8 hexadecimal digits. */
export const UNSTATED_OUTLET = "unstated";

/**
 * An outlet's key in URLs: eight hexadecimal digits of the FNV-1a hash of its
 * name (NFC), so that a filter's address is plain ASCII and stays the same
 * when outlets are added; `UNSTATED_OUTLET` for none.
 *
 * @example outletKey("新华社") // "92245280"
 * @example outletKey(undefined) // "unstated"
 */
export function outletKey(name: string | undefined): string {
  if (name === undefined) return UNSTATED_OUTLET;
  let hash = 0x811c9dc5;
  for (const unit of new TextEncoder().encode(name.normalize("NFC"))) {
    hash ^= unit;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/** The key of a document's value in a facet. */
export function facetKey(document: ListedDocument, facet: FacetName): string {
  return facet === "kind" ? document.kind : outletKey(document.outlet?.value);
}

/** Whether a document has the filter's value. */
export function matchesFilter(document: ListedDocument, filter: Filter): boolean {
  return facetKey(document, filter.facet) === filter.key;
}

/**
 * Each facet's values with their counts, only for a facet with at least two
 * values (a filter that keeps every document filters nothing): kinds in the
 * order of `kindOrder`, outlets by count, most first, then by first
 * appearance in `documents`, “not stated” last.
 */
export function facets(
  documents: readonly ListedDocument[],
  kindOrder: readonly string[],
): Record<FacetName, FacetValue[]> {
  const outlets = new Map<string, FacetValue>();
  for (const document of documents) {
    const key = outletKey(document.outlet?.value);
    const value = outlets.get(key) ?? { key, outlet: document.outlet?.value, count: 0 };
    if (value.outlet !== document.outlet?.value)
      throw new Error(`Two outlets have the key ${key}: “${value.outlet}” and “${document.outlet?.value}”.`);
    outlets.set(key, { ...value, count: value.count + 1 });
  }
  const unstatedLast = (value: FacetValue) => Number(value.key === UNSTATED_OUTLET);
  const outlet = [...outlets.values()].sort((a, b) => unstatedLast(a) - unstatedLast(b) || b.count - a.count);
  const kind = kindOrder
    .map((key) => ({ key, count: documents.filter((document) => document.kind === key).length }))
    .filter((value) => value.count > 0);
  const shown = (values: FacetValue[]) => (values.length > 1 ? values : []);
  return { kind: shown(kind), outlet: shown(outlet) };
}

/** Every filter the list offers: one page per value of each facet shown. */
export function filters(documents: readonly ListedDocument[], kindOrder: readonly string[]): Filter[] {
  const all = facets(documents, kindOrder);
  return facetNames.flatMap((facet) => all[facet].map((value) => ({ facet, key: value.key })));
}

/** What a list page shows: the facets to filter by, the tree of the documents the filter keeps, and their number. */
export interface ListView<T> {
  facets: Record<FacetName, FacetValue[]>;
  entries: ListEntry<T>[];
  /** The documents the filter keeps (containers listed only for their materials not counted). */
  count: number;
}

/** The list of `documents` (in corpus order), whole or with one filter. */
export function listView<T extends ListedDocument>(
  documents: readonly T[],
  kindOrder: readonly string[],
  filter?: Filter,
): ListView<T> {
  const keeps = (document: T) => !filter || matchesFilter(document, filter);
  return {
    facets: facets(documents, kindOrder),
    entries: documentTree(documents, keeps),
    count: documents.filter(keeps).length,
  };
}
