import { readFileSync } from "node:fs";
import { parse } from "yaml";
import type { Locale } from "../i18n/ui.ts";
import { reasonText } from "../lib/vocabulary.ts";
import { vocabularySchema, type Vocabulary } from "../schemas/vocabulary.ts";

/**
 * The editorial vocabulary (content/vocabulary.yaml), read at build time from
 * the project root, where the build runs. The ingest has checked it and every
 * use of it; this parse only types it. Read once per build.
 */
export function vocabulary(): Vocabulary {
  read ??= vocabularySchema.parse(parse(readFileSync("content/vocabulary.yaml", "utf8")));
  return read;
}

let read: Vocabulary | undefined;

/** The description of a kind of editorial decision, as this edition's vocabulary gives it. */
export function describeReason(kind: string, locale: Locale): string {
  return reasonText(vocabulary(), kind, locale);
}
