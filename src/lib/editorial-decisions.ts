/**
 * Every editorial decision of the edition, listed from the editorial data as
 * the ingest recorded it (the speeches' blocks and claims, the sources'
 * omissions), for the About page. Nothing here is written by hand.
 */
import type { Provenance } from "../schemas/provenance.ts";
import type { Speech } from "../schemas/speech.ts";

export interface EditorialDecisions {
  readingOrders: { doc: string; text: string }[];
  joins: { doc: string; block: string; after: number; before: number; reason: string; note?: string | undefined }[];
  /** Gaps, and paragraphs published although they end unfinished. */
  gaps: { doc: string; block: string; reason?: string | undefined; note?: string | undefined }[];
  omissions: { file: string; lines: number[]; text: string; reason: string; note?: string | undefined }[];
  /** Metadata the sources do not state, with the editor's basis. */
  inferences: { doc: string; field: "date" | "authors" | "outlet" | "page"; value: string; basis: string }[];
}

export function editorialDecisions(speeches: readonly Speech[], sources: readonly Provenance[]): EditorialDecisions {
  const ordered = [...speeches].sort((a, b) => a.order - b.order);
  return {
    readingOrders: ordered.flatMap((speech) =>
      speech.readingOrder ? [{ doc: speech.slug, text: speech.readingOrder }] : [],
    ),
    joins: ordered.flatMap((speech) =>
      speech.blocks.flatMap((block) => block.joins.map((join) => ({ doc: speech.slug, block: block.id, ...join }))),
    ),
    gaps: ordered.flatMap((speech) =>
      speech.blocks.flatMap((block) =>
        block.type === "gap" || block.decision
          ? [{ doc: speech.slug, block: block.id, reason: block.decision?.reason, note: block.decision?.note }]
          : [],
      ),
    ),
    omissions: sources.flatMap((source) =>
      source.omissions.map((omission) => ({ file: source.manifest.file, ...omission })),
    ),
    inferences: ordered.flatMap((speech) => {
      const claims = [
        { field: "date" as const, claim: speech.date },
        ...speech.authors.map((claim) => ({ field: "authors" as const, claim })),
        { field: "outlet" as const, claim: speech.outlet },
        { field: "page" as const, claim: speech.page },
      ];
      return claims.flatMap(({ field, claim }) =>
        claim?.basis ? [{ doc: speech.slug, field, value: claim.value, basis: claim.basis }] : [],
      );
    }),
  };
}
