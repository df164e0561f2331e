import type { Locale } from "../i18n/ui.ts";
import type { Vocabulary } from "../schemas/vocabulary.ts";

/** The description of a kind of editorial decision in an interface language. */
export function reasonText(vocabulary: Vocabulary, kind: string, locale: Locale): string {
  const entry = vocabulary.reasons[kind];
  if (!entry) throw new Error(`${kind} is not a reason of content/vocabulary.yaml; run npm run ingest, which checks`);
  return locale === "en" ? entry.en : entry.zh;
}

/** The label and description of a kind of block in an interface language. */
export function blockKindText(
  vocabulary: Vocabulary,
  kind: string,
  locale: Locale,
): { label: string; description: string } {
  const entry = vocabulary.blockKinds[kind];
  if (!entry) throw new Error(`${kind} is not a block kind of content/vocabulary.yaml; run npm run ingest`);
  return locale === "en"
    ? { label: entry.label.en, description: entry.en }
    : { label: entry.label.zh, description: entry.zh };
}
