import { siteData } from "./site-data.ts";
import { citedEdition } from "./edition.ts";
import type { TeiEdition, TeiSource } from "../lib/tei.ts";

/** The edition as the TEI headers state it, with the licence of LICENSE-DATA.md. */
export function teiEdition(): TeiEdition {
  return {
    ...citedEdition(),
    licence:
      "Editorial data and markup: Creative Commons Attribution 4.0 International (CC BY 4.0). The texts' rights belong to their authors and first publishers.",
  };
}

/** Every document with its published passages and its source's omissions, in corpus order. */
export async function teiDocuments(): Promise<TeiSource[]> {
  const { documents, passages, provenance } = await siteData();
  return documents.flatMap((speech) => {
    const published = passages.get(speech.slug);
    const omissions = provenance.get(speech.source.file)?.omissions ?? [];
    return published ? [{ speech, published, omissions }] : [];
  });
}
