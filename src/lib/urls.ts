/**
 * The only place that builds URLs. Every link and every `getStaticPaths`
 * goes through these helpers, so the site works under any base path and in
 * each interface language (the default at the root, English under `en/`).
 */
import { defaultLocale, locales, type Locale } from "../i18n/locales.ts";
import type { Filter } from "./document-list.ts";
import { passageAnchor } from "./passage-numbers.ts";
import { lineAnchor, sourceStem } from "./source-view.ts";
import type { PassageType } from "../schemas/passage.ts";

/** The first path segment of each interface language's pages; the default language has none. */
const localeSegments: Readonly<Record<Locale, string | undefined>> = { "zh-CN": undefined, en: "en" };

/** The `lang` route parameter of every page, one entry per interface language (`undefined` at the root). */
export function localeParams(): { lang: string | undefined }[] {
  return locales.map((locale) => ({ lang: localeSegments[locale] }));
}

/** The interface language of a page from its `lang` route parameter. */
export function localeOfParam(param: string | undefined): Locale {
  const locale = locales.find((candidate) => localeSegments[candidate] === param);
  if (!locale) throw new Error(`Unknown interface language in the URL: ${JSON.stringify(param)}`);
  return locale;
}

/** Joins a base path (`/` or `/corpus/`) and a site-relative path. */
export function joinBase(base: string, path: string): string {
  const head = base.endsWith("/") ? base : `${base}/`;
  return `${head}${path.replace(/^\/+/, "")}`;
}

export interface SiteUrls {
  home(): string;
  /** The list of documents, in corpus order; with a filter, only the documents of one kind or outlet. */
  speeches(filter?: Filter): string;
  /** The search page, with a query when one is given. */
  search(query?: string): string;
  speech(slug: string): string;
  /**
   * A passage's permalink: the document URL and the passage's reader anchor
   * (`#para3`, src/lib/passage-numbers.ts), the locator a citation names.
   * With a phrase, it also asks the browser to highlight the phrase (a URL
   * text fragment, `#para3:~:text=…`); a browser without text fragments, or a
   * phrase it cannot find, still goes to the passage.
   */
  passage(slug: string, passage: { type: PassageType; number: number }, phrase?: string): string;
  /** A document URL and an anchor on its page (a passage's anchor, or a section's such as `contents`). */
  block(slug: string, id: string): string;
  principles(): string;
  /** A principle set's page; with a principle id, that principle's place in the set's list. */
  principleSet(setId: string, principleId?: string): string;
  /** A principle's own page, under its set. */
  principle(setId: string, principleId: string): string;
  /** The timeline; with a milestone id, that milestone's place on it. */
  milestones(milestoneId?: string): string;
  terms(): string;
  term(id: string): string;
  /** The overview of text shared between documents. */
  shared(): string;
  /** The collation of two copies of one text. */
  collation(docA: string, docB: string): string;
  /** The About page; with a section id, that section. */
  about(section?: string): string;
  /** A file of the open data under `data/`. */
  data(file: string): string;
  /** A source text's line-by-line view; with a line number, that line. */
  source(file: string, line?: number): string;
  /** A source text as published, byte for byte, under `data/sources/`. */
  sourceFile(file: string): string;
  /**
   * A document's editor's worksheet: its open questions in full. One page for
   * every interface language, linked from no public page, not in the sitemap.
   */
  worksheet(slug: string): string;
  /** A file that is the same in every interface language: scripts, search data, the sitemap. */
  asset(path: string): string;
  /** The page at `pathname` (a path under this site's base, in any language) in this URL set's language. */
  samePage(pathname: string): string;
}

/**
 * @example createUrls("/corpus/").speech("zhao") // "/corpus/speeches/zhao/"
 * @example createUrls("/").passage("zhao", { type: "paragraph", number: 2 }) // "/speeches/zhao/#para2"
 * @example createUrls("/", "en").terms() // "/en/terms/"
 * @example createUrls("/").speeches({ facet: "kind", key: "article" }) // "/speeches/kind/article/"
 * @example createUrls("/", "en").worksheet("zhao") // "/review/zhao/"
 */
export function createUrls(base: string, locale: Locale = defaultLocale): SiteUrls {
  const segment = localeSegments[locale];
  const page = (path: string) => joinBase(base, segment ? `${segment}/${path.replace(/^\/+/, "")}` : path);
  const prefixes = locales.flatMap((candidate) => localeSegments[candidate] ?? []).map((name) => `${name}/`);
  return {
    home: () => page(""),
    speeches: (filter) => page(filter ? `speeches/${filter.facet}/${encodeURIComponent(filter.key)}/` : "speeches/"),
    search: (query) => (query ? `${page("search/")}?q=${encodeURIComponent(query)}` : page("search/")),
    speech: (slug) => page(`speeches/${encodeURIComponent(slug.normalize("NFC"))}/`),
    passage: (slug, passage, phrase) =>
      `${page(`speeches/${encodeURIComponent(slug.normalize("NFC"))}/`)}#${passageAnchor(passage)}${phrase ? textDirective(phrase) : ""}`,
    block: (slug, id) => `${page(`speeches/${encodeURIComponent(slug.normalize("NFC"))}/`)}#${encodeURIComponent(id)}`,
    principles: () => page("principles/"),
    principleSet: (setId, principleId) =>
      `${page(`principles/${encodeURIComponent(setId)}/`)}${principleId ? `#${encodeURIComponent(principleId)}` : ""}`,
    principle: (setId, principleId) =>
      page(`principles/${encodeURIComponent(setId)}/${encodeURIComponent(principleId)}/`),
    milestones: (milestoneId) => `${page("milestones/")}${milestoneId ? `#${encodeURIComponent(milestoneId)}` : ""}`,
    terms: () => page("terms/"),
    shared: () => page("shared/"),
    collation: (docA, docB) => page(`shared/${encodeURIComponent(docA)}--${encodeURIComponent(docB)}/`),
    term: (id) => page(`terms/${encodeURIComponent(id)}/`),
    about: (section) => `${page("about/")}${section ? `#${encodeURIComponent(section)}` : ""}`,
    data: (file) => joinBase(base, `data/${file}`),
    source: (file, line) =>
      `${page(`sources/${encodeURIComponent(sourceStem(file))}/`)}${line ? `#${lineAnchor(line)}` : ""}`,
    sourceFile: (file) => joinBase(base, `data/sources/${encodeURIComponent(file)}`),
    worksheet: (slug) => joinBase(base, `review/${encodeURIComponent(slug.normalize("NFC"))}/`),
    asset: (path) => joinBase(base, path),
    samePage: (pathname) => {
      const head = base.endsWith("/") ? base : `${base}/`;
      let path = pathname.startsWith(head) ? pathname.slice(head.length) : pathname.replace(/^\/+/, "");
      const prefix = prefixes.find((candidate) => path === candidate.slice(0, -1) || path.startsWith(candidate));
      if (prefix) path = path.slice(prefix.length);
      return page(path);
    },
  };
}

/**
 * The site's base path. While building, the configured one (outside Vite, in
 * build scripts, `/`). In a browser, the one the page is served under: the
 * page records the way back to the site's root (`<html data-site-root>`,
 * made relative by scripts/lib/relative-links.ts), so that one build works
 * at any path.
 */
function siteBasePath(): string {
  const configured: string = import.meta.env?.BASE_URL ?? "/";
  if (typeof document === "undefined") return configured;
  const root = document.documentElement.dataset["siteRoot"];
  return root ? new URL(root, location.href).pathname : configured;
}
const siteBase = siteBasePath();

/** The site's URLs in one interface language, under the configured base. */
export function urlsFor(locale: Locale): SiteUrls {
  return createUrls(siteBase, locale);
}

/** The site's URLs in the default interface language. */
export const urls = createUrls(siteBase);

/**
 * A text directive for a phrase (https://wicg.github.io/scroll-to-text-fragment/):
 * percent-encoded, with the directive's own delimiters (`-`, `,`, `&`) encoded too.
 *
 * @example textDirective("网络-强国") // ":~:text=%E7%BD%91%E7%BB%9C%2D%E5%BC%BA%E5%9B%BD"
 */
export function textDirective(phrase: string): string {
  return `:~:text=${encodeURIComponent(phrase).replace(/-/g, "%2D")}`;
}
