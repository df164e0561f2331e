import type { SearchFilters } from "./engine.ts";

/** What the search page's address says: the query and the filters. */
export interface SearchRequest {
  query: string;
  filters: SearchFilters;
}

/** Each filter and its address parameter, which is also the name of its control on the search page. */
export const FILTER_PARAMS: readonly (readonly [filter: keyof SearchFilters, param: string])[] = [
  ["collection", "collection"],
  ["document", "doc"],
  ["year", "year"],
];

/** Reads `?q=` and the filters from an address; an absent or empty parameter is no filter. */
export function requestFromAddress(address: URL): SearchRequest {
  const params = address.searchParams;
  const filters: SearchFilters = {};
  for (const [filter, param] of FILTER_PARAMS) {
    const value = params.get(param);
    if (value) filters[filter] = value;
  }
  return { query: params.get("q") ?? "", filters };
}

/**
 * The address of a search: `address` with its parameters replaced by the
 * query (`q`, left out when empty) and the filters that are set, in a fixed
 * order, so that one search has one address.
 */
export function addressOfRequest(address: URL, request: SearchRequest): URL {
  const next = new URL(address);
  next.search = "";
  if (request.query) next.searchParams.set("q", request.query);
  for (const [filter, param] of FILTER_PARAMS) {
    const value = request.filters[filter];
    if (value) next.searchParams.set(param, value);
  }
  return next;
}
