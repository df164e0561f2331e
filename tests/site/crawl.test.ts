import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { crawlSite, type CrawlReport } from "../helpers/crawl.ts";
import { SUB_PATH } from "../helpers/root.ts";
import { serveStatic, type StaticServer } from "../../scripts/support/static-server.ts";

/** Every HTML page the build wrote, as a path under the base (`speeches/x/`). */
function builtPages(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((file) => file.endsWith("index.html"))
    .map((file) => relative(dir, join(dir, file)).replace(/index\.html$/, ""));
}

/** The page URLs the sitemap lists, as paths under the base. */
function sitemapPages(dir: string, base: string): string[] {
  const xml = readFileSync(join(dir, "sitemap-0.xml"), "utf8");
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1] ?? "").pathname.slice(base.length));
}

const variants = [
  { name: "at the root", dir: () => inject("siteDir"), base: "/" },
  { name: `under the sub-path ${SUB_PATH}`, dir: () => inject("subPathSiteDir"), base: SUB_PATH },
];

describe.each(variants)("the site crawled $name", ({ dir, base }) => {
  let server: StaticServer;
  let report: CrawlReport;
  beforeAll(async () => {
    server = await serveStatic(dir(), base);
    report = await crawlSite(server.url, server.url);
  }, 120_000);
  afterAll(() => server.close());

  it("has no broken link, asset or fragment and asks no other origin", () => {
    expect(report.pages.length).toBeGreaterThan(100);
    expect(report.broken).toEqual([]);
    expect(report.missingFragments).toEqual([]);
    expect(report.external).toEqual([]);
  });

  it("reaches every page the build wrote, and the sitemap lists each of them", () => {
    const reached = new Set(report.pages.map((url) => url.slice(server.url.length)));
    const written = builtPages(dir());
    expect(written.filter((page) => !reached.has(page))).toEqual([]);
    expect(new Set(sitemapPages(dir(), base))).toEqual(new Set(written));
    const home = readFileSync(join(dir(), "index.html"), "utf8");
    expect(home).toContain(`<link rel="canonical" href="https://example.org${base}">`);
    expect(home).toContain(`<link rel="alternate" hreflang="en" href="https://example.org${base}en/">`);
  });

  it("links every principle, milestone and term to passages that link back", async () => {
    const entityPages = /\/(principles\/[^/]+(\/[^/]+)?|milestones|terms\/[^/]+)\/$/;
    const toPassage = /\/speeches\/[^/]+\/#(title|p\d+)$/;
    const pairs = report.links.filter(({ from, url }) => entityPages.test(from) && toPassage.test(url));
    expect(pairs.length).toBeGreaterThan(500);
    const documents = new Map<string, Document>();
    const missing: string[] = [];
    for (const { from, url } of pairs) {
      const target = new URL(url);
      const page = target.href.replace(/#.*$/, "");
      if (!documents.has(page)) documents.set(page, parseHTML(await (await fetch(page)).text()).document);
      const notes = documents.get(page)?.querySelector(`[data-notes-for="${target.hash.slice(1)}"]`);
      const backLinks = [...(notes?.querySelectorAll("a[href]") ?? [])].map((anchor) =>
        new URL(anchor.getAttribute("href") ?? "", page).href.replace(/#.*$/, ""),
      );
      if (!backLinks.includes(from)) missing.push(`${url} does not link back to ${from}`);
    }
    expect(missing).toEqual([]);
  });

  it("marks each passage shared with another document, and the marks link both ways", async () => {
    const pages = report.pages.filter((url) => /\/speeches\/[^/]+\/$/.test(url) && !url.includes("/en/"));
    const marks = new Set<string>();
    for (const page of pages) {
      const { document } = parseHTML(await (await fetch(page)).text());
      for (const notes of document.querySelectorAll("[data-notes-for]")) {
        const links = notes.querySelectorAll("a.shared-link");
        if (links.length > 0)
          expect(notes.querySelector(".shared-marker")?.textContent).toContain(String(links.length));
        for (const link of links)
          marks.add(
            `${page}#${notes.getAttribute("data-notes-for")} > ${new URL(link.getAttribute("href") ?? "", page).href}`,
          );
      }
    }
    expect(marks.size).toBeGreaterThan(100);
    const oneWay = [...marks].filter((mark) => {
      const [from = "", to = ""] = mark.split(" > ");
      return !marks.has(`${to} > ${from}`);
    });
    expect(oneWay).toEqual([]);
  });
});
