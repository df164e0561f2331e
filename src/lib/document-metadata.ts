import type { FieldName, PlacedText, Speech } from "../schemas/speech.ts";

/** A claim of the document's metadata, as the compact block names it. */
export type ClaimName = "date" | "authors" | "outlet" | "page";

/** A line of the text's own metadata, with the claims it is the evidence of. */
export interface MetadataEvidence {
  /** The field that publishes it, or, for a claim stated by text published elsewhere, none. */
  field?: FieldName | undefined;
  text: string;
  lines: number[];
  /** The claims this text states. */
  supports: ClaimName[];
}

/** An editorial inference and its basis. */
export interface MetadataInference {
  claim: ClaimName;
  value: string;
  basis: string;
}

export interface DocumentMetadata {
  /** The evidence, once each: every metadata field, then stated text that no field publishes. */
  evidence: MetadataEvidence[];
  inferences: MetadataInference[];
}

/**
 * The document's metadata said once: the claims (date, authors, outlet,
 * page) go in the compact block; the fields of the text and the text each
 * stated claim comes from go, once each, in the evidence shown on demand, a
 * field that states a claim naming the claim instead of repeating it; and
 * every inference with its basis.
 */
export function documentMetadata(document: Speech): DocumentMetadata {
  const evidence: MetadataEvidence[] = (Object.entries(document.fields) as [FieldName, PlacedText][]).map(
    ([field, placed]) => ({ field, text: placed.text, lines: [...placed.lines], supports: [] }),
  );
  const inferences: MetadataInference[] = [];
  const claims: [ClaimName, Speech["authors"][number] | undefined][] = [
    ["date", document.date],
    ...document.authors.map((author) => ["authors", author] as [ClaimName, typeof author]),
    ["outlet", document.outlet],
    ["page", document.page],
  ];
  for (const [name, claim] of claims) {
    if (!claim) continue;
    if (claim.basis) {
      inferences.push({ claim: name, value: claim.value, basis: claim.basis });
      continue;
    }
    const stated = claim.stated;
    if (!stated) continue;
    const same = evidence.find((entry) => entry.text === stated.text && entry.lines.join() === stated.lines.join());
    const entry = same ?? { text: stated.text, lines: [...stated.lines], supports: [] };
    if (!same) evidence.push(entry);
    if (!entry.supports.includes(name)) entry.supports.push(name);
  }
  return { evidence, inferences };
}
