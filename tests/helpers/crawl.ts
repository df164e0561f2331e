import { parseHTML } from "linkedom";

export interface CrawlReport {
  /** Every URL fetched inside the scope, without fragment. */
  visited: string[];
  /** HTML pages among them. */
  pages: string[];
  /** Links, scripts, styles and images that did not load (status other than 200). */
  broken: { from: string; url: string; status: number }[];
  /** Links whose `#fragment` names no element on the target page. */
  missingFragments: { from: string; url: string }[];
  /** References to any other origin. */
  external: { from: string; url: string }[];
  /** Every link between pages, resolved: for checks of what links where. */
  links: { from: string; url: string }[];
}

/** The attributes that make a browser request something, or that a reader follows. */
const references: readonly [selector: string, attribute: string][] = [
  ["a[href]", "href"],
  ["link[href]:not([rel~='canonical']):not([rel~='alternate'])", "href"],
  ["script[src]", "src"],
  ["img[src]", "src"],
  ["form[action]", "action"],
];

/**
 * Crawls a served site from `start`, following every reference inside
 * `scope` (an origin and base path), and reports what does not resolve: a
 * missing page or asset, or a fragment with no element of that id. The
 * canonical and alternate-language links name the public origin and are
 * checked by the page tests instead.
 */
export async function crawlSite(start: string, scope: string): Promise<CrawlReport> {
  const report: CrawlReport = { visited: [], pages: [], broken: [], missingFragments: [], external: [], links: [] };
  const idsByPage = new Map<string, Set<string>>();
  const fragmentLinks: { from: string; url: URL }[] = [];
  const queue: { url: string; from: string }[] = [{ url: start, from: "(start)" }];
  const seen = new Set<string>([start]);
  for (let next = queue.shift(); next; next = queue.shift()) {
    const { url, from } = next;
    const response = await fetch(url);
    report.visited.push(url);
    if (response.status !== 200) {
      await response.body?.cancel();
      report.broken.push({ from, url, status: response.status });
      continue;
    }
    // A body left unread keeps its connection, and the server waits for it when it closes.
    if (!(response.headers.get("content-type") ?? "").startsWith("text/html")) {
      await response.body?.cancel();
      continue;
    }
    report.pages.push(url);
    const { document } = parseHTML(await response.text());
    idsByPage.set(url, new Set([...document.querySelectorAll("[id]")].map((element) => element.id)));
    for (const [selector, attribute] of references) {
      for (const element of document.querySelectorAll(selector)) {
        const value = element.getAttribute(attribute) ?? "";
        if (/^(data|mailto|javascript):/i.test(value)) continue;
        const target = new URL(value, url);
        if (target.origin !== new URL(scope).origin) {
          report.external.push({ from: url, url: target.href });
          continue;
        }
        if (selector.startsWith("a")) report.links.push({ from: url, url: target.href });
        if (target.hash) fragmentLinks.push({ from: url, url: new URL(target) });
        target.hash = "";
        target.search = "";
        if (!seen.has(target.href)) {
          seen.add(target.href);
          queue.push({ url: target.href, from: url });
        }
      }
    }
  }
  for (const { from, url } of fragmentLinks) {
    const page = new URL(url);
    page.hash = "";
    page.search = "";
    const ids = idsByPage.get(page.href);
    // A text directive (`#p3:~:text=…`) is the browser's, not an element id.
    const id = decodeURIComponent(url.hash.slice(1).split(":~:")[0] ?? "");
    if (ids && !ids.has(id)) report.missingFragments.push({ from, url: url.href });
  }
  return report;
}
