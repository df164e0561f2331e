import type { SearchRequest } from "./address.ts";
import { createSearchData, type SearchData } from "./documents.ts";
import { loadMoreResults, searchPassages, SearchIndex, type SearchOutcome, type SearchResults } from "./engine.ts";
import { SEARCH_ENTITIES_FILE, type SearchEntity } from "./entities.ts";
import { partPath } from "./index-layout.ts";
import type { PagefindApi } from "./index-matches.ts";

/**
 * Starts Pagefind on the bundle at `bundleUrl` (the first part of the index),
 * fetching every file of it, and of the bundles merged later, with
 * `fetchFile`. The browser imports the site's pagefind.js
 * (src/scripts/search/engine-loader.ts); tests in Node do the same from disk.
 */
export type PagefindStarter = (bundleUrl: string, fetchFile: typeof fetch) => Promise<PagefindApi>;

export interface SearchSessionOptions {
  /** The site's root, as an absolute URL ending in "/". */
  siteRoot: string;
  startPagefind: PagefindStarter;
  /** How files are fetched: the search data, the entities and Pagefind's files. */
  fetchFile?: typeof fetch | undefined;
}

/**
 * Everything one search page keeps while it is open: the search data and
 * what is built from it, the started Pagefind, the entities a query may
 * name, and the watch on Pagefind's fetches. Nothing is shared between two
 * sessions, and nothing is kept outside one.
 */
export interface SearchSession {
  /** Starts Pagefind, if it has not started, so that the first search does not wait for it. */
  prepare(): void;
  /**
   * The outcome of a request. Rejects when a file the search needs did not
   * load: Pagefind itself goes on without an index chunk it could not load,
   * which would make a count silently short, so any failed fetch of
   * Pagefind's during the search fails it.
   */
  search(
    request: Pick<SearchRequest, "query" | "filters" | "scope" | "sort" | "mergeReprints">,
  ): Promise<SearchOutcome>;
  /** The next step of documents of a search's results (loadMoreResults). */
  loadMore(results: SearchResults): Promise<SearchResults>;
  /** Every document of a search's results. */
  loadAll(results: SearchResults): Promise<SearchResults>;
  /** The entities a query may name; none if they cannot be loaded. */
  entities(): Promise<SearchEntity[]>;
}

/** A fetch that counts its failures (an error or a status other than 2xx) for addresses below `prefix`. */
function watchedFetch(fetchFile: typeof fetch, prefix: string): { fetch: typeof fetch; failures(): number } {
  let failures = 0;
  const watched: typeof fetch = async (input, init) => {
    const address = input instanceof Request ? input.url : String(input);
    const counted = new URL(address, prefix).href.startsWith(prefix);
    try {
      const response = await fetchFile(input, init);
      if (counted && !response.ok) failures += 1;
      return response;
    } catch (error) {
      if (counted) failures += 1;
      throw error;
    }
  };
  return { fetch: watched, failures: () => failures };
}

export function createSearchSession({
  siteRoot,
  startPagefind,
  fetchFile = (input, init) => fetch(input, init),
}: SearchSessionOptions): SearchSession {
  const data: SearchData = createSearchData(siteRoot, fetchFile);
  // Every part's bundle is below the first's folder.
  const bundleUrl = new URL(partPath(0), siteRoot).href;
  const pagefindFiles = watchedFetch(fetchFile, bundleUrl);
  let started: Promise<SearchIndex> | undefined;
  const index = (): Promise<SearchIndex> => {
    started ??= startPagefind(bundleUrl, pagefindFiles.fetch).then((pagefind) => {
      const watchedPagefind: PagefindApi = {
        async search(term) {
          const before = pagefindFiles.failures();
          const found = await pagefind.search(term);
          if (pagefindFiles.failures() !== before) {
            throw new Error(`search: part of Pagefind's index did not load for ${term}`);
          }
          return found;
        },
        mergeIndex: (indexPath) => pagefind.mergeIndex(indexPath),
      };
      return new SearchIndex(watchedPagefind, data);
    });
    // A Pagefind that did not start is started afresh by the next search.
    started.catch(() => (started = undefined));
    return started;
  };
  let entities: Promise<SearchEntity[]> | undefined;
  const loadEntities = (): Promise<SearchEntity[]> =>
    fetchFile(new URL(SEARCH_ENTITIES_FILE, siteRoot))
      .then((response) => (response.ok ? (response.json() as Promise<SearchEntity[]>) : []))
      .catch(() => []);
  const loadMore = (results: SearchResults) =>
    loadMoreResults((ordinal, positions, size) => data.document(ordinal, positions, size), results);
  return {
    prepare: () => void index().catch(() => undefined),
    search: async (request) => {
      if (request.query.trim() === "") return { kind: "empty" };
      return searchPassages(await index(), request.query, request);
    },
    loadMore,
    loadAll: async (results) => {
      let all = results;
      while (all.pending.length > 0) all = await loadMore(all);
      return all;
    },
    entities: () => (entities ??= loadEntities()),
  };
}
