import { siteData } from "./site-data.ts";
import { citedEdition } from "./edition.ts";
import type { TeiEdition } from "../lib/tei.ts";
import type { PassagesEntry } from "../schemas/entities.ts";
import type { Speech } from "../schemas/speech.ts";

/** The edition as the TEI headers state it, with the licence of LICENSE-DATA.md. */
export function teiEdition(): TeiEdition {
  return {
    ...citedEdition(),
    licence:
      "Editorial data and markup: Creative Commons Attribution 4.0 International (CC BY 4.0). The texts' rights belong to their authors and first publishers.",
  };
}

/** Every document with its published passages, in corpus order. */
export async function teiDocuments(): Promise<{ speech: Speech; published: PassagesEntry }[]> {
  const { documents, passages } = await siteData();
  return documents.flatMap((speech) => {
    const published = passages.get(speech.slug);
    return published ? [{ speech, published }] : [];
  });
}
