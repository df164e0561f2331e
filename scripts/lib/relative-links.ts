import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { filesBelow } from "./site-files.ts";

/**
 * Makes a built site relocatable: every root-relative URL in its pages
 * (`href="/speeches/x/"`, `src="/_astro/…"`, a form's `action`, the site root
 * the page scripts read) becomes relative to the page (`../../speeches/x/`),
 * so one build works at the root of a host, under any sub-path, and from the
 * file system. The pages are Astro's output, whose attributes are always
 * double-quoted; URLs with a scheme or a host (`https:`, `//`) are left alone.
 * The 404 page is left alone too: a server shows it at any depth, where only
 * root-relative links hold.
 */

/** The attributes that carry a URL the site links or loads, and the site root its scripts resolve against. */
const URL_ATTRIBUTE = /\s(href|src|action|data-cite-path|data-site-root)="\/(?!\/)([^"]*)"/g;

/** The way from a page (its path in the built site, such as `speeches/x/index.html`) back to the site's root. */
export function pathToRoot(pagePath: string): string {
  const depth = pagePath.split("/").length - 1;
  return depth === 0 ? "./" : "../".repeat(depth);
}

/** A page's HTML with its root-relative URLs made relative to the page. */
export function relativizeHtml(html: string, pagePath: string): string {
  const root = pathToRoot(pagePath);
  return html.replace(URL_ATTRIBUTE, (_, attribute: string, rest: string) => ` ${attribute}="${root}${rest}"`);
}

/** Rewrites every page of a built site but the 404 page in place; returns how many. */
export function relativizeSite(dir: string): number {
  const pages = filesBelow(dir).filter((path) => path.endsWith(".html") && path !== "404.html");
  for (const page of pages) {
    const file = join(dir, page);
    writeFileSync(file, relativizeHtml(readFileSync(file, "utf8"), page));
  }
  return pages.length;
}
