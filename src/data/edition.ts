import { readFileSync } from "node:fs";
import { ui } from "../i18n/ui.ts";
import type { CitedEdition } from "../lib/citation.ts";
import { latestRelease, type Edition } from "../lib/edition.ts";

/**
 * This edition's version and release date, read at build time from
 * package.json and CHANGELOG.md (see src/lib/edition.ts). The paths are the
 * project root's: the build runs there.
 */
export function edition(): Edition {
  const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
  return latestRelease(readFileSync("CHANGELOG.md", "utf8"), version);
}

/** This edition as citations name it: the site's Chinese name, its version and release date. */
export function citedEdition(): CitedEdition {
  return { name: ui.siteName, ...edition() };
}
