import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

/** Size after gzip at its highest level, as a static host would serve it. */
export function gzipSize(content: string | Buffer): number {
  return gzipSync(content, { level: 9 }).length;
}

/** A JavaScript file and every file it imports statically, transitively (dynamic `import()` is loaded on demand and not counted). */
function staticImports(file: string, seen: Set<string>): void {
  if (seen.has(file)) return;
  seen.add(file);
  const text = readFileSync(file, "utf8");
  for (const match of text.matchAll(/(?:^|[;\s])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g))
    if (match[1]) staticImports(resolve(dirname(file), match[1]), seen);
}

export interface PageWeight {
  html: number;
  css: number;
  js: number;
  /** The page's web fonts (`@font-face` in its stylesheets). */
  fontFaces: number;
}

/**
 * What a built page costs a reader's first visit, gzip-compressed: its HTML,
 * its stylesheets, and the scripts it loads with everything they import
 * statically. `siteDir` is the build folder; `base` the path the site is built for.
 */
export function pageWeight(siteDir: string, base: string, page: string): PageWeight {
  const html = readFileSync(join(siteDir, page), "utf8");
  // An absolute path is under the base; a relative one (a relocatable build) is relative to the page.
  const local = (href: string) =>
    href.startsWith("/")
      ? join(siteDir, href.startsWith(base) ? href.slice(base.length) : href)
      : resolve(dirname(join(siteDir, page)), href);
  const styles = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((match) =>
    readFileSync(local(match[1] ?? "")),
  );
  const scripts = new Set<string>();
  for (const match of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) staticImports(local(match[1] ?? ""), scripts);
  return {
    html: gzipSize(html),
    css: styles.reduce((sum, style) => sum + gzipSize(style), 0),
    js: [...scripts].reduce((sum, file) => sum + gzipSize(readFileSync(file)), 0),
    fontFaces: styles.reduce((sum, style) => sum + (style.toString("utf8").match(/@font-face/g)?.length ?? 0), 0),
  };
}
