import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { filesBelow } from "./site-files.ts";

/**
 * The optional offline cache (`SERVICE_WORKER=on npm run build`): writes
 * `sw.js` at the site's root. It precaches every reading page and the
 * assets they load; it caches the search engine and the search data the first
 * time a search uses them; it answers from the cache when the network fails.
 * Its version is a digest of every file it may serve, so a new edition
 * installs a new worker, which empties the old caches when it takes over.
 */

/**
 * Files the worker precaches, from a built site's files (filesBelow): the
 * pages (index.html as their folder's URL) and the assets pages load.
 */
export function precacheList(files: readonly string[]): string[] {
  return files
    .filter((path) => /\.html$/.test(path) || /^_astro\/.+\.(css|js)$/.test(path) || path === "theme.js")
    .filter((path) => path !== "404.html")
    .map((path) => path.replace(/(^|\/)index\.html$/, "$1"))
    .sort();
}

/** The search engine's and index's files, cached all at once the first time a search asks for one. */
export function searchFileList(files: readonly string[]): string[] {
  return files.filter((path) => /^(pagefind|search-data)\//.test(path) || path === "data/search-entities.json");
}

/**
 * A digest of every file of the built site (its files as filesBelow lists
 * them): the worker's version, so any change replaces the cache.
 */
export function siteDigest(dir: string, files: readonly string[]): string {
  const hash = createHash("sha256");
  for (const path of files)
    hash
      .update(path)
      .update("\0")
      .update(readFileSync(join(dir, path)))
      .update("\0");
  return hash.digest("hex").slice(0, 16);
}

/** The worker's source. */
export function serviceWorkerSource(version: string, precache: readonly string[], search: readonly string[]): string {
  return `// Written by scripts/lib/service-worker.ts: the offline cache of this edition (version ${version}).
const VERSION = ${JSON.stringify(version)};
const PAGES = "pages-" + VERSION;
const SEARCH = "search-" + VERSION;
const PRECACHE = ${JSON.stringify(precache)};
const SEARCH_FILES = ${JSON.stringify(search)};
const root = new URL("./", self.location.href);

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(PAGES)
      .then((cache) => cache.addAll(PRECACHE.map((path) => new URL(path, root).href)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== PAGES && key !== SEARCH).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

// Pagefind names its index files by content, except each bundle's entry file, which it asks for fresh on each load.
const isSearch = (path) => path.startsWith("pagefind/") || path.startsWith("search-data/") || path.startsWith("data/search-entities");
const isFresh = (path) => path.startsWith("pagefind/") && path.endsWith("/pagefind-entry.json");

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== root.origin || !url.pathname.startsWith(root.pathname)) return;
  const path = url.pathname.slice(root.pathname.length);
  if (isSearch(path)) {
    // The first search caches the whole engine and index, so that any later query works offline.
    event.waitUntil(
      caches.open(SEARCH).then(async (cache) => {
        if (await cache.match(new URL(SEARCH_FILES[0] ?? "", root).href)) return;
        await cache.addAll(SEARCH_FILES.map((file) => new URL(file, root).href)).catch(() => undefined);
      }),
    );
    event.respondWith(
      caches.open(SEARCH).then(async (cache) => {
        const key = url.origin + url.pathname;
        if (!isFresh(path)) {
          const cached = await cache.match(key);
          if (cached) return cached;
        }
        try {
          const response = await fetch(event.request);
          if (response.ok) await cache.put(key, response.clone());
          return response;
        } catch (error) {
          const cached = await cache.match(key);
          if (cached) return cached;
          throw error;
        }
      }),
    );
    return;
  }
  // Pages and assets: the network when it answers (an edition never serves stale pages online), else the cache.
  event.respondWith(
    fetch(event.request).catch(async () => {
      const cache = await caches.open(PAGES);
      return (await cache.match(url.origin + url.pathname)) ?? (await cache.match(url.origin + url.pathname + "/")) ?? Response.error();
    }),
  );
});
`;
}

/** Writes sw.js into a built site; returns how many files it precaches. */
export function writeServiceWorker(dir: string): number {
  const files = filesBelow(dir);
  const precache = precacheList(files);
  writeFileSync(join(dir, "sw.js"), serviceWorkerSource(siteDigest(dir, files), precache, searchFileList(files)));
  return precache.length;
}
