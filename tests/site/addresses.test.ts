import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { parseHTML } from "linkedom";
import { describe, expect, inject, it } from "vitest";
import { projectRoot, SUB_PATH, TEST_SITE_URL } from "../helpers/root.ts";

/**
 * Absolute URLs in the built site. A build without SITE_URL writes none; a
 * build with it writes only its own. What is exempt is named, with why:
 * - XML namespace names and JSON Schema's `$schema`: identifiers, never requested;
 * - Pagefind's bundled script parses relative URLs against a dummy base
 *   (`new URL(\`https://example.com${…}\`)`), which it neither requests nor shows;
 * - a URL that a source text itself contains is published text, not an address the build made.
 */
const identifiers = [/xmlns(?::\w+)?="[^"]*"/g, /"\$schema": "[^"]*"/g, /new URL\(`https:\/\/example\.com\$\{/g];
const absoluteUrl = /https?:\/\/[^\s"'<>`)\\]+/g;

const sourceText = readdirSync(join(projectRoot, "content", "sources"))
  .filter((file) => file.endsWith(".txt"))
  .map((file) => readFileSync(join(projectRoot, "content", "sources", file), "utf8"))
  .join("\n");

const textFile = /\.(html|xml|json|js|css|txt|csv|bib|ris|svg)$/;

/** Every absolute URL in the site's text files (and its gzipped search data), with the file it is in. */
function urlsIn(dir: string): { file: string; url: string }[] {
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter(
    (file) => textFile.test(file) || file.endsWith(".json.gz"),
  );
  return files.flatMap((file) => {
    const bytes = readFileSync(join(dir, file));
    let text = (file.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8");
    for (const identifier of identifiers) text = text.replace(identifier, "");
    return [...text.matchAll(absoluteUrl)]
      .map(([url]) => url)
      .filter((url) => !sourceText.includes(url))
      .map((url) => ({ file, url }));
  });
}

const page = (dir: string, path: string) => parseHTML(readFileSync(join(dir, path), "utf8")).document;

describe("a build without SITE_URL", () => {
  const dir = inject("siteDir");

  it("writes no absolute URL at all, so no placeholder host", () => {
    expect(urlsIn(dir)).toEqual([]);
  });

  it("has no canonical link, alternates or sitemap, and cites by site path with a note", () => {
    const home = page(dir, "index.html");
    expect(home.querySelector('link[rel="canonical"], link[rel="alternate"], link[rel="sitemap"]')).toBeNull();
    expect(readdirSync(dir).filter((file) => file.startsWith("sitemap"))).toEqual([]);
    const document = page(dir, "speeches/zhao-zhiguo-new-era-cyber-power/index.html");
    const forms = document.querySelector('[data-notes-for="para2"] .citation-forms');
    expect(forms?.querySelector(".citation-url")?.textContent).toBe("/speeches/zhao-zhiguo-new-era-cyber-power/#para2");
    expect(forms?.querySelector(".relative-note")?.textContent).toContain("站内路径");
  });
});

describe(`a build with SITE_URL=${TEST_SITE_URL}`, () => {
  const dir = inject("subPathSiteDir");
  const origin = new URL(TEST_SITE_URL).origin;

  it("uses that address for every absolute URL", () => {
    const found = urlsIn(dir);
    expect(found.length).toBeGreaterThan(1000);
    expect(found.filter(({ url }) => new URL(url).origin !== origin)).toEqual([]);
    expect(found.filter(({ url }) => /\/\/[^/]*example\./.test(url))).toEqual([]);
  });

  it("gives every page its canonical URL and alternates, and cites at the address", () => {
    const home = page(dir, "index.html");
    expect(home.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(`${origin}${SUB_PATH}`);
    expect(home.querySelector('link[rel="alternate"][hreflang="en"]')?.getAttribute("href")).toBe(
      `${origin}${SUB_PATH}en/`,
    );
    const pages = (readdirSync(dir, { recursive: true }) as string[]).filter(
      (file) => file.endsWith(".html") && file !== "404.html",
    );
    for (const file of pages) {
      expect(page(dir, file).querySelector('link[rel="canonical"]')?.getAttribute("href"), file).toBe(
        `${origin}${SUB_PATH}${file.replace(/index\.html$/, "")}`,
      );
    }
    const document = page(dir, "en/speeches/zhao-zhiguo-new-era-cyber-power/index.html");
    const forms = document.querySelector('[data-notes-for="para2"] .citation-forms');
    // Citations name the Chinese page, the text's canonical one, in every interface language.
    expect(forms?.querySelector(".citation-url")?.textContent).toBe(
      `${origin}${SUB_PATH}speeches/zhao-zhiguo-new-era-cyber-power/#para2`,
    );
    expect(forms?.querySelector(".relative-note")).toBeNull();
    const bibtex = readFileSync(join(dir, "data", "cite", "zhao-zhiguo-new-era-cyber-power.bib"), "utf8");
    expect(bibtex).toContain(`url = {${origin}${SUB_PATH}speeches/zhao-zhiguo-new-era-cyber-power/}`);
  });
});
