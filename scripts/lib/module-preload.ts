import { readFileSync, writeFileSync } from "node:fs";
import { join, posix } from "node:path";
import { init, parse } from "es-module-lexer";
import { filesBelow } from "./site-files.ts";

/**
 * Lets a built page fetch every module its scripts import as soon as it
 * reads its head. The bundler splits code that several pages share into
 * chunks, which a page's script imports statically; the browser finds such
 * a chunk only once the script that imports it has arrived, one round trip
 * per level of imports. A `<link rel="modulepreload">` for each chunk a
 * page's module scripts import, however deep, lets them arrive together.
 *
 * Runs on Astro's output before its links are made relative: script
 * addresses are absolute paths under the site's base, double-quoted.
 */

/** A module script of a page: `<script type="module" src="…">`, the address captured. */
const MODULE_SCRIPT = /<script type="module" src="([^"]+)"/g;

/**
 * The files (paths below the site root) that the module at `file` imports
 * statically, however deep, in the order first met; `importsOf` gives a
 * module's own static imports as paths below the site root.
 */
export function staticImportsOf(file: string, importsOf: (file: string) => readonly string[]): string[] {
  const found = new Set<string>();
  const visit = (module: string) => {
    for (const imported of importsOf(module)) {
      if (found.has(imported) || imported === file) continue;
      found.add(imported);
      visit(imported);
    }
  };
  visit(file);
  return [...found];
}

/**
 * A page's HTML with a modulepreload link, before `</head>`, for each module
 * its module scripts import, however deep, that it does not load as a script
 * itself. `base` is the site's base path ("/" or "/corpus/"); `importsOf`
 * gives a module's static imports as paths below the site root.
 */
export function withModulePreloads(html: string, base: string, importsOf: (file: string) => readonly string[]): string {
  const scripts = [...html.matchAll(MODULE_SCRIPT)]
    .map((match) => match[1] ?? "")
    .filter((address) => address.startsWith(base))
    .map((address) => address.slice(base.length));
  const preloads = new Set(scripts.flatMap((script) => staticImportsOf(script, importsOf)));
  for (const script of scripts) preloads.delete(script);
  if (preloads.size === 0) return html;
  const links = [...preloads].map((file) => `<link rel="modulepreload" href="${base}${file}">`).join("");
  const head = html.indexOf("</head>");
  if (head < 0) throw new Error("module preloads: a page with module scripts has no </head>");
  return html.slice(0, head) + links + html.slice(head);
}

/**
 * What each module of the built site in `dir` imports statically, as paths
 * below the site root, each file read once: the `importsOf` that
 * staticImportsOf and withModulePreloads take. Relative specifiers only; a
 * bare or absolute one names no file of the site.
 */
export async function moduleImportsIn(dir: string): Promise<(file: string) => string[]> {
  await init;
  const imports = new Map<string, string[]>();
  return (file) => {
    let found = imports.get(file);
    if (!found) {
      const [specifiers] = parse(readFileSync(join(dir, file), "utf8"), file);
      found = specifiers
        // a static import has no dynamic-import start (d === -1) and a name
        .filter((specifier) => specifier.d === -1 && specifier.n?.startsWith("."))
        .map((specifier) => posix.join(posix.dirname(file), specifier.n ?? ""));
      imports.set(file, found);
    }
    return found;
  };
}

/**
 * Adds the module preloads (withModulePreloads) to every page of the built
 * site in `dir`, whose base path is `base`; returns how many pages gained some.
 */
export async function preloadModuleImports(dir: string, base: string): Promise<number> {
  const importsOf = await moduleImportsIn(dir);
  let changed = 0;
  for (const page of filesBelow(dir).filter((path) => path.endsWith(".html"))) {
    const file = join(dir, page);
    const html = readFileSync(file, "utf8");
    const preloaded = withModulePreloads(html, base, importsOf);
    if (preloaded === html) continue;
    writeFileSync(file, preloaded);
    changed += 1;
  }
  return changed;
}
