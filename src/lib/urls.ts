/**
 * The only place that builds URLs. Every link and every `getStaticPaths`
 * goes through these helpers, so the site works under any base path.
 */

/** Joins a base path (`/` or `/corpus/`) and a site-relative path. */
export function joinBase(base: string, path: string): string {
  const head = base.endsWith("/") ? base : `${base}/`;
  return `${head}${path.replace(/^\/+/, "")}`;
}

export interface SiteUrls {
  home(): string;
  speeches(): string;
  /** The search page, with a query when one is given. */
  search(query?: string): string;
  speech(slug: string): string;
  /** Permalink of one block: the document URL and the block id. */
  block(slug: string, id: string): string;
  principles(): string;
  /** A principle set's page; with a principle id, that principle's place on it. */
  principleSet(setId: string, principleId?: string): string;
  /** The timeline; with a milestone id, that milestone's place on it. */
  milestones(milestoneId?: string): string;
  terms(): string;
  term(id: string): string;
  asset(path: string): string;
}

/**
 * @example createUrls("/corpus/").speech("zhao") // "/corpus/speeches/zhao/"
 * @example createUrls("/").block("zhao", "p3") // "/speeches/zhao/#p3"
 */
export function createUrls(base: string): SiteUrls {
  const page = (path: string) => joinBase(base, path);
  return {
    home: () => page(""),
    speeches: () => page("speeches/"),
    search: (query) => (query ? `${page("search/")}?q=${encodeURIComponent(query)}` : page("search/")),
    speech: (slug) => page(`speeches/${encodeURIComponent(slug.normalize("NFC"))}/`),
    block: (slug, id) => `${page(`speeches/${encodeURIComponent(slug.normalize("NFC"))}/`)}#${encodeURIComponent(id)}`,
    principles: () => page("principles/"),
    principleSet: (setId, principleId) =>
      `${page(`principles/${encodeURIComponent(setId)}/`)}${principleId ? `#${encodeURIComponent(principleId)}` : ""}`,
    milestones: (milestoneId) => `${page("milestones/")}${milestoneId ? `#${encodeURIComponent(milestoneId)}` : ""}`,
    terms: () => page("terms/"),
    term: (id) => page(`terms/${encodeURIComponent(id)}/`),
    asset: (path) => page(path),
  };
}

/** The site's URLs under its configured base; outside Vite (build scripts) `import.meta.env` is absent and the base is `/`. */
export const urls = createUrls(import.meta.env?.BASE_URL ?? "/");
