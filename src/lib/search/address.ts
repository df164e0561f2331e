import { searchScopes, type SearchScope } from "./match.ts";

/** What a search is narrowed to: a collection, one document (by slug), a year. */
export interface SearchFilters {
  collection?: string | undefined;
  document?: string | undefined;
  year?: string | undefined;
}

/** How results are ordered: the stated ranking rule, date (oldest or newest first), or number of hits. */
export const searchSorts = ["rank", "oldest", "newest", "hits"] as const;
export type SearchSort = (typeof searchSorts)[number];

/** How the results are read: the query, the filters, and the settings (each with a default left out of the address). */
export interface SearchRequest {
  query: string;
  filters: SearchFilters;
  /** What one match must fit in: a sentence, a passage or a document (`scope=`). */
  scope: SearchScope;
  /** The order of the documents (`sort=`). */
  sort: SearchSort;
  /** Count a passage once when it is identical in two copies of one text (`reprints=merge`). */
  mergeReprints: boolean;
  /** Results grouped by document, or as a concordance, one line per match (`view=kwic`). */
  view: SearchView;
  /** The concordance's order: a column, ascending or descending (`lines=left`, `lines=-left`). */
  lines: LinesSort;
  /** Queries compared over time with the same filters and settings (`compare=`, once per query). */
  compare: string[];
}

/** Queries one comparison holds at most. */
export const MAX_COMPARED = 6;

/** How the concordance's lines are sorted (src/lib/search/concordance.ts). */
export interface LinesSort {
  by: ConcordanceSort;
  descending: boolean;
}

export const searchViews = ["documents", "kwic"] as const;
export type SearchView = (typeof searchViews)[number];

/** Each filter and its address parameter, which is also the name of its control on the search page. */
export const FILTER_PARAMS: readonly (readonly [filter: keyof SearchFilters, param: string])[] = [
  ["collection", "collection"],
  ["document", "doc"],
  ["year", "year"],
];

/** The columns a concordance is sorted by (src/lib/search/concordance.ts). */
export const concordanceSorts = ["left", "match", "right", "date", "document"] as const;
export type ConcordanceSort = (typeof concordanceSorts)[number];

const DEFAULT_SCOPE: SearchScope = "passage";
const DEFAULT_SORT: SearchSort = "rank";
/** Lines in the order of the documents, as the results list them. */
export const DEFAULT_LINES_SORT: LinesSort = { by: "document", descending: false };

/** `left`, or `-left` for descending; anything else is the default. */
function linesSortOf(value: string | null): LinesSort {
  const descending = value?.startsWith("-") ?? false;
  const by = concordanceSorts.find((column) => column === value?.replace(/^-/, ""));
  return by ? { by, descending } : DEFAULT_LINES_SORT;
}

const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
  values.find((candidate) => candidate === value) ?? fallback;

/** Reads `?q=`, the filters and the settings from an address; an absent, empty or unknown value is the default. */
export function requestFromAddress(address: URL): SearchRequest {
  const params = address.searchParams;
  const filters: SearchFilters = {};
  for (const [filter, param] of FILTER_PARAMS) {
    const value = params.get(param);
    if (value) filters[filter] = value;
  }
  return {
    query: params.get("q") ?? "",
    filters,
    scope: oneOf(searchScopes, params.get("scope"), DEFAULT_SCOPE),
    sort: oneOf(searchSorts, params.get("sort"), DEFAULT_SORT),
    mergeReprints: params.get("reprints") === "merge",
    view: oneOf(searchViews, params.get("view"), "documents"),
    lines: linesSortOf(params.get("lines")),
    compare: [...new Set(params.getAll("compare").filter((query) => query.trim() !== ""))].slice(0, MAX_COMPARED),
  };
}

/**
 * The address of a search: `address` with its parameters replaced by the
 * query (`q`, left out when empty), the filters that are set and the
 * settings that differ from their defaults, in a fixed order, so that one
 * search has one address.
 */
export function addressOfRequest(address: URL, request: SearchRequest): URL {
  const next = new URL(address);
  next.search = "";
  if (request.query) next.searchParams.set("q", request.query);
  for (const [filter, param] of FILTER_PARAMS) {
    const value = request.filters[filter];
    if (value) next.searchParams.set(param, value);
  }
  if (request.scope !== DEFAULT_SCOPE) next.searchParams.set("scope", request.scope);
  if (request.sort !== DEFAULT_SORT) next.searchParams.set("sort", request.sort);
  if (request.mergeReprints) next.searchParams.set("reprints", "merge");
  if (request.view !== "documents") next.searchParams.set("view", request.view);
  const { by, descending } = request.lines;
  if (by !== DEFAULT_LINES_SORT.by || descending !== DEFAULT_LINES_SORT.descending) {
    next.searchParams.set("lines", `${descending ? "-" : ""}${by}`);
  }
  for (const query of request.compare) next.searchParams.append("compare", query);
  return next;
}
