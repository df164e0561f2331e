import type { SearchRequest } from "./address.ts";
import { createSearchData, SearchDataError, type SearchData } from "./documents.ts";
import { loadMoreResults, searchPassages, SearchIndex, type SearchOutcome, type SearchResults } from "./engine.ts";
import { SEARCH_ENTITIES_FILE, type SearchEntity } from "./entities.ts";
import { MANIFEST_FILE, partPath, SEARCH_DATA_DIR } from "./index-layout.ts";
import { listedFileProblem, pagefindFileProblem, pagefindNameHash } from "./integrity.ts";
import type { PagefindApi } from "./index-matches.ts";

/**
 * Starts Pagefind on the bundle at `bundleUrl` (the first part of the index),
 * fetching every file of it, and of the bundles merged later, with the fetch
 * `fetchFile` resolves to. The starter may load Pagefind's script at once,
 * while the files Pagefind starts on are fetched, but creates Pagefind only
 * once `fetchFile` has resolved, and rejects if it rejects. The browser
 * imports the site's pagefind.js (src/scripts/search/engine-loader.ts);
 * tests in Node do the same from disk.
 */
export type PagefindStarter = (bundleUrl: string, fetchFile: Promise<typeof fetch>) => Promise<PagefindApi>;

export interface SearchSessionOptions {
  /** The site's root, as an absolute URL ending in "/". */
  siteRoot: string;
  startPagefind: PagefindStarter;
  /** How files are fetched: the search data, the entities and Pagefind's files. */
  fetchFile?: typeof fetch | undefined;
  /** How long a file may take (FETCH_TIMEOUT_MS by default). */
  timeoutMs?: number | undefined;
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
   * The outcome of a request. Rejects with a SearchFailure when a file the
   * search needs did not load, in time or at all: Pagefind itself goes on without an index chunk it could not load,
   * which would make a count silently short, so any failed fetch of
   * Pagefind's during the search fails it.
   */
  search(
    request: Pick<SearchRequest, "query" | "filters" | "scope" | "sort" | "mergeReprints">,
  ): Promise<SearchOutcome>;
  /** The next step of documents of a search's results (loadMoreResults); rejects with a SearchFailure. */
  loadMore(results: SearchResults): Promise<SearchResults>;
  /** Every document of a search's results; rejects with a SearchFailure. */
  loadAll(results: SearchResults): Promise<SearchResults>;
  /** The entities a query may name; none if they cannot be loaded. */
  entities(): Promise<SearchEntity[]>;
}

/** How long a file of the search may take to arrive, body included, before its load counts as failed. */
export const FETCH_TIMEOUT_MS = 15_000;

/**
 * A search, or a step of its results, that could not read a file it needs:
 * no count is given. `files` are the addresses that failed to load during
 * it, for the reader to pass to the host (empty if the failure was another).
 */
export class SearchFailure extends Error {
  constructor(
    readonly files: readonly string[],
    cause: unknown,
  ) {
    super(`search: ${files.length > 0 ? `could not load ${files.join(", ")}` : String(cause)}`, { cause });
  }
}

/** A search on a Pagefind one of whose files did not load: its answer may be short. */
class PagefindLoadError extends Error {
  readonly files: readonly string[];
  constructor(what: string, files: readonly string[]) {
    super(`search: part of Pagefind's index did not load for ${what}`);
    this.files = [...files];
  }
}

/** The address a fetch asks for, resolved against `base` (Pagefind asks by root-relative paths). */
const addressOf = (input: string | URL | Request, base: string): URL =>
  new URL(input instanceof Request ? input.url : String(input), base);

/** Statuses whose response has no body (the Response constructor refuses one). */
const NULL_BODY_STATUSES = [101, 204, 205, 304];

/** `promise`, or a rejection naming `what` once `ms` milliseconds have passed. */
function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

/** What is wrong with the bytes a file at an address arrived with, or undefined (src/lib/search/integrity.ts). */
type FileCheck = (address: string, bytes: Uint8Array<ArrayBuffer>) => Promise<string | undefined>;

/**
 * A fetch that reads each response whole within `timeoutMs` (so a stalled
 * body fails too), checks what arrived with `check`, and records the
 * address of every load that fails (an error, a timeout, a status other
 * than 2xx, or content that fails its check, which rejects like a failed
 * network load), resolved against `base`: Pagefind asks for its files by
 * root-relative paths.
 */
function watchedFetch(
  fetchFile: typeof fetch,
  timeoutMs: number,
  base: string,
  check: FileCheck,
): { fetch: typeof fetch; failed: string[] } {
  const failed: string[] = [];
  const watched: typeof fetch = async (input, init) => {
    const address = addressOf(input, base).href;
    try {
      const { answer, body } = await withTimeout(
        (async () => {
          const answer = await fetchFile(input, init);
          return { answer, body: NULL_BODY_STATUSES.includes(answer.status) ? null : await answer.arrayBuffer() };
        })(),
        timeoutMs,
        address,
      );
      // Checked once arrived: the check may wait for the manifest, which has a timeout of its own.
      const problem = answer.ok && body ? await check(address, new Uint8Array(body)) : undefined;
      if (problem) throw new Error(`${address} ${problem}`);
      if (!answer.ok) failed.push(address);
      return new Response(body, { status: answer.status, statusText: answer.statusText, headers: answer.headers });
    } catch (error) {
      failed.push(address);
      throw error;
    }
  };
  return { fetch: watched, failed };
}

/** What a bundle's entry file says of each language's index (pagefind-entry.json). */
interface PagefindEntry {
  languages: Record<string, { hash: string; wasm?: string | null }>;
}

/**
 * The files Pagefind reads while it starts on a bundle (its entry file, and
 * each language's metadata and WASM), fetched before it starts, by address
 * without query. Pagefind starts in its constructor, where a failed load
 * would be a promise nobody can catch; loaded first, a failure is the
 * search's, and Pagefind is then given these bytes.
 */
async function startingFiles(fetchFile: typeof fetch, bundleUrl: string): Promise<Map<string, ArrayBuffer>> {
  const load = async (name: string): Promise<[string, ArrayBuffer]> => {
    const address = new URL(name, bundleUrl).href;
    const response = await fetchFile(address);
    if (!response.ok) throw new Error(`${address}: HTTP ${response.status}`);
    return [address, await response.arrayBuffer()];
  };
  const [entryAddress, entryBytes] = await load("pagefind-entry.json");
  const entry = JSON.parse(new TextDecoder().decode(entryBytes)) as PagefindEntry;
  const names = Object.values(entry.languages).flatMap(({ hash, wasm }) => [
    `pagefind.${hash}.pf_meta`,
    `wasm.${wasm ?? "unknown"}.pagefind`,
  ]);
  return new Map([[entryAddress, entryBytes], ...(await Promise.all([...new Set(names)].map(load)))]);
}

export function createSearchSession({
  siteRoot,
  startPagefind,
  fetchFile = (input, init) => fetch(input, init),
  timeoutMs = FETCH_TIMEOUT_MS,
}: SearchSessionOptions): SearchSession {
  const manifestAddress = new URL(`${SEARCH_DATA_DIR}/${MANIFEST_FILE}`, siteRoot).href;
  /** Pagefind's files named after their content are checked by it; others by the manifest's digests, if it lists them. */
  const check: FileCheck = async (address, bytes) => {
    const nameHash = pagefindNameHash(address);
    if (nameHash !== undefined) return pagefindFileProblem(nameHash, bytes);
    const { origin, pathname } = new URL(address);
    const path = `${origin}${pathname}`;
    if (path === manifestAddress || !path.startsWith(siteRoot)) return undefined;
    const digest = (await data.manifest()).digests[path.slice(siteRoot.length)];
    return digest === undefined ? undefined : listedFileProblem(digest, bytes);
  };
  const files = watchedFetch(fetchFile, timeoutMs, siteRoot, check);
  const data: SearchData = createSearchData(siteRoot, files.fetch);
  // Every part's bundle is below the first's folder.
  const bundleUrl = new URL(partPath(0), siteRoot).href;
  let started: Promise<SearchIndex> | undefined;
  const index = (): Promise<SearchIndex> => {
    if (started) return started;
    /**
     * Every file of this Pagefind's that failed to load. Pagefind goes on
     * without a chunk it could not load and, for a few microtasks after,
     * hands the same failed load to a search that asks for the chunk
     * again, with no new fetch to see. So a failure is the instance's, not
     * one search's: every search on it after a failed load fails, and the
     * session starts another Pagefind.
     */
    const lost: string[] = [];
    const noting = (address: string, answer: Promise<Response>): Promise<Response> =>
      answer.then(
        (response) => {
          if (!response.ok) lost.push(address);
          return response;
        },
        (error: unknown) => {
          lost.push(address);
          throw error;
        },
      );
    // Pagefind's script loads while its starting files do. Each file has its
    // timeout; the script has one of its own, from when the files are in.
    const fetchFromMemory = startingFiles(files.fetch, bundleUrl).then((kept): typeof fetch => (input, init) => {
      const address = addressOf(input, bundleUrl);
      const bytes = kept.get(`${address.origin}${address.pathname}`);
      return bytes ? Promise.resolve(new Response(bytes.slice(0))) : noting(address.href, files.fetch(input, init));
    });
    const starting = startPagefind(bundleUrl, fetchFromMemory);
    const startedInTime = fetchFromMemory.then(() => withTimeout(starting, timeoutMs, `${bundleUrl}pagefind.js`));
    // The search sees a failure through startedInTime; this only keeps `starting`'s own rejection from going unhandled.
    starting.catch(() => undefined);
    started = startedInTime.then((pagefind) => {
      const watchedPagefind: PagefindApi = {
        async search(term) {
          const found = await pagefind.search(term);
          if (lost.length > 0) throw new PagefindLoadError(term, lost);
          return found;
        },
        mergeIndex: async (indexPath) => {
          await pagefind.mergeIndex(indexPath);
          if (lost.length > 0) throw new PagefindLoadError(indexPath, lost);
        },
      };
      return new SearchIndex(watchedPagefind, data);
    });
    // A Pagefind that did not start is started afresh by the next search.
    started.catch(() => (started = undefined));
    return started;
  };
  /**
   * Runs `work`; a failure becomes a SearchFailure naming the files that
   * failed meanwhile. After a failure of Pagefind's files the next search
   * starts a Pagefind of its own: Pagefind keeps a bundle whose merge failed
   * among those it searches, so the instance cannot be trusted again.
   */
  const reporting = async <T>(work: () => Promise<T>): Promise<T> => {
    const from = files.failed.length;
    try {
      return await work();
    } catch (error) {
      // A file that loaded but held the wrong data (SearchDataError) failed as much as one that did not load.
      const malformed =
        error instanceof SearchDataError ? [error.file] : error instanceof PagefindLoadError ? error.files : [];
      const failed = [...new Set([...files.failed.slice(from), ...malformed])];
      if (failed.some((address) => address.startsWith(bundleUrl))) started = undefined;
      throw new SearchFailure(failed, error);
    }
  };
  let entities: Promise<SearchEntity[]> | undefined;
  const loadEntities = (): Promise<SearchEntity[]> =>
    files
      .fetch(new URL(SEARCH_ENTITIES_FILE, siteRoot))
      .then((response) => (response.ok ? (response.json() as Promise<SearchEntity[]>) : []))
      .catch(() => []);
  const loadMore = (results: SearchResults) => loadMoreResults(data.document, results);
  return {
    prepare: () => {
      void index().catch(() => undefined);
      void data.manifest().catch(() => undefined);
    },
    search: (request) =>
      reporting(async () => {
        if (request.query.trim() === "") return { kind: "empty" };
        // The index's manifest loads while Pagefind starts: every search reads it first, and fails with it.
        const [ready] = await Promise.all([index(), data.manifest()]);
        return searchPassages(ready, request.query, request);
      }),
    loadMore: (results) => reporting(() => loadMore(results)),
    loadAll: (results) =>
      reporting(async () => {
        let all = results;
        while (all.pending.length > 0) all = await loadMore(all);
        return all;
      }),
    entities: () => (entities ??= loadEntities()),
  };
}
