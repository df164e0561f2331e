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

/**
 * The build without SITE_BASE is relocatable (scripts/lib/relative-links.ts): the same folder is
 * crawled at the root and under two sub-paths it was not built for. The build with SITE_BASE is
 * crawled under its own sub-path.
 */
const variants = [
  { name: "at the root", dir: () => inject("siteDir"), base: "/", sitemap: false },
  { name: "built for the root, moved under /corpus/", dir: () => inject("siteDir"), base: "/corpus/", sitemap: false },
  { name: "built for the root, moved under /a/b/", dir: () => inject("siteDir"), base: "/a/b/", sitemap: false },
  { name: `built for the sub-path ${SUB_PATH}`, dir: () => inject("subPathSiteDir"), base: SUB_PATH, sitemap: true },
];

describe.each(variants)("the site crawled $name", ({ dir, base, sitemap }) => {
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

  it("reaches every page the build wrote, and the sitemap (with a public address) lists each of them", () => {
    const reached = new Set(report.pages.map((url) => url.slice(server.url.length)));
    // an editor's worksheet (review/) is linked from no public page and left out of the sitemap on purpose
    const written = builtPages(dir()).filter((page) => !page.startsWith("review/"));
    expect(written.filter((page) => !reached.has(page))).toEqual([]);
    if (sitemap) expect(new Set(sitemapPages(dir(), base))).toEqual(new Set(written));
  });

  it("links every principle, milestone and term to passages that link back", async () => {
    const entityPages = /\/(principles\/[^/]+(\/[^/]+)?|milestones|terms\/[^/]+)\/$/;
    // A passage's link ends with its reader anchor (src/lib/passage-numbers.ts).
    const toPassage = /\/speeches\/[^/]+\/#(title|para\d+|sec\d+|item\d+)(:~:text=.*)?$/;
    const pairs = report.links.filter(({ from, url }) => entityPages.test(from) && toPassage.test(url));
    expect(pairs.length).toBeGreaterThan(500);
    const documents = new Map<string, Document>();
    const missing: string[] = [];
    for (const { from, url } of pairs) {
      const target = new URL(url);
      const page = target.href.replace(/#.*$/, "");
      if (!documents.has(page)) documents.set(page, parseHTML(await (await fetch(page)).text()).document);
      const id = target.hash.slice(1).split(":~:")[0] ?? "";
      const notes = documents.get(page)?.querySelector(`[data-notes-for="${id}"]`);
      const backLinks = [...(notes?.querySelectorAll("a[href]") ?? [])].map((anchor) =>
        new URL(anchor.getAttribute("href") ?? "", page).href.replace(/#.*$/, ""),
      );
      if (!backLinks.includes(from)) missing.push(`${url} does not link back to ${from}`);
    }
    expect(missing).toEqual([]);
  });

  it("highlights, arriving from a quote, words the passage contains", async () => {
    const quoting = report.links.filter(({ url }) => url.includes(":~:text="));
    expect(quoting.length).toBeGreaterThan(100);
    const pages = new Map<string, Document>();
    const problems: string[] = [];
    for (const { from, url } of quoting) {
      const target = new URL(url);
      const page = target.href.replace(/#.*$/, "");
      if (!pages.has(page)) pages.set(page, parseHTML(await (await fetch(page)).text()).document);
      const [id = "", directive = ""] = target.hash.slice(1).split(":~:text=");
      const phrase = decodeURIComponent(directive);
      const text =
        pages.get(page)?.getElementById(id)?.querySelector(".block-text")?.textContent ??
        pages.get(page)?.getElementById(id)?.textContent ??
        "";
      if (!text.includes(phrase)) problems.push(`${from} > ${url}: “${phrase}” is not in #${id}`);
    }
    expect(problems).toEqual([]);
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

  it("links every source line to where it is published or why it is not, and the text back to its lines", async () => {
    const pages = new Map<string, Document>();
    const fetched = async (url: string) => {
      const page = url.replace(/#.*$/, "");
      if (!pages.has(page)) pages.set(page, parseHTML(await (await fetch(page)).text()).document);
      return pages.get(page) as Document;
    };
    const sourcePages = report.pages.filter((url) => /\/sources\/[^/]+\/$/.test(url) && !url.includes("/en/"));
    expect(sourcePages.length).toBeGreaterThan(0);
    const problems: string[] = [];
    let lines = 0;
    for (const sourcePage of sourcePages) {
      for (const line of (await fetched(sourcePage)).querySelectorAll("[data-source-line]")) {
        const here = `${sourcePage}#${line.id}`;
        const uses = [...line.querySelectorAll("a.line-use")];
        if (line.querySelector("code.source-text") && uses.length === 0) problems.push(`${here} leads nowhere`);
        lines += 1;
        for (const use of uses) {
          const target = new URL(use.getAttribute("href") ?? "", sourcePage);
          const document = await fetched(target.href);
          const id = decodeURIComponent(target.hash.slice(1));
          const element = document.getElementById(id);
          // A block's source lines are in its notes; a field's, contents' or omission's in the element itself.
          const scopes = [element, document.querySelector(`[data-notes-for="${id}"]`), element?.closest("section")];
          const back = scopes.some((scope) =>
            [...(scope?.querySelectorAll("a.source-line-link") ?? [])].some(
              (link) => new URL(link.getAttribute("href") ?? "", target.href).href === here,
            ),
          );
          if (!back) problems.push(`${target.href} does not link back to ${here}`);
        }
      }
    }
    expect(lines).toBeGreaterThan(500);
    // And from the text: each passage's "底本行" links lead to lines that name that passage.
    const documentPages = report.pages.filter((url) => /\/speeches\/[^/]+\/$/.test(url) && !url.includes("/en/"));
    for (const documentPage of documentPages) {
      for (const notes of (await fetched(documentPage)).querySelectorAll("[data-notes-for]")) {
        const passage = `${documentPage}#${notes.getAttribute("data-notes-for")}`;
        for (const link of notes.querySelectorAll("a.source-line-link")) {
          const target = new URL(link.getAttribute("href") ?? "", documentPage);
          const line = (await fetched(target.href)).getElementById(target.hash.slice(1));
          const named = [...(line?.querySelectorAll("a.line-use") ?? [])].some(
            (use) => new URL(use.getAttribute("href") ?? "", target.href).href === passage,
          );
          if (!named) problems.push(`${target.href} does not name ${passage}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
