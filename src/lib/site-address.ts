/**
 * The site's public address. `SITE_URL` (an origin, such as
 * `https://corpus.example.net`) is configuration, read by astro.config.mjs;
 * without it the build writes no absolute URL at all: no canonical link, no
 * alternates, no sitemap, and citations carry the site-relative path until
 * the page script completes them with the address the page is read at.
 */

/**
 * The configured origin, checked; `undefined` when none is configured.
 *
 * @example siteOrigin("https://corpus.example.net/") // "https://corpus.example.net"
 * @example siteOrigin(undefined) // undefined
 */
export function siteOrigin(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(
      `SITE_URL=${JSON.stringify(value)} is not an address. Set it to the site's origin, such as https://corpus.example.net, or leave it unset.`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new Error(`SITE_URL=${JSON.stringify(value)} must start with https:// or http://.`);
  if (url.pathname !== "/" || url.search || url.hash)
    throw new Error(
      `SITE_URL=${JSON.stringify(value)} has a path; give only the origin (${url.origin}) and put the sub-path in SITE_BASE (such as SITE_BASE=${url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`}).`,
    );
  return url.origin;
}

/**
 * A site path as an absolute URL at the configured address, or `undefined`
 * without one.
 *
 * @example absoluteUrl("/speeches/x/#p3", new URL("https://corpus.example.net")) // "https://corpus.example.net/speeches/x/#p3"
 */
export function absoluteUrl(path: string, site: URL | undefined): string | undefined {
  return site ? new URL(path, site).href : undefined;
}
