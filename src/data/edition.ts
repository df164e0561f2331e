import { readFileSync } from "node:fs";
import { ui } from "../i18n/ui.ts";
import type { CitedEdition } from "../lib/citation.ts";
import { latestRelease, type Edition } from "../lib/edition.ts";

/**
 * This edition's version and release date, read at build time from
 * package.json and CHANGELOG.md (see src/lib/edition.ts). The paths are the
 * project root's: the build runs there. Read once per build, however many
 * pages ask.
 */
export function edition(): Edition {
  read ??= latestRelease(
    readFileSync("CHANGELOG.md", "utf8"),
    (JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version,
  );
  return read;
}

let read: Edition | undefined;

/** This edition as citations name it: the site's Chinese name, its version and release date. */
export function citedEdition(): CitedEdition {
  return { name: ui.siteName, ...edition() };
}
